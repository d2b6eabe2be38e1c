#pragma once

#include "common/cancel.h"
#include "common/expected.h"
#include "routing/answer_features.h"
#include "routing/prompt_features.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {
class Catalogue;
class Workspace;
} // namespace switchyard

namespace switchyard::routing {

// What is recorded for one (prompt, model).
enum class CellStatus : uint8_t {
    Ok = 0,       // answered and scored
    Failed = 1,   // the call failed (error class recorded)
    Missing = 2,  // no result for this prompt and model in the run
    Unscored = 3, // answered, but no score from the chosen scorer
};

// Flags read from an answer's text when the data is loaded (ModelColumn::outputFlags).
enum OutputFlag : uint8_t {
    kRefusal = 1,   // a refusal or "I don't know" (patterns in replay_data.cpp)
    kBadFormat = 2, // the prompt asks for JSON (tag "format:json") and the answer does not parse
};

// Classifier labels parsed from an answer (ModelColumn::label): the first of the words
// "simple", "standard", "complex" in the text, case-insensitively.
enum Label : int8_t { kNoLabel = -1, kSimple = 0, kStandard = 1, kComplex = 2 };

inline constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();

// One model's recorded results as flat arrays, one entry per prompt of ReplayData.
struct ModelColumn {
    std::string modelRef;
    std::vector<float> quality;       // score in [0, 1]; NaN unless status is Ok
    std::vector<float> costUsd;       // NaN when the cost is unknown (unpriced model)
    std::vector<float> latencyMs;     // NaN when not recorded
    std::vector<uint8_t> status;      // CellStatus
    std::vector<uint8_t> outputFlags; // OutputFlag bits; empty when outputs were not read
    std::vector<int8_t> label;        // Label; empty when outputs were not read
    std::vector<float> confidence;    // LoadOptions::confidenceScorer's score; empty if none
    // The probability the model gave its own answer, as recorded (a local student's); empty
    // when it recorded none in this run.
    std::vector<float> statedConfidence;
    std::vector<AnswerFeatures> answers; // what a cascade reads of each answer; empty if unread

    void resize(size_t prompts);
};

// A run's recorded results, loaded once: struct of arrays per model, plus what routers read
// about each prompt. Everything a slider move touches is here or derived from it (TierTable).
struct ReplayData {
    int64_t runId = 0;
    std::string runName;
    std::string setName;
    bool synthetic = false; // "synthetic demo data": every view of these numbers must say so
    // The scorer whose scores are `quality`. Under a teacher's agreement scorer
    // ("teacher:REF/..."), the teacher's own answers are the references: quality 1.
    std::string scorer;
    std::string confidenceScorer; // the scorer read into ModelColumn::confidence, if any

    std::vector<std::string> promptIds; // the ids of the prompt file
    std::vector<int64_t> promptOrdinals;
    std::vector<std::string> promptTexts; // the last user turn
    std::vector<std::vector<std::string>> promptTags;
    std::vector<PromptFeatures> features;
    std::vector<ModelColumn> models; // ordered by model reference

    size_t promptCount() const { return promptIds.size(); }
    // Index into `models` of a reference exactly as the run stores it.
    std::optional<size_t> modelIndex(const std::string& modelRef) const;
};

struct ReplayLoadOptions {
    // The scorer whose scores are the quality. Empty: defaultScorers() decides.
    std::string scorer;
    // A second scorer read as a confidence signal for cascades (a judge). Empty:
    // defaultScorers() decides.
    std::string confidenceScorer;
    // Read answers to flag refusals and format failures and to parse classifier labels. Costs
    // reading every answer's text once.
    bool readOutputs = true;
};

// The scorers a replay uses when none is named, decided here once for every front end: the
// quality is the first scorer by name that is not a judge ("judge:<model>"), else the first
// judge; the confidence signal is the first other judge, if any. `scorers` sorted by name.
struct ScorerChoice {
    std::string quality;
    std::string confidence;
};
ScorerChoice defaultScorers(const std::vector<std::string>& scorers);

// Loads a run's results and its prompts. Results whose cost was not recorded are priced from
// `catalogue` and their token counts when it knows the model, and otherwise stay unknown: the
// tier table refuses to total an unknown cost instead of counting it as $0. Prompts of the set
// without any result in the run are left out.
Expected<ReplayData> loadReplayData(const Workspace& workspace, int64_t runId,
                                    const ReplayLoadOptions& options,
                                    const Catalogue* catalogue = nullptr,
                                    const CancelToken* cancel = nullptr,
                                    const Progress& progress = {});

// The flags and label of one answer, as loadReplayData computes them (exposed for tests and for
// data built in memory).
uint8_t outputFlagsOf(std::string_view output, bool expectsJson);
int8_t labelOf(std::string_view output);

} // namespace switchyard::routing
