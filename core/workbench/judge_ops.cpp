#include "workbench/judge_ops.h"

#include "eval/judge.h"
#include "providers/detail/crypto.h"
#include "store/workspace.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace switchyard::workbench {

namespace {

constexpr int kPromptPage = 5000;
constexpr size_t kProblemExamples = 5;
constexpr int64_t kJudgeMaxTokens = 400; // a score and one sentence

// The judged answer a judge prompt stands for, written in the prompt's id:
// "j/<prompt row>/<model id>" or "p/<prompt row>/<candidate id>/<baseline id>/<ab|ba>".
struct JudgeKey {
    bool pairwise = false;
    int64_t promptId = 0;
    int64_t modelId = 0;         // the judged (candidate) model
    int64_t baselineModelId = 0; // pairwise
    bool candidateFirst = true;  // pairwise: "ab" shows the candidate as answer A
};

std::string keyText(const JudgeKey& key) {
    if (!key.pairwise)
        return "j/" + std::to_string(key.promptId) + "/" + std::to_string(key.modelId);
    return "p/" + std::to_string(key.promptId) + "/" + std::to_string(key.modelId) + "/" +
           std::to_string(key.baselineModelId) + (key.candidateFirst ? "/ab" : "/ba");
}

std::optional<JudgeKey> parseKey(const std::string& text) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t at = text.find('/'); at != std::string::npos; at = text.find('/', start)) {
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
    parts.push_back(text.substr(start));
    try {
        JudgeKey key;
        if (parts.size() == 3 && parts[0] == "j") {
            key.promptId = std::stoll(parts[1]);
            key.modelId = std::stoll(parts[2]);
            return key;
        }
        if (parts.size() == 5 && parts[0] == "p" && (parts[4] == "ab" || parts[4] == "ba")) {
            key.pairwise = true;
            key.promptId = std::stoll(parts[1]);
            key.modelId = std::stoll(parts[2]);
            key.baselineModelId = std::stoll(parts[3]);
            key.candidateFirst = parts[4] == "ab";
            return key;
        }
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// The same rubric names the same scores and judge set on every platform.
std::string rubricTag(const std::string& rubric) {
    return switchyard::detail::sha256Hex(rubric).substr(0, 8);
}

std::string scorerName(const JudgeRequest& request) {
    std::string name = "judge:" + request.judge;
    if (!request.baseline.empty())
        name += "/vs:" + request.baseline;
    if (!request.rubric.empty())
        name += "/rubric:" + rubricTag(request.rubric);
    return name + "@" + std::to_string(eval::kJudgeVersion);
}

Prompt judgePrompt(const JudgeKey& key, std::string text) {
    Prompt prompt;
    prompt.id = keyText(key);
    prompt.messages = {{"user", {{std::move(text), false, ""}}}};
    return prompt;
}

} // namespace

Expected<JudgePlan> planJudge(const JudgeRequest& request) {
    if (request.judge.empty())
        return Error{"", 0, "judge", "name the judge model (provider/model)"};
    auto opened = Workspace::open(request.runner.workspacePath, Workspace::OpenMode::ExistingOnly);
    if (!opened)
        return opened.error();
    Workspace& workspace = **opened;
    const auto run = workspace.run(request.runId);
    if (!run)
        return Error{workspace.path(), 0, "run", "no run " + std::to_string(request.runId)};
    if (!run->setId)
        return Error{workspace.path(), 0, "run", "the run's prompt set was deleted"};

    std::unordered_map<int64_t, std::string> refs;
    int64_t baselineId = 0;
    for (const auto& [id, ref] : workspace.runModels(request.runId)) {
        refs.emplace(id, ref);
        if (ref == request.baseline)
            baselineId = id;
    }
    if (!request.baseline.empty() && baselineId == 0)
        return Error{"", 0, "baseline",
                     "model '" + request.baseline + "' has no results in run " +
                         std::to_string(request.runId)};
    // The successful answers, by prompt row and model.
    std::unordered_map<int64_t, std::unordered_map<int64_t, std::string>> answers;
    auto read = workspace.forEachRunResult(request.runId, "", true, [&](const RunResultRow& row) {
        if (row.errorClass.empty())
            answers[row.promptId][row.modelId] = row.output;
        return true;
    });
    if (!read)
        return read.error();

    JudgePlan plan;
    plan.scorer = scorerName(request);
    plan.setName = "judge: run " + std::to_string(request.runId) + " · " + request.judge + " · " +
                   (request.baseline.empty() ? "pointwise" : "vs " + request.baseline) +
                   (request.rubric.empty() ? "" : " · rubric " + rubricTag(request.rubric));
    // Judge prompts are written a page at a time (each holds a whole answer, or two); the set
    // is created with the first page, so a run with nothing to judge leaves no empty set.
    int64_t setId = workspace.findPromptSet(plan.setName).value_or(0);
    std::vector<Prompt> prompts;
    const auto flush = [&]() -> Status {
        if (prompts.empty())
            return success();
        if (setId == 0) {
            auto created = workspace.createPromptSet(
                plan.setName, "judge of run " + std::to_string(request.runId));
            if (!created)
                return created.error();
            setId = *created;
        }
        // Answers added since an earlier judging join the set; those already in it are kept.
        auto appended = workspace.appendPrompts(setId, prompts, plan.setName);
        if (!appended)
            return appended.error();
        plan.verdicts += static_cast<int64_t>(prompts.size());
        prompts.clear();
        return success();
    };
    for (int64_t after = -1;;) {
        const auto ids = workspace.promptIdPage(*run->setId, after, kPromptPage);
        if (ids.empty())
            break;
        for (const auto& [ordinal, promptId] : ids) {
            const auto answered = answers.find(promptId);
            if (answered == answers.end())
                continue;
            auto prompt = workspace.prompt(*run->setId, ordinal);
            if (!prompt)
                return prompt.error();
            const std::string asked = prompt->allText();
            eval::JudgeQuestion question{asked, std::nullopt, request.rubric};
            if (prompt->expected)
                question.reference = *prompt->expected;
            for (const auto& [modelId, answer] : answered->second) {
                if (request.baseline.empty()) {
                    prompts.push_back(judgePrompt({false, promptId, modelId, 0, true},
                                                  eval::pointwiseJudgePrompt(question, answer)));
                    continue;
                }
                const auto baseline = answered->second.find(baselineId);
                if (modelId == baselineId || baseline == answered->second.end())
                    continue;
                prompts.push_back(
                    judgePrompt({true, promptId, modelId, baselineId, true},
                                eval::pairwiseJudgePrompt(question, answer, baseline->second)));
                prompts.push_back(
                    judgePrompt({true, promptId, modelId, baselineId, false},
                                eval::pairwiseJudgePrompt(question, baseline->second, answer)));
            }
        }
        if (auto written = flush(); !written)
            return written.error();
        after = ids.back().first;
    }
    if (plan.verdicts == 0)
        return Error{"", 0, "run",
                     "run " + std::to_string(request.runId) +
                         " has no successful answers to judge"};
    plan.run = request.runner;
    plan.run.setId = setId;
    plan.run.modelRefs = {request.judge};
    plan.run.params = CallParams{};
    plan.run.params.maxTokens = kJudgeMaxTokens;
    plan.run.params.temperature = 0.0; // the same verdict when asked again
    plan.run.runName = "judge of run " + std::to_string(request.runId) + ": " + request.judge;
    auto estimate = estimateRun(plan.run);
    if (!estimate)
        return estimate.error();
    plan.estimate = std::move(*estimate);
    return plan;
}

Expected<JudgeOutcome> runJudge(const JudgeRequest& request, const JudgePlan& plan,
                                const CancelToken& cancel, const RunProgressCallback& progress) {
    auto executed = executeRun(plan.run, cancel, progress, &plan.estimate);
    if (!executed)
        return executed.error();
    JudgeOutcome outcome;
    outcome.run = std::move(*executed);
    outcome.scorer = plan.scorer;

    auto opened = Workspace::open(plan.run.workspacePath, Workspace::OpenMode::ExistingOnly);
    if (!opened)
        return opened.error();
    Workspace& workspace = **opened;
    std::unordered_map<int64_t, std::string> keys; // judge prompt ordinal -> key
    for (int64_t after = -1;;) {
        const auto rows = workspace.promptRows(plan.run.setId, after, kPromptPage);
        if (rows.empty())
            break;
        for (const PromptRow& row : rows)
            keys.emplace(row.ordinal, row.id);
        after = rows.back().ordinal;
    }
    std::unordered_map<int64_t, std::string> refs;
    for (const auto& [id, ref] : workspace.runModels(request.runId))
        refs.emplace(id, ref);

    struct Pair {
        std::optional<eval::Preference> first; // the candidate shown as A
        std::optional<eval::Preference> second;
        std::string reason;
    };
    std::map<std::pair<int64_t, int64_t>, Pair> pairs; // (prompt row, candidate model)
    std::vector<ScoreRecord> records;
    const auto problem = [&](const std::string& key, const std::string& why) {
        ++outcome.unparseable;
        if (outcome.problems.size() < kProblemExamples)
            outcome.problems.push_back(key + ": " + why);
    };
    auto read =
        workspace.forEachRunResult(outcome.run.runId, "", true, [&](const RunResultRow& row) {
            if (!row.errorClass.empty())
                return true; // a failed judge call: no verdict, counted by the run
            const auto keyText = keys.find(row.promptOrdinal);
            const auto key = keyText == keys.end() ? std::nullopt : parseKey(keyText->second);
            if (!key || !refs.count(key->modelId))
                return true;
            if (!key->pairwise) {
                auto verdict = eval::parsePointwiseVerdict(row.output);
                if (!verdict) {
                    problem(keyText->second, verdict.error().message);
                    return true;
                }
                records.push_back({key->promptId, refs.at(key->modelId), plan.scorer,
                                   eval::pointwiseScore(verdict->score), verdict->reason});
                return true;
            }
            auto verdict = eval::parsePairwiseVerdict(row.output);
            if (!verdict) {
                problem(keyText->second, verdict.error().message);
                return true;
            }
            Pair& pair = pairs[{key->promptId, key->modelId}];
            (key->candidateFirst ? pair.first : pair.second) = verdict->preference;
            pair.reason += (pair.reason.empty() ? "" : " / ") +
                           std::string(key->candidateFirst ? "A: " : "B: ") + verdict->reason;
            return true;
        });
    if (!read)
        return read.error();
    // A pair is scored once both orders have a verdict: one order alone carries position bias.
    for (const auto& [at, pair] : pairs)
        if (pair.first && pair.second)
            records.push_back({at.first, refs.at(at.second), plan.scorer,
                               eval::combineSwapped(*pair.first, *pair.second), pair.reason});
    if (auto stored = workspace.insertScores(request.runId, records); !stored)
        return stored.error();

    outcome.scored = static_cast<int64_t>(records.size());
    std::map<std::string, std::vector<double>> byModel;
    for (const ScoreRecord& record : records)
        byModel[record.modelRef].push_back(record.score);
    for (auto& [model, scores] : byModel)
        outcome.models[model] = summariseScores(scores, request.passBar);
    return outcome;
}

} // namespace switchyard::workbench
