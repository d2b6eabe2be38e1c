#include "cli_local_servers.h"

#include "cli_runner_common.h"
#include "common/text_format.h"
#include "providers/local_servers.h"
#include "store/workspace.h"
#include "workbench/local_model_ops.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

using namespace switchyard;

namespace {

int fail(int code, const std::string& message) {
    std::cerr << "switchyard-cli: " << message << "\n";
    return code;
}

// --probe ollama=11434 (repeatable); the three default ports otherwise.
std::optional<std::vector<LocalServerProbe>> probesOf(const CliArgs& args, std::string& error) {
    const auto given = args.options.find("probe");
    if (given == args.options.end())
        return defaultLocalServerProbes();
    std::vector<LocalServerProbe> probes;
    for (const std::string& text : given->second) {
        const auto eq = text.find('=');
        const auto port =
            eq == std::string::npos ? std::nullopt : parseNumber<int>(text.substr(eq + 1));
        if (eq == 0 || !port || *port < 1 || *port > 65535) {
            error = "--probe takes KIND=PORT (ollama=11434, llama.cpp=8080, vllm=8000), got '" +
                    text + "'";
            return std::nullopt;
        }
        probes.push_back({text.substr(0, eq), *port});
    }
    return probes;
}

// Replaces the providers of the same names, keeps every other entry of the file.
Status addToProvidersFile(const std::string& path, const std::vector<LocalServer>& servers) {
    ProvidersFile file;
    file.path = path;
    if (std::filesystem::exists(path)) {
        auto loaded = loadProvidersFile(path);
        if (!loaded)
            return loaded.error();
        file = std::move(loaded).value();
    }
    return saveProvidersFile(withLocalServers(std::move(file), servers), path);
}

} // namespace

int runLocalServersCommand(const CliArgs& args) {
    std::string error;
    const auto probes = probesOf(args, error);
    if (!probes)
        return fail(2, error);
    const auto hardware = args.option("hardware-usd-hour");
    if (hardware && !args.option("workspace"))
        return fail(2, "--hardware-usd-hour prices the models in a workspace: add --workspace W");
    workbench::LocalPricingRequest pricing;
    if (hardware) {
        const auto usd = parseFiniteNumber(*hardware);
        if (!usd || *usd < 0)
            return fail(2, "--hardware-usd-hour takes a cost in dollars");
        pricing.hardwareUsdPerHour = *usd;
    }
    if (const auto speed = args.option("tokens-per-second")) {
        const auto value = parseFiniteNumber(*speed);
        if (!value || *value <= 0)
            return fail(2, "--tokens-per-second takes a positive number");
        pricing.tokensPerSecond = *value;
    }
    if (const auto concurrency = args.option("concurrency")) {
        const auto value = parseNumber<int>(*concurrency);
        if (!value || *value < 1)
            return fail(2, "--concurrency takes a whole number of at least 1");
        pricing.concurrentRequests = *value;
    }

    const LocalServerScan scan = detectLocalServers(*probes);
    nlohmann::json out = {{"servers", nlohmann::json::array()}, {"absent", scan.absent}};
    for (const LocalServer& server : scan.found) {
        const ProviderConfig config = localServerProvider(server);
        out["servers"].push_back({{"kind", server.kind},
                                  {"provider", config.name},
                                  {"base_url", server.baseUrl},
                                  {"models", server.models}});
        for (const std::string& model : server.models)
            pricing.modelRefs.push_back(config.name + "/" + model);
    }
    out["added_to"] = nullptr;
    if (args.flag("add-to-providers") && !scan.found.empty()) {
        const std::string path = providersPath(args);
        if (auto added = addToProvidersFile(path, scan.found); !added)
            return fail(1, added.error().toString());
        out["added_to"] = path;
    }
    out["prices"] = nlohmann::json::object();
    if (hardware && !pricing.modelRefs.empty()) {
        auto workspace = Workspace::open(*args.option("workspace"));
        if (!workspace)
            return fail(1, workspace.error().toString());
        auto priced = workbench::priceLocalModels(**workspace, pricing);
        if (!priced)
            return fail(1, priced.error().toString());
        for (const workbench::LocalModelPrice& model : *priced)
            out["prices"][model.modelRef] = {
                {"measured_answers", model.measured.answers},
                {"tokens_per_second", model.tokensPerSecond},
                {"usd_per_mtok", model.price ? nlohmann::json(model.price->inputUsdPerMTok)
                                             : nlohmann::json(nullptr)},
                {"why", model.why}};
    }
    if (args.flag("json")) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const LocalServer& server : scan.found) {
        std::cout << server.kind << " at " << server.baseUrl << ": " << server.models.size()
                  << " model(s)\n";
        for (const std::string& model : server.models)
            std::cout << "  " << model << "\n";
    }
    for (const std::string& absent : scan.absent)
        std::cout << "not found: " << absent << "\n";
    if (!out["added_to"].is_null())
        std::cout << "Added to " << out["added_to"].get<std::string>() << "\n";
    for (const auto& [ref, price] : out["prices"].items())
        std::cout << ref << ": "
                  << (price["usd_per_mtok"].is_null()
                          ? price["why"].get<std::string>()
                          : formatFixed(price["usd_per_mtok"].get<double>(), 4) +
                                " USD per million tokens at " +
                                formatFixed(price["tokens_per_second"].get<double>(), 1) +
                                " tokens/s")
                  << "\n";
    return 0;
}
