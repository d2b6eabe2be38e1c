#include "cli_report.h"

#include "cli_routing_common.h"
#include "cli_savings.h"

#include <nlohmann/json.hpp>

#include <iostream>

#ifdef SWITCHYARD_CLI_REPORT
#include "savingsreport.h"

#include <QApplication>
#endif

using namespace switchyard;

int runReportCommand(const CliArgs& args) {
    const std::string out = args.option("out").value_or("");
    if (out.empty())
        return cli_routing::report({2, "--out FILE.pdf is required"}, "report");
    workbench::SavingsRequest request;
    if (const int failure = savingsRequestFromArgs(args, "report", request))
        return failure;
#ifdef SWITCHYARD_CLI_REPORT
    auto outcome = workbench::computeSavings(request, &cli_routing::g_cancel);
    if (!outcome)
        return cli_routing::report({1, outcome.error().toString()}, "report");
    // The charts are Qt widgets: drawn offscreen unless the caller chose a display platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "switchyard-cli";
    char* argv[] = {name, nullptr};
    QApplication application(argc, argv);
    auto pages = writeSavingsReport(*outcome, QString::fromStdString(out));
    if (!pages)
        return cli_routing::report({1, pages.error().toString()}, "report");
    if (args.flag("json"))
        std::cout << nlohmann::json{{"pages", *pages}, {"written", out}}.dump(2) << "\n";
    else
        std::cout << "Wrote " << out << " (" << *pages << " pages)\n";
    return 0;
#else
    return cli_routing::report({1, "this switchyard-cli was built without the GUI libraries, "
                                   "which draw the report's charts"},
                               "report");
#endif
}
