#pragma once

// Inference servers on this machine that speak OpenAI's chat-completions format (Ollama,
// llama.cpp's server, vLLM): found on their default loopback ports, their models listed, and
// described as openai-kind providers that need no key. Nothing is sent but a model listing.

#include "providers/providers_file.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace switchyard {

struct LocalServerProbe {
    std::string kind; // "ollama", "llama.cpp", "vllm"
    int port = 0;
    std::string host = "127.0.0.1";
};

// Ollama on 11434 (GET /api/tags), llama.cpp's server on 8080 and vLLM on 8000 (GET /v1/models).
std::vector<LocalServerProbe> defaultLocalServerProbes();

struct LocalServer {
    std::string kind;    // as probed, or as the listing's owned_by says ("llamacpp", "vllm")
    std::string baseUrl; // the OpenAI-compatible base: "http://127.0.0.1:11434/v1"
    std::vector<std::string> models;
};

struct LocalServerScan {
    std::vector<LocalServer> found;
    std::vector<std::string> absent; // per probe not answering: "vllm on 127.0.0.1:8000: ..."
};

// Probes each port once, `timeoutMs` each (a closed port answers at once).
LocalServerScan detectLocalServers(std::span<const LocalServerProbe> probes,
                                   int64_t timeoutMs = 800);

// The providers-file entry for a server: kind openai, named after the server ("ollama",
// "llama-cpp", "vllm"), no key, and a concurrency a single machine can serve.
ProviderConfig localServerProvider(const LocalServer& server);

// The file with each server's entry, replacing a provider of the same name; the rest is kept.
ProvidersFile withLocalServers(ProvidersFile file, const std::vector<LocalServer>& servers);

} // namespace switchyard
