#include "cli_route.h"

#include "workbench/route_ops.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

using namespace switchyard;

namespace {

// Standard input as a file the prompt loader can sniff and rewind; removed when it goes.
class StdinCopy {
public:
    StdinCopy() {
        const char* folder = std::getenv("TMPDIR");
        m_path = std::string(folder && *folder ? folder : "/tmp") + "/switchyard-route-XXXXXX";
        const int fd = mkstemp(m_path.data());
        if (fd < 0) {
            m_path.clear();
            return;
        }
        std::FILE* out = fdopen(fd, "wb");
        char buffer[1 << 16];
        size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0)
            std::fwrite(buffer, 1, got, out);
        std::fclose(out);
    }
    ~StdinCopy() {
        if (!m_path.empty())
            std::remove(m_path.c_str());
    }
    StdinCopy(const StdinCopy&) = delete;
    StdinCopy& operator=(const StdinCopy&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

} // namespace

int runRouteCommand(const CliArgs& args) {
    const bool json = args.flag("json");
    workbench::RouteRequest request;
    request.policy = args.option("policy").value_or("");
    if (request.policy.empty()) {
        std::cerr << "switchyard-cli: --policy NAME|FILE is required (see switchyard-cli route "
                     "--help)\n";
        return 2;
    }
    auto workspace = Workspace::open(*args.option("workspace"));
    if (!workspace) {
        std::cerr << "switchyard-cli: " << workspace.error().toString() << "\n";
        return 1;
    }
    std::optional<StdinCopy> piped;
    if (auto input = args.option("input")) {
        request.inputPath = *input;
    } else {
        piped.emplace();
        request.inputPath = piped->path();
    }

    nlohmann::json decisions = nlohmann::json::array();
    auto outcome =
        workbench::routePrompts(**workspace, request, [&](const routing::RouteDecision& decision) {
            const nlohmann::json tier =
                decision.tier ? nlohmann::json(*decision.tier) : nlohmann::json(nullptr);
            if (json)
                decisions.push_back(
                    {{"id", decision.promptId},
                     {"tier", tier},
                     {"model", decision.model.empty() ? nlohmann::json(nullptr)
                                                      : nlohmann::json(decision.model)},
                     {"reason", decision.reason}});
            else
                std::cout << decision.promptId << "\t"
                          << (decision.model.empty() ? std::string("(canned)") : decision.model)
                          << "\t" << decision.reason << "\n";
        });
    if (!outcome) {
        std::cerr << "switchyard-cli: " << outcome.error().toString() << "\n";
        return 1;
    }
    for (Error rejected : outcome->rejected) {
        if (piped)
            rejected.file = "stdin"; // not the temporary copy's name
        std::cerr << "switchyard-cli: skipped " << rejected.toString() << "\n";
    }
    const double routed = static_cast<double>(std::max<int64_t>(outcome->routed, 1));
    if (json) {
        nlohmann::json share = nlohmann::json::object();
        for (size_t k = 0; k < outcome->tierModels.size(); ++k)
            share[outcome->tierModels[k]] = static_cast<double>(outcome->perTier[k]) / routed;
        std::cout << nlohmann::json{{"policy", outcome->policyName},
                                    {"routed", outcome->routed},
                                    {"rejected", outcome->rejectedCount},
                                    {"canned", outcome->canned},
                                    {"decisions", decisions},
                                    {"tier_share", share}}
                         .dump(2)
                  << "\n";
    }
    return outcome->routed == 0 && outcome->rejectedCount > 0 ? 1 : 0;
}
