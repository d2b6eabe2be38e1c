#include "compare/word_diff.h"

#include "common/common_ends.h"

#include <algorithm>
#include <cstdint>

namespace switchyard::compare {

namespace {

bool isWordByte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 0x80; // any byte of a multi-byte character: words of any script
}

bool isSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<std::string_view> tokens(std::string_view text) {
    std::vector<std::string_view> out;
    size_t at = 0;
    while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        size_t end = at + 1;
        if (isWordByte(c)) {
            while (end < text.size() && isWordByte(static_cast<unsigned char>(text[end])))
                ++end;
        } else if (isSpace(c)) {
            while (end < text.size() && isSpace(static_cast<unsigned char>(text[end])))
                ++end;
        }
        out.push_back(text.substr(at, end - at));
        at = end;
    }
    return out;
}

void append(std::vector<DiffPiece>& pieces, DiffPiece::Kind kind, std::string_view text) {
    if (text.empty())
        return;
    if (!pieces.empty() && pieces.back().kind == kind)
        pieces.back().text += text;
    else
        pieces.push_back({kind, std::string(text)});
}

// Longest common subsequence of the middle tokens, walked back into pieces.
void diffMiddle(std::vector<DiffPiece>& pieces, const std::vector<std::string_view>& a,
                const std::vector<std::string_view>& b) {
    const size_t n = a.size();
    const size_t m = b.size();
    // lcs[i][j]: the LCS length of a[i..] and b[j..]; lengths fit 32 bits at any allowed size.
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[at(i, j)] = a[i] == b[j] ? lcs[at(i + 1, j + 1)] + 1
                                         : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
    size_t i = 0;
    size_t j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            append(pieces, DiffPiece::Kind::Same, a[i]);
            ++i;
            ++j;
        } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            append(pieces, DiffPiece::Kind::Removed, a[i++]);
        } else {
            append(pieces, DiffPiece::Kind::Added, b[j++]);
        }
    }
    for (; i < n; ++i)
        append(pieces, DiffPiece::Kind::Removed, a[i]);
    for (; j < m; ++j)
        append(pieces, DiffPiece::Kind::Added, b[j]);
}

} // namespace

std::vector<DiffPiece> wordDiff(std::string_view left, std::string_view right) {
    const auto a = tokens(left);
    const auto b = tokens(right);
    const auto [prefix, suffix] = commonEnds(a, b);

    std::vector<DiffPiece> pieces;
    for (size_t k = 0; k < prefix; ++k)
        append(pieces, DiffPiece::Kind::Same, a[k]);
    const std::vector<std::string_view> middleA(a.begin() + static_cast<std::ptrdiff_t>(prefix),
                                                a.end() - static_cast<std::ptrdiff_t>(suffix));
    const std::vector<std::string_view> middleB(b.begin() + static_cast<std::ptrdiff_t>(prefix),
                                                b.end() - static_cast<std::ptrdiff_t>(suffix));
    if ((middleA.size() + 1) * (middleB.size() + 1) <= kMaxDiffCells) {
        diffMiddle(pieces, middleA, middleB);
    } else {
        for (std::string_view token : middleA)
            append(pieces, DiffPiece::Kind::Removed, token);
        for (std::string_view token : middleB)
            append(pieces, DiffPiece::Kind::Added, token);
    }
    for (size_t k = a.size() - suffix; k < a.size(); ++k)
        append(pieces, DiffPiece::Kind::Same, a[k]);
    return pieces;
}

} // namespace switchyard::compare
