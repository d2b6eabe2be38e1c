#include "providers/local_servers.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace switchyard {

namespace {

size_t appendBody(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<std::string*>(user);
    if (body->size() > (4u << 20))
        return 0; // a model listing is small; anything this large is not one
    body->append(data, size * count);
    return size * count;
}

struct Fetched {
    long status = 0;
    std::string body;
    std::string error;
};

Fetched httpGet(const std::string& url, int64_t timeoutMs) {
    Fetched out;
    CURL* easy = curl_easy_init();
    if (!easy) {
        out.error = "libcurl could not start";
        return out;
    }
    char errors[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &out.body);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errors);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_NOPROXY, "*"); // loopback only: never through a proxy
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http");
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(timeoutMs));
    const CURLcode code = curl_easy_perform(easy);
    if (code == CURLE_OK)
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &out.status);
    else
        out.error = *errors ? errors : curl_easy_strerror(code);
    curl_easy_cleanup(easy);
    return out;
}

// Ollama's {"models": [{"name": ...}]} or OpenAI's {"data": [{"id": ..., "owned_by": ...}]}.
bool readListing(const std::string& body, LocalServer& server) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object())
        return false;
    if (const auto models = json.find("models"); models != json.end() && models->is_array()) {
        for (const auto& model : *models)
            if (model.is_object() && model.contains("name") && model["name"].is_string())
                server.models.push_back(model["name"].get<std::string>());
        return true;
    }
    if (const auto data = json.find("data"); data != json.end() && data->is_array()) {
        for (const auto& model : *data) {
            if (!model.is_object() || !model.contains("id") || !model["id"].is_string())
                continue;
            server.models.push_back(model["id"].get<std::string>());
            const std::string owner = model.value("owned_by", std::string());
            if (owner == "llamacpp")
                server.kind = "llama.cpp";
            else if (owner == "vllm")
                server.kind = "vllm";
        }
        return true;
    }
    return false;
}

} // namespace

std::vector<LocalServerProbe> defaultLocalServerProbes() {
    return {{"ollama", 11434}, {"llama.cpp", 8080}, {"vllm", 8000}};
}

LocalServerScan detectLocalServers(std::span<const LocalServerProbe> probes, int64_t timeoutMs) {
    curl_global_init(CURL_GLOBAL_DEFAULT); // reference-counted; the transport does the same
    LocalServerScan scan;
    for (const LocalServerProbe& probe : probes) {
        const std::string root = "http://" + probe.host + ":" + std::to_string(probe.port);
        const std::string where =
            probe.kind + " on " + probe.host + ":" + std::to_string(probe.port);
        const std::string path = probe.kind == "ollama" ? "/api/tags" : "/v1/models";
        const Fetched fetched = httpGet(root + path, timeoutMs);
        LocalServer server;
        server.kind = probe.kind;
        server.baseUrl = root + "/v1";
        if (!fetched.error.empty())
            scan.absent.push_back(where + ": " + fetched.error);
        else if (fetched.status != 200)
            scan.absent.push_back(where + ": GET " + path + " answered HTTP " +
                                  std::to_string(fetched.status));
        else if (!readListing(fetched.body, server))
            scan.absent.push_back(where + ": GET " + path + " is not a model listing");
        else
            scan.found.push_back(std::move(server));
    }
    curl_global_cleanup();
    return scan;
}

ProviderConfig localServerProvider(const LocalServer& server) {
    ProviderConfig config;
    config.name = server.kind;
    std::replace(config.name.begin(), config.name.end(), '.', '-'); // "llama.cpp" -> "llama-cpp"
    config.kind = ProviderKind::OpenAi;
    config.baseUrl = server.baseUrl;
    config.models = server.models;
    // One machine, one model in memory: a few requests at a time, and generation is slow.
    config.limits.concurrency = 4;
    config.limits.timeoutMs = 600'000;
    return config;
}

ProvidersFile withLocalServers(ProvidersFile file, const std::vector<LocalServer>& servers) {
    for (const LocalServer& server : servers) {
        ProviderConfig config = localServerProvider(server);
        std::erase_if(file.providers,
                      [&](const ProviderConfig& p) { return p.name == config.name; });
        file.providers.push_back(std::move(config));
    }
    return file;
}

} // namespace switchyard
