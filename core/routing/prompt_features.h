#pragma once

#include "prompts/prompt.h"

#include <cstdint>
#include <string_view>

namespace switchyard::routing {

// What the complexity heuristic and the learned router see of a prompt besides its words.
// Counts are capped at 255.
struct PromptFeatures {
    float inputTokens = 0.0f;  // estimated input tokens of the whole request
    uint16_t words = 0;        // of the last user turn, capped at 65535
    uint8_t questions = 0;     // '?' characters
    uint8_t codeSignals = 0;   // fences, keywords and punctuation typical of code (below)
    uint8_t mathsSignals = 0;  // arithmetic expressions and maths vocabulary
    uint8_t multiStepCues = 0; // "step by step", "first ... then", "compare", "explain why", ...
    uint8_t domainWords = 0;   // legal, medical, financial, security vocabulary
};

// Scans the last user turn. Each signal counts distinct cues found (the lists are in the .cpp),
// matched case-insensitively as substrings.
PromptFeatures promptFeatures(std::string_view text, int64_t inputTokens);

// The complexity heuristic, a score in [0, 1]:
//   0.30 * L + 0.10 * min(q, 3)/3 + 0.20 * min(code, 2)/2 + 0.15 * min(maths, 3)/3
//   + 0.15 * min(steps, 3)/3 + 0.10 * min(domain, 3)/3
// where L = clamp(log2(1 + tokens/25) / log2(1 + 2000/25), 0, 1): about 0.16 for a 25-token
// question, 0.5 near 200 tokens, 1 from 2,000 tokens on. The weights sum to 1, so a long
// multi-step coding question in a regulated domain scores near 1 and "hi" near 0.
double complexityScore(const PromptFeatures& features);

// The features of a prompt as every router sees them: its last user turn, and the whole
// request's input tokens by the generic estimate.
PromptFeatures promptFeaturesOf(const Prompt& prompt);

} // namespace switchyard::routing
