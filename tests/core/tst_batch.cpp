// Provider batch inference round trip: a prompt set exported as each provider's batch input
// (checked line by line), the job's result file read back into the run the export recorded,
// matched by record id and priced at batch rates; failed records stored as failures, lines of
// no exported record and lines that are no batch result reported with file and line.
#include "batch/batch_format.h"
#include "policy/policy.h"
#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "store/workspace.h"
#include "workbench/batch_ops.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <set>

using namespace switchyard;
using nlohmann::json;

namespace {

const Usage kUsage{1000, 100, 0, 0, 0};

std::vector<std::string> linesOf(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    return lines;
}

// The requests of an export file: JSONL, or Anthropic's {"requests": [...]} body.
std::vector<json> requestsOf(const std::string& path, BatchFormat format) {
    std::vector<json> out;
    if (format == BatchFormat::Anthropic) {
        std::ifstream in(path);
        const json body = json::parse(in);
        for (const json& request : body.at("requests"))
            out.push_back(request);
        return out;
    }
    for (const std::string& line : linesOf(path))
        out.push_back(json::parse(line));
    return out;
}

// What the provider's batch job writes for a record: an answer with kUsage, or a failure.
json resultLine(BatchFormat format, const std::string& id, bool fails) {
    switch (format) {
    case BatchFormat::Bedrock:
        if (fails)
            return {{"recordId", id},
                    {"modelInput", json::object()},
                    {"error", {{"errorCode", 400}, {"errorMessage", "Malformed input"}}}};
        return {
            {"recordId", id},
            {"modelInput", json::object()},
            {"modelOutput",
             {{"output", {{"message", {{"role", "assistant"}, {"content", {{{"text", "ok"}}}}}}}},
              {"stopReason", "end_turn"},
              {"usage", {{"inputTokens", 1000}, {"outputTokens", 100}, {"totalTokens", 1100}}}}}};
    case BatchFormat::OpenAi:
        if (fails)
            return {{"id", "batch_req_9"},
                    {"custom_id", id},
                    {"response", nullptr},
                    {"error", {{"code", "server_error"}, {"message", "boom"}}}};
        return {{"id", "batch_req_1"},
                {"custom_id", id},
                {"response",
                 {{"status_code", 200},
                  {"request_id", "req"},
                  {"body",
                   {{"id", "chatcmpl-1"},
                    {"object", "chat.completion"},
                    {"model", "gpt-4o-mini"},
                    {"choices",
                     {{{"index", 0},
                       {"message", {{"role", "assistant"}, {"content", "ok"}}},
                       {"finish_reason", "stop"}}}},
                    {"usage", {{"prompt_tokens", 1000}, {"completion_tokens", 100}}}}}}},
                {"error", nullptr}};
    case BatchFormat::Anthropic:
        if (fails)
            return {{"custom_id", id},
                    {"result",
                     {{"type", "errored"},
                      {"error",
                       {{"type", "error"},
                        {"error", {{"type", "invalid_request_error"}, {"message", "bad"}}}}}}}};
        return {{"custom_id", id},
                {"result",
                 {{"type", "succeeded"},
                  {"message",
                   {{"id", "msg_1"},
                    {"type", "message"},
                    {"role", "assistant"},
                    {"model", "claude-haiku-4-5-20251001"},
                    {"content", {{{"type", "text"}, {"text", "ok"}}}},
                    {"stop_reason", "end_turn"},
                    {"usage", {{"input_tokens", 1000}, {"output_tokens", 100}}}}}}}};
    }
    return {};
}

std::string idOf(const json& request, BatchFormat format) {
    return request.at(format == BatchFormat::Bedrock ? "recordId" : "custom_id").get<std::string>();
}

} // namespace

class TestBatch : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_workspace;
    int m_count = 0;

    std::string path(const std::string& name) const {
        return m_dir.filePath(QString::fromStdString(name)).toStdString();
    }

    void writeLines(const std::string& file, const std::vector<std::string>& lines) {
        std::ofstream out(file);
        for (const std::string& line : lines)
            out << line << "\n";
    }

