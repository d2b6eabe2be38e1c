#include "results/results_import.h"

#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "prompts/detail/records.h"
#include "prompts/token_estimate.h"
#include "results/recorded_results.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace switchyard {

namespace {

constexpr const char* kImportedScorer = "imported";

struct KnownPrompt {
    int64_t rowId = 0;
    std::optional<int64_t> estTokens; // generic estimate stored with the prompt
};

class ResultsImporter {
public:
    ResultsImporter(Workspace& workspace, const Catalogue& catalogue, const std::string& path,
                    const ResultsImportOptions& options, ResultsImportReport& report)
        : m_workspace(workspace), m_catalogue(catalogue), m_path(path), m_options(options),
          m_report(report) {}

    // The loader's sink: one batch of parsed records into the store.
    void consume(std::vector<RecordedResult>&& batch);
    const std::optional<Error>& storeError() const { return m_storeError; }
    Status finish(const ResultsLoadSummary& summary);
    Status recordRun();

private:
    Status ensureSet(const std::vector<RecordedResult>& batch);
    Status ensureRun();
    Status resolvePrompts(const std::vector<RecordedResult>& batch);
    void reject(const RecordedResult& record, std::string field, std::string message);
    std::optional<double> priceOf(const RecordedResult& record, const Usage& usage);

