#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace switchyard::routing {

// What a cascade sees of the cheap tier's own answer before it decides to keep it or escalate:
// signals a pre-router cannot have. Each scaled to about 0..1:
//   [0] the answer states a final answer ("####", "the answer is", "final answer", \boxed{})
//   [1] the final value is a whole number      [2] it is negative     [3] it has decimals
//   [4] the final value is a number the prompt already gives (an answer copied, not worked out)
//   [5] log of the answer's length
//   [6] arithmetic statements "a op b = c" that check out (up to 10)
//   [7] ones that do not (up to 5)             [8] whether any does not
//   [9] hedging cues ("approximately", "assuming", "not enough information", ...)
//   [10] refusal cues at the start             [11] lines (up to 30)
//   [12] the answer stops mid-sentence (no closing punctuation or number: likely truncated)
inline constexpr int kAnswerFeatures = 13;
using AnswerFeatures = std::array<float, kAnswerFeatures>;

AnswerFeatures answerFeatures(std::string_view prompt, std::string_view answer);

// Arithmetic statements in a text ("3 * 4 = 12", "12 - 5 = 7", "$2 x 9 = $18") and how many of
// them are wrong: a reasoning slip an answer's final number inherits.
struct ArithmeticCheck {
    int correct = 0;
    int wrong = 0;
};
ArithmeticCheck checkArithmetic(std::string_view text);

} // namespace switchyard::routing
