#include "prompts/detail/records.h"

#include <simdjson.h>

#include <cstring>

namespace switchyard::detail {

size_t findInvalidUtf8(std::string_view text) {
    // simdjson's validator checks the common case, valid text, at memory speed; the loop below
    // only has to find where invalid text goes wrong.
    if (simdjson::validate_utf8(text.data(), text.size()))
        return std::string_view::npos;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const size_t size = text.size();
    size_t i = 0;
    while (i < size) {
        // Prompt files are mostly ASCII: test eight bytes at a time.
        if (i + 8 <= size) {
            uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        size_t length;
        unsigned char low = 0x80;  // bounds of the second byte, which rule out overlongs,
        unsigned char high = 0xBF; // surrogates and code points past U+10FFFF
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            return i;
        }
        if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high)
            return i;
        for (size_t k = 2; k < length; ++k)
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
        i += length;
    }
    return std::string_view::npos;
}

int64_t columnOfByte(std::string_view line, size_t byteOffset) {
    if (byteOffset > line.size())
        byteOffset = line.size();
    int64_t column = 1;
    for (size_t i = 0; i < byteOffset; ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
            ++column;
    return column;
}

bool isBlank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            return false;
    return true;
}

} // namespace switchyard::detail
