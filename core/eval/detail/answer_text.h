#pragma once

// Tokens of an answer for the overlap scorers (reference_scorers.cpp).

#include <string>
#include <string_view>
#include <vector>

namespace switchyard::eval::detail {

// Lower case, punctuation as spaces, split on whitespace; SQuAD drops the articles too.
std::vector<std::string> answerTokens(std::string_view text, bool dropArticles = true);
double tokenF1(const std::vector<std::string>& output, const std::vector<std::string>& reference);
double rougeL(const std::vector<std::string>& output, const std::vector<std::string>& reference);

} // namespace switchyard::eval::detail
