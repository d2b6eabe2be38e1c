<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BatchResultsImport</name>
    <message>
        <source>run &apos;%1&apos; %2 of %3 answered (%4)</source>
        <translation>Lauf &apos;%1&apos;: %2 von %3 beantwortet (%4)</translation>
    </message>
    <message numerus="yes">
        <source>%n batch result(s) imported at batch rates, %1 failed, %2: %3</source>
        <translation>
            <numerusform>%n Batch-Ergebnis zu Batch-Preisen importiert, %1 fehlgeschlagen, %2: %3</numerusform>
            <numerusform>%n Batch-Ergebnisse zu Batch-Preisen importiert, %1 fehlgeschlagen, %2: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no batch price: its cost is left empty</source>
        <translation>%1 hat keinen Batch-Preis: seine Kosten bleiben leer</translation>
    </message>
</context>
<context>
    <name>CacheCharts</name>
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
        <source>What would prompt caching save on this traffic, why do requests miss, and what should change in the prompts? Simulated from the catalogue&apos;s cache prices: no call is made.</source>
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
        <source>Simulating the fixed copy &quot;%1&quot;.</source>
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
        <source>Daily swing of the rate: the busiest hour&apos;s rate divided by the quietest&apos;s (1× = flat), peaking at 14:00 UTC</source>
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
        <source>Back to the prompts&apos; own checkpoints, 5-minute TTL and recorded times</source>
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
        <source>Truth check against run &quot;%1&quot; (%2 requests with recorded usage): simulated cache hit ratio %3, recorded %4 (%5 points); hit/write outcome agrees on %6 of requests.</source>
        <translation>Abgleich mit Lauf „%1“ (%2 Anfragen mit aufgezeichnetem Verbrauch): simulierte Cache-Trefferquote %3, aufgezeichnet %4 (%5 Punkte); Treffer/Schreiben stimmt bei %6 der Anfragen überein.</translation>
    </message>
    <message>
        <source>Truth check: no run of this prompt set has recorded cache tokens for %1 yet; a real run will be compared here.</source>
        <translation>Abgleich: noch kein Lauf dieses Prompt-Sets hat Cache-Tokens für %1 aufgezeichnet; ein echter Lauf wird hier verglichen.</translation>
    </message>
    <message>
        <source>%1 requests of &quot;%2&quot; on %3, %4 arrivals.</source>
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
        <translation>
            <numerusform>%n Befund unten.</numerusform>
            <numerusform>%n Befunde unten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing a fixed copy of &quot;%1&quot;…</source>
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
    <name>ChartSetup</name>
    <message>
        <source>million USD</source>
        <translation>Millionen USD</translation>
    </message>
    <message>
        <source>thousand USD</source>
        <translation>Tausend USD</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
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
    <name>CompareCharts</name>
    <message>
        <source>Quality against cost, with 95 % intervals</source>
        <translation>Qualität gegen Kosten, mit 95-%-Intervallen</translation>
    </message>
    <message>
        <source>Quality against cost: no column has both scores and prices</source>
        <translation>Qualität gegen Kosten: Keine Spalte hat sowohl Bewertungen als auch Preise</translation>
    </message>
    <message>
        <source>Cost per 1k requests (USD)</source>
        <translation>Kosten pro 1k Anfragen (USD)</translation>
    </message>
    <message>
        <source>Quality (mean score)</source>
        <translation>Qualität (mittlere Bewertung)</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <source>Scored %1 answers with %2%3.</source>
        <translation>%1 Antworten mit %2%3 bewertet.</translation>
    </message>
</context>
<context>
    <name>CompareDetail</name>
    <message>
        <source>No result for this prompt.</source>
        <translation>Kein Ergebnis für diesen Prompt.</translation>
    </message>
    <message>
        <source>The call failed (%1): %2</source>
        <translation>Der Aufruf ist fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>Not scored.</source>
        <translation>Nicht bewertet.</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>Erwartet:</translation>
    </message>
    <message>
        <source>Struck in red: words only the left answer has; in green: words only the right one has.</source>
        <translation>Rot durchgestrichen: Wörter, die nur die linke Antwort enthält; grün: Wörter, die nur die rechte enthält.</translation>
    </message>
</context>
<context>
    <name>CompareMatrixModel</name>
    <message>
        <source>— no answer —</source>
        <translation>— keine Antwort —</translation>
    </message>
    <message>
        <source>✕ failed: %1</source>
        <translation>✕ fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>%1 has no result for this prompt: it counts in no figure.</source>
        <translation>%1 hat kein Ergebnis für diesen Prompt: Er geht in keinen Wert ein.</translation>
    </message>
    <message>
        <source>%1&apos;s call failed (%2): never scored as zero.</source>
        <translation>Der Aufruf von %1 ist fehlgeschlagen (%2): wird nie als null bewertet.</translation>
    </message>
    <message>
        <source>%1: %2. Select the row to read the whole answer.</source>
        <translation>%1: %2. Wählen Sie die Zeile, um die ganze Antwort zu lesen.</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>Bewertung %1</translation>
    </message>
    <message>
        <source>no score from the chosen scorer</source>
        <translation>keine Bewertung vom gewählten Bewerter</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Click to sort by this column&apos;s cells; the sort key (score, cost, latency) is chosen above the matrix.</source>
        <translation>Klicken, um nach den Zellen dieser Spalte zu sortieren; der Sortierschlüssel (Bewertung, Kosten, Latenz) wird über der Matrix gewählt.</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Which model answered what, how good it was, what it cost, and is the cheaper one measurably worse? Every comparison is paired on the prompts both models answered.</source>
        <translation>Welches Modell hat was geantwortet, wie gut war es, was hat es gekostet, und ist das günstigere messbar schlechter? Jeder Vergleich ist gepaart über die Prompts, die beide Modelle beantwortet haben.</translation>
    </message>
    <message>
        <source>Re-score</source>
        <translation>Neu bewerten</translation>
    </message>
    <message>
        <source>Score the run&apos;s answers against the expected answers again with another scorer; nothing is re-run</source>
        <translation>Die Antworten des Laufs mit einem anderen Bewerter erneut gegen die erwarteten Antworten bewerten; nichts wird erneut ausgeführt</translation>
    </message>
    <message>
        <source>Chosen from the expected answers</source>
        <translation>Anhand der erwarteten Antworten gewählt</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>Bewertung läuft…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>The prompts shown, in their order, with every column&apos;s whole answer, score, cost, latency and error</source>
        <translation>Die angezeigten Prompts in ihrer Reihenfolge, mit vollständiger Antwort, Bewertung, Kosten, Latenz und Fehler jeder Spalte</translation>
    </message>
    <message>
        <source>Judge…</source>
        <translation>Beurteilen…</translation>
    </message>
    <message>
        <source>Have a judge model score the answers (or pick the better of each answer and a baseline&apos;s), with the cost estimated first</source>
        <translation>Die Antworten von einem Richtermodell bewerten lassen (oder jeweils die bessere aus einer Antwort und der der Basislinie wählen lassen), mit vorheriger Kostenschätzung</translation>
    </message>
    <message>
        <source>quality (mean score)</source>
        <translation>Qualität (mittlere Bewertung)</translation>
    </message>
    <message>
        <source>difference from the baseline</source>
        <translation>Unterschied zur Basislinie</translation>
    </message>
    <message>
        <source>cost per 1k requests</source>
        <translation>Kosten pro 1k Anfragen</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>Evidenz</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop judging: the verdicts that arrived are kept, and judging again continues where it stopped</source>
        <translation>Beurteilung beenden: Bereits eingegangene Urteile bleiben erhalten, und eine erneute Beurteilung setzt dort fort, wo sie aufgehört hat</translation>
    </message>
    <message>
        <source>Exported the comparison to %1</source>
        <translation>Vergleich nach %1 exportiert</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>The run whose models are compared</source>
        <translation>Der Lauf, dessen Modelle verglichen werden</translation>
    </message>
    <message>
        <source>A&amp;gainst run</source>
        <translation>&amp;Vergleichslauf</translation>
    </message>
    <message>
        <source>Another run on the same prompt set: each model is compared with itself there, so you see what got better or worse</source>
        <translation>Ein anderer Lauf mit demselben Prompt-Set: Jedes Modell wird mit sich selbst in jenem Lauf verglichen, sodass Sie sehen, was besser oder schlechter wurde</translation>
    </message>
    <message>
        <source>&amp;Scores</source>
        <translation>Be&amp;wertungen</translation>
    </message>
    <message>
        <source>Which stored scores are the quality; Re-score adds another scorer&apos;s</source>
        <translation>Welche gespeicherten Bewertungen die Qualität bilden; „Neu bewerten“ fügt die eines weiteren Bewerters hinzu</translation>
    </message>
    <message>
        <source>&amp;Baseline</source>
        <translation>&amp;Basislinie</translation>
    </message>
    <message>
        <source>The column every other is compared with (default: the dearest)</source>
        <translation>Die Spalte, mit der alle anderen verglichen werden (Standard: die teuerste)</translation>
    </message>
    <message>
        <source>Pass &amp;bar</source>
        <translation>Bestehens&amp;schwelle</translation>
    </message>
    <message>
        <source>A score at or above the bar passes</source>
        <translation>Eine Bewertung auf oder über der Schwelle besteht</translation>
    </message>
    <message>
        <source>Select a cell to read its answer beside the baseline&apos;s, with the words that differ marked, the expected answer and every score.</source>
        <translation>Wählen Sie eine Zelle, um ihre Antwort neben der der Basislinie zu lesen, mit markierten abweichenden Wörtern, der erwarteten Antwort und allen Bewertungen.</translation>
    </message>
    <message>
        <source>No recorded results yet: import results (drag a results file here) or start a run, then compare its models here.</source>
        <translation>Noch keine erfassten Ergebnisse: Importieren Sie Ergebnisse (Ergebnisdatei hierher ziehen) oder starten Sie einen Lauf und vergleichen Sie dann hier seine Modelle.</translation>
    </message>
    <message>
        <source>No workspace open: File → Open Workspace, or Help → Open Demo Workspace.</source>
        <translation>Kein Arbeitsbereich geöffnet: Datei → Arbeitsbereich öffnen oder Hilfe → Demo-Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>(synthetic)</source>
        <translation>(synthetisch)</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keiner —</translation>
    </message>
    <message>
        <source>Reading the run&apos;s answers…</source>
        <translation>Antworten des Laufs werden gelesen…</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
    <message>
        <source>comparison.csv</source>
        <translation>vergleich.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Search prompts and answers</source>
        <translation>Prompts und Antworten durchsuchen</translation>
    </message>
    <message>
        <source>Models disagree</source>
        <translation>Modelle uneinig</translation>
    </message>
    <message>
        <source>Prompts some model passes and another fails (unscored: whose answers differ)</source>
        <translation>Prompts, die ein Modell besteht und ein anderes nicht (unbewertet: deren Antworten sich unterscheiden)</translation>
    </message>
    <message>
        <source>Cheapest fails, a dearer one passes</source>
        <translation>Günstigstes fällt durch, ein teureres besteht</translation>
    </message>
    <message>
        <source>Failed calls</source>
        <translation>Fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <source>Only prompts with this tag</source>
        <translation>Nur Prompts mit diesem Tag</translation>
    </message>
    <message>
        <source>Sort cells by score</source>
        <translation>Zellen nach Bewertung sortieren</translation>
    </message>
    <message>
        <source>Sort cells by cost</source>
        <translation>Zellen nach Kosten sortieren</translation>
    </message>
    <message>
        <source>Sort cells by latency</source>
        <translation>Zellen nach Latenz sortieren</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <source>Measured on golden set &apos;%1&apos;, version %2.</source>
        <translation>Gemessen am Golden-Set „%1“, Version %2.</translation>
    </message>
    <message>
        <source>Prompt set &apos;%1&apos;.</source>
        <translation>Prompt-Set „%1“.</translation>
    </message>
    <message>
        <source>These answers have no scores yet: Re-score scores them against the prompts&apos; expected answers.</source>
        <translation>Diese Antworten haben noch keine Bewertungen: „Neu bewerten“ bewertet sie anhand der erwarteten Antworten der Prompts.</translation>
    </message>
    <message>
        <source>Dearest (default)</source>
        <translation>Teuerste (Standard)</translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation>Mittel %1</translation>
    </message>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>%1 per 1k</source>
        <translation>%1 pro 1k</translation>
    </message>
    <message>
        <source>select a compared model in the table</source>
        <translation>ein verglichenes Modell in der Tabelle wählen</translation>
    </message>
    <message>
        <source>One model only: nothing to compare it with.</source>
        <translation>Nur ein Modell: Es gibt nichts, womit es verglichen werden kann.</translation>
    </message>
    <message>
        <source>Select a model in the table to judge it against the baseline.</source>
        <translation>Wählen Sie ein Modell in der Tabelle, um es an der Basislinie zu messen.</translation>
    </message>
    <message>
        <source>%1 · 95 % CI %2 to %3 · n %4</source>
        <translation>%1 · 95 %-KI %2 bis %3 · n %4</translation>
    </message>
    <message>
        <source>%1 · n %2</source>
        <translation>%1 · n %2</translation>
    </message>
    <message>
        <source>Mean score of %1 by %2; interval: bootstrap, 10,000 resamples</source>
        <translation>Mittlere Bewertung von %1 durch %2; Intervall: Bootstrap, 10.000 Stichprobenwiederholungen</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>vs %1 · %2</source>
        <translation>ggü. %1 · %2</translation>
    </message>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 ggü. %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>Cost of %1&apos;s priced answers per 1,000; %2 answers left unpriced</source>
        <translation>Kosten der bepreisten Antworten von %1 pro 1.000; %2 Antworten ohne Preis</translation>
    </message>
    <message>
        <source>%1 · sees %2 points or more</source>
        <translation>%1 · erkennt ab %2 Punkten</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; against %2 on %3 prompts: &lt;b&gt;%4&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; gegenüber %2 auf %3 Prompts: &lt;b&gt;%4&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>%1 of %2 prompts</source>
        <translation>%1 von %2 Prompts</translation>
    </message>
    <message>
        <source>Judging: %1 of %2 verdicts…</source>
        <translation>Beurteilung: %1 von %2 Urteilen…</translation>
    </message>
    <message>
        <source>Judged: %1 answers scored, %2 verdicts unparseable (left unscored), %3 spent.</source>
        <translation>Beurteilt: %1 Antworten bewertet, %2 Urteile nicht auswertbar (unbewertet gelassen), %3 ausgegeben.</translation>
    </message>
    <message>
        <source>Preparing the judge&apos;s prompts and estimating their cost…</source>
        <translation>Prompts des Richtermodells werden vorbereitet und ihre Kosten geschätzt…</translation>
    </message>
    <message>
        <source>Send %1 calls to %2 to judge run %3? Expected %4, at most %5%6. Verdicts already recorded are not asked again.</source>
        <translation>%1 Aufrufe an %2 senden, um Lauf %3 zu beurteilen? Erwartet %4, höchstens %5%6. Bereits erfasste Urteile werden nicht erneut angefragt.</translation>
    </message>
    <message>
        <source>; stops at %1</source>
        <translation>; stoppt bei %1</translation>
    </message>
    <message>
        <source>Judge the Answers</source>
        <translation>Antworten beurteilen</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Judging…</source>
        <translation>Beurteilung läuft…</translation>
    </message>
    <message>
        <source>Golden set &apos;%1&apos; changed since version %2: mark it again to make this content a version.</source>
        <translation>Golden-Set „%1“ wurde seit Version %2 geändert: markieren Sie es erneut, um diesen Inhalt zu einer Version zu machen.</translation>
    </message>
    <message>
        <source>no price to compare with %1</source>
        <translation>kein Preis zum Vergleich mit %1</translation>
    </message>
