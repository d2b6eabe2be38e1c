<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CatalogueModel</name>
    <message>
        <source>%1 · %2 · priced %3 from %4</source>
        <translation>%1 · %2 · Preis vom %3 laut %4</translation>
    </message>
    <message>
        <source>Edited in this workspace (shown in bold).</source>
        <translation>In diesem Arbeitsbereich geändert (fett dargestellt).</translation>
    </message>
    <message>
        <source>Price of a cache hit, as a multiple of the input price</source>
        <translation>Preis eines Cache-Treffers als Vielfaches des Eingabepreises</translation>
    </message>
    <message>
        <source>Price of writing the cache with a 5-minute TTL, as a multiple of the input price</source>
        <translation>Preis für das Schreiben in den Cache mit 5 Minuten TTL als Vielfaches des Eingabepreises</translation>
    </message>
    <message>
        <source>Price of writing the cache with a 1-hour TTL, as a multiple of the input price</source>
        <translation>Preis für das Schreiben in den Cache mit 1 Stunde TTL als Vielfaches des Eingabepreises</translation>
    </message>
    <message>
        <source>Batch tier price as a multiple of the standard price (— = no batch tier)</source>
        <translation>Batch-Preis als Vielfaches des Standardpreises (— = kein Batch-Angebot)</translation>
    </message>
    <message>
        <source>Smallest prompt prefix the provider caches, in tokens</source>
        <translation>Kleinstes Prompt-Präfix, das der Anbieter cacht, in Tokens</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Input $/MTok</source>
        <translation>Eingabe $/MTok</translation>
    </message>
    <message>
        <source>Output $/MTok</source>
        <translation>Ausgabe $/MTok</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache-Lesen</translation>
    </message>
    <message>
        <source>Cache write 5m</source>
        <translation>Cache-Schreiben 5 min</translation>
    </message>
    <message>
        <source>Cache write 1h</source>
        <translation>Cache-Schreiben 1 h</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Min. cacheable</source>
        <translation>Min. cachebar</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Price date</source>
        <translation>Preisdatum</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <source>Prompt Sets</source>
        <translation>Prompt-Sets</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import Prompt Sets…</source>
        <translation>Prompt-Sets &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Present Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>&amp;Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>&amp;About Switchyard</source>
        <translation>&amp;Über Switchyard</translation>
    </message>
    <message>
        <source>About Switchyard</source>
        <translation>Über Switchyard</translation>
    </message>
    <message>
        <source>&lt;b&gt;Switchyard&lt;/b&gt; %1&lt;br&gt;Which model should serve which request, and what will that save?</source>
        <translation>&lt;b&gt;Switchyard&lt;/b&gt; %1&lt;br&gt;Welches Modell soll welche Anfrage bedienen, und was spart das?</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot create the demo workspace</source>
        <translation>Demo-Arbeitsbereich kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Switchyard workspaces (*.sqlite)</source>
        <translation>Switchyard-Arbeitsbereiche (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists; use Open Workspace to open it.</source>
        <translation>%1 existiert bereits; öffnen Sie die Datei mit „Arbeitsbereich öffnen“.</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Switchyard workspaces (*.sqlite);;All files (*)</source>
        <translation>Switchyard-Arbeitsbereiche (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>no workspace</source>
        <translation>kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>No workspace open: File → Open Workspace, or Help → Open Demo Workspace</source>
        <translation>Kein Arbeitsbereich geöffnet: Datei → Arbeitsbereich öffnen oder Hilfe → Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>%1 — Switchyard</source>
        <translation>%1 — Switchyard</translation>
    </message>
    <message numerus="yes">
        <source>%n prompt set(s)</source>
        <translation><numerusform>%n Prompt-Set</numerusform><numerusform>%n Prompt-Sets</numerusform></translation>
    </message>
    <message>
        <source>%1 prompts</source>
        <translation>%1 Prompts</translation>
    </message>
    <message>
        <source>catalogue %1</source>
        <translation>Katalog %1</translation>
    </message>
    <message>
        <source>demo workspace (authored example prompts)</source>
        <translation>Demo-Arbeitsbereich (verfasste Beispiel-Prompts)</translation>
    </message>
</context>
<context>
    <name>PricingPage</name>
    <message>
        <source>Pricing</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>What does a million tokens cost on each model? Edit a price to override it in this workspace.</source>
        <translation>Was kosten eine Million Tokens bei jedem Modell? Ändern Sie einen Preis, um ihn in diesem Arbeitsbereich zu überschreiben.</translation>
    </message>
    <message>
        <source>Revert to Catalogue</source>
        <translation>Katalogpreis wiederherstellen</translation>
    </message>
    <message>
        <source>Drop this workspace's edit of the selected model</source>
        <translation>Die Änderung dieses Arbeitsbereichs am ausgewählten Modell verwerfen</translation>
    </message>
    <message>
        <source>Import LiteLLM Prices…</source>
        <translation>LiteLLM-Preise importieren…</translation>
    </message>
    <message>
        <source>Read LiteLLM's model_prices_and_context_window.json to add or update models</source>
        <translation>LiteLLMs model_prices_and_context_window.json lesen, um Modelle hinzuzufügen oder zu aktualisieren</translation>
    </message>
    <message>
        <source>models priced</source>
        <translation>Modelle mit Preis</translation>
    </message>
    <message>
        <source>catalogue date</source>
        <translation>Katalogdatum</translation>
    </message>
    <message>
        <source>prices edited in this workspace</source>
        <translation>in diesem Arbeitsbereich geänderte Preise</translation>
    </message>
    <message>
        <source>output price spread</source>
        <translation>Spanne der Ausgabepreise</translation>
    </message>
    <message>
        <source>Search model or provider</source>
        <translation>Modell oder Anbieter suchen</translation>
    </message>
    <message>
        <source>The price could not be saved: %1</source>
        <translation>Der Preis konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved %1 as a price override of this workspace.</source>
        <translation>%1 als Preisänderung dieses Arbeitsbereichs gespeichert.</translation>
    </message>
    <message>
        <source>input, output, cache and batch prices</source>
        <translation>Eingabe-, Ausgabe-, Cache- und Batch-Preise</translation>
    </message>
    <message>
        <source>Models in the bundled catalogue plus those added in this workspace.</source>
        <translation>Modelle des mitgelieferten Katalogs und die in diesem Arbeitsbereich hinzugefügten.</translation>
    </message>
    <message>
        <source>newest price in the catalogue</source>
        <translation>neuester Preis im Katalog</translation>
    </message>
    <message>
        <source>Each row carries the date and source of its own price.</source>
        <translation>Jede Zeile trägt Datum und Quelle ihres eigenen Preises.</translation>
    </message>
    <message>
        <source>shown in bold; stored in the workspace</source>
        <translation>fett dargestellt; im Arbeitsbereich gespeichert</translation>
    </message>
    <message>
        <source>%1 to %2 per million output tokens</source>
        <translation>%1 bis %2 pro Million Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>The most expensive model's output price divided by the cheapest's: the room routing has to save money.</source>
        <translation>Der Ausgabepreis des teuersten Modells geteilt durch den des günstigsten: der Spielraum, in dem Routing Geld sparen kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored price override(s) could not be read and are not applied.</source>
        <translation><numerusform>%n gespeicherte Preisänderung konnte nicht gelesen werden und wird nicht angewendet.</numerusform><numerusform>%n gespeicherte Preisänderungen konnten nicht gelesen werden und werden nicht angewendet.</numerusform></translation>
    </message>
    <message>
        <source>Select a model shown in bold (edited in this workspace) to revert it.</source>
        <translation>Wählen Sie ein fett dargestelltes (in diesem Arbeitsbereich geändertes) Modell, um es zurückzusetzen.</translation>
    </message>
    <message>
        <source>%1 is priced from the catalogue again.</source>
        <translation>%1 wird wieder nach dem Katalog bepreist.</translation>
    </message>
    <message>
        <source>Import LiteLLM prices</source>
        <translation>LiteLLM-Preise importieren</translation>
    </message>
    <message>
        <source>LiteLLM price file (model_prices_and_context_window.json *.json)</source>
        <translation>LiteLLM-Preisdatei (model_prices_and_context_window.json *.json)</translation>
    </message>
    <message>
        <source>LiteLLM import: %1 models priced and saved to this workspace, %2 flagged (no usable price, not imported, listed below), %3 skipped (not chat models), of %4 entries.</source>
        <translation>LiteLLM-Import: %1 Modelle bepreist und in diesem Arbeitsbereich gespeichert, %2 markiert (kein verwendbarer Preis, nicht importiert, unten aufgeführt), %3 übersprungen (keine Chat-Modelle), von %4 Einträgen.</translation>
    </message>
</context>
<context>
    <name>PromptDetail</name>
    <message>
        <source>cache checkpoint (TTL %1)</source>
        <translation>Cache-Checkpoint (TTL %1)</translation>
    </message>
    <message>
        <source>shape: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>arrived %1 UTC</source>
        <translation>eingegangen %1 UTC</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Expected answer</source>
        <translation>Erwartete Antwort</translation>
    </message>
</context>
<context>
    <name>PromptSetsModel</name>
    <message>
        <source>%1: %2 prompts, imported %3 from %4</source>
        <translation>%1: %2 Prompts, importiert %3 aus %4</translation>
    </message>
    <message>
        <source>Prompt set</source>
        <translation>Prompt-Set</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Quelldatei</translation>
    </message>
</context>
<context>
    <name>PromptSetsPage</name>
    <message>
        <source>Prompt Sets</source>
        <translation>Prompt-Sets</translation>
    </message>
    <message>
        <source>What will the models be asked? The prompt sets of this workspace, prompt by prompt.</source>
        <translation>Was werden die Modelle gefragt? Die Prompt-Sets dieses Arbeitsbereichs, Prompt für Prompt.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Import JSONL or CSV prompt files (Ctrl+I), or drop files on the window</source>
        <translation>JSONL- oder CSV-Prompt-Dateien importieren (Ctrl+I) oder Dateien auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>prompts in this set</source>
        <translation>Prompts in diesem Set</translation>
    </message>
    <message>
        <source>with an expected answer</source>
        <translation>mit erwarteter Antwort</translation>
    </message>
    <message>
        <source>multi-turn conversations</source>
        <translation>Gespräche mit mehreren Runden</translation>
    </message>
    <message>
        <source>lines rejected on import</source>
        <translation>beim Import abgelehnte Zeilen</translation>
    </message>
    <message>
        <source>Search id, text or tags</source>
        <translation>ID, Text oder Tags suchen</translation>
    </message>
    <message>
        <source>Select a prompt to see its system prompt, turns and cache checkpoints.</source>
        <translation>Wählen Sie einen Prompt, um seinen System-Prompt, seine Runden und Cache-Checkpoints zu sehen.</translation>
    </message>
    <message>
        <source>Import report: no file imported in this session yet; rejected lines of earlier imports into the selected set are listed here.</source>
        <translation>Importbericht: in dieser Sitzung wurde noch keine Datei importiert; abgelehnte Zeilen früherer Importe in das ausgewählte Set stehen hier.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>of %1 prompts</source>
        <translation>von %1 Prompts</translation>
    </message>
    <message>
        <source>%1 with an arrival time</source>
        <translation>%1 mit Eingangszeit</translation>
    </message>
    <message>
        <source>Prompts stored in the selected set.</source>
        <translation>Im ausgewählten Set gespeicherte Prompts.</translation>
    </message>
    <message>
        <source>Prompts carrying a reference answer that scorers can check against: %1 of %2.</source>
        <translation>Prompts mit einer Referenzantwort, gegen die Bewerter prüfen können: %1 von %2.</translation>
    </message>
    <message>
        <source>Prompts with more than one message: %1 of %2.</source>
        <translation>Prompts mit mehr als einer Nachricht: %1 von %2.</translation>
    </message>
    <message>
        <source>listed in the import report below</source>
        <translation>im Importbericht unten aufgeführt</translation>
    </message>
    <message>
        <source>Lines of the files imported into this set that could not be read.</source>
        <translation>Zeilen der in dieses Set importierten Dateien, die nicht gelesen werden konnten.</translation>
    </message>
    <message>
        <source>Import prompt sets</source>
        <translation>Prompt-Sets importieren</translation>
    </message>
    <message>
        <source>Prompt files (*.jsonl *.ndjson *.json *.csv);;All files (*)</source>
        <translation>Prompt-Dateien (*.jsonl *.ndjson *.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it.</source>
        <translation>Es läuft bereits ein Import; warten Sie oder brechen Sie ihn ab.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation><numerusform>Importiere %n Datei…</numerusform><numerusform>Importiere %n Dateien…</numerusform></translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>%1: %2 of %3 MB · %4 MB/s %5</source>
        <translation>%1: %2 von %3 MB · %4 MB/s %5</translation>
    </message>
    <message>
        <source>Import report: %1 prompts imported, %2 lines rejected, %3 files unreadable.</source>
        <translation>Importbericht: %1 Prompts importiert, %2 Zeilen abgelehnt, %3 Dateien unlesbar.</translation>
    </message>
    <message>
        <source>Cancelled: what was imported before the cancel is kept.</source>
        <translation>Abgebrochen: was vor dem Abbruch importiert wurde, bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>PromptTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Prompt (last user turn)</source>
        <translation>Prompt (letzte Benutzerrunde)</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Arrival (UTC)</source>
        <translation>Eingang (UTC)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The bundled demo prompt set could not be unpacked.</source>
        <translation>Das mitgelieferte Demo-Prompt-Set konnte nicht entpackt werden.</translation>
    </message>
    <message>
        <source>The bundled demo prompt set is empty.</source>
        <translation>Das mitgelieferte Demo-Prompt-Set ist leer.</translation>
    </message>
    <message>
        <source>Could not create %1</source>
        <translation>%1 konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>RejectionsModel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>WorkspaceController</name>
    <message>
        <source>The bundled pricing catalogue is missing from this build.</source>
        <translation>Der mitgelieferte Preiskatalog fehlt in diesem Build.</translation>
    </message>
</context>
</TS>