#include "student/label_set.h"

#include "common/text_format.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace switchyard::student {

namespace {

bool isSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string_view firstLine(std::string_view text) {
    for (;;) {
        const size_t end = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, end));
        if (!line.empty() || end == std::string_view::npos)
            return line;
        text.remove_prefix(end + 1);
    }
}

int wordCount(std::string_view text) {
    int words = 0;
    bool inWord = false;
    for (const char c : text) {
        if (isSpace(c)) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            ++words;
        }
    }
    return words;
}

} // namespace

std::string normaliseLabel(std::string_view answer) {
    // Markdown emphasis and code, and quotes of every kind ASCII has, carry no meaning here.
    std::string out = collapsedLowerCase(firstLine(answer), "*_`\"'");
    for (std::string_view prefix : {"label:", "answer:", "category:", "class:", "sentiment:",
                                    "intent:", "queue:", "classification:"}) {
        if (out.compare(0, prefix.size(), prefix) == 0) {
            out.erase(0, prefix.size());
            break;
        }
    }
    while (!out.empty() && (isSpace(out.front()) || out.front() == '-' || out.front() == '['))
        out.erase(out.begin());
    while (!out.empty() && (isSpace(out.back()) ||
                            std::string_view(".!,;:]").find(out.back()) != std::string_view::npos))
        out.pop_back();
    return out;
}

std::string LabelSet::labelOf(std::string_view answer) const {
    std::string normal = normaliseLabel(answer);
    const auto kept = std::find(labels.begin(), labels.end(), normal);
    if (kept != labels.end() && normal != kOtherLabel)
        return normal;
    return kOtherLabel;
}

LabelSet detectLabels(const std::vector<std::string>& answers, const LabelRules& rules) {
    LabelSet set;
    set.answers = static_cast<int64_t>(answers.size());
    if (answers.empty()) {
        set.why = "no answers to learn from";
        return set;
    }
    std::unordered_map<std::string, int64_t> counts;
    int64_t freeText = 0;
    for (const std::string& answer : answers) {
        std::string normal = normaliseLabel(answer);
        if (wordCount(normal) > rules.maxWords || normal.empty()) {
            ++freeText;
            continue;
        }
        ++counts[std::move(normal)];
    }
    set.distinct = static_cast<int64_t>(counts.size());
    set.freeTextShare = static_cast<double>(freeText) / static_cast<double>(set.answers);
    std::vector<std::pair<std::string, int64_t>> ranked(counts.begin(), counts.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    int64_t covered = 0;
    for (const auto& [label, count] : ranked) {
        if (static_cast<int>(set.labels.size()) >= rules.maxLabels ||
            count < rules.minExamplesPerLabel)
            break;
        if (label == kOtherLabel)
            continue; // counted with the tail below
        set.labels.push_back(label);
        set.counts.push_back(count);
        covered += count;
    }
    const int64_t other = set.answers - covered;
    set.otherShare = static_cast<double>(other) / static_cast<double>(set.answers);
    const double coverage = 1.0 - set.otherShare;
    if (set.labels.size() < 2) {
        set.why = set.labels.empty() ? "no answer repeats: the answers are free text, not labels"
                                     : "every repeated answer is the same: nothing to tell apart";
        return set;
    }
    if (coverage < rules.minCoverage) {
        set.why = std::to_string(set.labels.size()) + " labels cover only " +
                  std::to_string(static_cast<int>(coverage * 100.0)) + "% of the answers (" +
                  std::to_string(set.distinct) + " distinct short answers, " +
                  std::to_string(static_cast<int>(set.freeTextShare * 100.0)) +
                  "% longer than a label): these are not answers from a small set";
        set.labels.clear();
        set.counts.clear();
        return set;
    }
    if (other > 0) {
        set.labels.push_back(kOtherLabel);
        set.counts.push_back(other);
    }
    set.isLabelSet = true;
    return set;
}

} // namespace switchyard::student
