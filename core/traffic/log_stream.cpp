#include "traffic/log_stream.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace switchyard {

namespace {

gzFile handle(void* file) {
    return static_cast<gzFile>(file);
}

bool startsWithGzipMagic(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        return false;
    unsigned char magic[2] = {0, 0};
    const size_t got = std::fread(magic, 1, 2, file);
    std::fclose(file);
    return got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

} // namespace

Expected<LogStream> LogStream::open(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return Error{path, 0, "", "is a folder, not a log file"};
    const auto size = std::filesystem::file_size(path, error);
    if (error)
        return Error{path, 0, "", "cannot read the file: " + error.message()};
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file)
        return Error{path, 0, "", std::string("cannot open the file: ") + std::strerror(errno)};
    // Large reads amortise zlib's per-call work; the window stays 32 KiB whatever the file size.
    gzbuffer(file, 256 * 1024);
    return LogStream(file, startsWithGzipMagic(path), static_cast<int64_t>(size));
}

LogStream::LogStream(void* file, bool compressed, int64_t fileBytes)
    : m_file(file), m_compressed(compressed), m_fileBytes(fileBytes) {}

LogStream::LogStream(LogStream&& other) noexcept
    : m_file(std::exchange(other.m_file, nullptr)), m_compressed(other.m_compressed),
      m_fileBytes(other.m_fileBytes), m_damage(std::move(other.m_damage)) {}

LogStream& LogStream::operator=(LogStream&& other) noexcept {
    if (this != &other) {
        if (m_file)
            gzclose(handle(m_file));
        m_file = std::exchange(other.m_file, nullptr);
        m_compressed = other.m_compressed;
        m_fileBytes = other.m_fileBytes;
        m_damage = std::move(other.m_damage);
    }
    return *this;
}

LogStream::~LogStream() {
    if (m_file)
        gzclose(handle(m_file));
}

std::ptrdiff_t LogStream::read(char* buffer, size_t size) {
    if (!m_file || !m_damage.empty())
        return m_damage.empty() ? 0 : -1;
    const int chunk = static_cast<int>(std::min<size_t>(size, size_t{1} << 30));
    const int got = gzread(handle(m_file), buffer, static_cast<unsigned>(chunk));
    int code = Z_OK;
    const char* message = gzerror(handle(m_file), &code);
    // zlib hands over what it could decompress before a cut (Z_BUF_ERROR: "unexpected end of
    // file") and says so only afterwards; the caller reads those bytes first.
    if (got > 0)
        return got;
    if (code == Z_OK)
        return 0;
    if (code == Z_BUF_ERROR)
        m_damage = "the gzip stream is cut off before its end (" + std::string(message) + ")";
    else if (code == Z_DATA_ERROR)
        m_damage = "the gzip data is corrupt (" + std::string(message) + ")";
    else if (code == Z_ERRNO)
        m_damage = std::string("read error: ") + std::strerror(errno);
    else
        m_damage = message;
    return -1;
}

int64_t LogStream::fileOffset() const {
    return m_file ? static_cast<int64_t>(gzoffset(handle(m_file))) : m_fileBytes;
}

} // namespace switchyard
