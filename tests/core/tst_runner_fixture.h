#pragma once

// What the runner tests share: a real workspace file with a prompt set and simple prices, the
// local provider test server, and a providers file pointing the three wire formats at it.

#include "pricing/model_price_json.h"
#include "providers/providers_file.h"
#include "run/runner.h"
#include "store/price_overrides.h"
#include "store/sqlite.h"
#include "store/workspace.h"
#include "test_server.h"
#include "workbench/pricing_ops.h"

#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace runner_test {

using namespace switchyard;

inline const char* kRouterArn =
    "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1";
inline const char* kRoutedModel = "anthropic.claude-3-5-haiku-20241022-v1:0";

// The three wire formats, each with a model priced at $1 input and $2 output per million
// tokens (no prompt caching), so every cost in these tests is (input + 2 * output) / 1e6.
inline QString refFor(const QString& format) {
    if (format == "anthropic")
        return "anthropic/claude-test";
    if (format == "openai")
        return "openai/gpt-test";
    return "bedrock/bedrock-test";
}

inline std::string routerRef() {
    return std::string("bedrock/") + kRouterArn;
}

struct Result {
    int64_t promptId = 0;
    std::string model;
    std::string output;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    std::optional<double> costUsd;
    std::string errorClass;
    std::string errorMessage;
    int attempts = 0;
};

class RunnerFixture {
public:
    explicit RunnerFixture(int64_t stallMs = 1500, int64_t latencyMs = 0) {
        testing::TestServerOptions options;
        options.threads = 32;
        options.stallMs = stallMs;
        options.latencyMs = latencyMs;
        options.anthropicKey = "sk-ant-RUNNER-TEST-1";
        options.openAiKey = "sk-RUNNER-TEST-2";
        options.awsAccessKeyId = "AKIDRUNNERTEST000001";
        options.awsSecretAccessKey = "RUNNER/test+secret/000000000000000000";
        server = std::make_unique<testing::TestServer>(options);
        if (!server->start())
            qFatal("the test server did not start");
        path = dir.filePath("runner.sqlite").toStdString();
    }

    // A set "questions" of `count` prompts, and the test prices.
    int64_t makeSet(int count, const std::string& name = "questions") {
        auto workspace = Workspace::open(path);
        if (!workspace)
            qFatal("%s", workspace.error().toString().c_str());
        std::vector<Prompt> prompts;
        for (int i = 0; i < count; ++i) {
            Prompt prompt;
            prompt.id = name + "-" + std::to_string(i);
            prompt.system = {{"Answer briefly.", false, ""}};
            prompt.messages = {
                {"user",
                 {{"Question number " + std::to_string(i) + ": what is the capital of France?",
                   false, ""}}}};
            prompts.push_back(std::move(prompt));
        }
        const int64_t setId = *(*workspace)->createPromptSet(name, "test");
        if (!(*workspace)->appendPrompts(setId, prompts, "test.jsonl"))
            qFatal("appendPrompts failed");
        std::vector<ModelPrice> prices;
        for (const auto& [id, provider, input, output] :
             std::vector<std::tuple<std::string, std::string, double, double>>{
                 {"claude-test", "anthropic", 1, 2},
                 {"gpt-test", "openai", 1, 2},
                 {"bedrock-test", "bedrock", 1, 2},
                 {kRouterArn, "bedrock", 10, 20},
                 {kRoutedModel, "bedrock", 4, 8}}) {
            ModelPrice price;
            price.id = id;
            price.provider = provider;
            price.inputUsdPerMTok = input;
            price.outputUsdPerMTok = output;
            prices.push_back(price);
        }
        if (!workbench::savePrices(**workspace, prices))
            qFatal("savePrices failed");
        return setId;
    }

