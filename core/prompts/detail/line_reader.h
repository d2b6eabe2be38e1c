#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string_view>
#include <vector>

namespace switchyard::detail {

// Splits a file into physical lines while holding only one read chunk (and at most one line of
// maxLineBytes) in memory. Lines come without their '\n' and a trailing '\r'; a UTF-8 byte order
// mark at the start of the file is dropped.
class LineReader {
public:
    enum class Status { Line, TooLong, End, ReadError };

    // Reads up to `size` bytes into `buffer`: the count read, 0 at the end, -1 on a read error.
    using ReadFunction = std::function<std::ptrdiff_t(char* buffer, size_t size)>;

    LineReader(std::FILE* file, size_t maxLineBytes);
    // Any byte stream: a decompressing one (traffic/log_stream.h), say.
    LineReader(ReadFunction read, size_t maxLineBytes);

    // On Line, `line` stays valid until the next call. On TooLong the line was skipped to its end.
    Status next(std::string_view& line);

    int64_t lineNumber() const { return m_lineNumber; } // of the line last returned, 1-based
    int64_t bytesConsumed() const { return m_bytesConsumed; }

private:
    bool readMore(); // false at end of file or on a read error
    Status skipRestOfLine();

    ReadFunction m_read;
    size_t m_maxLineBytes;
    std::vector<char> m_buffer;
    size_t m_begin = 0;
    size_t m_end = 0;
    bool m_atEnd = false;
    bool m_readError = false;
    bool m_firstRead = true;
    int64_t m_lineNumber = 0;
    int64_t m_bytesConsumed = 0;
};

} // namespace switchyard::detail
