<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CacheCharts</name>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>thousand USD</source>
        <translation>Tausend USD</translation>
    </message>
    <message>
        <source>Requests over time: cache hits, writes and misses</source>
        <translation>Anfragen über die Zeit: Cache-Treffer, Schreibvorgänge und Fehlschläge</translation>
    </message>
    <message>
        <source>Hit (read from cache)</source>
        <translation>Treffer (aus dem Cache gelesen)</translation>
    </message>
    <message>
        <source>Write (paid the write premium)</source>
        <translation>Schreiben (Schreibaufschlag bezahlt)</translation>
    </message>
    <message>
        <source>Miss (plain input)</source>
        <translation>Fehlschlag (normale Eingabe)</translation>
    </message>
    <message>
        <source>Time since first request (hours)</source>
        <translation>Zeit seit der ersten Anfrage (Stunden)</translation>
    </message>
    <message>
        <source>Time since first request (minutes)</source>
        <translation>Zeit seit der ersten Anfrage (Minuten)</translation>
    </message>
    <message>
        <source>Requests per interval</source>
        <translation>Anfragen pro Intervall</translation>
    </message>
    <message>
        <source>Savings per month against request rate</source>
        <translation>Ersparnis pro Monat nach Anfragerate</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>No saving</source>
        <translation>Keine Ersparnis</translation>
    </message>
    <message>
        <source>Request rate (requests per minute, log scale)</source>
        <translation>Anfragerate (Anfragen pro Minute, logarithmisch)</translation>
    </message>
    <message>
        <source>Savings per 30-day month (%1)</source>
        <translation>Ersparnis pro 30-Tage-Monat (%1)</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>Gewinnschwelle</translation>
    </message>
    <message>
        <source>This traffic</source>
        <translation>Dieser Verkehr</translation>
    </message>
