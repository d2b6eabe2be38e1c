// switchyard-cli: the headless twin of the GUI (see the command-line contract in
// ARCHITECTURE.md). Exit codes: 0 success, 1 handled failure, 2 bad arguments.
#include "cli_args.h"
#include "cli_batch.h"
#include "cli_cache.h"
#include "cli_evaluate.h"
#include "cli_export.h"
#include "cli_gate.h"
#include "cli_golden.h"
#include "cli_import.h"
#include "cli_local_servers.h"
#include "cli_logs.h"
#include "cli_policy.h"
#include "cli_replay.h"
#include "cli_report.h"
#include "cli_results.h"
#include "cli_route.h"
#include "cli_run.h"
#include "cli_savings.h"
#include "cli_student.h"
#include "cli_sweep.h"
#include "cli_traffic.h"

#include "cache/cache_lab.h"

#include <iostream>
#include <string>
#include <vector>

namespace {

const std::vector<CommandSpec>& commands() {
    static const std::vector<CommandSpec> specs = {
        {"import",
         "import FILE... --workspace W [--set NAME] [--json]",
         "Import prompt sets from JSONL (plain, OpenAI chat, Anthropic Messages, Bedrock "
         "Converse, Bedrock batch, Bedrock distillation, OpenAI Batch) or CSV files. A file of "
         "recorded results (its first record has prompt_id, model and a score or output) "
         "becomes a run over the set holding its prompts, as a drop on the window does. Bad "
         "lines are reported with file, line and reason; the good ones load. Exits 1 only when "
         "nothing could be imported.",
         {"workspace", "set"},
         {"json"},
         1},
        {"cache",
         "cache --workspace W --set NAME --model REF [--ttl 5m|1h] [--rate PER_MIN] "
         "[--checkpoints prompt|after_tools,after_system,after_history|none] [--lint] [--json]",
         "Simulate prompt caching of a prompt set on a model: hit ratio (CHR), cache reads and "
         "writes per checkpoint, input cost with and without caching, the break-even request "
         "rate. Arrivals are the recorded timestamps, or Poisson at --rate (" +
             std::to_string(static_cast<int>(switchyard::kDefaultCacheRequestsPerMinute)) +
             "/min when neither is available). --lint adds what breaks cached prefixes and what "
             "it costs a month.",
         {"workspace", "set", "model", "ttl", "rate", "checkpoints"},
         {"json", "lint"},
         0},
        {"import-results",
         "import-results FILE --workspace W --set NAME [--run NAME] [--json]",
         "Import recorded results produced elsewhere (JSONL or CSV: prompt_id, model, score or "
         "output, optional prompt, tokens, cost_usd, latency_ms, tags, error) as a run. A new "
         "set is created from the records' prompts; an existing set must hold every prompt_id. "
         "Missing costs are computed from the pricing catalogue (missing token counts estimated "
         "from the text); models it does not know are reported, never priced at $0.",
         {"workspace", "set", "run"},
         {"json"},
         1},
        {"run",
         "run --workspace W --set NAME --models REF,REF [--providers FILE] [--budget USD] "
         "[--concurrency N] [--max-tokens N] [--temperature T] [--variants FILE --variant "
         "REF=NAME]... "
         "[--retry-failed] [--fresh] [--wait] [--yes] [--json]",
         "Send every prompt of a set to each model and record the answers as they arrive. Shows "
         "the estimate (expected and maximum cost) and asks first; --yes skips the question "
         "(required when stdin is not a terminal). The same set, models and parameters again "
         "continue the newest unfinished run instead of paying twice; --retry-failed re-sends "
         "only its failed calls. --variant sends a model its prompts through a prompt variant of "
         "the --variants file (a system prompt or user template with {{prompt}}, {{id}} and the "
         "set's fields as {{variables}}); that model is reported as REF+NAME. Identical "
         "requests are answered from the workspace's response "
         "cache at no cost unless --fresh. --budget caps what the run spends over all its "
         "invocations (what earlier ones spent counts): no call starts unless it fits with the "
         "maximum cost of every call in flight. --concurrency sets the calls in flight per "
         "provider (default: the providers file's). One process executes a run at a time: a run "
         "another live process is executing is refused, naming that process, or waited for with "
         "--wait. Ctrl+C stops and keeps what arrived. Providers: --providers, else "
         "$SWITCHYARD_PROVIDERS, else "
         "~/.config/switchyard/providers.yaml. --json model figures cover the whole run; "
         "spent_usd, calls, recorded and cached this command. Exits 1 when cancelled, stopped "
         "at the budget, or when every call failed.",
         {"workspace", "set", "models", "providers", "budget", "concurrency", "max-tokens",
          "temperature", "variants", "variant"},
         {"json", "yes", "retry-failed", "fresh", "wait"},
         0},
        {"replay",
         "replay --workspace W --policy NAME|FILE [--run ID] [--json]",
         "Replay one routing policy (a YAML file, or one saved in the workspace) over recorded "
         "results: cost, cost per 1,000 requests, quality with its 95% interval, pass rate, "
         "latency p50/p95, share per tier and savings against the baseline (every prompt to the "
         "strongest tier). The run is --run, else the newest with results for every tier.",
         {"workspace", "policy", "run"},
         {"json"},
         0},
        {"sweep",
         "sweep --workspace W --router KIND --models REF,REF[,REF] [--run ID] [--points N] "
         "[--params K=V]... [--json]",
         "The cost-quality curve of a router kind (random, complexity, classifier, learned, "
         "cascade) over about N threshold settings (default 1000), its Pareto frontier and the "
         "published router metrics: APGR, CPT(50%), CPT(80%), AIQ. Models cheapest first. A "
         "point's 'threshold' is its last threshold (the way into the strongest tier). Learned "
         "routers are scored out-of-fold (k-fold cross-validation).",
         {"workspace", "router", "models", "run", "points", "params"},
         {"json"},
         0},
        {"policy",
         "policy --workspace W --router KIND --models REF,REF[,REF] [--threshold T]... "
         "[--target-quality Q | --target-share S] [--params K=V]... --save NAME [--out FILE] "
         "[--run ID] [--json]",
         "Evaluate a router configuration and save it as a policy (versioned YAML with its "
         "evidence) in the workspace, and to FILE with --out. Thresholds are given, calibrated "
         "to the cheapest setting reaching a quality or a strong-tier share, or else to the "
         "cheapest setting within one point of the strongest tier's quality (as the Router Lab "
         "opens). --params: seed, quality_bar, incomplete (exclude|count-as-failure), baseline, "
         "scorer, judge_scorer, classifier_model, signal (judge|refusal|format|learned|answer: "
         "answer learns from the prompt and the cheap tier's own answer), folds, epochs, "
         "hash_bits, shuffle_labels (true: a control trained on shuffled labels).",
         {"workspace", "router", "models", "threshold", "target-quality", "target-share", "params",
          "save", "out", "run"},
         {"json"},
         0},
        {"export",
         "export --workspace W --policy NAME|FILE --format yaml|litellm|bedrock-router|portkey "
         "--out FILE [--providers FILE] [--region R] [--quality-difference POINTS] [--json]\n"
         "  export --workspace W --format bedrock-batch|openai-batch|anthropic-batch --out FILE "
         "(--policy NAME|FILE | --models REF,REF) [--set NAME] [--run-name NAME] [--max-tokens N] "
         "[--json]\n"
         "  export --workspace W --format distill --out FILE (--policy NAME|FILE | --teacher REF "
         "--run ID) [--target bedrock|openai] [--student claude|llama|nova|openai] "
         "[--min-score X] [--json]",
         "Write a policy for production, atomically: the policy YAML (a learned router's "
         "trained model goes beside it, named in the policy with its SHA-256), a LiteLLM proxy "
         "config.yaml (a model group per tier, fallbacks up the tiers), an Amazon Bedrock "
         "CreatePromptRouter request (two Bedrock models of one family; --quality-difference is "
         "its responseQualityDifference, --region its ARNs' region) or a Portkey config "
         "(conditional on the metadata switchyard_tier, fallbacks up the tiers). What the "
         "format cannot express is listed as warnings, never dropped silently; a policy the "
         "gateway cannot hold is refused with the reason. Providers' kinds come from the "
         "providers file (--providers, $SWITCHYARD_PROVIDERS or the default) when there is one. "
         "The batch formats write a prompt set (--set, else the policy's) as provider batch "
         "input: Bedrock batch inference records for the Converse invocation type, OpenAI Batch "
         "API requests (one file per model for both), or an Anthropic Message Batches body; "
         "each prompt goes where the policy routes it, or to every model of --models. The "
         "export is recorded as a run awaiting its results (import-batch-results). distill "
         "writes a teacher's answers (a policy's strongest tier in its evidence run, or "
         "--teacher in --run) as a Bedrock model-distillation dataset (bedrock-conversation-2024; "
         "single-turn records for Claude and Llama students, conversations for Nova) or OpenAI "
         "fine-tuning JSONL, each record checked against the format's rules; failed, empty and "
         "low-scored answers are left out and counted.",
         {"workspace", "policy", "format", "out", "providers", "region", "quality-difference",
          "models", "set", "run-name", "max-tokens", "teacher", "target", "student", "min-score",
          "run"},
         {"json"},
         0},
        {"import-batch-results",
         "import-batch-results --workspace W FILE... [--run NAME] [--json]",
         "Read the result files of batch jobs exported by this workspace (Bedrock batch "
         "output .jsonl.out, OpenAI Batch output and error files, Anthropic Message Batches "
         "results) into the run the export created, matched by record id and priced at the "
         "models' batch rates. Failed records are stored as failed results; lines matching no "
         "exported record, and lines that are not batch results, are reported with file and "
         "line. --run renames the run. Exits 1 when nothing was imported.",
         {"workspace", "run", "run-name"},
         {"json"},
         1},
        {"import-logs",
         "import-logs --workspace W PATH... [--set NAME] [--json]",
         "Import production traffic: Amazon Bedrock model-invocation logs as delivered to S3 "
         "(folders of .json.gz files, walked) or exported from CloudWatch Logs, and usage CSV "
         "exports (timestamp, model, input_tokens, output_tokens, optional cache_read_tokens, "
         "cache_write_tokens, request_id, cost_usd and workload/team/environment/cost_center "
         "columns). Each request becomes a prompt of --set (default 'traffic') with its "
         "arrival time and tags from its identity and request metadata, and a result of the "
         "model that served it (an inference profile or a prompt router priced by the model "
         "it ran on) in one run of kind traffic. Requests already in the set are skipped, so "
         "importing a growing folder again adds only what is new. Bad records are reported "
         "with file and line; a gzip file cut off keeps its records up to the cut. Exits 1 "
         "when nothing was imported.",
         {"workspace", "set"},
         {"json"},
         1},
        {"traffic",
         "traffic --workspace W [--set NAME] [--cache-model REF|auto] [--policy NAME|FILE "
         "[--sample N] [--save-sample]] [--json]",
         "The Traffic page's figures for a set of production traffic (by default the set of "
         "the newest import-logs): spend per time bucket (hours when the traffic spans two days "
         "or less, else days) per model and per workload, spend per price tier (premium from "
         "$10 per million output tokens, economy below $1), the cache hit ratio achieved per "
         "workload, tokens by model, cost per request per workload, and anomalies: a "
         "workload's day at 3x the day before or more, a jump of its premium calls' share by "
         "25 points, and runaway loops (a conversation re-sent 20 times or more, a turn longer "
         "each time, each within a minute of the last). A request's workload is its "
         "workload:X tag, else its identity, else its team. --cache-model simulates prompt "
         "caching on the requests a model served (auto: the busiest) at their recorded arrival "
         "times, with checkpoints after the tools, system prompt and conversation, beside the "
         "cache hit ratio the logs show. --policy routes the recorded prompts with a policy and "
         "prices their recorded usage at the models it picks; the quality of the cheaper tiers "
         "is not measured by that: --sample N (default 200) estimates what a run of every "
         "tier's model on N requests drawn evenly over the traffic would cost, and "
         "--save-sample saves those requests as a prompt set to run.",
         {"workspace", "set", "cache-model", "policy", "sample"},
         {"json", "save-sample"},
         0},
        {"train-student",
         "train-student --workspace W --run ID --teacher REF [--folds K] --save NAME "
         "[--epochs N] [--dimension D] [--word-ngrams N] [--seed S] [--shuffle-labels] "
         "[--requests-month N] [--hardware-usd-hour USD] [--json]",
         "Train a local student, a fastText classifier run in-process, on the teacher's answers "
         "in a run when they form a label set (ticket queue, sentiment, intent, yes/no: answers "
         "normalised, the long tail put in one 'other' label; free text is refused, saying "
         "why). It is judged by K-fold cross-validation (default 5; identical prompts share a "
         "fold): agreement with the teacher with its 95% Wilson interval, accuracy against the "
         "prompts' reference answers, per-label precision and recall, the confusion matrix, and "
         "the reliability of its probabilities. Then it is trained on every example, timed, and "
         "saved as NAME in the workspace, to serve as the provider kind local-student. "
         "--shuffle-labels trains on the labels shuffled: a control that should score at chance. "
         "The readiness report gives the labels' entropy, the teacher's recorded cost and the "
         "student's (hardware cost per hour, default $0.10, over the measured throughput) per "
         "1,000 requests, and per confidence threshold the share the student keeps, how often "
         "it agrees with the teacher there, and the monthly saving at --requests-month "
         "(default 100,000). The saved student runs as the model student/NAME, with no "
         "providers-file entry and no key, priced at its hardware cost. --add-to-run records its "
         "out-of-fold answers (and their probabilities) in the teacher's run as student/NAME, "
         "scored by agreement with the teacher, for the Router Lab: a cascade from the student to "
         "the teacher with --params signal=stated.",
         {"workspace", "run", "teacher", "folds", "save", "epochs", "dimension", "word-ngrams",
          "seed", "requests-month", "hardware-usd-hour"},
         {"json", "shuffle-labels", "add-to-run"},
         0},
        {"local-servers",
         "local-servers [--probe KIND=PORT]... [--add-to-providers] [--providers FILE] "
         "[--workspace W --hardware-usd-hour USD [--tokens-per-second N] [--concurrency N]] "
         "[--json]",
         "Find inference servers on this machine that speak OpenAI's chat-completions format: "
         "Ollama on 11434 (GET /api/tags), llama.cpp's server on 8080 and vLLM on 8000 (GET "
         "/v1/models), or the ports --probe names; list their models. --add-to-providers writes "
         "them to the providers file as openai-kind providers needing no key (entries of the same "
         "name are replaced, the rest kept). --hardware-usd-hour prices their models in the "
         "workspace by the machine's hourly cost over the tokens per second of their recorded "
         "answers (or --tokens-per-second), shared by --concurrency requests at once.",
         {"probe", "providers", "workspace", "hardware-usd-hour", "tokens-per-second",
          "concurrency"},
         {"json", "add-to-providers"},
         0},
        {"gate",
         "gate --workspace W --policy NAME|FILE [--run ID] [--json]",
         "The CI quality gate: replay the policy on a run (by default the newest run of its "
         "prompt set holding its models) and hold each workload of its governance (the prompts "
         "tagged with the workload's name, or workload:NAME) to its quality_floor, "
         "budget_per_1k_usd, and budget_usd_month at requests_month. Exits 1 naming each "
         "workload that fails and by how much; a workload with no prompts in the run fails, "
         "since nothing shows it meets its limits.",
         {"workspace", "policy", "run"},
         {"json"},
         0},
        {"savings",
         "savings --workspace W --policy NAME|FILE [--run ID] [--requests-month N] "
         "[--provisioned-model REF --provisioned-hourly USD [--provisioned-units N] "
         "[--provisioned-source TEXT] [--provisioned-date YYYY-MM-DD]] [--providers FILE] "
         "[--json]",
         "What a policy saves, lever by lever, each on what the one before left: routing (the "
         "policy replayed on a run against its baseline), prompt caching (the policy's caching "
         "section simulated on the routed traffic at the month's request rate), batch (requests "
         "tagged with its batch tags at the served model's batch price) and local-student tiers "
         "(providers of kind local-student). With the quality it costs (paired against the "
         "baseline), the month's cost against volume, the provisioned-throughput break-even, "
         "and spend by tier and tag. The month's volume is --requests-month, else the "
         "workloads' requests_month, else 1,000,000.",
         {"workspace", "policy", "run", "requests-month", "provisioned-model", "provisioned-hourly",
          "provisioned-units", "provisioned-source", "provisioned-date", "providers"},
         {"json"},
         0},
        {"report",
         "report --workspace W --policy NAME|FILE --out FILE.pdf [--run ID] [--requests-month N] "
         "[--provisioned-model REF --provisioned-hourly USD [--provisioned-units N] "
         "[--provisioned-source TEXT] [--provisioned-date YYYY-MM-DD]] [--providers FILE] "
         "[--json]",
         "The stakeholder report of the policy's savings (the figures of savings, with the same "
         "assumptions) as a PDF, written atomically: the headline, key figures with their "
         "confidence intervals, the assumptions and the policy, the waterfall, the cost against "
         "volume with the break-even, spend per tier and per tag.",
         {"workspace", "policy", "out", "run", "requests-month", "provisioned-model",
          "provisioned-hourly", "provisioned-units", "provisioned-source", "provisioned-date",
          "providers"},
         {"json"},
         0},
        {"route",
         "route --workspace W --policy NAME|FILE [--input PROMPTS] [--json]",
         "Apply a policy to new prompts: a prompt file (JSONL of any shape the importer reads, "
         "or CSV), or JSON lines on stdin. Each prompt gets its tier, model and the reason, "
         "decided by the replay engine's own code: rules, complexity and random routers decide "
         "from the prompt alone; a cascade starts every request at its cheapest tier. A learned "
         "router scores with the trained model its policy file carries (export --format yaml "
         "writes it); a classifier router is refused (it would call a model). "
         "Text output is one tab-separated line per prompt: id, model, reason.",
         {"workspace", "policy", "input"},
         {"json"},
         0},
        {"score",
         "score --workspace W --run ID [--scorer NAME | --teacher REF | --judge REF [--baseline "
         "REF] [--rubric TEXT] [--providers FILE] [--budget USD] [--concurrency N] [--yes]] "
         "[--bar X] [--json]",
         "Score a run's answers against its prompts' expected answers and store the scores. The "
         "scorer is chosen from the answers' shape (numbers, JSON, labels, free text) unless "
         "named: exact, normalised, contains, regex, label, numeric, json, token-f1, rouge-l. "
         "Failed calls are never scored as zero. Per model: mean with its 95 % CI and the pass "
         "rate at --bar (default 0.5). With --teacher, agreement with that model's answers in "
         "the run is scored instead (stored as teacher:REF/SCORER@VERSION), for distillation. "
         "With --judge, a judge model scores each answer from 1 to 10 with a reason (or, with "
         "--baseline, picks the better of it and the baseline's answer, asked in both orders); "
         "its calls go through the runner like a run: estimated and confirmed, capped by "
         "--budget, resumable, recorded and priced. Unparseable verdicts are left unscored.",
         {"workspace", "run", "scorer", "teacher", "judge", "baseline", "rubric", "providers",
          "budget", "concurrency", "bar"},
         {"json", "yes"},
         0},
        {"compare",
         "compare --workspace W --run ID [--baseline REF] [--baseline-run ID] [--scorer NAME] "
         "[--bar X] [--json]",
         "Each model's quality, cost and latency, and its paired verdict against the baseline "
         "(default: the dearest model) on the prompts both answered: the mean difference with a "
         "bootstrap 95 % CI, a p-value (McNemar's exact test for pass/fail scores, a paired "
         "permutation test otherwise) and the smallest difference the set can detect. With "
         "--baseline-run, a run on the same prompt set joins as MODEL@runN columns and each "
         "model is compared with itself there: what got better or worse.",
         {"workspace", "run", "baseline", "baseline-run", "scorer", "bar"},
         {"json"},
         0},
        {"golden",
         "golden --workspace W --set NAME [--mark | --unmark] [--json]",
         "A golden set is the benchmark every model change is measured against: every prompt "
         "has an expected answer. --mark makes the set golden; a content not marked before "
         "becomes a new version, recorded with its SHA-256. Without --mark or --unmark: the "
         "set's versions and whether it changed since the last.",
         {"workspace", "set"},
         {"json", "mark", "unmark"},
         0},
    };
    return specs;
}

void printHelp(std::ostream& out) {
    out << "switchyard-cli: which model should serve which request, and what will that save?\n\n"
           "Usage: switchyard-cli COMMAND [OPTIONS]\n\n"
           "Every command takes --workspace FILE (created when missing), prints text by default\n"
           "and one JSON object with --json; exits 0 on success, 1 on a handled failure (message\n"
           "on stderr), 2 on bad arguments.\n\nCommands:\n";
    for (const CommandSpec& spec : commands())
        out << "  " << spec.usage << "\n      " << spec.summary << "\n\n";
    out << "switchyard-cli COMMAND --help shows one command.\n";
}

} // namespace

