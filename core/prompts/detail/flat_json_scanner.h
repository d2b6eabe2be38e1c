#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace switchyard::detail {

// A strict JSON scanner for one flat object. Every function returns false on anything it does not
// fully handle; the full parser then takes the line, so leniency here could never accept bad JSON.
class FlatScanner {
public:
    explicit FlatScanner(std::string_view text)
        : m_p(text.data()), m_end(text.data() + text.size()) {}

    void skipSpace() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n'))
            ++m_p;
    }
    bool consume(char c) {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    bool atEnd() const { return m_p == m_end; }

    bool string(std::string& out) {
        out.clear();
        if (!consume('"'))
            return false;
        for (;;) {
            const char* run = m_p;
            skipPlainWords();
            while (m_p < m_end && *m_p != '"' && *m_p != '\\' &&
                   static_cast<unsigned char>(*m_p) >= 0x20)
                ++m_p;
            out.append(run, m_p);
            if (m_p == m_end || static_cast<unsigned char>(*m_p) < 0x20)
                return false;
            if (*m_p++ == '"')
                return true;
            if (!escape(out))
                return false;
        }
    }

    // Integers only: anything with a fraction or exponent goes to the full parser.
    bool integer(int64_t& value) {
        const char* start = m_p;
        if (!number())
            return false;
        const auto [end, error] = std::from_chars(start, m_p, value);
        return error == std::errc() && end == m_p;
    }

    // Strings, numbers and literals, or an array of those: values of keys the plain shape ignores.
    bool skipScalarOrFlatArray() {
        if (!consume('['))
            return skipScalar();
        skipSpace();
        if (consume(']'))
            return true;
        for (;;) {
            skipSpace();
            if (!skipScalar())
                return false;
            skipSpace();
            if (consume(']'))
                return true;
            if (!consume(','))
                return false;
        }
    }

    // A number, validated as number() does, and its text as written.
    bool numberToken(std::string_view& token) {
        const char* start = m_p;
        if (!number())
            return false;
        token = std::string_view(start, static_cast<size_t>(m_p - start));
        return true;
    }

    bool literal(std::string_view word) {
        if (static_cast<size_t>(m_end - m_p) < word.size() ||
            std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

private:
    // Skips eight bytes at a time while none is a quote, a backslash or a control character (the
    // bit tricks of "Bit Twiddling Hacks": a zero byte, a byte below n). Prompt text is long runs
    // of such bytes, and this is where the fast path spends its time.
    void skipPlainWords() {
        constexpr uint64_t kOnes = 0x0101010101010101ULL;
        constexpr uint64_t kHighs = 0x8080808080808080ULL;
        const auto hasZeroByte = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
        while (m_end - m_p >= 8) {
            uint64_t word;
            std::memcpy(&word, m_p, 8);
            const uint64_t special = hasZeroByte(word ^ (kOnes * '"')) |
                                     hasZeroByte(word ^ (kOnes * '\\')) |
                                     ((word - kOnes * 0x20) & ~word & kHighs);
            if (special)
                return;
            m_p += 8;
        }
    }

    bool skipScalar() {
        switch (peek()) {
        case '"':
            return string(m_scratch);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool digits() {
        const char* start = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p > start;
    }

    // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number() {
        const char* start = m_p;
        consume('-');
        if (consume('0')) {
            if (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                return false;
        } else if (!digits()) {
            return false;
        }
        bool simple = true;
        if (consume('.')) {
            simple = false;
            if (!digits())
                return false;
        }
        if (consume('e') || consume('E')) {
            simple = false;
            if (!consume('+'))
                consume('-');
            if (!digits())
                return false;
        }
        // nlohmann rejects numbers a double cannot hold (1e999); leave any doubt to it.
        if (!simple || m_p - start > 18) {
            double value;
            if (std::from_chars(start, m_p, value).ec != std::errc())
                return false;
        }
        return true;
    }

    bool hex4(uint32_t& value) {
        if (m_end - m_p < 4)
            return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_p++;
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= static_cast<uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= static_cast<uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= static_cast<uint32_t>(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    bool escape(std::string& out) {
        if (m_p == m_end)
            return false;
        switch (*m_p++) {
        case '"':
            out += '"';
            return true;
        case '\\':
            out += '\\';
            return true;
        case '/':
            out += '/';
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u':
            break;
        default:
            return false;
        }
        uint32_t code;
        if (!hex4(code) || (code >= 0xDC00 && code <= 0xDFFF))
            return false;
        if (code >= 0xD800 && code <= 0xDBFF) {
            uint32_t low;
            if (!consume('\\') || !consume('u') || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, code);
        return true;
    }

    static void appendUtf8(std::string& out, uint32_t code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    const char* m_p;
    const char* m_end;
    std::string m_scratch;
};

} // namespace switchyard::detail
