#include "routing/replay_data.h"

#include "pricing/catalogue.h"
#include "pricing/cost.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace switchyard::routing {

namespace {

// Lower-case phrases of answers that refuse or do not know, looked for in the first 400
// characters (a refusal comes first; a long answer quoting "I don't know" is not one).
constexpr const char* kRefusalPatterns[] = {
    "i don't know",       "i do not know",       "i don’t know",
    "i'm not sure",       "i am not sure",       "i cannot help",
    "i can't help",       "i can’t help",        "i'm unable",
    "i am unable",        "i cannot answer",     "i can't answer",
    "as an ai",           "i'm sorry, but",      "i am sorry, but",
    "not able to answer", "unable to determine", "cannot be determined",
    "i cannot provide",   "i can't provide"};

bool expectsJson(const std::vector<std::string>& tags) {
    return std::find(tags.begin(), tags.end(), "format:json") != tags.end();
}

bool parsesAsJson(std::string_view text) {
    // Models like to fence JSON: ```json ... ```
    const auto open = text.find("```");
    if (open != std::string_view::npos) {
        const auto bodyStart = text.find('\n', open);
        const auto close = text.find("```", open + 3);
        if (bodyStart != std::string_view::npos && close != std::string_view::npos &&
            close > bodyStart)
            text = text.substr(bodyStart + 1, close - bodyStart - 1);
    }
    return nlohmann::json::accept(text.begin(), text.end());
}

// "teacher:bedrock/x.y/label@1" -> "bedrock/x.y"; empty for any other scorer.
std::string teacherOfScorer(const std::string& scorer) {
    constexpr std::string_view kPrefix = "teacher:";
    const auto slash = scorer.rfind('/');
    if (scorer.rfind(kPrefix, 0) != 0 || slash == std::string::npos || slash < kPrefix.size())
        return {};
    return scorer.substr(kPrefix.size(), slash - kPrefix.size());
}

} // namespace

uint8_t outputFlagsOf(std::string_view output, bool expectsJsonAnswer) {
    uint8_t flags = 0;
    std::string head(output.substr(0, 400));
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* pattern : kRefusalPatterns)
        if (head.find(pattern) != std::string::npos) {
            flags |= kRefusal;
            break;
        }
    if (expectsJsonAnswer && !parsesAsJson(output))
        flags |= kBadFormat;
    return flags;
}

int8_t labelOf(std::string_view output) {
    std::string lower(output.substr(0, 200));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    int8_t label = kNoLabel;
    size_t first = std::string::npos;
    for (const auto& [word, value] :
         {std::pair{"simple", kSimple}, std::pair{"standard", kStandard},
          std::pair{"complex", kComplex}}) {
        const size_t at = lower.find(word);
        if (at < first) {
            first = at;
            label = value;
        }
    }
    return label;
}

void ModelColumn::resize(size_t prompts) {
    quality.assign(prompts, kUnknown);
    costUsd.assign(prompts, kUnknown);
    latencyMs.assign(prompts, kUnknown);
    status.assign(prompts, static_cast<uint8_t>(CellStatus::Missing));
}

std::optional<size_t> ReplayData::modelIndex(const std::string& modelRef) const {
    for (size_t i = 0; i < models.size(); ++i)
        if (models[i].modelRef == modelRef)
            return i;
    return std::nullopt;
}

ScorerChoice defaultScorers(const std::vector<std::string>& scorers) {
    const auto isJudge = [](const std::string& name) { return name.rfind("judge:", 0) == 0; };
    ScorerChoice choice;
    for (const std::string& scorer : scorers)
        if (!isJudge(scorer)) {
            choice.quality = scorer;
            break;
        }
    for (const std::string& scorer : scorers) {
        if (!isJudge(scorer))
            continue;
        if (choice.quality.empty())
            choice.quality = scorer;
        else if (scorer != choice.quality) {
            choice.confidence = scorer;
            break;
        }
    }
    return choice;
}