</context>
<context>
    <name>CacheLabPage</name>
    <message>
        <source>Cache Lab</source>
        <translation>Cache-Labor</translation>
    </message>
    <message>
        <source>What would prompt caching save on this traffic, why do requests miss, and what should change in the prompts? Simulated from the catalogue's cache prices: no call is made.</source>
        <translation>Was würde Prompt-Caching bei diesem Verkehr sparen, warum verfehlen Anfragen den Cache, und was sollte sich an den Prompts ändern? Simuliert mit den Cache-Preisen des Katalogs: es wird kein Aufruf gemacht.</translation>
    </message>
    <message>
        <source>Apply Fix to a Copy</source>
        <translation>Korrektur auf eine Kopie anwenden</translation>
    </message>
    <message>
        <source>Write a copy of the prompt set with the selected finding fixed, and simulate the copy</source>
        <translation>Eine Kopie des Prompt-Sets mit behobenem Befund anlegen und die Kopie simulieren</translation>
    </message>
    <message>
        <source>cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>saved per 30-day month</source>
        <translation>Ersparnis pro 30-Tage-Monat</translation>
    </message>
    <message>
        <source>input cost per 1k requests</source>
        <translation>Eingabekosten pro 1.000 Anfragen</translation>
    </message>
    <message>
        <source>break-even request rate</source>
        <translation>Anfragerate der Gewinnschwelle</translation>
    </message>
    <message>
        <source>Cacheability findings</source>
        <translation>Befunde zur Cache-Fähigkeit</translation>
    </message>
    <message>
        <source>Per checkpoint</source>
        <translation>Pro Checkpoint</translation>
    </message>
    <message>
        <source>Per workload</source>
        <translation>Pro Arbeitslast</translation>
    </message>
    <message>
        <source>Simulating the fixed copy "%1".</source>
        <translation>Simuliere die korrigierte Kopie „%1“.</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Prompt set</source>
        <translation>Prompt-Set</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Caching</source>
        <translation>Caching</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>Cache TTL</source>
        <translation>Cache-TTL</translation>
    </message>
    <message>
        <source>Checkpoints in the prompts</source>
        <translation>Checkpoints in den Prompts</translation>
    </message>
    <message>
        <source>After tools</source>
        <translation>Nach den Werkzeugen</translation>
    </message>
    <message>
        <source>After system prompt</source>
        <translation>Nach dem System-Prompt</translation>
    </message>
    <message>
        <source>After conversation history</source>
        <translation>Nach dem Gesprächsverlauf</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Recorded timestamps</source>
        <translation>Aufgezeichnete Zeitstempel</translation>
    </message>
    <message>
        <source>Synthetic (Poisson)</source>
        <translation>Synthetisch (Poisson)</translation>
    </message>
    <message>
        <source> req/min</source>
        <translation> Anfr./min</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Turns per session</source>
        <translation>Runden pro Sitzung</translation>
    </message>
    <message>
        <source>Think time</source>
        <translation>Bedenkzeit</translation>
    </message>
    <message>
        <source>Daily swing of the rate: the busiest hour's rate divided by the quietest's (1× = flat), peaking at 14:00 UTC</source>
        <translation>Tagesschwankung der Rate: Rate der geschäftigsten Stunde geteilt durch die der ruhigsten (1× = gleichmäßig), Spitze um 14:00 UTC</translation>
    </message>
    <message>
        <source>Peak to trough</source>
        <translation>Spitze zu Tal</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the prompts' own checkpoints, 5-minute TTL and recorded times</source>
        <translation>Zurück zu den eigenen Checkpoints der Prompts, 5 Minuten TTL und aufgezeichneten Zeiten</translation>
    </message>
    <message>
        <source>No prompt set yet: import one on the Prompt Sets page (Ctrl+I).</source>
        <translation>Noch kein Prompt-Set: importieren Sie eines auf der Seite Prompt-Sets (Ctrl+I).</translation>
    </message>
    <message>
        <source>Not simulated: %1</source>
        <translation>Nicht simuliert: %1</translation>
    </message>
    <message>
        <source>%1 of %2 input tokens read from cache</source>
        <translation>%1 von %2 Eingabe-Tokens aus dem Cache gelesen</translation>
    </message>
    <message>
        <source>Cached input tokens divided by all input tokens, over %1 simulated requests (%2 hits, %3 writes, %4 misses).</source>
        <translation>Gecachte Eingabe-Tokens geteilt durch alle Eingabe-Tokens, über %1 simulierte Anfragen (%2 Treffer, %3 Schreibvorgänge, %4 Fehlschläge).</translation>
    </message>
    <message>
        <source>at %1 requests/min</source>
        <translation>bei %1 Anfragen/min</translation>
    </message>
    <message>
        <source>(input cost without caching − with caching) for this traffic, scaled to a 30-day month at its mean rate. Negative: the write premium costs more than the reads save.</source>
        <translation>(Eingabekosten ohne Caching − mit Caching) für diesen Verkehr, hochgerechnet auf einen 30-Tage-Monat bei seiner mittleren Rate. Negativ: der Schreibaufschlag kostet mehr, als die Lesevorgänge sparen.</translation>
    </message>
    <message>
        <source>vs %1 without caching</source>
        <translation>gegenüber %1 ohne Caching</translation>
    </message>
    <message>
        <source>Input-side cost only (output tokens are not affected by caching), priced by the catalogue for %1.</source>
        <translation>Nur eingabeseitige Kosten (Ausgabe-Tokens sind vom Caching nicht betroffen), bepreist nach dem Katalog für %1.</translation>
    </message>
    <message>
        <source>requests/min; below it caching costs more</source>
        <translation>Anfragen/min; darunter kostet Caching mehr</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>caching saves at every rate (no write premium)</source>
        <translation>Caching spart bei jeder Rate (kein Schreibaufschlag)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>nothing in these prompts is cacheable</source>
        <translation>nichts in diesen Prompts ist cachebar</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>requests/min: caching costs more at every rate tried</source>
        <translation>Anfragen/min: Caching kostet bei jeder geprüften Rate mehr</translation>
    </message>
    <message>
        <source>The same traffic replayed at other rates (arrivals compressed or stretched in time); the break-even is where savings cross zero.</source>
        <translation>Derselbe Verkehr bei anderen Raten wiederholt (Eingänge zeitlich gestaucht oder gedehnt); die Gewinnschwelle liegt dort, wo die Ersparnis null wird.</translation>
    </message>
    <message>
        <source>Truth check against run "%1" (%2 requests with recorded usage): simulated cache hit ratio %3, recorded %4 (%5 points); hit/write outcome agrees on %6 of requests.</source>
        <translation>Abgleich mit Lauf „%1“ (%2 Anfragen mit aufgezeichnetem Verbrauch): simulierte Cache-Trefferquote %3, aufgezeichnet %4 (%5 Punkte); Treffer/Schreiben stimmt bei %6 der Anfragen überein.</translation>
    </message>
    <message>
        <source>Truth check: no run of this prompt set has recorded cache tokens for %1 yet; a real run will be compared here.</source>
        <translation>Abgleich: noch kein Lauf dieses Prompt-Sets hat Cache-Tokens für %1 aufgezeichnet; ein echter Lauf wird hier verglichen.</translation>
    </message>
    <message>
        <source>%1 requests of "%2" on %3, %4 arrivals.</source>
        <translation>%1 Anfragen von „%2“ auf %3, %4 Eingänge.</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>aufgezeichnete</translation>
    </message>
    <message>
        <source>synthetic</source>
        <translation>synthetische</translation>
    </message>
    <message>
        <source>This model has no prompt caching in the catalogue.</source>
        <translation>Dieses Modell hat laut Katalog kein Prompt-Caching.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) below.</source>
        <translation><numerusform>%n Befund unten.</numerusform><numerusform>%n Befunde unten.</numerusform></translation>
    </message>
    <message>
        <source>Writing a fixed copy of "%1"…</source>
        <translation>Schreibe eine korrigierte Kopie von „%1“…</translation>
    </message>
