#pragma once

#include "common/expected.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace switchyard {

// A log file read as a byte stream, gzip-compressed or not (zlib tells them apart by their first
// bytes, whatever the extension says), in bounded memory. At the end it says whether the stream
// was whole: a gzip file cut off mid-stream (a download or a copy that stopped) or corrupt past
// some point gives what came before the damage, then reports it.
class LogStream {
public:
    static Expected<LogStream> open(const std::string& path);
    LogStream(LogStream&& other) noexcept;
    LogStream& operator=(LogStream&& other) noexcept;
    LogStream(const LogStream&) = delete;
    LogStream& operator=(const LogStream&) = delete;
    ~LogStream();

    // The bytes read (decompressed), 0 at the end, -1 on an error. After the end or an error,
    // damage() says what was wrong, if anything.
    std::ptrdiff_t read(char* buffer, size_t size);

    bool compressed() const { return m_compressed; }
    // Empty when the stream ended where it should; else why it ended early.
    const std::string& damage() const { return m_damage; }
    int64_t fileBytes() const { return m_fileBytes; }
    // Compressed bytes consumed so far, for progress over the file's size.
    int64_t fileOffset() const;

private:
    explicit LogStream(void* file, bool compressed, int64_t fileBytes);

    void* m_file = nullptr; // gzFile
    bool m_compressed = false;
    int64_t m_fileBytes = 0;
    std::string m_damage;
};

} // namespace switchyard