    ProvidersFile providers() const {
        ProviderLimits limits = this->limits;
        ProviderConfig anthropic;
        anthropic.name = "anthropic";
        anthropic.kind = ProviderKind::Anthropic;
        anthropic.baseUrl = server->baseUrl();
        anthropic.models = {"claude-test"};
        anthropic.limits = limits;
        ProviderConfig openai;
        openai.name = "openai";
        openai.kind = ProviderKind::OpenAi;
        openai.baseUrl = server->baseUrl() + "/v1";
        openai.apiKeyEnv = "TEST_OPENAI_KEY";
        openai.models = {"gpt-test"};
        openai.limits = limits;
        ProviderConfig bedrock;
        bedrock.name = "bedrock";
        bedrock.kind = ProviderKind::Bedrock;
        bedrock.region = "us-east-1";
        bedrock.endpointUrl = server->baseUrl();
        bedrock.models = {"bedrock-test", kRouterArn};
        bedrock.limits = limits;
        return {"providers.yaml", {anthropic, openai, bedrock}};
    }

    RunRequest request(int64_t setId, std::vector<std::string> refs) const {
        const testing::TestServerOptions& keys = server->options();
        const std::map<std::string, std::string> env{
            {"ANTHROPIC_API_KEY", keys.anthropicKey},
            {"TEST_OPENAI_KEY", keys.openAiKey},
            {"AWS_ACCESS_KEY_ID", keys.awsAccessKeyId},
            {"AWS_SECRET_ACCESS_KEY", keys.awsSecretAccessKey}};
        RunRequest request;
        request.workspacePath = path;
        request.setId = setId;
        request.modelRefs = std::move(refs);
        request.params.maxTokens = 100;
        request.providers = providers();
        request.credentials.homeDir = dir.path().toStdString();
        request.credentials.env = [env](const std::string& name) -> std::optional<std::string> {
            const auto it = env.find(name);
            return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        request.transport.retryBaseDelayMs = 10;
        request.transport.retryMaxDelayMs = 50;
        request.transport.randomSeed = 7;
        return request;
    }

    RunOutcome run(const RunRequest& request, const CancelToken& cancel = CancelToken(),
                   const RunProgressCallback& progress = {}) const {
        auto outcome = executeRun(request, cancel, progress);
        if (!outcome)
            qFatal("executeRun failed: %s", outcome.error().toString().c_str());
        return std::move(outcome).value();
    }

    // Every result of a run, straight from the file.
    std::vector<Result> results(int64_t runId) const {
        auto db = sql::Database::open(path, sql::Database::Access::ReadOnly);
        if (!db)
            qFatal("%s", db.error().toString().c_str());
        auto stmt = db->prepare(
            "SELECT r.prompt_id, m.ref, coalesce(r.output, ''), r.input_tokens, r.output_tokens,"
            " r.cost_usd, coalesce(r.error_class, ''), coalesce(r.error_message, ''), r.attempts"
            " FROM results r JOIN models m ON m.id = r.model_id WHERE r.run_id = ?"
            " ORDER BY r.prompt_id, m.ref");
        stmt->bind(1, runId);
        std::vector<Result> out;
        while (stmt->next()) {
            Result row;
            row.promptId = stmt->columnInt(0);
            row.model = stmt->columnText(1);
            row.output = stmt->columnText(2);
            row.inputTokens = stmt->columnInt(3);
            row.outputTokens = stmt->columnInt(4);
            if (!stmt->columnIsNull(5))
                row.costUsd = stmt->columnDouble(5);
            row.errorClass = stmt->columnText(6);
            row.errorMessage = stmt->columnText(7);
            row.attempts = static_cast<int>(stmt->columnInt(8));
            out.push_back(std::move(row));
        }
        return out;
    }

    std::string runStatus(int64_t runId) const {
        auto workspace = Workspace::open(path);
        auto run = (*workspace)->run(runId);
        return run ? run->status : std::string();
    }

    QTemporaryDir dir;
    std::string path;
    std::unique_ptr<testing::TestServer> server;
    ProviderLimits limits = [] {
        ProviderLimits l;
        l.concurrency = 4;
        l.maxAttempts = 3;
        l.timeoutMs = 500;
        l.connectTimeoutMs = 1000;
        return l;
    }();
};

} // namespace runner_test