    Workspace& m_workspace;
    const Catalogue& m_catalogue;
    const std::string& m_path;
    const ResultsImportOptions& m_options;
    ResultsImportReport& m_report;
    std::optional<Error> m_storeError;
    std::unordered_map<std::string, KnownPrompt> m_prompts;
    std::unordered_map<std::string, int64_t> m_firstLineOf; // "prompt_id\0model" -> line
    std::map<std::string, UnpricedModel> m_unpriced;
    std::unordered_set<std::string> m_seenModels;
    std::vector<Error> m_rejected;
    int64_t m_rejectedCount = 0;
};

void ResultsImporter::reject(const RecordedResult& record, std::string field, std::string message) {
    ++m_rejectedCount;
    if (m_rejected.size() < m_options.load.maxRejectionsKept)
        m_rejected.push_back(
            Error{m_path, record.sourceLine, std::move(field), std::move(message)});
}

// The set is looked up once; a new one is created only when a record can give it a prompt, so a
// file whose every record is bad leaves no empty set behind.
Status ResultsImporter::ensureSet(const std::vector<RecordedResult>& batch) {
    if (m_report.setId != 0)
        return success();
    if (auto existing = m_workspace.findPromptSet(m_options.setName)) {
        m_report.setId = *existing;
        return success();
    }
    if (std::none_of(batch.begin(), batch.end(), [](const RecordedResult& record) {
            return record.prompt && !detail::isBlank(*record.prompt);
        }))
        return success();
    auto created = m_workspace.createPromptSet(m_options.setName, m_path);
    if (!created)
        return created.error();
    m_report.setId = *created;
    m_report.createdSet = true;
    return success();
}

Status ResultsImporter::ensureRun() {
    if (m_report.runId != 0)
        return success();
    RunInfo run;
    run.name = m_report.runName;
    run.setId = m_report.setId;
    run.kind = "import";
    run.status = "running";
    run.paramsJson = nlohmann::json{{"source_file", m_path}}.dump();
    auto runId = m_workspace.createRun(run);
    if (!runId)
        return runId.error();
    m_report.runId = *runId;
    return success();
}

// Finds the prompt row of every prompt_id in the batch, creating prompts in a set this import
// created. Unresolved ids stay out of m_prompts; their records are rejected by the caller.
Status ResultsImporter::resolvePrompts(const std::vector<RecordedResult>& batch) {
    std::vector<std::string> unknown;
    std::unordered_set<std::string> queued;
    for (const RecordedResult& record : batch)
        if (!m_prompts.count(record.promptId) && queued.insert(record.promptId).second)
            unknown.push_back(record.promptId);
    if (unknown.empty())
        return success();
    auto found = m_workspace.findPromptsByKey(m_report.setId, unknown);
    std::vector<std::string> stillUnknown;
    for (size_t i = 0; i < unknown.size(); ++i) {
        if (found[i])
            m_prompts.emplace(unknown[i], KnownPrompt{found[i]->rowId, found[i]->estTokens});
        else
            stillUnknown.push_back(unknown[i]);
    }
    if (stillUnknown.empty() || !m_report.createdSet)
        return success();

    // A new set takes each prompt from the first record of the batch that carries its text.
    std::unordered_set<std::string> wanted(stillUnknown.begin(), stillUnknown.end());
    std::vector<Prompt> prompts;
    for (const RecordedResult& record : batch) {
        if (!record.prompt || detail::isBlank(*record.prompt) || !wanted.erase(record.promptId))
            continue;
        Prompt prompt;
        prompt.id = record.promptId;
        detail::setPlainTurn(prompt, *record.prompt, "");
        prompt.tags = record.tags;
        prompt.expected = record.expected;
        prompt.sourceLine = record.sourceLine;
        prompts.push_back(std::move(prompt));
    }
    if (prompts.empty())
        return success();
    auto appended = m_workspace.appendPrompts(m_report.setId, prompts, m_path);
    if (!appended)
        return appended.error();
    m_report.promptsCreated += appended->inserted;
    std::vector<std::string> keys;
    for (const Prompt& prompt : prompts)
        keys.push_back(prompt.id);
    auto created = m_workspace.findPromptsByKey(m_report.setId, keys);
    for (size_t i = 0; i < keys.size(); ++i)
        if (created[i])
            m_prompts.emplace(keys[i], KnownPrompt{created[i]->rowId, created[i]->estTokens});
    return success();
}

std::optional<double> ResultsImporter::priceOf(const RecordedResult& record, const Usage& usage) {
    auto cost = priceRecordedUsage(m_catalogue, record.model, usage, m_unpriced);
    if (cost)
        ++m_report.costsComputed;
    return cost;
}

void ResultsImporter::consume(std::vector<RecordedResult>&& batch) {
    if (m_storeError)
        return;
    if (auto status = ensureSet(batch); !status) {
        m_storeError = status.error();
        return;
    }
    if (m_report.setId != 0)
        if (auto status = resolvePrompts(batch); !status) {
            m_storeError = status.error();
            return;
        }
    std::vector<ResultRecord> results;
    std::vector<ScoreRecord> scores;
    results.reserve(batch.size());
    for (RecordedResult& record : batch) {
        const auto prompt = m_prompts.find(record.promptId);
        if (prompt == m_prompts.end()) {
            if (m_report.createdSet)
                reject(record, "prompt",
                       "prompt '" + record.promptId + "' is not in set '" + m_options.setName +
                           "' yet, so its first record needs the 'prompt' text");
            else
                reject(record, "prompt_id",
                       "prompt '" + record.promptId + "' is not in set '" + m_options.setName +
                           "'");
            continue;
        }
        std::string pairKey = record.promptId;
        pairKey += '\0';
        pairKey += record.model;
        if (auto [first, inserted] = m_firstLineOf.emplace(std::move(pairKey), record.sourceLine);
            !inserted) {
            reject(record, "model",
                   "duplicate result for prompt '" + record.promptId + "' and model '" +
                       record.model + "' (first at line " + std::to_string(first->second) + ")");
            continue;
        }
        const int64_t cachedTokens =
            record.cacheReadTokens.value_or(0) + record.cacheWriteTokens.value_or(0);
        if (record.inputTokens && *record.inputTokens < cachedTokens) {
            reject(record, "input_tokens",
                   "input_tokens (" + std::to_string(*record.inputTokens) +
                       ") is less than cache_read_tokens + cache_write_tokens (" +
                       std::to_string(cachedTokens) +
                       "): input_tokens counts every input token, cached ones included");
            continue;
        }
        if (m_seenModels.insert(record.model).second)
            m_report.models.push_back(record.model);

        ResultRecord result;
        result.promptId = prompt->second.rowId;
        result.modelRef = record.model;
        result.output = record.output.value_or("");
        result.latencyMs = record.latencyMs;
        result.cacheReadTokens = record.cacheReadTokens.value_or(0);
        result.cacheWriteTokens = record.cacheWriteTokens.value_or(0);
        const bool failed = !record.error.empty();
        bool estimated = false;
        if (record.inputTokens) {
            result.inputTokens = *record.inputTokens;
        } else if (!failed) {
            const TokenizerFamily family = tokenizerFamilyForModel(record.model);
            if (record.prompt) {
                Prompt text;
                detail::setPlainTurn(text, *record.prompt, "");
                result.inputTokens = estimatePromptTokens(text, family);
            } else {
                result.inputTokens = prompt->second.estTokens.value_or(0);
            }
            // An estimate can fall short of the cache counts the record does give.
            result.inputTokens = std::max(result.inputTokens, cachedTokens);
            estimated = true;
        }
        if (record.outputTokens) {
            result.outputTokens = *record.outputTokens;
        } else if (!failed && record.output) {
            result.outputTokens =
                estimateTokens(*record.output, tokenizerFamilyForModel(record.model));
            estimated = true;
        }
        if (estimated)
            ++m_report.tokensEstimated;
        if (failed) {
            result.errorClass = record.error;
            result.errorMessage = record.output.value_or("");
            ++m_report.failedResults;
        }
        result.costUsd = record.costUsd;
        if (!result.costUsd) {
            // Priced by the catalogue, so a later price change (or a price for a model unknown
            // today) re-prices it; a cost the file gave stays as given.
            result.costUsd =
                priceOf(record, Usage{result.inputTokens, result.outputTokens,
                                      result.cacheReadTokens, result.cacheWriteTokens, 0});
            result.pricedModel = record.model;
        }
        if (record.score && !failed)
            scores.push_back(ScoreRecord{prompt->second.rowId, record.model, kImportedScorer,
                                         *record.score, ""});
        results.push_back(std::move(result));
    }
    if (results.empty())
        return;
    if (auto status = ensureRun(); !status) {
        m_storeError = status.error();
        return;
    }
    if (auto status = m_workspace.insertResults(m_report.runId, results); !status) {
        m_storeError = status.error();
        return;
    }
    m_report.results += static_cast<int64_t>(results.size());
    if (scores.empty())
        return;
    if (auto status = m_workspace.insertScores(m_report.runId, scores); !status) {
        m_storeError = status.error();
        return;
    }
    m_report.scores += static_cast<int64_t>(scores.size());
}

Status ResultsImporter::finish(const ResultsLoadSummary& summary) {
    m_report.cancelled = summary.cancelled;
    for (auto& [model, unpriced] : m_unpriced)
        m_report.unpriced.push_back(unpriced);
    // The loader's rejections come first: they are about lines; ours about records it accepted.
    m_report.rejectedCount = summary.rejectedCount + m_rejectedCount;
    m_report.rejected = summary.rejected;
    for (Error& error : m_rejected)
        if (m_report.rejected.size() < m_options.load.maxRejectionsKept)
            m_report.rejected.push_back(std::move(error));
    std::stable_sort(m_report.rejected.begin(), m_report.rejected.end(),
                     [](const Error& a, const Error& b) { return a.line < b.line; });
    if (m_report.runId != 0)
        if (auto status = recordRun(); !status)
            return status;
    if (m_report.setId != 0 && !m_report.rejected.empty())
        return m_workspace.recordRejections(m_report.setId, m_report.rejected);
    return success();
}

Status ResultsImporter::recordRun() {
    nlohmann::json unpriced = nlohmann::json::array();
    for (const UnpricedModel& model : m_report.unpriced)
        unpriced.push_back(
            {{"model", model.model}, {"results", model.results}, {"reason", model.reason}});
    nlohmann::json params = {{"source_file", m_path},
                             {"results", m_report.results},
                             {"failed_results", m_report.failedResults},
                             {"scores", m_report.scores},
                             {"scorer", kImportedScorer},
                             {"rejected", m_report.rejectedCount},
                             {"costs_computed", m_report.costsComputed},
                             {"catalogue_date", m_catalogue.catalogueDate()},
                             {"tokens_estimated", m_report.tokensEstimated},
                             {"unpriced_models", unpriced}};
    if (m_report.tokensEstimated > 0)
        params["token_note"] =
            "input/output token counts of " + std::to_string(m_report.tokensEstimated) +
            " results were absent from the file and were estimated from the prompt and output "
            "text (a heuristic, not the model's tokenizer); their costs are estimates too";
    return m_workspace.setRunStatus(m_report.runId, m_report.cancelled ? "cancelled" : "complete",
                                    params.dump());
}

} // namespace

