#include "common/line_diff.h"

#include <algorithm>
#include <cstdint>

namespace switchyard {

namespace {

constexpr size_t kMaxLines = 4000;

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

} // namespace

std::vector<DiffLine> diffLines(std::string_view before, std::string_view after) {
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    std::vector<DiffLine> out;
    auto emit = [&](DiffLine::Kind kind, std::string_view text) {
        out.push_back(DiffLine{kind, std::string(text)});
    };
    if (a.size() > kMaxLines || b.size() > kMaxLines) {
        if (a == b) {
            for (const auto line : a)
                emit(DiffLine::Kind::Same, line);
        } else {
            for (const auto line : a)
                emit(DiffLine::Kind::Removed, line);
            for (const auto line : b)
                emit(DiffLine::Kind::Added, line);
        }
        return out;
    }
    // common[i][j]: the longest common subsequence of a[i..] and b[j..].
    const size_t width = b.size() + 1;
    std::vector<uint16_t> common((a.size() + 1) * width, 0);
    for (size_t i = a.size(); i-- > 0;)
        for (size_t j = b.size(); j-- > 0;)
            common[i * width + j] = a[i] == b[j] ? common[(i + 1) * width + j + 1] + 1
                                                 : std::max(common[(i + 1) * width + j],
                                                            common[i * width + j + 1]);
    size_t i = 0;
    size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            emit(DiffLine::Kind::Same, a[i++]);
            ++j;
        } else if (j == b.size() ||
                   (i < a.size() && common[(i + 1) * width + j] >= common[i * width + j + 1])) {
            emit(DiffLine::Kind::Removed, a[i++]);
        } else {
            emit(DiffLine::Kind::Added, b[j++]);
        }
    }
    return out;
}

DiffCounts countChanges(const std::vector<DiffLine>& diff) {
    DiffCounts counts;
    for (const DiffLine& line : diff) {
        counts.added += line.kind == DiffLine::Kind::Added;
        counts.removed += line.kind == DiffLine::Kind::Removed;
    }
    return counts;
}

} // namespace switchyard
