#include "prompts/detail/line_reader.h"

#include <algorithm>
#include <cstring>

namespace switchyard::detail {

namespace {

// Large enough that a 150-byte-per-line file costs one read call per ~7000 lines.
constexpr size_t kChunkBytes = size_t{1} << 20;

} // namespace

LineReader::LineReader(std::FILE* file, size_t maxLineBytes)
    : LineReader(
          [file](char* buffer, size_t size) -> std::ptrdiff_t {
              const size_t got = std::fread(buffer, 1, size, file);
              return got == 0 && std::ferror(file) ? -1 : static_cast<std::ptrdiff_t>(got);
          },
          maxLineBytes) {}

LineReader::LineReader(ReadFunction read, size_t maxLineBytes)
    : m_read(std::move(read)), m_maxLineBytes(std::max<size_t>(maxLineBytes, 1)),
      m_buffer(kChunkBytes) {}

bool LineReader::readMore() {
    if (m_atEnd)
        return false;
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    // Grow only while a single line needs it, and never past what could still be a legal line.
    if (m_end == m_buffer.size())
        m_buffer.resize(
            std::max(m_buffer.size(), std::min(m_buffer.size() * 2, m_maxLineBytes + 1)));
    const std::ptrdiff_t read = m_read(m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (read <= 0) {
        m_atEnd = true;
        m_readError = read < 0;
        return false;
    }
    const size_t got = static_cast<size_t>(read);
    if (m_firstRead) {
        m_firstRead = false;
        if (got >= 3 && std::memcmp(m_buffer.data(), "\xEF\xBB\xBF", 3) == 0) {
            m_begin = 3;
            m_bytesConsumed = 3;
        }
    }
    m_end += got;
    return true;
}

LineReader::Status LineReader::skipRestOfLine() {
    ++m_lineNumber;
    for (;;) {
        const char* start = m_buffer.data() + m_begin;
        if (const void* newline = std::memchr(start, '\n', m_end - m_begin)) {
            const size_t length = static_cast<const char*>(newline) - start;
            m_bytesConsumed += static_cast<int64_t>(length + 1);
            m_begin += length + 1;
            return Status::TooLong;
        }
        m_bytesConsumed += static_cast<int64_t>(m_end - m_begin);
        m_begin = m_end = 0;
        if (!readMore())
            return m_readError ? Status::ReadError : Status::TooLong;
    }
}

LineReader::Status LineReader::next(std::string_view& line) {
    size_t scanned = 0; // bytes of the current line already searched for '\n'
    for (;;) {
        const char* start = m_buffer.data() + m_begin;
        const size_t available = m_end - m_begin;
        const void* newline = std::memchr(start + scanned, '\n', available - scanned);
        if (newline || (m_atEnd && available > 0)) {
            size_t length = newline ? static_cast<const char*>(newline) - start : available;
            if (length > m_maxLineBytes) {
                m_lineNumber += 1;
                m_bytesConsumed += static_cast<int64_t>(length + (newline ? 1 : 0));
                m_begin += length + (newline ? 1 : 0);
                return Status::TooLong;
            }
            m_begin += length + (newline ? 1 : 0);
            m_bytesConsumed += static_cast<int64_t>(length + (newline ? 1 : 0));
            ++m_lineNumber;
            if (length > 0 && start[length - 1] == '\r')
                --length;
            line = std::string_view(start, length);
            return Status::Line;
        }
        if (available > m_maxLineBytes)
            return skipRestOfLine();
        scanned = available;
        if (!readMore()) {
            if (m_readError)
                return Status::ReadError;
            if (m_end == m_begin)
                return Status::End;
        }
    }
}

} // namespace switchyard::detail