</context>
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
    <name>CheckpointStatsModel</name>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Below minimum</source>
        <translation>Unter dem Minimum</translation>
    </message>
    <message>
        <source>Tokens read</source>
        <translation>Gelesene Tokens</translation>
    </message>
    <message>
        <source>Tokens written</source>
        <translation>Geschriebene Tokens</translation>
    </message>
</context>
<context>
    <name>ExportableChartView</name>
    <message>
        <source>Copy Image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>Als SVG speichern…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
</context>
<context>
    <name>LintFindingsModel</name>
    <message>
        <source>%1

%2

Example: %3
Prompts: %4</source>
        <translation>%1

%2

Beispiel: %3
Prompts: %4</translation>
    </message>
    <message>
        <source>(manual) </source>
        <translation>(manuell) </translation>
    </message>
    <message>
        <source>What breaks the prefix</source>
        <translation>Was das Präfix bricht</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Cost per month</source>
        <translation>Kosten pro Monat</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Korrektur</translation>
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
    <message>
        <source>Cache Lab</source>
        <translation>Cache-Labor</translation>
    </message>
    <message>
        <source>synthetic demo data</source>
        <translation>synthetische Demodaten</translation>
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
        <source>Prompts carrying a reference answer that scorers can check against: %1 of %2.</source>
        <translation>Prompts mit einer Referenzantwort, gegen die Bewerter prüfen können: %1 von %2.</translation>
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
    <message>
        <source>input tokens, estimated</source>
        <translation>Eingabe-Tokens, geschätzt</translation>
    </message>
    <message>
        <source>%1 multi-turn · %2 with an arrival time</source>
        <translation>%1 mehrere Runden · %2 mit Eingangszeit</translation>
    </message>
    <message>
        <source>Prompts stored in the selected set; %1 of them have more than one message.</source>
        <translation>Im ausgewählten Set gespeicherte Prompts; %1 davon haben mehr als eine Nachricht.</translation>
    </message>
    <message>
        <source>≈ %1 per prompt, before any call</source>
        <translation>≈ %1 pro Prompt, vor jedem Aufruf</translation>
    </message>
    <message>
        <source>Sum of each prompt's input tokens (system, turns, tools and message framing) from the generic estimator; provider counts differ by model family and are calibrated once real usage is recorded.</source>
        <translation>Summe der Eingabe-Tokens jedes Prompts (System, Runden, Werkzeuge und Nachrichtenrahmen) laut allgemeinem Schätzer; die Zählung der Anbieter unterscheidet sich je Modellfamilie und wird kalibriert, sobald echter Verbrauch aufgezeichnet ist.</translation>
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
    <message>
        <source>≈ Tokens</source>
        <translation>≈ Tokens</translation>
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
    <name>TagStatsModel</name>
    <message>
        <source>(untagged)</source>
        <translation>(ohne Tag)</translation>
    </message>
    <message>
        <source>Workload (tag)</source>
        <translation>Arbeitslast (Tag)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Cached tokens</source>
        <translation>Gecachte Tokens</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Input cost with cache</source>
        <translation>Eingabekosten mit Cache</translation>
    </message>
    <message>
        <source>Input cost without</source>
        <translation>Eingabekosten ohne</translation>
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