private slots:
    // A workspace per test function, with a set of three prompts.
    void init() {
        m_workspace = path("w" + std::to_string(++m_count) + ".sqlite");
        auto workspace = Workspace::open(m_workspace);
        QVERIFY(workspace.ok());
        auto set = (*workspace)->createPromptSet("support", "test");
        QVERIFY(set.ok());
        std::vector<Prompt> prompts(3);
        const char* texts[] = {"Where is my refund?", "hi", "Summarise the contract."};
        for (size_t i = 0; i < prompts.size(); ++i) {
            prompts[i].id = "p" + std::to_string(i + 1);
            prompts[i].system = {{"You are a support agent.", false, ""}};
            prompts[i].messages = {{"user", {{texts[i], false, ""}}}};
        }
        QVERIFY((*workspace)->appendPrompts(*set, prompts, "test").ok());
    }

    void roundTrip_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("model");
        QTest::newRow("bedrock") << int(BatchFormat::Bedrock) << "bedrock/amazon.nova-micro-v1:0";
        QTest::newRow("openai") << int(BatchFormat::OpenAi) << "openai/gpt-4o-mini";
        QTest::newRow("anthropic")
            << int(BatchFormat::Anthropic) << "anthropic/claude-haiku-4-5-20251001";
    }

    void roundTrip() {
        QFETCH(int, format);
        QFETCH(QString, model);
        const auto kind = BatchFormat(format);
        const std::string ref = model.toStdString();
        const std::string modelName = ref.substr(ref.find('/') + 1);

        workbench::BatchExportRequest request;
        request.workspacePath = m_workspace;
        request.format = std::string(batchFormatName(kind));
        request.outPath = path("batch-in");
        request.models = {ref};
        request.set = "support";
        request.params.maxTokens = 300;
        auto exported = workbench::exportBatch(request);
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().toString().c_str());
        QCOMPARE(exported->records, int64_t(3));
        QCOMPARE(exported->files.size(), size_t(1));
        QCOMPARE(exported->warnings.size(), size_t(kind == BatchFormat::Bedrock ? 1 : 0));

        // The export, line by line, as the provider documents it.
        const std::vector<json> requests = requestsOf(exported->files[0], kind);
        QCOMPARE(requests.size(), size_t(3));
        std::set<std::string> ids;
        for (const json& line : requests) {
            const std::string id = idOf(line, kind);
            QVERIFY(ids.insert(id).second);
            QVERIFY(std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(c); }));
            switch (kind) {
            case BatchFormat::Bedrock: {
                const json& input = line.at("modelInput");
                QCOMPARE(input.at("system")[0].at("text").get<std::string>(),
                         std::string("You are a support agent."));
                QCOMPARE(input.at("messages")[0].at("role").get<std::string>(),
                         std::string("user"));
                QCOMPARE(input.at("inferenceConfig").at("maxTokens").get<int>(), 300);
                QVERIFY(!input.contains("modelId"));
                break;
            }
            case BatchFormat::OpenAi:
                QCOMPARE(line.at("method").get<std::string>(), std::string("POST"));
                QCOMPARE(line.at("url").get<std::string>(), std::string("/v1/chat/completions"));
                QCOMPARE(line.at("body").at("model").get<std::string>(), modelName);
                QCOMPARE(line.at("body").at("messages")[0].at("role").get<std::string>(),
                         std::string("system"));
                break;
            case BatchFormat::Anthropic:
                QCOMPARE(line.at("params").at("model").get<std::string>(), modelName);
                QCOMPARE(line.at("params").at("max_tokens").get<int>(), 300);
                QVERIFY(std::regex_match(id, std::regex("^[a-zA-Z0-9_-]{1,64}$")));
                break;
            }
        }
        {
            auto workspace = Workspace::open(m_workspace);
            QCOMPARE((*workspace)->run(exported->runId)->status, std::string("submitted"));
        }

        // The job's result file: two answers, one failed record, another workspace's record and
        // a line that is no batch result.
        std::vector<std::string> results;
        for (size_t i = 0; i < requests.size(); ++i)
            results.push_back(resultLine(kind, idOf(requests[i], kind), i == 2).dump());
        results.push_back(resultLine(kind, "SY999M0P1", false).dump());
        results.push_back("{\"hello\": 1}");
        const std::string resultFile = path("batch-out.jsonl");
        writeLines(resultFile, results);

        workbench::BatchImportRequest import;
        import.workspacePath = m_workspace;
        import.files = {resultFile};
        import.runName = "nightly";
        auto imported = workbench::importBatchResults(import);
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().toString().c_str());
        QCOMPARE(imported->results, int64_t(3));
        QCOMPARE(imported->failed, int64_t(1));
        QCOMPARE(imported->unmatched.size(), size_t(1));
        QCOMPARE(imported->unmatched[0].line, int64_t(4));
        QCOMPARE(imported->rejected.size(), size_t(1));
        QCOMPARE(imported->rejected[0].file, resultFile);
        QCOMPARE(imported->rejected[0].line, int64_t(5));
        QCOMPARE(imported->runs.size(), size_t(1));
        QCOMPARE(imported->runs[0].status, std::string("complete"));
        QCOMPARE(imported->runs[0].runName, std::string("nightly"));
        QVERIFY(imported->unpriced.empty());

        // Two answers at the batch price: half the standard one for these models.
        const auto catalogue = bundledCatalogue();
        const ModelPrice* price = catalogue->find(modelName);
        QVERIFY(price);
        const double batch = *costUsd(*price, kUsage, ServiceTier::Batch);
        const double standard = *costUsd(*price, kUsage);
        QVERIFY(std::abs(batch - standard * 0.5) < 1e-12);
        QVERIFY(std::abs(imported->costUsd - 2 * batch) < 1e-12);

        auto workspace = Workspace::open(m_workspace);
        const auto run = (*workspace)->run(exported->runId);
        QCOMPARE(run->name, std::string("nightly"));
        QCOMPARE(run->status, std::string("complete"));
        QCOMPARE((*workspace)->resultCount(exported->runId), int64_t(3));
        workspace->reset();

        // Importing the file again replaces, never duplicates.
        import.runName.clear();
        auto again = workbench::importBatchResults(import);
        QVERIFY(again.ok());
        QCOMPARE(again->runs[0].results, int64_t(3));
    }

    // A policy sends each prompt where route sends it: a rule's canned answer calls nothing, and
    // a format of one model per file writes a file per tier.
    void policyRoutesTheExport() {
        RoutingPolicy policy =
            newPolicy("rules", routing::RouterKind::Rules, {"openai/gpt-4o-mini", "openai/gpt-4o"});
        routing::Rule refund{
            "refunds", routing::Rule::Condition::Keywords, "", {"refund"}, 0, 1, "", 1.0};
        routing::Rule greeting{
            "greeting", routing::Rule::Condition::Regex, "^hi$", {}, 0, std::nullopt, "Hello!",
            1.0};
        policy.router.rules = {refund, greeting};
        policy.router.defaultTier = 0;
        {
            auto workspace = Workspace::open(m_workspace);
            QVERIFY((*workspace)->savePolicy("rules", policyToYaml(policy)).ok());
        }
        workbench::BatchExportRequest request;
        request.workspacePath = m_workspace;
        request.format = "openai-batch";
        request.outPath = path("routed.jsonl");
        request.policy = "rules";
        request.set = "support";
        auto exported = workbench::exportBatch(request);
        QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().toString().c_str());
        QCOMPARE(exported->records, int64_t(2));
        QCOMPARE(exported->cannedAnswers, int64_t(1));
        QCOMPARE(exported->files.size(), size_t(2));
        QVERIFY(exported->files[0].ends_with("routed.0-gpt-4o-mini.jsonl"));
        QVERIFY(exported->files[1].ends_with("routed.1-gpt-4o.jsonl"));
        const auto dear = requestsOf(exported->files[1], BatchFormat::OpenAi);
        QCOMPARE(dear.size(), size_t(1));
        QCOMPARE(dear[0].at("body").at("messages")[1].at("content").get<std::string>(),
                 std::string("Where is my refund?"));
    }

    void recordIdsRoundTrip() {
        const BatchRecordId id{12, 3, 4567};
        QCOMPARE(formatBatchRecordId(id), std::string("SY12M3P4567"));
        QCOMPARE(*parseBatchRecordId("SY12M3P4567"), id);
        for (const char* bad : {"", "SY", "SY12M3", "SY12M3P", "SYxM3P1", "XY1M1P1", "SY1M1P1x"})
            QVERIFY2(!parseBatchRecordId(bad), bad);
    }
};

QTEST_GUILESS_MAIN(TestBatch)
#include "tst_batch.moc"