</context>
<context>
    <name>CompareTexts</name>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 bis %3)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>no shared prompts</source>
        <translation>keine gemeinsamen Prompts</translation>
    </message>
    <message>
        <source>McNemar exact</source>
        <translation>McNemar exakt</translation>
    </message>
    <message>
        <source>paired permutation</source>
        <translation>gepaarte Permutation</translation>
    </message>
    <message>
        <source>paired z</source>
        <translation>gepaarter z-Test</translation>
    </message>
    <message>
        <source>no test</source>
        <translation>kein Test</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>p &lt; %1</source>
        <translation>p &lt; %1</translation>
    </message>
    <message>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <source>cheaper and worse by %1 points</source>
        <translation>günstiger und um %1 Punkte schlechter</translation>
    </message>
    <message>
        <source>worse by %1 points</source>
        <translation>um %1 Punkte schlechter</translation>
    </message>
    <message>
        <source>cheaper and better by %1 points</source>
        <translation>günstiger und um %1 Punkte besser</translation>
    </message>
    <message>
        <source>better by %1 points</source>
        <translation>um %1 Punkte besser</translation>
    </message>
    <message>
        <source>cheaper and not measurably worse</source>
        <translation>günstiger und nicht messbar schlechter</translation>
    </message>
    <message>
        <source>not measurably different</source>
        <translation>kein messbarer Unterschied</translation>
    </message>
    <message>
        <source>not enough prompts to tell (differences under %1 points go unseen)</source>
        <translation>zu wenige Prompts für eine Aussage (Unterschiede unter %1 Punkten bleiben unentdeckt)</translation>
    </message>
    <message>
        <source>not enough prompts to tell</source>
        <translation>zu wenige Prompts für eine Aussage</translation>
    </message>
    <message>
        <source>Against %1 on the %2 prompts both answered with a score. Interval: paired bootstrap, 10,000 resamples, seeded. Test: %3.</source>
        <translation>Gegenüber %1 auf den %2 Prompts, die beide mit einer Bewertung beantwortet haben. Intervall: gepaarter Bootstrap, 10.000 Stichprobenwiederholungen, mit festem Seed. Test: %3.</translation>
    </message>
    <message>
        <source>Only %1 passed %2 times, only this model %3 times.</source>
        <translation>Nur %1 bestand %2-mal, nur dieses Modell %3-mal.</translation>
    </message>
    <message>
        <source>This set detects differences of %1 points or more (80 % power).</source>
        <translation>Dieses Set erkennt Unterschiede ab %1 Punkten (80 % Teststärke).</translation>
    </message>
    <message>
        <source>Seeing a 1-point drop needs about %1 prompts, a 2-point drop about %2.</source>
        <translation>Einen Rückgang um 1 Punkt zu erkennen erfordert etwa %1 Prompts, einen um 2 Punkte etwa %2.</translation>
    </message>
    <message>
        <source>The prompts have no tags.</source>
        <translation>Die Prompts haben keine Tags.</translation>
    </message>
    <message>
        <source>Quality per tag:</source>
        <translation>Qualität pro Tag:</translation>
    </message>
    <message>
        <source>%1: %2, n %3</source>
        <translation>%1: %2, n %3</translation>
    </message>
</context>
<context>
    <name>ComparisonSummaryModel</name>
    <message>
        <source>unpriced</source>
        <translation>ohne Preis</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Mean (95 % CI)</source>
        <translation>Mittel (95 %-KI)</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Bestehensquote</translation>
    </message>
    <message>
        <source>Cost per 1k</source>
        <translation>Kosten pro 1k</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Δ points (95 % CI)</source>
        <translation>Δ Punkte (95 %-KI)</translation>
    </message>
    <message>
        <source>p (test)</source>
        <translation>p (Test)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <source>canned answer</source>
        <translation>vorgefertigte Antwort</translation>
    </message>
    <message>
        <source>right</source>
        <translation>richtig</translation>
    </message>
    <message>
        <source>overpaid</source>
        <translation>überbezahlt</translation>
    </message>
    <message>
        <source>underpowered</source>
        <translation>zu schwach</translation>
    </message>
    <message>
        <source>no tier meets the bar</source>
        <translation>keine Stufe erreicht die Schwelle</translation>
    </message>
    <message>
        <source>%1 went to %2: %3.
Its answer: quality %4 for %5.
Best affordable choice: %6 (quality %7 for %8). Verdict: %9.</source>
        <translation>%1 ging an %2: %3.
Seine Antwort: Qualität %4 für %5.
Beste bezahlbare Wahl: %6 (Qualität %7 für %8). Urteil: %9.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Routed to</source>
        <translation>Geroutet an</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Best affordable choice</source>
        <translation>Beste bezahlbare Wahl</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
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
    <name>GovernanceGateView</name>
    <message>
        <source>Governance gate</source>
        <translation>Governance-Prüfung</translation>
    </message>
    <message>
        <source>Run gate</source>
        <translation>Prüfung ausführen</translation>
    </message>
    <message>
        <source>Replay the policy on its run and check each workload&apos;s quality floor and budgets, as switchyard-cli gate does in CI</source>
        <translation>Die Richtlinie auf ihrem Lauf nachspielen und Qualitätsuntergrenze und Budgets jeder Arbeitslast prüfen, wie switchyard-cli gate es in der CI tut</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Arbeitslast</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Quality (95 % CI)</source>
        <translation>Qualität (95 %-KI)</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Untergrenze</translation>
    </message>
    <message>
        <source>Cost per 1k</source>
        <translation>Kosten pro 1.000</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 workload(s) with limits. Run the gate to check them on the policy&apos;s run.</source>
        <translation>%1 Arbeitslast(en) mit Grenzen. Führen Sie die Prüfung aus, um sie auf dem Lauf der Richtlinie zu prüfen.</translation>
    </message>
    <message>
        <source>No workloads with limits: add governance.workloads (quality_floor, budget_per_1k_usd, budget_usd_month with requests_month) to the policy to gate it.</source>
        <translation>Keine Arbeitslasten mit Grenzen: fügen Sie der Richtlinie governance.workloads hinzu (quality_floor, budget_per_1k_usd, budget_usd_month mit requests_month), um sie zu prüfen.</translation>
    </message>
    <message>
        <source>Replaying the policy…</source>
        <translation>Richtlinie wird nachgespielt…</translation>
    </message>
    <message>
        <source>The gate could not run: %1</source>
        <translation>Die Prüfung konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>Passed on run %1 (%2 requests).</source>
        <translation>Bestanden auf Lauf %1 (%2 Anfragen).</translation>
    </message>
    <message>
        <source>Failed on run %1: %2</source>
        <translation>Nicht bestanden auf Lauf %1: %2</translation>
    </message>
    <message>
        <source> Synthetic demo data.</source>
        <translation> Synthetische Demodaten.</translation>
    </message>
    <message>
        <source>Not checked: %1.</source>
        <translation>Nicht geprüft: %1.</translation>
    </message>
    <message>
        <source>%1 per 1k</source>
        <translation>%1 pro 1.000</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 pro Monat</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <source>Judge the Answers</source>
        <translation>Antworten beurteilen</translation>
    </message>
    <message>
        <source>A judge model reads each answer and scores it, through the runner like any run: you see the estimate before anything is sent, the budget caps it, a cancelled judging resumes, and every call is recorded and priced.</source>
        <translation>Ein Richtermodell liest jede Antwort und bewertet sie, über den Runner wie jeder Lauf: Sie sehen die Schätzung, bevor etwas gesendet wird, das Budget begrenzt die Kosten, eine abgebrochene Beurteilung wird fortgesetzt, und jeder Aufruf wird erfasst und bepreist.</translation>
    </message>
    <message>
        <source>&amp;Judge model</source>
        <translation>&amp;Richtermodell</translation>
    </message>
    <message>
        <source>Score each answer from 1 to 10</source>
        <translation>Jede Antwort von 1 bis 10 bewerten</translation>
    </message>
    <message>
        <source>Against %1 (both orders)</source>
        <translation>Gegen %1 (beide Reihenfolgen)</translation>
    </message>
    <message>
        <source>Against a baseline, the judge picks the better of two answers, asked twice with their order swapped so a preference for a position cancels out</source>
        <translation>Gegenüber einer Basislinie wählt das Richtermodell die bessere von zwei Antworten; es wird zweimal mit vertauschter Reihenfolge gefragt, damit sich eine Vorliebe für eine Position aufhebt</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <source>&amp;Rubric</source>
        <translation>Bewertungs&amp;schema</translation>
    </message>
    <message>
        <source>Stop at</source>
        <translation>Stoppen bei</translation>
    </message>
    <message>
        <source>&amp;Budget</source>
        <translation>&amp;Budget</translation>
    </message>
    <message>
        <source>Estimate…</source>
        <translation>Schätzen…</translation>
    </message>
    <message>
        <source>No provider is set up: add one on the Providers page first.</source>
        <translation>Kein Anbieter eingerichtet: Fügen Sie zuerst einen auf der Seite „Anbieter“ hinzu.</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>Key for %1</source>
        <translation>Schlüssel für %1</translation>
    </message>
    <message>
        <source>The key is stored in the OS keychain (service &quot;Switchyard&quot;, entry &quot;%1&quot;), never in the providers file.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Betriebssystems gespeichert (Dienst &quot;Switchyard&quot;, Eintrag &quot;%1&quot;), nie in der Anbieterdatei.</translation>
    </message>
    <message>
        <source>When the environment variable %1 is set, it is used instead.</source>
        <translation>Ist die Umgebungsvariable %1 gesetzt, wird stattdessen sie verwendet.</translation>
    </message>
    <message>
        <source>a key is stored; type a new one to replace it</source>
        <translation>ein Schlüssel ist gespeichert; geben Sie zum Ersetzen einen neuen ein</translation>
    </message>
    <message>
        <source>paste the API key</source>
        <translation>API-Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Remove Stored Key</source>
        <translation>Gespeicherten Schlüssel entfernen</translation>
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
        <translation>
            <numerusform>%n Prompt-Set</numerusform>
            <numerusform>%n Prompt-Sets</numerusform>
        </translation>
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
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Router Lab</source>
        <translation>Router Lab</translation>
    </message>
    <message>
        <source>Import Recorded &amp;Results…</source>
        <translation>Aufgezeichnete &amp;Ergebnisse importieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;Start Run…</source>
        <translation>Lauf &amp;starten…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Estimate Run</source>
        <translation>Lauf schät&amp;zen</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Batch results</source>
        <translation>Batch-Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were left out:</source>
        <translation>
            <numerusform>%n Zeile wurde ausgelassen:</numerusform>
            <numerusform>%n Zeilen wurden ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Import &amp;Batch Results…</source>
        <translation>&amp;Batch-Ergebnisse importieren…</translation>
    </message>
    <message>
        <source>Import batch results</source>
        <translation>Batch-Ergebnisse importieren</translation>
    </message>
    <message>
        <source>Batch job results (*.jsonl *.out *.json);;All files (*)</source>
        <translation>Ergebnisse von Batch-Jobs (*.jsonl *.out *.json);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n batch result file(s)…</source>
        <translation>
            <numerusform>%n Batch-Ergebnisdatei wird importiert…</numerusform>
            <numerusform>%n Batch-Ergebnisdateien werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Operate</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Import Production &amp;Logs…</source>
        <translation>Produktions-&amp;Logs importieren…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>%1 router over %2 tiers (%3)</source>
        <translation>%1-Router über %2 Stufen (%3)</translation>
    </message>
    <message>
        <source>Evaluated on %1 requests of %2: quality %3, %4 % saved</source>
        <translation>Bewertet mit %1 Anfragen aus %2: Qualität %3, %4 % gespart</translation>
    </message>
    <message>
        <source> (synthetic demo data)</source>
        <translation> (synthetische Demodaten)</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Take a saved routing policy to production: as its YAML or as a gateway&apos;s own configuration, with what the gateway cannot express</source>
        <translation>Eine gespeicherte Routing-Richtlinie in Produktion bringen: als YAML oder als Konfiguration eines Gateways, mit dem, was das Gateway nicht ausdrücken kann</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>The region of the models&apos; ARNs</source>
        <translation>Die Region der Modell-ARNs</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <source>responseQualityDifference: how much worse the cheaper model&apos;s answer may be predicted to be and still be chosen</source>
        <translation>responseQualityDifference: wie viel schlechter die Antwort des günstigeren Modells vorhergesagt sein darf, damit es noch gewählt wird</translation>
    </message>
    <message>
        <source>Quality difference</source>
        <translation>Qualitätsunterschied</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Not expressed by this format</source>
        <translation>In diesem Format nicht ausdrückbar</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert %1</translation>
    </message>
    <message>
        <source>No saved policy yet: save one from the Router Lab (Save as Policy…) or with switchyard-cli policy --save NAME.</source>
        <translation>Noch keine gespeicherte Richtlinie: speichern Sie eine im Router Lab (Als Richtlinie speichern…) oder mit switchyard-cli policy --save NAME.</translation>
    </message>
    <message>
        <source>Policy &apos;%1&apos; does not read: %2</source>
        <translation>Richtlinie „%1“ ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>The policy file holds everything the Router Lab evaluated.</source>
        <translation>Die Richtliniendatei enthält alles, was das Router Lab bewertet hat.</translation>
    </message>
    <message>
        <source>This format cannot hold the policy: %1</source>
        <translation>Dieses Format kann die Richtlinie nicht aufnehmen: %1</translation>
    </message>
    <message>
        <source>Everything in the policy is expressed.</source>
        <translation>Alles in der Richtlinie ist ausgedrückt.</translation>
    </message>
    <message>
        <source>Kept outside this file (%1):</source>
        <translation>Außerhalb dieser Datei (%1):</translation>
    </message>
    <message>
        <source>Export policy</source>
        <translation>Richtlinie exportieren</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Changes since last export</source>
        <translation>Änderungen seit dem letzten Export</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Wrote %1 and its trained router %2</source>
        <translation>%1 und sein trainierter Router %2 geschrieben</translation>
    </message>
    <message>
        <source>The policy reads, and every model it names has a price in this workspace.</source>
        <translation>Die Richtlinie ist lesbar, und jedes genannte Modell hat in diesem Arbeitsbereich einen Preis.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), by their path in the policy file:</source>
        <translation>
            <numerusform>%n Problem, nach seinem Pfad in der Richtliniendatei:</numerusform>
            <numerusform>%n Probleme, nach ihrem Pfad in der Richtliniendatei:</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported in this format from here yet: every line is new.</source>
        <translation>Von hier noch nicht in diesem Format exportiert: jede Zeile ist neu.</translation>
    </message>
    <message>
        <source>The last export, %1, is gone: every line is new.</source>
        <translation>Der letzte Export, %1, existiert nicht mehr: jede Zeile ist neu.</translation>
    </message>
    <message>
        <source>%1 (written %2) is up to date.</source>
        <translation>%1 (geschrieben %2) ist aktuell.</translation>
    </message>
    <message numerus="yes">
        <source>Against %1 (written %2): %n line(s) added</source>
        <translation>
            <numerusform>Gegenüber %1 (geschrieben %2): %n Zeile hinzugefügt</numerusform>
            <numerusform>Gegenüber %1 (geschrieben %2): %n Zeilen hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n removed.</source>
        <translation>
            <numerusform>, %n entfernt.</numerusform>
            <numerusform>, %n entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes since last export (%1)</source>
        <translation>Änderungen seit dem letzten Export (%1)</translation>
    </message>
    <message>
        <source>Writes the answers of %1, this policy&apos;s strongest tier, in the run it was evaluated on (%2), as %3.</source>
        <translation>Schreibt die Antworten von %1, der stärksten Stufe dieser Richtlinie, aus dem Lauf, auf dem sie bewertet wurde (%2), als %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>OpenAI fine-tuning JSONL</source>
        <translation>OpenAI-Fine-Tuning-JSONL</translation>
    </message>
    <message>
        <source>a Bedrock model-distillation dataset (bedrock-conversation-2024, single-turn records for a Claude student)</source>
        <translation>einen Bedrock-Destillationsdatensatz (bedrock-conversation-2024, Datensätze mit einer Runde für einen Claude-Schüler)</translation>
    </message>
    <message>
        <source>Each record is checked against the format&apos;s rules; failed and empty answers and prompts the student cannot take are left out and counted.</source>
        <translation>Jeder Datensatz wird gegen die Regeln des Formats geprüft; fehlgeschlagene und leere Antworten sowie Prompts, die der Schüler nicht annimmt, werden ausgelassen und gezählt.</translation>
    </message>
    <message>
        <source>Other targets and students: switchyard-cli export --format distill --target --student.</source>
        <translation>Andere Ziele und Schüler: switchyard-cli export --format distill --target --student.</translation>
    </message>
    <message>
        <source>Writes the prompts of set &apos;%1&apos; as batch input, each request sent to the tier this policy routes it to (a rule&apos;s canned answer calls no model; a cascade calls its first tier).</source>
        <translation>Schreibt die Prompts des Sets &apos;%1&apos; als Batch-Eingabe, jede Anfrage an die Stufe, zu der diese Richtlinie sie leitet (eine feste Antwort einer Regel ruft kein Modell auf; eine Kaskade ruft ihre erste Stufe auf).</translation>
    </message>
    <message>
        <source>One request body for every model.</source>
        <translation>Ein Anfragekörper für alle Modelle.</translation>
    </message>
    <message>
        <source>One file per tier model: a job of this provider runs one model.</source>
        <translation>Eine Datei pro Stufenmodell: ein Job dieses Anbieters führt ein Modell aus.</translation>
    </message>
    <message>
        <source>The export is recorded as a run awaiting its results: File ▸ Import Batch Results… reads the job&apos;s output back into it, priced at batch rates.</source>
        <translation>Der Export wird als Lauf gespeichert, der auf seine Ergebnisse wartet: Datei ▸ Batch-Ergebnisse importieren… liest die Ausgabe des Jobs zu Batch-Preisen zurück.</translation>
    </message>
    <message>
        <source>Written from the workspace&apos;s recorded data, not the policy file alone.</source>
        <translation>Aus den aufgezeichneten Daten des Arbeitsbereichs geschrieben, nicht aus der Richtliniendatei allein.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n answer(s) of %1 to %2</source>
        <translation>
            <numerusform>%n Antwort von %1 nach %2 geschrieben</numerusform>
            <numerusform>%n Antworten von %1 nach %2 geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n request(s) in %1 file(s), run &apos;%2&apos; awaits the results</source>
        <translation>
            <numerusform>%n Anfrage in %1 Datei(en) geschrieben, Lauf &apos;%2&apos; wartet auf die Ergebnisse</numerusform>
            <numerusform>%n Anfragen in %1 Datei(en) geschrieben, Lauf &apos;%2&apos; wartet auf die Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Switchyard policy (YAML)</source>
        <translation>Switchyard-Richtlinie (YAML)</translation>
    </message>
    <message>
        <source>LiteLLM proxy config</source>
        <translation>LiteLLM-Proxy-Konfiguration</translation>
    </message>
    <message>
        <source>Amazon Bedrock prompt router</source>
        <translation>Amazon-Bedrock-Prompt-Router</translation>
    </message>
    <message>
        <source>Portkey config</source>
        <translation>Portkey-Konfiguration</translation>
    </message>
    <message>
        <source>Bedrock batch inference input</source>
        <translation>Bedrock-Batch-Inferenz-Eingabe</translation>
    </message>
    <message>
        <source>OpenAI Batch API input</source>
        <translation>OpenAI-Batch-API-Eingabe</translation>
    </message>
    <message>
        <source>Anthropic Message Batches request</source>
        <translation>Anthropic-Message-Batches-Anfrage</translation>
    </message>
    <message>
        <source>Bedrock distillation dataset</source>
        <translation>Bedrock-Destillationsdatensatz</translation>
    </message>
    <message>
        <source>OpenAI fine-tuning dataset</source>
        <translation>OpenAI-Fine-Tuning-Datensatz</translation>
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
        <source>Drop this workspace&apos;s edit of the selected model</source>
        <translation>Die Änderung dieses Arbeitsbereichs am ausgewählten Modell verwerfen</translation>
    </message>
    <message>
        <source>Import LiteLLM Prices…</source>
        <translation>LiteLLM-Preise importieren…</translation>
    </message>
    <message>
        <source>Read LiteLLM&apos;s model_prices_and_context_window.json to add or update models</source>
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
        <source>The most expensive model&apos;s output price divided by the cheapest&apos;s: the room routing has to save money.</source>
        <translation>Der Ausgabepreis des teuersten Modells geteilt durch den des günstigsten: der Spielraum, in dem Routing Geld sparen kann.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored price override(s) could not be read and are not applied.</source>
        <translation>
            <numerusform>%n gespeicherte Preisänderung konnte nicht gelesen werden und wird nicht angewendet.</numerusform>
            <numerusform>%n gespeicherte Preisänderungen konnten nicht gelesen werden und werden nicht angewendet.</numerusform>
        </translation>
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
    <message>
        <source>Another price change is still being applied; try again in a moment.</source>
        <translation>Eine andere Preisänderung wird noch angewendet; bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Saving %1 and re-pricing the recorded results…</source>
        <translation>%1 wird gespeichert, die aufgezeichneten Ergebnisse werden neu bepreist…</translation>
    </message>
    <message>
        <source>Reverting %1 and re-pricing the recorded results…</source>
        <translation>%1 wird zurückgesetzt, die aufgezeichneten Ergebnisse werden neu bepreist…</translation>
    </message>
    <message>
        <source>Importing LiteLLM prices from %1…</source>
        <translation>LiteLLM-Preise werden aus %1 importiert…</translation>
    </message>
    <message>
        <source>Prices unchanged: %1</source>
        <translation>Preise unverändert: %1</translation>
    </message>
    <message>
        <source>No recorded cost changed.</source>
        <translation>Keine aufgezeichneten Kosten haben sich geändert.</translation>
    </message>
    <message>
        <source>%1 recorded results re-priced; the Runs, Router Lab and Cache Lab figures use the new costs.</source>
        <translation>%1 aufgezeichnete Ergebnisse neu bepreist; Läufe, Router Lab und Cache Lab rechnen mit den neuen Kosten.</translation>
    </message>
    <message>
        <source>%1 results have no price now and show no cost.</source>
        <translation>%1 Ergebnisse haben jetzt keinen Preis und zeigen keine Kosten.</translation>
    </message>
    <message>
        <source>%1 results keep the cost they were recorded with (given by their file, or recorded before costs followed prices).</source>
        <translation>%1 Ergebnisse behalten die aufgezeichneten Kosten (aus ihrer Datei oder aufgezeichnet, bevor Kosten den Preisen folgten).</translation>
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
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>golden, marked v%1</source>
        <translation>Golden, markiert v%1</translation>
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
        <translation>
            <numerusform>Importiere %n Datei…</numerusform>
            <numerusform>Importiere %n Dateien…</numerusform>
        </translation>
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
        <source>Sum of each prompt&apos;s input tokens (system, turns, tools and message framing) from the generic estimator; provider counts differ by model family and are calibrated once real usage is recorded.</source>
        <translation>Summe der Eingabe-Tokens jedes Prompts (System, Runden, Werkzeuge und Nachrichtenrahmen) laut allgemeinem Schätzer; die Zählung der Anbieter unterscheidet sich je Modellfamilie und wird kalibriert, sobald echter Verbrauch aufgezeichnet ist.</translation>
    </message>
    <message>
        <source>Golden Set</source>
        <translation>Golden-Set</translation>
    </message>
    <message>
        <source>Mark the set as the benchmark every model change is measured against: every prompt needs an expected answer, and each content it is marked with becomes a version</source>
        <translation>Das Set als Benchmark markieren, an dem jede Modelländerung gemessen wird: Jeder Prompt braucht eine erwartete Antwort, und jeder Inhalt, mit dem es markiert wird, wird zu einer Version</translation>
    </message>
    <message>
        <source>Mark as Golden</source>
        <translation>Als Golden-Set markieren</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is golden, version %2 (%3 prompts, SHA-256 %4…)</source>
        <translation>„%1“ ist ein Golden-Set, Version %2 (%3 Prompts, SHA-256 %4…)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is no longer golden; its versions are kept.</source>
        <translation>„%1“ ist kein Golden-Set mehr; seine Versionen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Golden (marked v%1)</source>
        <translation>Golden (markiert v%1)</translation>
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
    <name>PromptVariantPicker</name>
    <message>
        <source>System prompt:
%1</source>
        <translation>Systemprompt:
%1</translation>
    </message>
    <message>
        <source>User turn:
%1</source>
        <translation>Nutzerzug:
%1</translation>
    </message>
    <message>
        <source>Prompt variants</source>
        <translation>Promptvarianten</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>A YAML file of variants: a system prompt or a user template per variant, with {{prompt}}, {{system}}, {{id}} and the set&apos;s fields as {{variables}}</source>
        <translation>Eine YAML-Datei mit Varianten: je Variante ein Systemprompt oder eine Nutzervorlage, mit {{prompt}}, {{system}}, {{id}} und den Feldern des Sets als {{Variablen}}</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Prompt sent</source>
        <translation>Gesendeter Prompt</translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>%1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>As run %1 sent them</source>
        <translation>Wie Lauf %1 sie gesendet hat</translation>
    </message>
    <message>
        <source>Open prompt variants</source>
        <translation>Promptvarianten öffnen</translation>
    </message>
    <message>
        <source>Variants (*.yaml *.yml);;All files (*)</source>
        <translation>Varianten (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Every model gets the prompts as stored. Open a variants file to send a model a system prompt or template of its own.</source>
        <translation>Jedes Modell erhält die Prompts wie gespeichert. Öffnen Sie eine Variantendatei, um einem Modell einen eigenen Systemprompt oder eine eigene Vorlage zu senden.</translation>
    </message>
    <message>
        <source>As stored</source>
        <translation>Wie gespeichert</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>Add provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>Edit provider %1</source>
        <translation>Anbieter %1 bearbeiten</translation>
    </message>
    <message>
        <source>prefixes model references: NAME/model</source>
        <translation>Präfix für Modellreferenzen: NAME/model</translation>
    </message>
    <message>
        <source>Authorization: Bearer (Azure: api-key)</source>
        <translation>Authorization: Bearer (Azure: api-key)</translation>
    </message>
    <message>
        <source>from AWS_REGION, AWS_DEFAULT_REGION or the profile</source>
        <translation>aus AWS_REGION, AWS_DEFAULT_REGION oder dem Profil</translation>
    </message>
    <message>
        <source>optional: VPC endpoint, proxy or test server</source>
        <translation>optional: VPC-Endpunkt, Proxy oder Testserver</translation>
    </message>
    <message>
        <source>environment keys, then AWS_PROFILE or default</source>
        <translation>Umgebungsschlüssel, dann AWS_PROFILE oder default</translation>
    </message>
    <message>
        <source>one model id per line; the first is used to test</source>
        <translation>eine Modell-ID pro Zeile; die erste dient zum Testen</translation>
    </message>
    <message>
        <source> req/min</source>
        <translation> Anfr./min</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source> tok/min</source>
        <translation> Tok./min</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>API-Schlüssel-Variable</translation>
    </message>
    <message>
        <source>API key header</source>
        <translation>API-Schlüssel-Header</translation>
    </message>
    <message>
        <source>AWS region</source>
        <translation>AWS-Region</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>Endpunkt-URL</translation>
    </message>
    <message>
        <source>AWS profile</source>
        <translation>AWS-Profil</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Tokens per minute</source>
        <translation>Token pro Minute</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Verbindungs-Timeout</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Anfrage-Timeout</translation>
    </message>
    <message>
        <source>Attempts per call</source>
        <translation>Versuche pro Aufruf</translation>
    </message>
    <message>
        <source>Keys are never stored in this file: name the environment variable that holds the key, an AWS profile, or use &quot;Set Key in Keychain…&quot; on the page.</source>
        <translation>Schlüssel werden nie in dieser Datei gespeichert: Nennen Sie die Umgebungsvariable mit dem Schlüssel, ein AWS-Profil oder nutzen Sie &quot;Schlüssel im Schlüsselbund setzen…&quot; auf der Seite.</translation>
    </message>
    <message>
        <source>%1 when empty</source>
        <translation>%1, wenn leer</translation>
    </message>
    <message>
        <source>ANTHROPIC_API_KEY when empty</source>
        <translation>ANTHROPIC_API_KEY, wenn leer</translation>
    </message>
    <message>
        <source>OPENAI_API_KEY at the default URL; none for a server of your own</source>
        <translation>OPENAI_API_KEY bei der Standard-URL; keine für einen eigenen Server</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>ProvidersController</name>
    <message>
        <source>none (runs in-process)</source>
        <translation>keine (läuft im Prozess)</translation>
    </message>
    <message>
        <source>AWS environment or default profile</source>
        <translation>AWS-Umgebung oder Standardprofil</translation>
    </message>
    <message>
        <source>AWS profile %1</source>
        <translation>AWS-Profil %1</translation>
    </message>
    <message>
        <source>OS keychain (Bedrock API key)</source>
        <translation>Schlüsselbund des Betriebssystems (Bedrock-API-Schlüssel)</translation>
    </message>
    <message>
        <source>none (server without authentication)</source>
        <translation>keine (Server ohne Authentifizierung)</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Betriebssystems</translation>
    </message>
    <message>
        <source>environment %1 or OS keychain</source>
        <translation>Umgebung %1 oder Schlüsselbund des Betriebssystems</translation>
    </message>
    <message>
        <source>the file could not be read, so it is not overwritten: fix it in an editor and reload, or open another file</source>
        <translation>Die Datei konnte nicht gelesen werden und wird daher nicht überschrieben: Korrigieren Sie sie in einem Editor und laden Sie neu oder öffnen Sie eine andere Datei</translation>
    </message>
    <message>
        <source>provider &apos;%1&apos; is no longer in the file</source>
        <translation>Anbieter &apos;%1&apos; ist nicht mehr in der Datei</translation>
    </message>
</context>
<context>
    <name>ProvidersModel</name>
    <message>
        <source>region from the AWS configuration</source>
        <translation>Region aus der AWS-Konfiguration</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>in-process</source>
        <translation>im Prozess</translation>
    </message>
    <message>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message numerus="yes">
        <source>%n concurrent</source>
        <translation>
            <numerusform>%n parallel</numerusform>
            <numerusform>%n parallel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 req/min</source>
        <translation>%1 Anfr./min</translation>
    </message>
    <message>
        <source>%1 tok/min</source>
        <translation>%1 Tok./min</translation>
    </message>
    <message>
        <source>timeout %1 s (connect %2 s)</source>
        <translation>Timeout %1 s (Verbindung %2 s)</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>testing…</source>
        <translation>wird getestet…</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>nicht getestet</translation>
    </message>
    <message>
        <source>OK · &lt; 1 ms</source>
        <translation>OK · &lt; 1 ms</translation>
    </message>
    <message>
        <source>OK · %1 ms</source>
        <translation>OK · %1 ms</translation>
    </message>
    <message>
        <source>The key is read from: %1</source>
        <translation>Der Schlüssel wird gelesen aus: %1</translation>
    </message>
    <message>
        <source>&quot;ping&quot; with max_tokens 1 to %1, one attempt</source>
        <translation>&quot;ping&quot; mit max_tokens 1 an %1, ein Versuch</translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation>%1 (+%2 weitere)</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Key from</source>
        <translation>Schlüssel aus</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Connection test</source>
        <translation>Verbindungstest</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Which providers can Switchyard call, with which models and limits, and does each one&apos;s key work? Keys stay in the environment or the OS keychain, never in the file.</source>
        <translation>Welche Anbieter kann Switchyard aufrufen, mit welchen Modellen und Limits, und funktioniert jeder Schlüssel? Schlüssel bleiben in der Umgebung oder im Schlüsselbund des Betriebssystems, nie in der Datei.</translation>
    </message>
    <message>
        <source>Add Provider…</source>
        <translation>Anbieter hinzufügen…</translation>
    </message>
    <message>
        <source>Add a provider to the providers file</source>
        <translation>Einen Anbieter zur Anbieterdatei hinzufügen</translation>
    </message>
    <message>
        <source>Open Another File…</source>
        <translation>Andere Datei öffnen…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the file again, after editing it elsewhere</source>
        <translation>Datei nach externer Bearbeitung erneut lesen</translation>
    </message>
    <message>
        <source>Connection test of %1: %2</source>
        <translation>Verbindungstest von %1: %2</translation>
    </message>
    <message>
        <source>The key for %1 is stored in the OS keychain.</source>
        <translation>Der Schlüssel für %1 ist im Schlüsselbund des Betriebssystems gespeichert.</translation>
    </message>
    <message>
        <source>The key for %1 was not stored: %2</source>
        <translation>Der Schlüssel für %1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>The key for %1 is removed from the OS keychain.</source>
        <translation>Der Schlüssel für %1 wurde aus dem Schlüsselbund des Betriebssystems entfernt.</translation>
    </message>
    <message>
        <source>The key for %1 was not removed: %2</source>
        <translation>Der Schlüssel für %1 wurde nicht entfernt: %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Send &quot;ping&quot; with max_tokens 1 to the first model: one real call, a fraction of a cent (Ctrl+T)</source>
        <translation>Sendet &quot;ping&quot; mit max_tokens 1 an das erste Modell: ein echter Aufruf, Bruchteil eines Cents (Ctrl+T)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the provider&apos;s settings, models and limits</source>
        <translation>Einstellungen, Modelle und Limits des Anbieters ändern</translation>
    </message>
    <message>
        <source>Set Key in Keychain…</source>
        <translation>Schlüssel im Schlüsselbund setzen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the provider from the file (its keychain entry stays)</source>
        <translation>Anbieter aus der Datei entfernen (sein Schlüsselbund-Eintrag bleibt)</translation>
    </message>
    <message>
        <source>Open providers file</source>
        <translation>Anbieterdatei öffnen</translation>
    </message>
    <message>
        <source>Providers files (*.yaml *.yml);;All files (*)</source>
        <translation>Anbieterdateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>File: %1 (not created yet: the first change saves it)</source>
        <translation>Datei: %1 (noch nicht angelegt: die erste Änderung speichert sie)</translation>
    </message>
    <message>
        <source>This file could not be read and is left untouched: %1. Fix it in an editor and press Reload, or open another file.</source>
        <translation>Diese Datei konnte nicht gelesen werden und bleibt unverändert: %1. Korrigieren Sie sie in einem Editor und klicken Sie auf Neu laden, oder öffnen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>OS keychain unavailable: keys can only come from the environment.</source>
        <translation>Schlüsselbund des Betriebssystems nicht verfügbar: Schlüssel können nur aus der Umgebung kommen.</translation>
    </message>
    <message>
        <source>OS keychain unavailable: set the key in the environment variable %1.</source>
        <translation>Schlüsselbund des Betriebssystems nicht verfügbar: Setzen Sie den Schlüssel in der Umgebungsvariable %1.</translation>
    </message>
    <message>
        <source>(The keychain said: %1)</source>
        <translation>(Meldung des Schlüsselbunds: %1)</translation>
    </message>
    <message>
        <source>No providers yet: Add Provider… describes one (an OpenAI-compatible server, Anthropic, Bedrock), or open an existing file.</source>
        <translation>Noch keine Anbieter: Mit Anbieter hinzufügen… beschreiben Sie einen (OpenAI-kompatibler Server, Anthropic, Bedrock), oder öffnen Sie eine vorhandene Datei.</translation>
    </message>
    <message>
        <source>No provider selected</source>
        <translation>Kein Anbieter ausgewählt</translation>
    </message>
    <message>
        <source>Store this provider&apos;s key in the OS keychain</source>
        <translation>Schlüssel dieses Anbieters im Schlüsselbund des Betriebssystems speichern</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1, aus %2</translation>
    </message>
    <message>
        <source>OS keychain unavailable: set the key in the environment variable %1</source>
        <translation>Schlüsselbund des Betriebssystems nicht verfügbar: Setzen Sie den Schlüssel in der Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Added %1 and saved %2.</source>
        <translation>%1 hinzugefügt und %2 gespeichert.</translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation>%1 in %2 gespeichert.</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Anbieter entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from %2? Runs can then no longer call its models.</source>
        <translation>%1 aus %2 entfernen? Läufe können dann seine Modelle nicht mehr aufrufen.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Nicht entfernt: %1</translation>
    </message>
    <message>
        <source>Removed %1 and saved %2.</source>
        <translation>%1 entfernt und %2 gespeichert.</translation>
    </message>
    <message>
        <source>Talking to the OS keychain…</source>
        <translation>Verbindung zum Schlüsselbund des Betriebssystems…</translation>
    </message>
    <message>
        <source>Testing %1: one &quot;ping&quot; with max_tokens 1…</source>
        <translation>%1 wird getestet: ein &quot;ping&quot; mit max_tokens 1…</translation>
    </message>
    <message>
        <source>Find Local Servers</source>
        <translation>Lokale Server suchen</translation>
    </message>
    <message>
        <source>Look for Ollama (port 11434), llama.cpp (8080) and vLLM (8000) on this machine and offer their models as providers with no key</source>
        <translation>Auf diesem Rechner nach Ollama (Port 11434), llama.cpp (8080) und vLLM (8000) suchen und ihre Modelle als Provider ohne Schlüssel anbieten</translation>
    </message>
    <message>
        <source>The providers file does not parse: fix it before adding to it.</source>
        <translation>Die Provider-Datei lässt sich nicht lesen: Erst korrigieren, dann ergänzen.</translation>
    </message>
    <message>
        <source>Looking for Ollama, llama.cpp and vLLM on this machine…</source>
        <translation>Suche nach Ollama, llama.cpp und vLLM auf diesem Rechner…</translation>
    </message>
    <message>
        <source>No local inference server answered: %1.</source>
        <translation>Kein lokaler Inferenzserver hat geantwortet: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2: %n model(s)</source>
        <translation>
            <numerusform>%1 unter %2: %n Modell</numerusform>
            <numerusform>%1 unter %2: %n Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source>Local servers</source>
        <translation>Lokale Server</translation>
    </message>
    <message numerus="yes">
        <source>Add %n local server(s) to the providers file?</source>
        <translation>
            <numerusform>%n lokalen Server zur Provider-Datei hinzufügen?</numerusform>
            <numerusform>%n lokale Server zur Provider-Datei hinzufügen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>

They are called like OpenAI, with no key. A provider of the same name is replaced. Price their %n model(s) by what the machine costs with switchyard-cli local-servers --workspace W --hardware-usd-hour USD once they have answered a few prompts.</source>
        <translation>
            <numerusform>

Sie werden wie OpenAI aufgerufen, ohne Schlüssel. Ein Provider gleichen Namens wird ersetzt. Den Preis ihres %n Modells nach den Kosten der Maschine setzt switchyard-cli local-servers --workspace W --hardware-usd-hour USD, sobald es einige Prompts beantwortet hat.</numerusform>
            <numerusform>

Sie werden wie OpenAI aufgerufen, ohne Schlüssel. Ein Provider gleichen Namens wird ersetzt. Den Preis ihrer %n Modelle nach den Kosten der Maschine setzt switchyard-cli local-servers --workspace W --hardware-usd-hour USD, sobald sie einige Prompts beantwortet haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n local server(s) and saved %1.</source>
        <translation>
            <numerusform>%n lokalen Server hinzugefügt und %1 gespeichert.</numerusform>
            <numerusform>%n lokale Server hinzugefügt und %1 gespeichert.</numerusform>
        </translation>
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
    <name>RouterCharts</name>
    <message>
        <source>Cost against quality: every threshold of this router</source>
        <translation>Kosten gegen Qualität: jede Schwelle dieses Routers</translation>
    </message>
    <message>
        <source>Thresholds swept</source>
        <translation>Durchlaufene Schwellen</translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>Random mix</source>
        <translation>Zufallsmix</translation>
    </message>
    <message>
        <source>This router</source>
        <translation>Dieser Router</translation>
    </message>
    <message>
        <source>Cost per 1k requests (USD)</source>
        <translation>Kosten pro 1k Anfragen (USD)</translation>
    </message>
    <message>
        <source>Quality (mean score)</source>
        <translation>Qualität (mittlere Bewertung)</translation>
    </message>
    <message>
        <source>This router (%1, %2)</source>
        <translation>Dieser Router (%1, %2)</translation>
    </message>
    <message>
        <source>Where the requests go</source>
        <translation>Wohin die Anfragen gehen</translation>
    </message>
    <message>
        <source>Share of requests (%)</source>
        <translation>Anteil der Anfragen (%)</translation>
    </message>
    <message>
        <source>What each tier costs</source>
        <translation>Was jede Stufe kostet</translation>
    </message>
    <message>
        <source>Classifier calls</source>
        <translation>Klassifikator-Aufrufe</translation>
    </message>
</context>
<context>
    <name>RouterLabController</name>
    <message>
        <source>Loading recorded results</source>
        <translation>Aufgezeichnete Ergebnisse werden geladen</translation>
    </message>
    <message>
        <source>Preparing the router</source>
        <translation>Router wird vorbereitet</translation>
    </message>
</context>
<context>
    <name>RouterLabControls</name>
    <message>
        <source>Recorded results</source>
        <translation>Aufgezeichnete Ergebnisse</translation>
    </message>
    <message>
        <source>The scorer whose scores are the quality</source>
        <translation>Der Bewerter, dessen Bewertungen die Qualität sind</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Scorer</source>
        <translation>Bewerter</translation>
    </message>
    <message>
        <source>Tiers: tick 2 to 4 models (cheapest first).</source>
        <translation>Stufen: 2 bis 4 Modelle ankreuzen (günstigstes zuerst).</translation>
    </message>
    <message>
        <source>Models are ordered by the mean recorded cost of their calls; a policy&apos;s tiers go from the cheapest to the strongest.</source>
        <translation>Modelle sind nach den mittleren aufgezeichneten Kosten ihrer Aufrufe geordnet; die Stufen einer Richtlinie gehen vom günstigsten zum stärksten.</translation>
    </message>
    <message>
        <source>At most %1 tiers: untick one first.</source>
        <translation>Höchstens %1 Stufen: Entfernen Sie zuerst ein Häkchen.</translation>
    </message>
    <message>
        <source>Tick at least 2 models to route between.</source>
        <translation>Kreuzen Sie mindestens 2 Modelle zum Routen an.</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Complexity (prompt features)</source>
        <translation>Komplexität (Prompt-Merkmale)</translation>
    </message>
    <message>
        <source>Learned (trained on these results)</source>
        <translation>Gelernt (mit diesen Ergebnissen trainiert)</translation>
    </message>
    <message>
        <source>Classifier (an LLM labels each prompt)</source>
        <translation>Klassifikator (ein LLM labelt jeden Prompt)</translation>
    </message>
    <message>
        <source>Cascade (try cheap first, escalate)</source>
        <translation>Kaskade (erst günstig, dann eskalieren)</translation>
    </message>
    <message>
        <source>Random (the reference)</source>
        <translation>Zufall (die Referenz)</translation>
    </message>
    <message>
        <source>The model whose recorded answers are the labels simple, standard or complex; its calls are charged to every request</source>
        <translation>Das Modell, dessen aufgezeichnete Antworten die Labels simple, standard oder complex sind; seine Aufrufe werden jeder Anfrage berechnet</translation>
    </message>
    <message>
        <source>What says an answer is good enough to keep</source>
        <translation>Was eine Antwort gut genug zum Behalten macht</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Labelled by</source>
        <translation>Gelabelt von</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Reset thresholds</source>
        <translation>Schwellen zurücksetzen</translation>
    </message>
    <message>
        <source>Evaluation and targets</source>
        <translation>Auswertung und Ziele</translation>
    </message>
    <message>
        <source>An answer passes when its score is at least the bar: the pass rate, the verdicts and the learned routers use it</source>
        <translation>Eine Antwort besteht, wenn ihre Bewertung mindestens die Schwelle erreicht: Bestehensquote, Urteile und gelernte Router nutzen sie</translation>
    </message>
    <message>
        <source>Exclude the prompt</source>
        <translation>Prompt ausschließen</translation>
    </message>
    <message>
        <source>Count as a failure</source>
        <translation>Als Fehlschlag zählen</translation>
    </message>
    <message>
        <source>A prompt whose result is missing, failed or unscored for a tier: left out of every figure, or kept with quality 0</source>
        <translation>Ein Prompt, dessen Ergebnis für eine Stufe fehlt, fehlschlug oder unbewertet ist: aus allen Werten ausgelassen oder mit Qualität 0 behalten</translation>
    </message>
    <message>
        <source>Quality bar</source>
        <translation>Qualitätsschwelle</translation>
    </message>
    <message>
        <source>Incomplete results</source>
        <translation>Unvollständige Ergebnisse</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Sets the thresholds to the cheapest setting of the sweep that reaches the target</source>
        <translation>Setzt die Schwellen auf die günstigste Einstellung des Durchlaufs, die das Ziel erreicht</translation>
    </message>
    <message>
        <source>Target quality</source>
        <translation>Zielqualität</translation>
    </message>
    <message>
        <source>Target strong share</source>
        <translation>Ziel-Anteil stark</translation>
    </message>
    <message>
        <source>%1 · %2 per 1k</source>
        <translation>%1 · %2 pro 1k</translation>
    </message>
    <message>
        <source>%1 · cost unknown</source>
        <translation>%1 · Kosten unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n result(s) without a price; add the model&apos;s price on the Pricing page to route to it</source>
        <translation>
            <numerusform>%1: %n Ergebnis ohne Preis; tragen Sie den Preis des Modells auf der Seite Preise ein, um dorthin zu routen</numerusform>
            <numerusform>%1: %n Ergebnisse ohne Preis; tragen Sie den Preis des Modells auf der Seite Preise ein, um dorthin zu routen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no scored answers, so it cannot be a tier</source>
        <translation>%1: keine bewerteten Antworten, daher keine Stufe möglich</translation>
    </message>
    <message>
        <source>No model of this run answered with labels (simple, standard, complex)</source>
        <translation>Kein Modell dieses Laufs antwortete mit Labels (simple, standard, complex)</translation>
    </message>
    <message>
        <source>Refusal (answer declines or does not know)</source>
        <translation>Ablehnung (Antwort lehnt ab oder weiß es nicht)</translation>
    </message>
    <message>
        <source>Format (JSON that parses)</source>
        <translation>Format (parsebares JSON)</translation>
    </message>
    <message>
        <source>Judge (a second scorer)</source>
        <translation>Richter (ein zweiter Bewerter)</translation>
    </message>
    <message>
        <source>Rules (regex, keywords, length, tag)</source>
        <translation>Regeln (Regex, Stichwörter, Länge, Tag)</translation>
    </message>
    <message>
        <source>Rules tried in order: a regex, keywords, a prompt length or a tag sends a prompt to a tier or a canned answer</source>
        <translation>Regeln der Reihe nach: ein Regex, Stichwörter, eine Prompt-Länge oder ein Tag schickt einen Prompt an eine Stufe oder eine vorgefertigte Antwort</translation>
    </message>
    <message>
        <source>Learned from the prompt (out-of-fold)</source>
        <translation>Aus dem Prompt gelernt (Out-of-Fold)</translation>
    </message>
    <message>
        <source>Learned from the prompt and the answer (out-of-fold)</source>
        <translation>Aus Prompt und Antwort gelernt (Out-of-Fold)</translation>
    </message>
    <message>
        <source>Stated probability (a local student&apos;s own)</source>
        <translation>Angegebene Wahrscheinlichkeit (eines lokalen Schülers)</translation>
    </message>
</context>
<context>
    <name>RouterLabPage</name>
    <message>
        <source>Router Lab</source>
        <translation>Router Lab</translation>
    </message>
    <message>
        <source>Which model should serve which request, and what does that save? A router replayed over recorded results: cost, quality and every decision, without a new call.</source>
        <translation>Welches Modell soll welche Anfrage bedienen, und was spart das? Ein Router, über aufgezeichnete Ergebnisse wiedergegeben: Kosten, Qualität und jede Entscheidung, ohne neuen Aufruf.</translation>
    </message>
    <message>
        <source>Import Results…</source>
        <translation>Ergebnisse importieren…</translation>
    </message>
    <message>
        <source>Import a recorded-results file (JSONL or CSV with prompt_id, model and score or output) as a run, or drop it on the window</source>
        <translation>Eine Datei mit erfassten Ergebnissen (JSONL oder CSV mit prompt_id, model und score oder output) als Lauf importieren oder sie auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Save as Policy…</source>
        <translation>Als Richtlinie speichern…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Store this configuration and its evidence as a routing policy of the workspace (Ctrl+Shift+S)</source>
        <translation>Diese Konfiguration und ihre Belege als Routing-Richtlinie des Arbeitsbereichs speichern (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>cost per 1k requests</source>
        <translation>Kosten pro 1k Anfragen</translation>
    </message>
    <message>
        <source>saved against the baseline</source>
        <translation>gegenüber der Basislinie gespart</translation>
    </message>
    <message>
        <source>quality (mean score)</source>
        <translation>Qualität (mittlere Bewertung)</translation>
    </message>
    <message>
        <source>share of requests per tier</source>
        <translation>Anteil der Anfragen je Stufe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Loading the run…</source>
        <translation>Lauf wird geladen…</translation>
    </message>
    <message>
        <source>Not evaluated: %1</source>
        <translation>Nicht ausgewertet: %1</translation>
    </message>
    <message>
        <source>Cancelled: the figures shown are those of the last configuration built.</source>
        <translation>Abgebrochen: Die angezeigten Werte gehören zur zuletzt erstellten Konfiguration.</translation>
    </message>
    <message>
        <source>Saved policy &quot;%1&quot; in this workspace, with its evidence. Export it with switchyard-cli export --policy &quot;%1&quot;.</source>
        <translation>Richtlinie „%1“ mit ihren Belegen in diesem Arbeitsbereich gespeichert. Exportieren mit switchyard-cli export --policy &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>No results file imported in this session.</source>
        <translation>In dieser Sitzung wurde keine Ergebnisdatei importiert.</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Importbericht</translation>
    </message>
    <message>
        <source>(synthetic)</source>
        <translation>(synthetisch)</translation>
    </message>
    <message>
        <source>No recorded results yet: import results (drag a results file here) or start a run.</source>
        <translation>Noch keine erfassten Ergebnisse: Importieren Sie Ergebnisse (Ergebnisdatei hierher ziehen) oder starten Sie einen Lauf.</translation>
    </message>
    <message>
        <source>No workspace open: File → Open Workspace, or Help → Open Demo Workspace.</source>
        <translation>Kein Arbeitsbereich geöffnet: Datei → Arbeitsbereich öffnen oder Hilfe → Demo-Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <source>Tick at least two models to route between.</source>
        <translation>Wählen Sie mindestens zwei Modelle zum Routen aus.</translation>
    </message>
    <message>
        <source>Preparing the router…</source>
        <translation>Router wird vorbereitet…</translation>
    </message>
    <message>
        <source>All %1</source>
        <translation>Alle an %1</translation>
    </message>
    <message>
        <source>Run &quot;%1&quot; of set &quot;%2&quot;, scored by %3; router signal: %4.</source>
        <translation>Lauf „%1“ des Sets „%2“, bewertet von %3; Router-Signal: %4.</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Hinweise: %1</translation>
    </message>
    <message>
        <source>%1 of %2 decisions wrong (overpaid or underpowered)</source>
        <translation>%1 von %2 Entscheidungen falsch (überbezahlt oder unterdimensioniert)</translation>
    </message>
    <message>
        <source>%1 prompts replayed at thresholds %2.</source>
        <translation>%1 Prompts bei Schwellen %2 erneut abgespielt.</translation>
    </message>
    <message>
        <source>%1 in total for %2 prompts</source>
        <translation>%1 insgesamt für %2 Prompts</translation>
    </message>
    <message>
        <source>The recorded cost of every call this configuration makes for the %1 replayed prompts, divided by %1 and multiplied by 1,000.</source>
        <translation>Die erfassten Kosten aller Aufrufe dieser Konfiguration für die %1 erneut abgespielten Prompts, geteilt durch %1 und mal 1.000.</translation>
    </message>
    <message>
        <source>Includes %1 of classifier calls.</source>
        <translation>Enthält %1 für Klassifikator-Aufrufe.</translation>
    </message>
    <message>
        <source>Includes %1 of cascade calls whose answers were discarded (%2 escalations).</source>
        <translation>Enthält %1 für Kaskaden-Aufrufe, deren Antworten verworfen wurden (%2 Eskalationen).</translation>
    </message>
    <message>
        <source>%1 prompts with incomplete results are left out.</source>
        <translation>%1 Prompts mit unvollständigen Ergebnissen werden ausgelassen.</translation>
    </message>
    <message>
        <source>vs all to %1 (%2 per 1k)</source>
        <translation>ggü. alle an %1 (%2 pro 1k)</translation>
    </message>
    <message>
        <source>(baseline cost − this configuration&apos;s cost) ÷ baseline cost, over the same %1 prompts. Baseline: every prompt to %2, %3 in total; this configuration: %4, so %5 %6.</source>
        <translation>(Kosten der Basislinie − Kosten dieser Konfiguration) ÷ Kosten der Basislinie, über dieselben %1 Prompts. Basislinie: jeder Prompt an %2, insgesamt %3; diese Konfiguration: %4, also %5 %6.</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespart</translation>
    </message>
    <message>
        <source>more</source>
        <translation>mehr</translation>
    </message>
    <message>
        <source>95 % CI %1–%2</source>
        <translation>95 %-KI %1–%2</translation>
    </message>
    <message>
        <source>baseline %1</source>
        <translation>Basislinie %1</translation>
    </message>
    <message>
        <source>Mean score (scorer %1) of the answers this configuration serves, over %2 prompts; the 95 % confidence interval is the normal approximation of that mean. Pass rate (score ≥ %3): %4. Baseline: %5.</source>
        <translation>Mittlere Bewertung (Bewerter %1) der Antworten dieser Konfiguration über %2 Prompts; das 95 %-Konfidenzintervall ist die Normalapproximation dieses Mittelwerts. Bestehensquote (Bewertung ≥ %3): %4. Basislinie: %5.</translation>
    </message>
    <message>
        <source>%1: %2 of requests (%3)</source>
        <translation>%1: %2 der Anfragen (%3)</translation>
    </message>
    <message>
        <source>canned answers: %1</source>
        <translation>vorgefertigte Antworten: %1</translation>
    </message>
    <message>
        <source>Requests served by each tier, cheapest first, over %1 prompts:
%2</source>
        <translation>Von jeder Stufe bediente Anfragen, günstigste zuerst, über %1 Prompts:
%2</translation>
    </message>
    <message>
        <source>No threshold of this router reaches quality %1; the best it reaches is %2.</source>
        <translation>Keine Schwelle dieses Routers erreicht Qualität %1; das Beste ist %2.</translation>
    </message>
    <message>
        <source>No threshold of this router sends %1 of requests to the strongest tier.</source>
        <translation>Keine Schwelle dieses Routers sendet %1 der Anfragen an die stärkste Stufe.</translation>
    </message>
    <message>
        <source>Save as Policy</source>
        <translation>Als Richtlinie speichern</translation>
    </message>
    <message>
        <source>Policy name:</source>
        <translation>Name der Richtlinie:</translation>
    </message>
    <message>
        <source>This workspace already has a policy &quot;%1&quot;. Replace it?</source>
        <translation>Dieser Arbeitsbereich hat bereits eine Richtlinie „%1“. Ersetzen?</translation>
    </message>
    <message>
        <source>Saving policy &quot;%1&quot;…</source>
        <translation>Richtlinie „%1“ wird gespeichert…</translation>
    </message>
    <message>
        <source>Import recorded results</source>
        <translation>Erfasste Ergebnisse importieren</translation>
    </message>
    <message>
        <source>Recorded results (*.jsonl *.ndjson *.csv);;All files (*)</source>
        <translation>Erfasste Ergebnisse (*.jsonl *.ndjson *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>An import is already running; wait for it or cancel it.</source>
        <translation>Ein Import läuft bereits; warten Sie ihn ab oder brechen Sie ihn ab.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert…</numerusform>
            <numerusform>%n Dateien werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing %1: %2 of %3 MB</source>
        <translation>%1 wird importiert: %2 von %3 MB</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 results of %n model(s) into run &quot;%3&quot; over set &quot;%4&quot;; %5 lines rejected.</source>
        <translation>
            <numerusform>%1: %2 Ergebnisse von %n Modell in Lauf „%3“ über Set „%4“; %5 Zeilen abgelehnt.</numerusform>
            <numerusform>%1: %2 Ergebnisse von %n Modellen in Lauf „%3“ über Set „%4“; %5 Zeilen abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 results of %2 have no cost: %3 (add its price on the Pricing page).</source>
        <translation>%1 von %2 Ergebnissen haben keine Kosten: %3 (Preis auf der Seite „Preise“ ergänzen).</translation>
    </message>
    <message>
        <source>Cancelled: what was imported before is kept.</source>
        <translation>Abgebrochen: Bereits Importiertes bleibt erhalten.</translation>
    </message>
    <message>
        <source>No recorded results in these files: they were imported as prompt sets.</source>
        <translation>Keine erfassten Ergebnisse in diesen Dateien: Sie wurden als Prompt-Sets importiert.</translation>
    </message>
    <message>
        <source>Search prompt id</source>
        <translation>Prompt-ID suchen</translation>
    </message>
    <message>
        <source>Router wrong only</source>
        <translation>Nur Router-Fehler</translation>
    </message>
    <message>
        <source>Only the prompts the router overpaid for (a cheaper tier&apos;s answer met the bar) or underpowered (its answer missed the bar, another tier&apos;s met it)</source>
        <translation>Nur die Prompts, für die der Router überbezahlt hat (die Antwort einer günstigeren Stufe erfüllte die Schwelle) oder unterdimensioniert war (seine Antwort verfehlte sie, die einer anderen Stufe erfüllte sie)</translation>
    </message>
    <message>
        <source>Select a decision to see the prompt, every tier&apos;s answer quality and cost, and why the router chose as it did.</source>
        <translation>Wählen Sie eine Entscheidung, um den Prompt, Qualität und Kosten der Antwort jeder Stufe und die Begründung des Routers zu sehen.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Routed to %1&lt;/b&gt;: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Geroutet an %1&lt;/b&gt;: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Cost of its call</source>
        <translation>Kosten des Aufrufs</translation>
    </message>
    <message>
        <source>&lt;p&gt;Best affordable choice: &lt;b&gt;%1&lt;/b&gt;. Verdict: &lt;b&gt;%2&lt;/b&gt; (quality bar %3).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Beste bezahlbare Wahl: &lt;b&gt;%1&lt;/b&gt;. Urteil: &lt;b&gt;%2&lt;/b&gt; (Qualitätsschwelle %3).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 prompts replayed.</source>
        <translation>%1 Prompts nachgespielt.</translation>
    </message>
    <message>
        <source>Loading the re-priced results…</source>
        <translation>Die neu bepreisten Ergebnisse werden geladen…</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>Rules are tried top to bottom; the first that matches decides.</source>
        <translation>Regeln werden von oben nach unten geprüft; die erste passende entscheidet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Where a prompt goes when no rule matches</source>
        <translation>Wohin ein Prompt geht, wenn keine Regel passt</translation>
    </message>
    <message>
        <source>Unmatched prompts go to</source>
        <translation>Prompts ohne Treffer gehen an</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>Canned answer (no model)</source>
        <translation>Vorgefertigte Antwort (kein Modell)</translation>
    </message>
    <message>
        <source>regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>Stichwörter</translation>
    </message>
    <message>
        <source>at least N tokens</source>
        <translation>mindestens N Token</translation>
    </message>
    <message>
        <source>at most N tokens</source>
        <translation>höchstens N Token</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Value: a regular expression (case-insensitive), keywords separated by commas, a number of input tokens, or a prompt tag</source>
        <translation>Wert: ein regulärer Ausdruck (ohne Groß-/Kleinschreibung), durch Kommas getrennte Stichwörter, eine Anzahl Eingabe-Token oder ein Prompt-Tag</translation>
    </message>
    <message>
        <source>(canned answer)</source>
        <translation>(vorgefertigte Antwort)</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;, Value: empty.</source>
        <translation>Regel „%1“, Wert: leer.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;, Value: &quot;%2&quot; is not a number of tokens.</source>
        <translation>Regel „%1“, Wert: „%2“ ist keine Token-Anzahl.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;</source>
        <translation>Regel „%1“</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;, Value: %2.</source>
        <translation>Regel &quot;%1&quot;, Wert: %2.</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>What to run</source>
        <translation>Was ausgeführt wird</translation>
    </message>
    <message>
        <source>Prompt set</source>
        <translation>Prompt-Set</translation>
    </message>
    <message>
        <source>Models (from the providers file)</source>
        <translation>Modelle (aus der Anbieterdatei)</translation>
    </message>
    <message>
        <source>Open the Providers page</source>
        <translation>Seite „Anbieter“ öffnen</translation>
    </message>
    <message>
        <source>Call parameters</source>
        <translation>Aufrufparameter</translation>
    </message>
    <message>
        <source>The most output tokens each answer may use: the maximum cost and the budget guard count every answer at this length</source>
        <translation>Höchstzahl an Ausgabe-Token je Antwort: Maximalkosten und Budgetschutz rechnen jede Antwort mit dieser Länge</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Max. Token</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Unchecked: each provider&apos;s default</source>
        <translation>Nicht aktiviert: Standard des jeweiligen Anbieters</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>Budget cap</source>
        <translation>Budgetobergrenze</translation>
    </message>
    <message>
        <source>The most this run may spend: no call starts unless its maximum cost still fits under the cap</source>
        <translation>Höchstbetrag dieses Laufs: Ein Aufruf startet nur, wenn seine Maximalkosten noch unter die Obergrenze passen</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Calls in flight at once per provider; unchecked: each provider&apos;s limit from the providers file</source>
        <translation>Gleichzeitige Aufrufe je Anbieter; nicht aktiviert: Limit des Anbieters aus der Anbieterdatei</translation>
    </message>
    <message>
        <source>Which calls</source>
        <translation>Welche Aufrufe</translation>
    </message>
    <message>
        <source>Retry failed only</source>
        <translation>Nur fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Send again exactly the failed calls of the newest run with this set, these models and parameters, and nothing else</source>
        <translation>Genau die fehlgeschlagenen Aufrufe des neuesten Laufs mit diesem Set, diesen Modellen und Parametern erneut senden, sonst nichts</translation>
    </message>
    <message>
        <source>Fresh samples (ignore the response cache)</source>
        <translation>Neue Stichproben (Antwort-Cache ignorieren)</translation>
    </message>
    <message>
        <source>Send every call even when an identical request was answered before; otherwise such answers are reused at no cost</source>
        <translation>Jeden Aufruf senden, auch wenn eine identische Anfrage schon beantwortet wurde; sonst werden solche Antworten kostenlos wiederverwendet</translation>
    </message>
</context>
<context>
    <name>RunErrorsModel</name>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Failure class</source>
        <translation>Fehlerklasse</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>What the provider said</source>
        <translation>Meldung des Anbieters</translation>
    </message>
</context>
<context>
    <name>RunEstimateModel</name>
    <message>
        <source>The mean of this model&apos;s %1 recorded answers, per call</source>
        <translation>Mittelwert der %1 erfassten Antworten dieses Modells, pro Aufruf</translation>
    </message>
    <message>
        <source>%1 of max tokens per call: fewer than %2 recorded answers of this model to go by</source>
        <translation>%1 der max. Token pro Aufruf: weniger als %2 erfasste Antworten dieses Modells als Grundlage</translation>
    </message>
    <message>
        <source>Every call using max tokens, with %1 more input than estimated: what a budget cap reserves</source>
        <translation>Jeder Aufruf mit max. Token und %1 mehr Eingabe als geschätzt: was eine Budgetobergrenze reserviert</translation>
    </message>
    <message>
        <source>Estimated with the model family&apos;s tokenizer</source>
        <translation>Geschätzt mit dem Tokenizer der Modellfamilie</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <source>Expected output</source>
        <translation>Erwartete Ausgabe</translation>
    </message>
    <message>
        <source>Max output</source>
        <translation>Max. Ausgabe</translation>
    </message>
    <message>
        <source>Expected cost</source>
        <translation>Erwartete Kosten</translation>
    </message>
    <message>
        <source>Max cost</source>
        <translation>Max. Kosten</translation>
    </message>
</context>
<context>
    <name>RunProgressModel</name>
    <message>
        <source>No failures</source>
        <translation>Keine Fehler</translation>
    </message>
    <message>
        <source>Input %1, output %2, cache read %3, cache write %4</source>
        <translation>Eingabe %1, Ausgabe %2, Cache-Lesen %3, Cache-Schreiben %4</translation>
    </message>
    <message numerus="yes">
        <source>Paid by this run; %n result(s) could not be priced and count at their maximum cost.</source>
        <translation>
            <numerusform>Von diesem Lauf bezahlt; %n Ergebnis konnte nicht bepreist werden und zählt mit seinen Maximalkosten.</numerusform>
            <numerusform>Von diesem Lauf bezahlt; %n Ergebnisse konnten nicht bepreist werden und zählen mit ihren Maximalkosten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paid by this run; answers from the response cache cost nothing.</source>
        <translation>Von diesem Lauf bezahlt; Antworten aus dem Antwort-Cache kosten nichts.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 in / %2 out</source>
        <translation>%1 ein / %2 aus</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>Aus Cache</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Laufend</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
</context>
<context>
    <name>RunTexts</name>
    <message numerus="yes">
        <source>%n call(s) to send</source>
        <translation>
            <numerusform>%n Aufruf zu senden</numerusform>
            <numerusform>%n Aufrufe zu senden</numerusform>
        </translation>
    </message>
    <message>
        <source>A new run: %1 prompts × %2 models, %3.</source>
        <translation>Ein neuer Lauf: %1 Prompts × %2 Modelle, %3.</translation>
    </message>
    <message numerus="yes">
        <source>Send %n call(s) to the providers?</source>
        <translation>
            <numerusform>%n Aufruf an die Anbieter senden?</numerusform>
            <numerusform>%n Aufrufe an die Anbieter senden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Expected cost: %1
Maximum cost: %2 (every answer at max tokens)
Budget cap: %3</source>
        <translation>Erwartete Kosten: %1
Maximale Kosten: %2 (jede Antwort mit max. Token)
Budgetobergrenze: %3</translation>
    </message>
    <message>
        <source>Answers are recorded as they arrive; cancelling keeps them, and answers in the response cache cost nothing.</source>
        <translation>Antworten werden beim Eintreffen erfasst; ein Abbruch behält sie, und Antworten aus dem Antwort-Cache kosten nichts.</translation>
    </message>
    <message>
        <source>%1 of %2 results</source>
        <translation>%1 von %2 Ergebnissen</translation>
    </message>
    <message>
        <source>%1 results/s</source>
        <translation>%1 Ergebnisse/s</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 verbleibend</translation>
    </message>
    <message numerus="yes">
        <source>waiting for %n call(s) in flight</source>
        <translation>
            <numerusform>warte auf %n laufenden Aufruf</numerusform>
            <numerusform>warte auf %n laufende Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 spent</source>
        <translation>%1 ausgegeben</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>stopped at the budget cap</source>
        <translation>an der Budgetobergrenze gestoppt</translation>
    </message>
    <message>
        <source>Run %1 %2 after %3: %4 results recorded (%5 answered, %6 from the response cache, %7 failed), %8 spent of %9 expected. The run holds %10 results.</source>
        <translation>Lauf %1 %2 nach %3: %4 Ergebnisse erfasst (%5 beantwortet, %6 aus dem Antwort-Cache, %7 fehlgeschlagen), %8 von erwarteten %9 ausgegeben. Der Lauf enthält %10 Ergebnisse.</translation>
    </message>
    <message>
        <source>Resume sends the calls still missing.</source>
        <translation>Fortsetzen sendet die noch fehlenden Aufrufe.</translation>
    </message>
    <message>
        <source>The next call would not have fit under the cap; Resume with a higher cap sends the rest.</source>
        <translation>Der nächste Aufruf hätte nicht unter die Obergrenze gepasst; Fortsetzen mit höherer Obergrenze sendet den Rest.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Continues run %1, which keeps %2 recorded results and has spent %3 so far (the budget cap counts it): %4.</source>
        <translation>Setzt Lauf %1 fort, der %2 erfasste Ergebnisse behält und bisher %3 ausgegeben hat (die Budgetgrenze rechnet das mit): %4.</translation>
    </message>
    <message>
        <source>Process %1 on %2 is executing this run right now: it cannot start until that process stops.</source>
        <translation>Prozess %1 auf %2 führt diesen Lauf gerade aus: er kann erst starten, wenn dieser Prozess endet.</translation>
    </message>
    <message>
        <source>(%1 for the whole run)</source>
        <translation>(%1 für den ganzen Lauf)</translation>
    </message>
</context>
<context>
    <name>RunsController</name>
    <message>
        <source>Scoring the answers failed: %1. The results are recorded; Compare → Re-score tries again.</source>
        <translation>Die Bewertung der Antworten ist fehlgeschlagen: %1. Die Ergebnisse sind erfasst; Vergleich → Neu bewerten versucht es erneut.</translation>
    </message>
    <message>
        <source>%1 answers scored with %2</source>
        <translation>%1 Antworten mit %2 bewertet</translation>
    </message>
    <message>
        <source>: see them in Compare.</source>
        <translation>: siehe Vergleich.</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>complete</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>stopped at budget</source>
        <translation>am Budget gestoppt</translation>
    </message>
    <message>
        <source>%1 answered, %2 failed</source>
        <translation>%1 beantwortet, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Recorded cost of the answers, those from the response cache at list price</source>
        <translation>Erfasste Kosten der Antworten, die aus dem Antwort-Cache zum Listenpreis</translation>
    </message>
    <message>
        <source>%1 (%2 failed)</source>
        <translation>%1 (%2 fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prompt set</source>
        <translation>Prompt-Set</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>Being executed by process %1 on %2 since %3</source>
        <translation>Wird seit %3 von Prozess %1 auf %2 ausgeführt</translation>
    </message>
    <message>
        <source>Its runner stopped without finishing (the process was killed or crashed); resuming the run sends only what is missing</source>
        <translation>Sein Runner endete, ohne fertig zu werden (der Prozess wurde beendet oder ist abgestürzt); Fortsetzen sendet nur, was fehlt</translation>
    </message>
</context>
<context>
    <name>RunsPage</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Send a prompt set to several models and record every answer, its tokens, latency and cost</source>
        <translation>Ein Prompt-Set an mehrere Modelle senden und jede Antwort mit Token, Latenz und Kosten erfassen</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzen</translation>
    </message>
    <message>
        <source>What the run would send and cost, per model; nothing is sent</source>
        <translation>Was der Lauf je Modell senden und kosten würde; es wird nichts gesendet</translation>
    </message>
    <message>
        <source>Start run</source>
        <translation>Lauf starten</translation>
    </message>
    <message>
        <source>Estimate, confirm the cost, then send (Ctrl+R)</source>
        <translation>Schätzen, Kosten bestätigen, dann senden (Ctrl+R)</translation>
    </message>
    <message>
        <source>done of planned</source>
        <translation>erledigt von geplant</translation>
    </message>
    <message>
        <source>spent by this run</source>
        <translation>von diesem Lauf ausgegeben</translation>
    </message>
    <message>
        <source>results per second</source>
        <translation>Ergebnisse pro Sekunde</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>estimate or start a run</source>
        <translation>schätzen oder einen Lauf starten</translation>
    </message>
    <message>
        <source>Results recorded by this run (answers and failures) out of the calls it plans to send</source>
        <translation>Von diesem Lauf erfasste Ergebnisse (Antworten und Fehler) von den geplanten Aufrufen</translation>
    </message>
    <message>
        <source>Priced from the usage each provider reported; answers from the response cache cost nothing now. The expectation and the maximum come from the estimate.</source>
        <translation>Bepreist nach der von jedem Anbieter gemeldeten Nutzung; Antworten aus dem Antwort-Cache kosten jetzt nichts. Erwartung und Maximum stammen aus der Schätzung.</translation>
    </message>
    <message>
        <source>Results recorded per second over roughly the last ten seconds</source>
        <translation>Erfasste Ergebnisse pro Sekunde über etwa die letzten zehn Sekunden</translation>
    </message>
    <message>
        <source>Results still to come divided by the current rate</source>
        <translation>Noch ausstehende Ergebnisse geteilt durch die aktuelle Rate</translation>
    </message>
    <message>
        <source>Not estimated: %1</source>
        <translation>Nicht geschätzt: %1</translation>
    </message>
    <message>
        <source>The run stopped: %1. What was recorded before stays.</source>
        <translation>Der Lauf wurde gestoppt: %1. Bereits Erfasstes bleibt erhalten.</translation>
    </message>
    <message>
        <source>The run was cancelled because another workspace was opened; its results are kept in %1.</source>
        <translation>Der Lauf wurde abgebrochen, weil ein anderer Arbeitsbereich geöffnet wurde; seine Ergebnisse bleiben in %1 erhalten.</translation>
    </message>
    <message>
        <source>The providers file no longer offers %1: add it on the Providers page to resume this run.</source>
        <translation>Die Anbieterdatei bietet %1 nicht mehr an: Fügen Sie es auf der Seite „Anbieter“ hinzu, um diesen Lauf fortzusetzen.</translation>
    </message>
    <message>
        <source>The providers file is read when this page is shown.</source>
        <translation>Die Anbieterdatei wird beim Anzeigen dieser Seite gelesen.</translation>
    </message>
    <message>
        <source>The providers file %1 cannot be read: %2</source>
        <translation>Die Anbieterdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No providers file yet (%1): add the providers and models to call on the Providers page.</source>
        <translation>Noch keine Anbieterdatei (%1): Fügen Sie auf der Seite „Anbieter“ die aufzurufenden Anbieter und Modelle hinzu.</translation>
    </message>
    <message>
        <source>The providers file %1 lists no models: add one on the Providers page.</source>
        <translation>Die Anbieterdatei %1 enthält keine Modelle: Fügen Sie eines auf der Seite „Anbieter“ hinzu.</translation>
    </message>
    <message>
        <source>No prompt set yet: import one on the Prompt Sets page (Ctrl+I).</source>
        <translation>Noch kein Prompt-Set: Importieren Sie eines auf der Seite „Prompt-Sets“ (Ctrl+I).</translation>
    </message>
    <message>
        <source>Check at least one model to run.</source>
        <translation>Wählen Sie mindestens ein Modell für den Lauf aus.</translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation>Schätzung läuft…</translation>
    </message>
    <message>
        <source>Cancelling: waiting for the calls in flight to stop…</source>
        <translation>Abbruch: Warte auf das Ende laufender Aufrufe…</translation>
    </message>
    <message>
        <source>Nothing to send: every call of this request is already recorded.</source>
        <translation>Nichts zu senden: Jeder Aufruf dieser Anfrage ist bereits erfasst.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Not started: nothing was sent.</source>
        <translation>Nicht gestartet: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Progress per model</source>
        <translation>Fortschritt je Modell</translation>
    </message>
    <message>
        <source>Estimate shows what a run would send and cost before anything is sent.</source>
        <translation>„Schätzen“ zeigt, was ein Lauf senden und kosten würde, bevor etwas gesendet wird.</translation>
    </message>
    <message>
        <source>Estimate per model</source>
        <translation>Schätzung je Modell</translation>
    </message>
    <message>
        <source>Failures by class</source>
        <translation>Fehler nach Klasse</translation>
    </message>
    <message>
        <source>No run selected.</source>
        <translation>Kein Lauf ausgewählt.</translation>
    </message>
    <message>
        <source>Runs of this workspace</source>
        <translation>Läufe dieses Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Send the selected run&apos;s missing calls</source>
        <translation>Die fehlenden Aufrufe des ausgewählten Laufs senden</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Send the selected run&apos;s failed calls again</source>
        <translation>Die fehlgeschlagenen Aufrufe des ausgewählten Laufs erneut senden</translation>
    </message>
    <message>
        <source>Selecting a run fills the controls.</source>
        <translation>Die Auswahl eines Laufs füllt die Steuerelemente.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop sending; every answer recorded so far is kept</source>
        <translation>Senden beenden; alle bisher erfassten Antworten bleiben erhalten</translation>
    </message>
    <message>
        <source>Send the same request again: the calls still missing are sent</source>
        <translation>Dieselbe Anfrage erneut senden: Die noch fehlenden Aufrufe werden gesendet</translation>
    </message>
    <message>
        <source>expected %1 · at most %2 · cap %3</source>
        <translation>erwartet %1 · höchstens %2 · Obergrenze %3</translation>
    </message>
    <message>
        <source>measured while the run goes</source>
        <translation>gemessen, während der Lauf läuft</translation>
    </message>
    <message>
        <source>%1 · %2 in flight</source>
        <translation>%1 · %2 laufend</translation>
    </message>
    <message>
        <source>expected %1 · cap %2</source>
        <translation>erwartet %1 · Obergrenze %2</translation>
    </message>
    <message>
        <source>over the last ten seconds</source>
        <translation>über die letzten zehn Sekunden</translation>
    </message>
    <message>
        <source>elapsed %1</source>
        <translation>vergangen %1</translation>
    </message>
    <message>
        <source>Run %1 has no failed results.</source>
        <translation>Lauf %1 hat keine fehlgeschlagenen Ergebnisse.</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %2 failed results in %n class(es). Messages are the providers&apos; own, with credentials removed.</source>
        <translation>
            <numerusform>Lauf %1: %2 fehlgeschlagene Ergebnisse in %n Klasse. Die Meldungen stammen von den Anbietern, Zugangsdaten entfernt.</numerusform>
            <numerusform>Lauf %1: %2 fehlgeschlagene Ergebnisse in %n Klassen. Die Meldungen stammen von den Anbietern, Zugangsdaten entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavingsCharts</name>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Caching</source>
        <translation>Caching</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>A month&apos;s bill, lever by lever</source>
        <translation>Die Monatsrechnung, Hebel für Hebel</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespart</translation>
    </message>
    <message>
        <source>Added cost</source>
        <translation>Mehrkosten</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 pro Monat</translation>
    </message>
    <message>
        <source>Cost per month against request volume</source>
        <translation>Monatskosten nach Anfragevolumen</translation>
    </message>
    <message>
        <source>Requests per month (log scale)</source>
        <translation>Anfragen pro Monat (logarithmisch)</translation>
    </message>
    <message>
        <source>USD a month (log scale)</source>
        <translation>USD pro Monat (logarithmisch)</translation>
    </message>
    <message>
        <source>Provisioned throughput: %1 a month</source>
        <translation>Bereitgestellter Durchsatz: %1 pro Monat</translation>
    </message>
    <message>
        <source>Break-even: %1 requests a month</source>
        <translation>Gewinnschwelle: %1 Anfragen pro Monat</translation>
    </message>
    <message>
        <source>A month&apos;s spend per tier</source>
        <translation>Monatsausgaben je Stufe</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>canned answers</source>
        <translation>vorgefertigte Antworten</translation>
    </message>
    <message>
        <source>Assumed volume</source>
        <translation>Angenommenes Volumen</translation>
    </message>
</context>
<context>
    <name>SavingsHeadlines</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>quality %1 points lower</source>
        <translation>Qualität %1 Punkte niedriger</translation>
    </message>
    <message>
        <source>quality %1 points higher</source>
        <translation>Qualität %1 Punkte höher</translation>
    </message>
    <message>
        <source>quality within %1 points</source>
        <translation>Qualität innerhalb von %1 Punkten</translation>
    </message>
    <message>
        <source>too few prompts to measure the change in quality</source>
        <translation>zu wenige Prompts, um die Qualitätsänderung zu messen</translation>
    </message>
    <message>
        <source>The policy costs %1 more than sending every request to %2, %3</source>
        <translation>Die Richtlinie kostet %1 mehr, als jede Anfrage an %2 zu senden, %3</translation>
    </message>
    <message>
        <source>The policy saves nothing against sending every request to %1</source>
        <translation>Die Richtlinie spart nichts gegenüber dem Senden jeder Anfrage an %1</translation>
    </message>
    <message>
        <source>%1 cut the bill by %2, %3</source>
        <translation>%1 senken die Rechnung um %2, %3</translation>
    </message>
    <message>
        <source>At %1 requests a month the policy costs %2 instead of %3</source>
        <translation>Bei %1 Anfragen pro Monat kostet die Richtlinie %2 statt %3</translation>
    </message>
    <message>
        <source>; provisioned throughput pays off above %1 requests a month</source>
        <translation>; bereitgestellter Durchsatz lohnt sich ab %1 Anfragen pro Monat</translation>
    </message>
    <message>
        <source>Spend per tier</source>
        <translation>Ausgaben je Stufe</translation>
    </message>
    <message>
        <source>The %1 tier serves %2 of requests and takes %3 of the spend</source>
        <translation>Die Stufe %1 bedient %2 der Anfragen und verursacht %3 der Ausgaben</translation>
    </message>
</context>
<context>
    <name>SavingsPage</name>
    <message>
        <source>Savings</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>What a policy saves, lever by lever, what it costs in quality, and what a month costs at your volume</source>
        <translation>Was eine Richtlinie spart, Hebel für Hebel, was sie an Qualität kostet und was ein Monat bei Ihrem Volumen kostet</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Policy&apos;s bill a month</source>
        <translation>Monatsrechnung der Richtlinie</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespart</translation>
    </message>
    <message>
        <source>Quality served</source>
        <translation>Gelieferte Qualität</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>No saved policy yet: save one from the Router Lab (Save as Policy…) or with switchyard-cli policy --save NAME.</source>
        <translation>Noch keine gespeicherte Richtlinie: speichern Sie eine im Router Lab (Als Richtlinie speichern…) oder mit switchyard-cli policy --save NAME.</translation>
    </message>
    <message>
        <source>Policy and volume</source>
        <translation>Richtlinie und Volumen</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>From the policy</source>
        <translation>Aus der Richtlinie</translation>
    </message>
    <message>
        <source>Requests a month the figures are projected to. &quot;From the policy&quot;: its workloads&apos; requests_month added up, else 1,000,000. Prompt caching is simulated at this rate.</source>
        <translation>Anfragen pro Monat, auf die die Zahlen hochgerechnet werden. „Aus der Richtlinie“: die Summe der requests_month ihrer Arbeitslasten, sonst 1.000.000. Prompt-Caching wird bei dieser Rate simuliert.</translation>
    </message>
    <message>
        <source>Requests a month</source>
        <translation>Anfragen pro Monat</translation>
    </message>
    <message>
        <source>Provisioned throughput (your price)</source>
        <translation>Bereitgestellter Durchsatz (Ihr Preis)</translation>
    </message>
    <message>
        <source>The model a commitment would serve: its on-demand spend is compared with the commitment</source>
        <translation>Das Modell, das eine Zusage bedienen würde: seine On-Demand-Ausgaben werden mit der Zusage verglichen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source> per hour</source>
        <translation> pro Stunde</translation>
    </message>
    <message>
        <source>Price per model unit</source>
        <translation>Preis je Modelleinheit</translation>
    </message>
    <message>
        <source>Model units</source>
        <translation>Modelleinheiten</translation>
    </message>
    <message>
        <source>Where the price was read (URL, quote)</source>
        <translation>Wo der Preis gelesen wurde (URL, Angebot)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Price date</source>
        <translation>Preisdatum</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>The savings could not be computed: %1</source>
        <translation>Die Ersparnis konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Savings computation cancelled</source>
        <translation>Berechnung der Ersparnis abgebrochen</translation>
    </message>
    <message>
        <source>Policy &apos;%1&apos; replayed on run %2 (%3 requests of %4), scaled to %5 requests a month (%6).</source>
        <translation>Richtlinie „%1“ auf Lauf %2 nachgespielt (%3 Anfragen aus %4), hochgerechnet auf %5 Anfragen pro Monat (%6).</translation>
    </message>
    <message>
        <source>Synthetic demo data, not a measurement.</source>
        <translation>Synthetische Demodaten, keine Messung.</translation>
    </message>
    <message>
        <source>Provisioned price from %1 (%2).</source>
        <translation>Preis für bereitgestellten Durchsatz laut %1 (%2).</translation>
    </message>
    <message>
        <source>%1 saved a month by policy &apos;%2&apos;</source>
        <translation>%1 pro Monat gespart durch Richtlinie „%2“</translation>
    </message>
    <message>
        <source>vs %1 all on %2</source>
        <translation>gegenüber %1 alles auf %2</translation>
    </message>
    <message>
        <source>The run&apos;s %1 requests with every lever applied, times %2 to make a month of %3 requests</source>
        <translation>Die %1 Anfragen des Laufs mit allen Hebeln, mal %2 für einen Monat mit %3 Anfragen</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>%1 pro Monat</translation>
    </message>
    <message>
        <source>Baseline minus the policy&apos;s bill, every lever applied in order; the levers&apos; savings add up to it exactly</source>
        <translation>Basislinie minus Rechnung der Richtlinie, alle Hebel der Reihe nach angewandt; die Ersparnisse der Hebel ergeben sie genau</translation>
    </message>
    <message>
        <source>vs %1: %2</source>
        <translation>gegenüber %1: %2</translation>
    </message>
    <message>
        <source>Mean quality of the answers the policy served, with its 95 % interval, on %1 requests; paired against the baseline&apos;s answers to the same %2 prompts (%3)</source>
        <translation>Mittlere Qualität der von der Richtlinie gelieferten Antworten mit 95-%-Intervall, über %1 Anfragen; gepaart mit den Antworten der Basislinie auf dieselben %2 Prompts (%3)</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Nicht erreicht</translation>
    </message>
    <message>
        <source>Below range</source>
        <translation>Unterhalb des Bereichs</translation>
    </message>
    <message>
        <source>Provisioned break-even</source>
        <translation>Gewinnschwelle bereitgestellter Durchsatz</translation>
    </message>
    <message>
        <source>requests a month, against %1 a month</source>
        <translation>Anfragen pro Monat, gegenüber %1 pro Monat</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>of input tokens read from the cache</source>
        <translation>der Eingabe-Tokens aus dem Cache gelesen</translation>
    </message>
    <message>
        <source>the policy has no caching section</source>
        <translation>die Richtlinie hat keinen Abschnitt caching</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Präsentieren</translation>
    </message>
    <message>
        <source>Full screen, one chart per slide with its headline (F11); arrow keys move, Esc leaves</source>
        <translation>Vollbild, ein Diagramm pro Folie mit Überschrift (F11); Pfeiltasten blättern, Esc beendet</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>The figures, their assumptions and every chart as a PDF for stakeholders</source>
        <translation>Die Zahlen, ihre Annahmen und alle Diagramme als PDF für Entscheider</translation>
    </message>
    <message>
        <source> savings.pdf</source>
        <translation> Ersparnis.pdf</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages)</source>
        <translation>%1 geschrieben (%2 Seiten)</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>No saved policy in this workspace: save one from the Router Lab (Save as Policy…) or with switchyard-cli policy --save NAME.</source>
        <translation>Keine gespeicherte Richtlinie in diesem Arbeitsbereich: Speichern Sie eine im Router Lab (Als Richtlinie speichern…) oder mit switchyard-cli policy --save NAME.</translation>
    </message>
</context>
<context>
    <name>SavingsPresentation</name>
    <message>
        <source>Switchyard: savings of %1</source>
        <translation>Switchyard: Ersparnis von %1</translation>
    </message>
    <message>
        <source>Policy &apos;%1&apos; · run %2 · %3 requests of %4 · a month of %5 requests</source>
        <translation>Richtlinie „%1“ · Lauf %2 · %3 Anfragen aus %4 · ein Monat mit %5 Anfragen</translation>
    </message>
    <message>
        <source> · synthetic demo data</source>
        <translation> · synthetische Demodaten</translation>
    </message>
    <message>
        <source>%1 · slide %2 of %3 · ← → to move, Esc to leave</source>
        <translation>%1 · Folie %2 von %3 · ← → zum Blättern, Esc zum Beenden</translation>
    </message>
</context>
<context>
    <name>SavingsReport</name>
    <message>
        <source>Savings of routing policy &apos;%1&apos;</source>
        <translation>Ersparnis der Routing-Richtlinie „%1“</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>A month of %1 requests: %2 under the policy, against %3 with every request sent to %4: %5 saved (%6).</source>
        <translation>Ein Monat mit %1 Anfragen: %2 mit der Richtlinie, gegenüber %3, wenn jede Anfrage an %4 geht: %5 gespart (%6).</translation>
    </message>
    <message>
        <source>• %1: %2 a month (%3)</source>
        <translation>• %1: %2 pro Monat (%3)</translation>
    </message>
    <message>
        <source> (95 % CI %1 to %2)</source>
        <translation> (95-%-KI %1 bis %2)</translation>
    </message>
    <message>
        <source>Quality of the answers served: %1%2 on %3 requests, against %4 for the baseline; paired on %5 prompts: %6, difference %7 (%8).</source>
        <translation>Qualität der gelieferten Antworten: %1%2 über %3 Anfragen, gegenüber %4 für die Basislinie; gepaart über %5 Prompts: %6, Differenz %7 (%8).</translation>
    </message>
    <message>
        <source>Cache hit ratio of the routed traffic: %1.</source>
        <translation>Cache-Trefferquote des gerouteten Verkehrs: %1.</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>Annahmen</translation>
    </message>
    <message>
        <source>Evidence: run %1 &apos;%2&apos; on prompt set &apos;%3&apos;, %4 requests scored by %5%6.</source>
        <translation>Beleg: Lauf %1 „%2“ auf Prompt-Set „%3“, %4 Anfragen bewertet mit %5%6.</translation>
    </message>
    <message>
        <source> (synthetic demo data, not a measurement)</source>
        <translation> (synthetische Demodaten, keine Messung)</translation>
    </message>
    <message>
        <source>Prices: the catalogue of %1 with this workspace&apos;s edits; volume %2 requests a month (%3).</source>
        <translation>Preise: der Katalog vom %1 mit den Änderungen dieses Arbeitsbereichs; Volumen %2 Anfragen pro Monat (%3).</translation>
    </message>
    <message>
        <source>Provisioned throughput for %1: %2 per model unit-hour × %3 unit(s), from %4 (%5).</source>
        <translation>Bereitgestellter Durchsatz für %1: %2 je Modelleinheit und Stunde × %3 Einheit(en), laut %4 (%5).</translation>
    </message>
    <message>
        <source>Policy: %1 router over %2.</source>
        <translation>Richtlinie: %1-Router über %2.</translation>
    </message>
    <message>
        <source>Spend by tag, a month</source>
        <translation>Ausgaben nach Tag, pro Monat</translation>
    </message>
    <message>
        <source>… and %1 more tags</source>
        <translation>… und %1 weitere Tags</translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 under the policy against %4, %5 a request%6</source>
        <translation>%1: %2 Anfragen, %3 mit der Richtlinie gegenüber %4, %5 je Anfrage%6</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>(ohne Tag)</translation>
    </message>
    <message>
        <source>, cache hit ratio %1</source>
        <translation>, Cache-Trefferquote %1</translation>
    </message>
    <message>
        <source>Savings of policy %1</source>
        <translation>Ersparnis der Richtlinie %1</translation>
    </message>
</context>
<context>
    <name>SavingsTagsTable</name>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Requests a month</source>
        <translation>Anfragen pro Monat</translation>
    </message>
    <message>
        <source>Baseline a month</source>
        <translation>Basislinie pro Monat</translation>
    </message>
    <message>
        <source>Policy a month</source>
        <translation>Richtlinie pro Monat</translation>
    </message>
    <message>
        <source>Per request</source>
        <translation>Je Anfrage</translation>
    </message>
    <message>
        <source>Tier share</source>
        <translation>Stufenanteil</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>A request counts toward each of its tags, so tags can add up to more than the total</source>
        <translation>Eine Anfrage zählt für jedes ihrer Tags, daher können die Tags zusammen mehr als die Summe ergeben</translation>
    </message>
    <message>
        <source>canned %1</source>
        <translation>vorgefertigt %1</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>(ohne Tag)</translation>
    </message>
</context>
<context>
    <name>StudentPage</name>
    <message>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>Can a small model trained on a teacher&apos;s answers take the teacher&apos;s place? Judged on prompts it never saw; it runs on this machine with no key.</source>
        <translation>Kann ein kleines Modell, trainiert auf den Antworten eines Lehrers, dessen Platz einnehmen? Bewertet auf Prompts, die es nie gesehen hat; es läuft auf diesem Rechner, ohne Schlüssel.</translation>
    </message>
    <message>
        <source>Train Student</source>
        <translation>Schüler trainieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Run the Set Against It…</source>
        <translation>Prompt-Set damit ausführen…</translation>
    </message>
    <message>
        <source>Open the Runs page with the student&apos;s prompt set and the student checked: it answers in-process, with no providers file and no key</source>
        <translation>Öffnet die Seite „Läufe“ mit dem Prompt-Set des Schülers und dem Schüler ausgewählt: Er antwortet im Prozess, ohne Provider-Datei und ohne Schlüssel</translation>
    </message>
    <message>
        <source>agreement with the teacher</source>
        <translation>Übereinstimmung mit dem Lehrer</translation>
    </message>
    <message>
        <source>student cost per 1k requests</source>
        <translation>Schülerkosten pro 1.000 Anfragen</translation>
    </message>
    <message>
        <source>saved per month</source>
        <translation>Ersparnis pro Monat</translation>
    </message>
    <message>
        <source>predictions per second</source>
        <translation>Vorhersagen pro Sekunde</translation>
    </message>
    <message>
        <source>Confusion (rows: teacher, columns: student)</source>
        <translation>Verwechslungen (Zeilen: Lehrer, Spalten: Schüler)</translation>
    </message>
    <message>
        <source>Per confidence threshold</source>
        <translation>Je Konfidenzschwelle</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>Je Label</translation>
    </message>
    <message>
        <source>Type a request, as a user would send it</source>
        <translation>Eine Anfrage eingeben, wie ein Nutzer sie senden würde</translation>
    </message>
    <message>
        <source>Train or pick a student first.</source>
        <translation>Zuerst einen Schüler trainieren oder auswählen.</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Student&apos;s answer</source>
        <translation>Antwort des Schülers</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Trained and saved &quot;%1&quot;.</source>
        <translation>„%1“ trainiert und gespeichert.</translation>
    </message>
    <message>
        <source>Trained and saved &quot;%1&quot;; its out-of-fold answers are in the run as %2, scored by %3: pick them in the Router Lab (cascade, signal &quot;stated probability&quot;).</source>
        <translation>„%1“ trainiert und gespeichert; seine Out-of-Fold-Antworten stehen im Lauf als %2, bewertet mit %3: im Router Lab auswählen (Kaskade, Signal „angegebene Wahrscheinlichkeit“).</translation>
    </message>
    <message>
        <source>Training cancelled: nothing was saved.</source>
        <translation>Training abgebrochen: Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>e.g. ticket-router</source>
        <translation>z. B. ticket-router</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Teacher model</source>
        <translation>Lehrermodell</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern als</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>Folds der Kreuzvalidierung</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <source>Word n-grams</source>
        <translation>Wort-N-Gramme</translation>
    </message>
    <message>
        <source>Add its answers to the run as a Router Lab tier</source>
        <translation>Antworten dem Lauf als Router-Lab-Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Records the student&apos;s out-of-fold answers and probabilities in the teacher&apos;s run, scored against the teacher: no prompt is answered by a student that saw it</source>
        <translation>Speichert die Out-of-Fold-Antworten und Wahrscheinlichkeiten des Schülers im Lauf des Lehrers, bewertet gegen den Lehrer: Kein Prompt wird von einem Schüler beantwortet, der ihn gesehen hat</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source> / hour</source>
        <translation> / Stunde</translation>
    </message>
    <message>
        <source>What the machine serving the student costs; spread over the throughput measured here, it prices every answer</source>
        <translation>Was die Maschine kostet, die den Schüler bereitstellt; verteilt auf den hier gemessenen Durchsatz ergibt sie den Preis jeder Antwort</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Requests per month</source>
        <translation>Anfragen pro Monat</translation>
    </message>
    <message>
        <source>Saved students</source>
        <translation>Gespeicherte Schüler</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Keep answers at probability ≥</source>
        <translation>Antworten behalten ab Wahrscheinlichkeit ≥</translation>
    </message>
    <message>
        <source>%1 (run %2)</source>
        <translation>%1 (Lauf %2)</translation>
    </message>
    <message>
        <source>No run with a teacher yet: import recorded results or run a prompt set against a model whose answers are labels.</source>
        <translation>Noch kein Lauf mit einem Lehrer: Aufgezeichnete Ergebnisse importieren oder ein Prompt-Set mit einem Modell ausführen, dessen Antworten Labels sind.</translation>
    </message>
    <message>
        <source>Training &quot;%1&quot; on the answers of %2: %3 folds, then the final student…</source>
        <translation>„%1“ wird auf den Antworten von %2 trainiert: %3 Folds, dann der endgültige Schüler…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>The run this student learned from is gone: pick a set on the Runs page.</source>
        <translation>Der Lauf, aus dem dieser Schüler gelernt hat, existiert nicht mehr: Auf der Seite „Läufe“ ein Set wählen.</translation>
    </message>
    <message>
        <source>train a student or pick a saved one</source>
        <translation>Schüler trainieren oder gespeicherten wählen</translation>
    </message>
    <message>
        <source>95 % CI %1 – %2 · %3 prompts, %4-fold</source>
        <translation>95-%-KI %1 – %2 · %3 Prompts, %4-fach</translation>
    </message>
    <message>
        <source>How often the student&apos;s label equals the teacher&apos;s on prompts it was not trained on (k-fold cross-validation; identical prompts share a fold), with the Wilson 95 % interval.%1</source>
        <translation>Wie oft das Label des Schülers dem des Lehrers gleicht, auf Prompts, auf denen er nicht trainiert wurde (k-fache Kreuzvalidierung; gleiche Prompts teilen sich einen Fold), mit dem 95-%-Wilson-Intervall.%1</translation>
    </message>
    <message>
        <source> Against the %1 reference answers: student %2, teacher %3.</source>
        <translation> Gegen die %1 Referenzantworten: Schüler %2, Lehrer %3.</translation>
    </message>
    <message>
        <source>vs %1 the teacher&apos;s recorded cost</source>
        <translation>gegenüber %1 aufgezeichneten Lehrerkosten</translation>
    </message>
    <message>
        <source>the teacher&apos;s calls were not priced</source>
        <translation>die Aufrufe des Lehrers haben keinen Preis</translation>
    </message>
    <message>
        <source>The hardware&apos;s %1 per hour spread over the measured %2 predictions per second of one thread.</source>
        <translation>Die %1 pro Stunde der Hardware, verteilt auf die gemessenen %2 Vorhersagen pro Sekunde eines Threads.</translation>
    </message>
    <message>
        <source>keeps %1 at %2 agreement · %3 requests</source>
        <translation>behält %1 bei %2 Übereinstimmung · %3 Anfragen</translation>
    </message>
    <message>
        <source>The student answers every request; answers below probability %1 go on to the teacher. Saving = kept share × the teacher&apos;s cost − the student&apos;s cost, per month at the request rate. Agreement of the kept answers is out-of-fold.</source>
        <translation>Der Schüler beantwortet jede Anfrage; Antworten unter Wahrscheinlichkeit %1 gehen weiter an den Lehrer. Ersparnis = behaltener Anteil × Lehrerkosten − Schülerkosten, pro Monat bei der Anfragerate. Die Übereinstimmung der behaltenen Antworten ist Out-of-Fold.</translation>
    </message>
    <message>
        <source>one thread · trained in %1 s</source>
        <translation>ein Thread · trainiert in %1 s</translation>
    </message>
    <message>
        <source>Reliability: does its probability mean what it says?</source>
        <translation>Verlässlichkeit: Hält seine Wahrscheinlichkeit, was sie sagt?</translation>
    </message>
    <message>
        <source>perfectly calibrated</source>
        <translation>perfekt kalibriert</translation>
    </message>
    <message>
        <source>%1, out-of-fold</source>
        <translation>%1, Out-of-Fold</translation>
    </message>
    <message>
        <source>no student yet</source>
        <translation>noch kein Schüler</translation>
    </message>
    <message>
        <source>Student&apos;s probability for its label (%)</source>
        <translation>Wahrscheinlichkeit des Schülers für sein Label (%)</translation>
    </message>
    <message>
        <source>Agreement with the teacher (%)</source>
        <translation>Übereinstimmung mit dem Lehrer (%)</translation>
    </message>
    <message>
        <source>%1 prompts the teacher labelled &quot;%2&quot; and the student &quot;%3&quot; (%4 of the row)</source>
        <translation>%1 Prompts, die der Lehrer mit „%2“ und der Schüler mit „%3“ beschriftet hat (%4 der Zeile)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Teacher gave it</source>
        <translation>Vom Lehrer vergeben</translation>
    </message>
    <message>
        <source>Student gave it</source>
        <translation>Vom Schüler vergeben</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Probability ≥</source>
        <translation>Wahrscheinlichkeit ≥</translation>
    </message>
    <message>
        <source>Student keeps</source>
        <translation>Schüler behält</translation>
    </message>
    <message>
        <source>Agreement of kept answers</source>
        <translation>Übereinstimmung der behaltenen Antworten</translation>
    </message>
    <message>
        <source>Saved per month</source>
        <translation>Ersparnis pro Monat</translation>
    </message>
    <message>
        <source>Type a request to see the label %1 gives it.</source>
        <translation>Eine Anfrage eingeben, um das Label zu sehen, das %1 ihr gibt.</translation>
    </message>
    <message>
        <source>No label: the request has no words to read.</source>
        <translation>Kein Label: Die Anfrage enthält keine lesbaren Wörter.</translation>
    </message>
    <message>
        <source>%1 · probability %2 · %3</source>
        <translation>%1 · Wahrscheinlichkeit %2 · %3</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>escalated to %1</source>
        <translation>an %1 eskaliert</translation>
    </message>
    <message>
        <source>Export Dataset…</source>
        <translation>Datensatz exportieren…</translation>
    </message>
    <message>
        <source>Write the teacher&apos;s answers in the chosen run as a Bedrock model-distillation or OpenAI fine-tuning dataset, checked against their documented limits</source>
        <translation>Schreibt die Antworten des Lehrers im gewählten Lauf als Datensatz für Bedrock-Modelldestillation oder OpenAI-Fine-Tuning, geprüft gegen deren dokumentierte Grenzen</translation>
    </message>
    <message>
        <source>Per tag</source>
        <translation>Je Tag</translation>
    </message>
    <message>
        <source>Wrote %1 examples of %2 to %3.%4</source>
        <translation>%1 Beispiele von %2 nach %3 geschrieben.%4</translation>
    </message>
    <message>
        <source>Bedrock model distillation (*.jsonl)</source>
        <translation>Bedrock-Modelldestillation (*.jsonl)</translation>
    </message>
    <message>
        <source>OpenAI fine-tuning (*.jsonl)</source>
        <translation>OpenAI-Fine-Tuning (*.jsonl)</translation>
    </message>
    <message>
        <source>Export the teacher&apos;s answers</source>
        <translation>Antworten des Lehrers exportieren</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>Label entropy (bits)</source>
        <translation>Label-Entropie (Bit)</translation>
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
    <name>ThresholdSliders</name>
    <message>
        <source>Keep %1&apos;s answer when its confidence ≥ %2</source>
        <translation>Antwort von %1 behalten, wenn ihre Konfidenz ≥ %2</translation>
    </message>
    <message>
        <source>To %1 instead of %2 when the score ≥ %3</source>
        <translation>An %1 statt %2, wenn die Bewertung ≥ %3</translation>
    </message>
</context>
<context>
    <name>TrafficCharts</name>
    <message>
        <source>Premium</source>
        <translation>Premium</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Günstig</translation>
    </message>
    <message>
        <source>Unpriced</source>
        <translation>Ohne Preis</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Time (UTC, hourly buckets)</source>
        <translation>Zeit (UTC, stündlich)</translation>
    </message>
    <message>
        <source>Date (UTC, daily buckets)</source>
        <translation>Datum (UTC, täglich)</translation>
    </message>
    <message>
        <source>Spend per hour (%1)</source>
        <translation>Ausgaben pro Stunde (%1)</translation>
    </message>
    <message>
        <source>Spend per day (%1)</source>
        <translation>Ausgaben pro Tag (%1)</translation>
    </message>
    <message>
        <source>Spend per price tier</source>
        <translation>Ausgaben je Preisstufe</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>%1 (%2 req.)</source>
        <translation>%1 (%2 Anfr.)</translation>
    </message>
    <message>
        <source>Tier (output price per million tokens)</source>
        <translation>Stufe (Ausgabepreis je Million Tokens)</translation>
    </message>
    <message>
        <source>Spend (%1)</source>
        <translation>Ausgaben (%1)</translation>
    </message>
    <message>
        <source>Tokens in and out by model</source>
        <translation>Tokens rein und raus nach Modell</translation>
    </message>
    <message>
        <source>Input (cached included)</source>
        <translation>Eingabe (inkl. Cache)</translation>
    </message>
    <message>
        <source>of which read from cache</source>
        <translation>davon aus dem Cache gelesen</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Tokens (millions)</source>
        <translation>Tokens (Millionen)</translation>
    </message>
    <message>
        <source>Tokens (thousands)</source>
        <translation>Tokens (Tausend)</translation>
    </message>
</context>
<context>
    <name>TrafficImport</name>
    <message numerus="yes">
        <source>%Ln request(s) from %1 file(s) into set &apos;%2&apos;, %3</source>
        <translation>
            <numerusform>%Ln Anfrage aus %1 Datei(en) in das Set &apos;%2&apos;, %3</numerusform>
            <numerusform>%Ln Anfragen aus %1 Datei(en) in das Set &apos;%2&apos;, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>; %1 already imported, skipped</source>
        <translation>; %1 bereits importiert, übersprungen</translation>
    </message>
    <message>
        <source>; %1 rejected</source>
        <translation>; %1 abgelehnt</translation>
    </message>
    <message>
        <source> (cancelled: what was read is kept)</source>
        <translation> (abgebrochen: Gelesenes bleibt erhalten)</translation>
    </message>
    <message>
        <source>… and %1 more rejected records</source>
        <translation>… und %1 weitere abgelehnte Datensätze</translation>
    </message>
    <message>
        <source>%1 (kept without its text)</source>
        <translation>%1 (ohne Text behalten)</translation>
    </message>
    <message>
        <source>%1: %2; its cost is left empty</source>
        <translation>%1: %2; die Kosten bleiben leer</translation>
    </message>
    <message>
        <source>%1: skipped, neither a log nor a usage export</source>
        <translation>%1: übersprungen, weder Log noch Nutzungsexport</translation>
    </message>
</context>
<context>
    <name>TrafficPage</name>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>What production traffic cost, where the money went, and where it leaks</source>
        <translation>Was der Produktionsverkehr kostete, wohin das Geld ging und wo es versickert</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import Logs…</source>
        <translation>Logs importieren…</translation>
    </message>
    <message>
        <source>Amazon Bedrock model-invocation logs (folders of .json.gz as delivered to S3, CloudWatch Logs exports) or a usage CSV export; dropping them on the window does the same</source>
        <translation>Amazon-Bedrock-Aufruf-Logs (Ordner mit .json.gz wie in S3 geliefert, CloudWatch-Logs-Exporte) oder ein Nutzungsexport als CSV; Ablegen auf dem Fenster tut dasselbe</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Cost per 1k requests</source>
        <translation>Kosten je 1.000 Anfragen</translation>
    </message>
    <message>
        <source>Cache hit ratio achieved</source>
        <translation>Erreichte Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Auffälligkeiten</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Workloads</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>No production traffic in this workspace yet: import Bedrock invocation logs or a usage export (Import Logs…, or drop them on the window).</source>
        <translation>Noch kein Produktionsverkehr in diesem Arbeitsbereich: Bedrock-Aufruf-Logs oder einen Nutzungsexport importieren (Logs importieren… oder auf dem Fenster ablegen).</translation>
    </message>
    <message>
        <source>Prompt set</source>
        <translation>Prompt-Set</translation>
    </message>
    <message>
        <source>By model</source>
        <translation>Nach Modell</translation>
    </message>
    <message>
        <source>By workload</source>
        <translation>Nach Workload</translation>
    </message>
    <message>
        <source>Spend over time</source>
        <translation>Ausgaben im Zeitverlauf</translation>
    </message>
    <message>
        <source>Anomaly rules</source>
        <translation>Regeln für Auffälligkeiten</translation>
    </message>
    <message>
        <source>× the day before</source>
        <translation>× des Vortags</translation>
    </message>
    <message>
        <source>Spend jump</source>
        <translation>Ausgabensprung</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <source>A rise of the share of requests served by premium models, day over day</source>
        <translation>Ein Anstieg des Anteils der von Premium-Modellen bedienten Anfragen gegenüber dem Vortag</translation>
    </message>
    <message>
        <source>Premium share rise</source>
        <translation>Anstieg des Premium-Anteils</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>A conversation re-sent this many times or more, a turn longer each time, each within a minute of the last</source>
        <translation>Eine Unterhaltung, die so oft oder öfter erneut gesendet wird, jedes Mal eine Runde länger, jeweils binnen einer Minute</translation>
    </message>
    <message>
        <source>Runaway loop</source>
        <translation>Endlosschleife</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Letzter Import</translation>
    </message>
    <message>
        <source>None this session</source>
        <translation>In dieser Sitzung keiner</translation>
    </message>
    <message>
        <source>the workspace could not be opened</source>
        <translation>der Arbeitsbereich konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The traffic figures could not be computed: %1</source>
        <translation>Die Verkehrszahlen konnten nicht berechnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s), %1 – %2</source>
        <translation>
            <numerusform>%Ln Anfrage, %1 – %2</numerusform>
            <numerusform>%Ln Anfragen, %1 – %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The recorded usage of every request priced by the workspace&apos;s prices (catalogue %1)%2</source>
        <translation>Die aufgezeichnete Nutzung jeder Anfrage, bepreist mit den Preisen des Arbeitsbereichs (Katalog %1)%2</translation>
    </message>
    <message>
        <source>; %1 request(s) could not be priced and are left out</source>
        <translation>; %1 Anfrage(n) ohne Preis sind nicht enthalten</translation>
    </message>
    <message>
        <source>over %1 priced requests</source>
        <translation>über %1 bepreiste Anfragen</translation>
    </message>
    <message>
        <source>%1 of %2 input tokens read from cache</source>
        <translation>%1 von %2 Eingabe-Tokens aus dem Cache gelesen</translation>
    </message>
    <message>
        <source>none found by the rules</source>
        <translation>keine nach den Regeln</translation>
    </message>
    <message>
        <source>see the Anomalies tab</source>
        <translation>siehe Reiter Auffälligkeiten</translation>
    </message>
    <message>
        <source>%1 models, %2 workloads; %3 failed requests. Premium: at least $10 per million output tokens; economy: under $1.</source>
        <translation>%1 Modelle, %2 Workloads; %3 fehlgeschlagene Anfragen. Premium: mindestens 10 $ je Million Ausgabe-Tokens; günstig: unter 1 $.</translation>
    </message>
    <message>
        <source>Traffic of set &apos;%1&apos;: %2 requests</source>
        <translation>Verkehr des Sets &apos;%1&apos;: %2 Anfragen</translation>
    </message>
    <message>
        <source>Import logs</source>
        <translation>Logs importieren</translation>
    </message>
    <message>
        <source>Invocation logs and usage exports (*.json *.gz *.jsonl *.csv);;All files (*)</source>
        <translation>Aufruf-Logs und Nutzungsexporte (*.json *.gz *.jsonl *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing logs into set &apos;%1&apos;…</source>
        <translation>Logs werden in das Set &apos;%1&apos; importiert…</translation>
    </message>
    <message>
        <source>Saved the sample as prompt set &apos;%1&apos;: run the policy&apos;s models on it from the Runs page</source>
        <translation>Stichprobe als Prompt-Set &apos;%1&apos; gespeichert: die Modelle der Richtlinie darauf auf der Seite Läufe ausführen</translation>
    </message>
    <message>
        <source>By tag “%1”</source>
        <translation>Nach Tag „%1“</translation>
    </message>
    <message>
        <source>Spend over time by workload</source>
        <translation>Ausgaben im Zeitverlauf nach Workload</translation>
    </message>
    <message>
        <source>Spend over time by %1</source>
        <translation>Ausgaben im Zeitverlauf nach %1</translation>
    </message>
    <message>
        <source>Spend over time by model</source>
        <translation>Ausgaben im Zeitverlauf nach Modell</translation>
    </message>
</context>
<context>
    <name>TrafficTables</name>
    <message>
        <source>Spend jump</source>
        <translation>Ausgabensprung</translation>
    </message>
    <message>
        <source>Runaway loop</source>
        <translation>Endlosschleife</translation>
    </message>
    <message>
        <source>Premium shift</source>
        <translation>Premium-Verschiebung</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Per request</source>
        <translation>Je Anfrage</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Premium share</source>
        <translation>Premium-Anteil</translation>
    </message>
    <message>
        <source>A request&apos;s workload is its workload:X tag (request metadata), else the identity that called, else its team. Cache hit ratio: input tokens read from the cache over all input tokens, as the logs recorded them.</source>
        <translation>Der Workload einer Anfrage ist ihr Tag workload:X (Anfrage-Metadaten), sonst die aufrufende Identität, sonst ihr Team. Cache-Trefferquote: aus dem Cache gelesene Eingabe-Tokens über alle Eingabe-Tokens, wie die Logs sie aufzeichneten.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Cache reads</source>
        <translation>Cache-Lesezugriffe</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>%1 request(s) the catalogue cannot price are not in this figure</source>
        <translation>%1 Anfrage(n), die der Katalog nicht bepreisen kann, fehlen in dieser Zahl</translation>
    </message>
    <message>
        <source>Spend rose %1× day over day, from %2 to %3</source>
        <translation>Die Ausgaben stiegen gegenüber dem Vortag auf das %1-Fache, von %2 auf %3</translation>
    </message>
    <message>
        <source>Premium models served %1 of requests, up from %2 the day before: is a cheaper tier good enough?</source>
        <translation>Premium-Modelle bedienten %1 der Anfragen, am Vortag %2: reicht eine günstigere Stufe?</translation>
    </message>
    <message>
        <source>One conversation re-sent %1 times in quick succession, growing from %2 to %3 messages: an agent stuck in a loop?</source>
        <translation>Eine Unterhaltung %1-mal kurz hintereinander erneut gesendet, gewachsen von %2 auf %3 Nachrichten: ein Agent in einer Schleife?</translation>
    </message>
</context>
<context>
    <name>TrafficWhatIfPanel</name>
    <message>
        <source>%1 offers no prompt caching: its %2 requests cannot be cached whatever the prompts do.</source>
        <translation>%1 bietet kein Prompt-Caching: seine %2 Anfragen lassen sich nicht cachen, was die Prompts auch tun.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; achieved, &lt;b&gt;%2&lt;/b&gt; possible with checkpoints after the tools, system prompt and conversation (%3 requests at their recorded times). Their input would cost %4 instead of %5 uncached: %6 a month at this rate.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; erreicht, &lt;b&gt;%2&lt;/b&gt; möglich mit Checkpoints nach Werkzeugen, System-Prompt und Unterhaltung (%3 Anfragen zu ihren aufgezeichneten Zeiten). Ihre Eingabe kostete %4 statt %5 ohne Cache: %6 im Monat bei dieser Rate.</translation>
    </message>
    <message>
        <source>These %1 requests cost %2; routed by &apos;%3&apos; their recorded usage would cost &lt;b&gt;%4&lt;/b&gt; (%5 %6). Tiers: %7.</source>
        <translation>Diese %1 Anfragen kosteten %2; geroutet nach &apos;%3&apos; kostete ihre aufgezeichnete Nutzung &lt;b&gt;%4&lt;/b&gt; (%5 %6). Stufen: %7.</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>adding</source>
        <translation>Mehrkosten</translation>
    </message>
    <message>
        <source>Quality on these prompts is not measured yet: a run of every tier&apos;s model on %1 requests drawn over the traffic would cost about %2.</source>
        <translation>Die Qualität auf diesen Prompts ist noch nicht gemessen: ein Lauf aller Stufenmodelle auf %1 über den Verkehr verteilten Anfragen kostete etwa %2.</translation>
    </message>
    <message>
        <source>No price for %1: its requests are left out of the sums.</source>
        <translation>Kein Preis für %1: seine Anfragen fehlen in den Summen.</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>Was wäre, wenn</translation>
    </message>
    <message>
        <source>Cache model</source>
        <translation>Cache-Modell</translation>
    </message>
    <message>
        <source>Simulate Caching</source>
        <translation>Caching simulieren</translation>
    </message>
    <message>
        <source>The Cache Lab&apos;s simulation on the requests this model served, at the times they arrived</source>
        <translation>Die Simulation des Cache Lab auf den Anfragen dieses Modells, zu den Zeiten ihres Eintreffens</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Stichprobe</translation>
    </message>
    <message>
        <source>Apply Policy</source>
        <translation>Richtlinie anwenden</translation>
    </message>
    <message>
        <source>Save Sample as Prompt Set</source>
        <translation>Stichprobe als Prompt-Set speichern</translation>
    </message>
    <message>
        <source>The sampled requests as a prompt set: run the policy&apos;s models on it from the Runs page to measure their quality</source>
        <translation>Die Stichprobe als Prompt-Set: die Modelle der Richtlinie auf der Seite Läufe darauf ausführen, um ihre Qualität zu messen</translation>
    </message>
    <message>
        <source>No saved policy yet: save one from the Router Lab</source>
        <translation>Noch keine gespeicherte Richtlinie: im Router Lab eine speichern</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Simulation läuft…</translation>
    </message>
    <message>
        <source>the workspace could not be opened</source>
        <translation>der Arbeitsbereich konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Routing the recorded prompts…</source>
        <translation>Die aufgezeichneten Prompts werden geroutet…</translation>
    </message>
</context>
</TS>
