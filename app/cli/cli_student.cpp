#include "cli_student.h"

#include "cli_routing_common.h"
#include "common/text_format.h"
#include "workbench/student_ops.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>
#include <iostream>

using namespace switchyard;

namespace {

CancelToken g_studentCancel;
extern "C" void onStudentInterrupt(int) {
    g_studentCancel.cancel();
}

// A whole number option within [low, high]; an error message when it is not.
std::optional<std::string> integerOption(const CliArgs& args, const std::string& name, int low,
                                         int high, int& out) {
    const auto text = args.option(name);
    if (!text)
        return std::nullopt;
    const auto value = parseFiniteNumber(*text);
    if (!value || std::floor(*value) != *value || *value < low || *value > high)
        return "--" + name + " takes a whole number from " + std::to_string(low) + " to " +
               std::to_string(high);
    out = static_cast<int>(*value);
    return std::nullopt;
}

std::string percent(double share) {
    return formatPercent(share);
}

void printText(const workbench::TrainStudentOutcome& o) {
    const student::StudentEvaluation& e = o.evaluation;
    std::cout << "Student '" << o.name << "' of " << o.teacher << " (run " << o.runId << " '"
              << o.runName << "'): " << withThousands(e.examples) << " examples, "
              << e.labels.size() << " labels\n";
    std::cout << "  agreement with the teacher, " << e.folds
              << "-fold cross-validated: " << percent(e.agreement) << " (95 % interval "
              << percent(e.agreementCi95.first) << " to " << percent(e.agreementCi95.second)
              << ")\n";
    if (e.referenceAccuracy)
        std::cout << "  accuracy on " << withThousands(e.referenceExamples)
                  << " reference answers: student " << percent(*e.referenceAccuracy) << ", teacher "
                  << percent(*e.teacherReferenceAccuracy) << "\n";
    for (const auto& label : e.perLabel)
        std::cout << "  " << label.label << ": " << withThousands(label.support)
                  << " examples, precision "
                  << (label.precision ? percent(*label.precision) : std::string("-")) << ", recall "
                  << (label.recall ? percent(*label.recall) : std::string("-")) << "\n";
    std::cout << "  trained in " << formatFixed(o.trainSeconds, 2) << " s; "
              << withThousands(static_cast<int64_t>(o.predictionsPerSecond))
              << " predictions per second on one core\n";
    const workbench::StudentReadiness& r = o.readiness;
    std::cout << "  readiness: label entropy " << formatFixed(r.labelEntropyBits, 2)
              << " bits; per 1,000 requests the student costs " << formatUsd(r.studentCostPer1kUsd)
              << " (at " << formatUsd(r.hardwareUsdPerHour) << " an hour), the teacher "
              << (r.teacherCostPer1kUsd ? formatUsd(*r.teacherCostPer1kUsd)
                                        : std::string("an unknown amount (its calls are unpriced)"))
              << "\n";
    for (const auto& point : r.points) {
        std::cout << "    keep answers at confidence >= " << formatFixed(point.threshold, 1) << ": "
                  << percent(point.keptShare) << " kept, agreeing "
                  << (point.agreement ? percent(*point.agreement) : std::string("-"));
        if (point.monthlySavingsUsd)
            std::cout << ", saving " << formatUsd(*point.monthlySavingsUsd) << " a month at "
                      << withThousands(r.requestsPerMonth) << " requests";
        std::cout << "\n";
    }
    for (const auto& [why, count] : o.skipped)
        std::cout << "  left out " << withThousands(count) << ": " << why << "\n";
}

} // namespace

int runTrainStudentCommand(const CliArgs& args) {
    workbench::TrainStudentRequest request;
    auto runId = cli_routing::runArgument(args);
    if (cli_routing::failed(runId))
        return cli_routing::report(std::get<cli_routing::Failure>(runId), "train-student");
    const auto run = std::get<std::optional<int64_t>>(runId);
    const auto teacher = args.option("teacher");
    const auto save = args.option("save");
    if (!run || !teacher || !save) {
        std::cerr
            << "switchyard-cli: train-student needs --run ID, --teacher REF and --save NAME\n";
        return 2;
    }
    request.runId = *run;
    request.teacher = *teacher;
    request.saveName = *save;
    for (const auto& problem :
         {integerOption(args, "folds", 2, 50, request.evaluation.folds),
          integerOption(args, "epochs", 1, 1000, request.options.epochs),
          integerOption(args, "dimension", 2, 1000, request.options.dimension),
          integerOption(args, "word-ngrams", 1, 5, request.options.wordNgrams),
          integerOption(args, "seed", 0, 1'000'000'000, request.options.seed)}) {
        if (problem) {
            std::cerr << "switchyard-cli: " << *problem << "\n";
            return 2;
        }
    }
    if (const auto rate = args.option("requests-month")) {
        const auto value = parseFiniteNumber(*rate);
        if (!value || *value < 0 || std::floor(*value) != *value) {
            std::cerr << "switchyard-cli: --requests-month takes a whole number of requests\n";
            return 2;
        }
        request.requestsPerMonth = static_cast<int64_t>(*value);
    }
    if (const auto cost = args.option("hardware-usd-hour")) {
        const auto value = parseFiniteNumber(*cost);
        if (!value || *value < 0) {
            std::cerr << "switchyard-cli: --hardware-usd-hour takes a cost in dollars\n";
            return 2;
        }
        request.hardwareUsdPerHour = *value;
    }
    request.evaluation.seed = static_cast<uint64_t>(request.options.seed);
    request.evaluation.shuffleLabels = args.flag("shuffle-labels");
    request.addToRun = args.flag("add-to-run");
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    std::signal(SIGINT, onStudentInterrupt);
    auto outcome = workbench::trainStudent(**workspace, request, &g_studentCancel);
    std::signal(SIGINT, SIG_DFL);
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        return 1;
    }
    if (!args.flag("json")) {
        printText(*outcome);
        return 0;
    }
    nlohmann::json out = nlohmann::json::parse(workbench::evaluationToJson(*outcome));
    out["name"] = outcome->name;
    out["teacher"] = outcome->teacher;
    out["run_id"] = outcome->runId;
    out["saved"] = outcome->saved;
    out["skipped"] = outcome->skipped;
    out["shuffled_labels"] = request.evaluation.shuffleLabels;
    out["price"] = {{"model", outcome->price.id},
                    {"input_usd_per_mtok", outcome->price.inputUsdPerMTok},
                    {"output_usd_per_mtok", outcome->price.outputUsdPerMTok}};
    if (request.addToRun)
        out["added_to_run"] = {{"model", outcome->tierModel},
                               {"results", outcome->tierResults},
                               {"scorer", outcome->tierScorer}};
    std::cout << out.dump(2) << "\n";
    return 0;
}
