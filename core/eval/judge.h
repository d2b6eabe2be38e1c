#pragma once

// LLM-as-judge: the prompts a judge model is sent and the strict reading of its verdicts.
// Pointwise, the judge scores one answer from 1 to 10 with a short reason; pairwise, it picks
// the better of two answers, asked twice with the answers' order swapped so that a judge's
// preference for a position cancels out. A verdict that does not parse is an error naming
// why, never a zero.

#include "common/expected.h"

#include <optional>
#include <string>
#include <string_view>

namespace switchyard::eval {

// Bumped whenever the prompts or the parsing change: stored judge scores name it.
inline constexpr int kJudgeVersion = 1;

// What the judge is asked to weigh when the user gives no rubric.
std::string_view defaultJudgeRubric();

struct JudgeQuestion {
    std::string_view prompt; // what the model was asked (the last user turn, with its context)
    std::optional<std::string_view> reference; // the expected answer, when the set has one
    std::string_view rubric;                   // empty: defaultJudgeRubric()
};

std::string pointwiseJudgePrompt(const JudgeQuestion& question, std::string_view answer);
// `first` is shown as answer A, `second` as answer B.
std::string pairwiseJudgePrompt(const JudgeQuestion& question, std::string_view first,
                                std::string_view second);

struct PointwiseVerdict {
    int score = 0; // 1 to 10
    std::string reason;
};

// Strict: one JSON object (alone, in a ``` fence, or the text's only {...}) with "score", a
// whole number from 1 to 10 (a number or a numeric string), and "reason", a string. Anything
// else is an error saying what is wrong.
Expected<PointwiseVerdict> parsePointwiseVerdict(std::string_view reply);
// 1..10 onto 0..1, the scale every other score uses.
double pointwiseScore(int score);

enum class Preference { First, Second, Tie };

struct PairwiseVerdict {
    Preference preference = Preference::Tie;
    std::string reason;
};

// Strict: one JSON object with "winner" ("A", "B" or "tie", any case) and "reason".
Expected<PairwiseVerdict> parsePairwiseVerdict(std::string_view reply);

// The candidate's score from both orders (candidate shown first, then second): 1 when it won
// both, 0 when it lost both, 0.5 otherwise. A verdict that flips with the order is a tie: the
// position decided it, not the answers.
double combineSwapped(Preference candidateShownFirst, Preference candidateShownSecond);

} // namespace switchyard::eval