int main(int argc, char* argv[]) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        printHelp(std::cout);
        return words.empty() ? 2 : 0;
    }
    for (const std::string& word : words) {
        if (word == "--help" || word == "-h") {
            for (const CommandSpec& spec : commands())
                if (spec.name == words[0]) {
                    std::cout << "Usage: switchyard-cli " << spec.usage << "\n\n"
                              << spec.summary << "\n";
                    return 0;
                }
        }
    }
    std::string error;
    auto args = parseCliArgs(words, commands(), error);
    if (!args) {
        std::cerr << "switchyard-cli: " << error << " (see switchyard-cli --help)\n";
        return 2;
    }
    // Finding local servers needs no workspace; pricing them does, and asks for one there.
    if (!args->option("workspace") && args->command != "local-servers") {
        std::cerr << "switchyard-cli: --workspace FILE is required\n";
        return 2;
    }
    if (args->command == "import")
        return runImportCommand(*args);
    if (args->command == "cache")
        return runCacheCommand(*args);
    if (args->command == "import-results")
        return runImportResultsCommand(*args);
    if (args->command == "run")
        return runRunCommand(*args);
    if (args->command == "replay")
        return runReplayCommand(*args);
    if (args->command == "sweep")
        return runSweepCommand(*args);
    if (args->command == "policy")
        return runPolicyCommand(*args);
    if (args->command == "score")
        return runScoreCommand(*args);
    if (args->command == "compare")
        return runCompareCommand(*args);
    if (args->command == "golden")
        return runGoldenCommand(*args);
    if (args->command == "export")
        return runExportCommand(*args);
    if (args->command == "import-batch-results")
        return runImportBatchResultsCommand(*args);
    if (args->command == "traffic")
        return runTrafficCommand(*args);
    if (args->command == "local-servers")
        return runLocalServersCommand(*args);
    if (args->command == "train-student")
        return runTrainStudentCommand(*args);
    if (args->command == "import-logs")
        return runImportLogsCommand(*args);
    if (args->command == "route")
        return runRouteCommand(*args);
    if (args->command == "gate")
        return runGateCommand(*args);
    if (args->command == "savings")
        return runSavingsCommand(*args);
    if (args->command == "report")
        return runReportCommand(*args);
    return 2;
}