std::optional<double> priceRecordedUsage(const Catalogue& catalogue, const std::string& model,
                                         const Usage& usage,
                                         std::map<std::string, UnpricedModel>& unpriced) {
    auto cost = costBreakdown(catalogue, model, usage);
    if (cost)
        return cost->totalUsd;
    UnpricedModel& entry = unpriced[model];
    entry.model = model;
    ++entry.results;
    if (entry.reason.empty())
        entry.reason = cost.error().message;
    return std::nullopt;
}

Expected<ResultsImportReport> importResultsFile(Workspace& workspace, const Catalogue& catalogue,
                                                const std::string& path,
                                                const ResultsImportOptions& options,
                                                const CancelToken* cancel,
                                                const Progress& progress) {
    if (options.setName.empty())
        return Error{path, 0, "set", "recorded results need the name of their prompt set"};
    ResultsImportReport report;
    report.file = path;
    report.setName = options.setName;
    report.runName = options.runName.empty()
                         ? "import " + std::filesystem::path(path).filename().string()
                         : options.runName;
    ResultsImporter importer(workspace, catalogue, path, options, report);
    auto summary = loadRecordedResults(
        path,
        [&importer](std::vector<RecordedResult>&& batch) { importer.consume(std::move(batch)); },
        options.load, cancel, progress);
    if (!summary)
        return summary.error();
    if (importer.storeError())
        return *importer.storeError();
    if (auto status = importer.finish(*summary); !status)
        return status.error();
    return report;
}

} // namespace switchyard