Expected<ReplayData> loadReplayData(const Workspace& workspace, int64_t runId,
                                    const ReplayLoadOptions& options, const Catalogue* catalogue,
                                    const CancelToken* cancel, const Progress& progress) {
    const auto run = workspace.run(runId);
    if (!run)
        return Error{workspace.path(), 0, "run", "no run " + std::to_string(runId)};
    if (!run->setId)
        return Error{workspace.path(), 0, "run",
                     "run " + std::to_string(runId) + " has no prompt set (it was deleted)"};
    ReplayData data;
    data.runId = runId;
    data.runName = run->name;
    data.synthetic = run->synthetic;
    for (const PromptSetInfo& set : workspace.promptSets())
        if (set.id == *run->setId)
            data.setName = set.name;

    const std::vector<std::string> scorers = workspace.runScorers(runId);
    const ScorerChoice defaults = defaultScorers(scorers);
    data.scorer = options.scorer.empty() ? defaults.quality : options.scorer;
    const std::string confidenceScorer = !options.confidenceScorer.empty()
                                             ? options.confidenceScorer
                                         : defaults.confidence != data.scorer ? defaults.confidence
                                                                              : std::string();
    if (!data.scorer.empty() &&
        std::find(scorers.begin(), scorers.end(), data.scorer) == scorers.end()) {
        return Error{workspace.path(), 0, "scorer",
                     "run '" + run->name + "' has no scores from '" + data.scorer + "'"};
    }

    // Prompts first: ordinal -> index.
    std::unordered_map<int64_t, uint32_t> indexOfOrdinal;
    std::vector<bool> expectsJsonAnswer;
    auto prompts = workspace.forEachPrompt(*run->setId, [&](int64_t ordinal, Prompt&& prompt) {
        indexOfOrdinal.emplace(ordinal, static_cast<uint32_t>(data.promptIds.size()));
        data.features.push_back(promptFeaturesOf(prompt));
        std::string text = prompt.lastUserText();
        data.promptIds.push_back(std::move(prompt.id));
        data.promptOrdinals.push_back(ordinal);
        data.promptTexts.push_back(std::move(text));
        expectsJsonAnswer.push_back(expectsJson(prompt.tags));
        data.promptTags.push_back(std::move(prompt.tags));
        return !(cancel && cancel->cancelled());
    });
    if (!prompts)
        return prompts.error();
    if (cancel && cancel->cancelled())
        return Error{workspace.path(), 0, "", "cancelled"};

    const size_t promptCount = data.promptIds.size();
    std::unordered_map<int64_t, size_t> columnOfModel;
    for (const auto& [modelId, ref] : workspace.runModels(runId)) {
        columnOfModel.emplace(modelId, data.models.size());
        ModelColumn column;
        column.modelRef = ref;
        column.resize(promptCount);
        if (options.readOutputs) {
            column.outputFlags.assign(promptCount, 0);
            column.label.assign(promptCount, kNoLabel);
            column.answers.assign(promptCount, AnswerFeatures{});
        }
        data.models.push_back(std::move(column));
    }
    const std::optional<size_t> teacherColumn = data.modelIndex(teacherOfScorer(data.scorer));
    const int64_t total = workspace.resultCount(runId);
    int64_t done = 0;
    std::unordered_map<size_t, const ModelPrice*> prices;
    auto results = workspace.forEachRunResult(
        runId, data.scorer, options.readOutputs, [&](const RunResultRow& row) {
            const auto prompt = indexOfOrdinal.find(row.promptOrdinal);
            const auto column = columnOfModel.find(row.modelId);
            if (prompt != indexOfOrdinal.end() && column != columnOfModel.end()) {
                ModelColumn& model = data.models[column->second];
                const uint32_t i = prompt->second;
                if (row.costUsd) {
                    model.costUsd[i] = static_cast<float>(*row.costUsd);
                } else if (catalogue) {
                    auto [found, inserted] = prices.try_emplace(column->second, nullptr);
                    if (inserted)
                        found->second = catalogue->find(model.modelRef);
                    if (found->second) {
                        auto cost = costUsd(*found->second,
                                            Usage{row.inputTokens, row.outputTokens,
                                                  row.cacheReadTokens, row.cacheWriteTokens, 0});
                        if (cost)
                            model.costUsd[i] = static_cast<float>(*cost);
                    }
                }
                if (row.latencyMs)
                    model.latencyMs[i] = static_cast<float>(*row.latencyMs);
                if (row.confidence) {
                    if (model.statedConfidence.empty())
                        model.statedConfidence.assign(promptCount, kUnknown);
                    model.statedConfidence[i] = static_cast<float>(*row.confidence);
                }
                if (!row.errorClass.empty()) {
                    model.status[i] = static_cast<uint8_t>(CellStatus::Failed);
                } else if (column->second == teacherColumn) {
                    model.status[i] = static_cast<uint8_t>(CellStatus::Ok);
                    model.quality[i] = 1.0f;
                } else if (row.score) {
                    model.status[i] = static_cast<uint8_t>(CellStatus::Ok);
                    model.quality[i] = static_cast<float>(std::clamp(*row.score, 0.0, 1.0));
                } else {
                    model.status[i] = static_cast<uint8_t>(CellStatus::Unscored);
                }
                if (options.readOutputs && row.errorClass.empty()) {
                    model.outputFlags[i] = outputFlagsOf(row.output, expectsJsonAnswer[i]);
                    model.label[i] = labelOf(row.output);
                    model.answers[i] = answerFeatures(data.promptTexts[i], row.output);
                }
            }
            if (++done % 65536 == 0) {
                if (progress)
                    progress(done, total);
                if (cancel && cancel->cancelled())
                    return false;
            }
            return true;
        });
    if (!results)
        return results.error();
    if (cancel && cancel->cancelled())
        return Error{workspace.path(), 0, "", "cancelled"};

    if (!confidenceScorer.empty()) {
        if (std::find(scorers.begin(), scorers.end(), confidenceScorer) == scorers.end())
            return Error{workspace.path(), 0, "confidence_scorer",
                         "run '" + run->name + "' has no scores from '" + confidenceScorer + "'"};
        data.confidenceScorer = confidenceScorer;
        for (ModelColumn& model : data.models)
            model.confidence.assign(promptCount, kUnknown);
        auto confidences = workspace.forEachRunResult(
            runId, confidenceScorer, false, [&](const RunResultRow& row) {
                const auto prompt = indexOfOrdinal.find(row.promptOrdinal);
                const auto column = columnOfModel.find(row.modelId);
                if (prompt != indexOfOrdinal.end() && column != columnOfModel.end() && row.score)
                    data.models[column->second].confidence[prompt->second] =
                        static_cast<float>(*row.score);
                return true;
            });
        if (!confidences)
            return confidences.error();
    }

    // Keep only the prompts the run answered.
    std::vector<uint32_t> keep;
    keep.reserve(promptCount);
    for (uint32_t i = 0; i < promptCount; ++i) {
        const bool any = std::any_of(data.models.begin(), data.models.end(), [i](const auto& m) {
            return m.status[i] != static_cast<uint8_t>(CellStatus::Missing);
        });
        if (any)
            keep.push_back(i);
    }
    if (keep.size() != promptCount) {
        const auto compact = [&keep](auto& values) {
            if (values.empty())
                return;
            for (size_t to = 0; to < keep.size(); ++to)
                values[to] = std::move(values[keep[to]]);
            values.resize(keep.size());
        };
        compact(data.promptIds);
        compact(data.promptOrdinals);
        compact(data.promptTexts);
        compact(data.promptTags);
        compact(data.features);
        for (ModelColumn& model : data.models) {
            compact(model.quality);
            compact(model.costUsd);
            compact(model.latencyMs);
            compact(model.status);
            compact(model.outputFlags);
            compact(model.label);
            compact(model.confidence);
            compact(model.statedConfidence);
            compact(model.answers);
        }
    }
    if (progress)
        progress(total, total);
    return data;
}

} // namespace switchyard::routing
