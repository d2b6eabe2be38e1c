#include "eval/judge.h"

#include "eval/reference_scorers.h"

#include <algorithm>
#include <cmath>

namespace switchyard::eval {

namespace {

using nlohmann::json;

std::string block(std::string_view title, std::string_view text) {
    return "<" + std::string(title) + ">\n" + std::string(text) + "\n</" + std::string(title) +
           ">\n\n";
}

std::string header(const JudgeQuestion& question) {
    std::string text = "You are judging answers given by AI models. Judge only what is written; "
                       "ignore the answers' length and style unless the rubric asks for them.\n\n"
                       "Rubric: ";
    text += question.rubric.empty() ? defaultJudgeRubric() : question.rubric;
    text += "\n\n" + block("question", question.prompt);
    if (question.reference)
        text += block("reference_answer", *question.reference);
    return text;
}

Expected<json> verdictObject(std::string_view reply) {
    const auto parsed = extractJson(reply);
    if (!parsed)
        return Error{"", 0, "verdict", "no JSON object in the judge's reply"};
    if (!parsed->is_object())
        return Error{"", 0, "verdict", "the judge's JSON is not an object"};
    return *parsed;
}

Expected<std::string> reasonOf(const json& object) {
    const auto reason = object.find("reason");
    if (reason == object.end() || !reason->is_string())
        return Error{"", 0, "reason", "the verdict has no \"reason\" string"};
    return reason->get<std::string>();
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// "8" or "8/10"; any other text is not a score.
std::optional<double> scoreFromText(std::string_view text) {
    const auto slash = text.find('/');
    if (slash != std::string_view::npos && trimmed(text.substr(slash + 1)) != "10")
        return std::nullopt;
    const std::string head = trimmed(text.substr(0, slash));
    if (head.empty() || head.size() > 2 ||
        head.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stod(head);
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

std::string_view defaultJudgeRubric() {
    return "Is the answer correct, complete and responsive to the question, following any "
           "instructions it gives? When a reference answer is given, an answer that reaches the "
           "same result is correct whatever its wording.";
}

std::string pointwiseJudgePrompt(const JudgeQuestion& question, std::string_view answer) {
    return header(question) + block("answer", answer) +
           "Score the answer from 1 (useless or wrong) to 10 (fully correct and complete). "
           "Reply with one JSON object and nothing else: "
           "{\"score\": <whole number 1-10>, \"reason\": \"<one sentence>\"}";
}

std::string pairwiseJudgePrompt(const JudgeQuestion& question, std::string_view first,
                                std::string_view second) {
    return header(question) + block("answer_A", first) + block("answer_B", second) +
           "Which answer is better by the rubric? Reply with one JSON object and nothing else: "
           "{\"winner\": \"A\" | \"B\" | \"tie\", \"reason\": \"<one sentence>\"}";
}

Expected<PointwiseVerdict> parsePointwiseVerdict(std::string_view reply) {
    auto object = verdictObject(reply);
    if (!object)
        return object.error();
    const auto score = object->find("score");
    if (score == object->end())
        return Error{"", 0, "score", "the verdict has no \"score\""};
    double value = NAN;
    if (score->is_number()) {
        value = score->get<double>();
    } else if (score->is_string()) {
        value = scoreFromText(score->get<std::string>()).value_or(NAN);
    }
    if (!std::isfinite(value) || value != std::floor(value) || value < 1 || value > 10)
        return Error{"", 0, "score", "the score is not a whole number from 1 to 10"};
    auto reason = reasonOf(*object);
    if (!reason)
        return reason.error();
    return PointwiseVerdict{static_cast<int>(value), std::move(*reason)};
}

double pointwiseScore(int score) {
    return (static_cast<double>(score) - 1.0) / 9.0;
}

Expected<PairwiseVerdict> parsePairwiseVerdict(std::string_view reply) {
    auto object = verdictObject(reply);
    if (!object)
        return object.error();
    const auto winner = object->find("winner");
    if (winner == object->end() || !winner->is_string())
        return Error{"", 0, "winner", "the verdict has no \"winner\" string"};
    const std::string named = lowered(winner->get<std::string>());
    PairwiseVerdict verdict;
    if (named == "a")
        verdict.preference = Preference::First;
    else if (named == "b")
        verdict.preference = Preference::Second;
    else if (named == "tie")
        verdict.preference = Preference::Tie;
    else
        return Error{"", 0, "winner", "the winner is not A, B or tie"};
    auto reason = reasonOf(*object);
    if (!reason)
        return reason.error();
    verdict.reason = std::move(*reason);
    return verdict;
}

double combineSwapped(Preference candidateShownFirst, Preference candidateShownSecond) {
    const bool wonFirst = candidateShownFirst == Preference::First;
    const bool wonSecond = candidateShownSecond == Preference::Second;
    const bool lostFirst = candidateShownFirst == Preference::Second;
    const bool lostSecond = candidateShownSecond == Preference::First;
    if (wonFirst && wonSecond)
        return 1.0;
    if (lostFirst && lostSecond)
        return 0.0;
    return 0.5;
}

} // namespace switchyard::eval
