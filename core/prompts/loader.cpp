#include "prompts/loader.h"

#include "prompts/detail/load_run.h"

#include "common/open_workspaces.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace switchyard {

namespace {

// Enough to see a binary file's NUL bytes without reading a large file twice.
constexpr size_t kSniffBytes = 8192;

bool isSpaceByte(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string lowerExtension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

std::string systemMessage(const char* what) {
    return std::string(what) + std::strerror(errno);
}

// The first byte that is neither whitespace nor the UTF-8 byte order mark, or 0 for a blank file.
Expected<char> firstNonBlankByte(std::FILE* file, const std::string& path) {
    std::vector<char> chunk(kSniffBytes);
    bool atStart = true;
    for (;;) {
        const size_t got = std::fread(chunk.data(), 1, chunk.size(), file);
        if (got == 0) {
            if (std::ferror(file))
                return Error{path, 0, "", systemMessage("cannot read file: ")};
            return char{0};
        }
        size_t i = 0;
        if (atStart && got >= 3 && std::memcmp(chunk.data(), "\xEF\xBB\xBF", 3) == 0)
            i = 3;
        atStart = false;
        for (; i < got; ++i)
            if (!isSpaceByte(chunk[i]))
                return chunk[i];
    }
}

} // namespace

namespace detail {

// Whole-file verdicts: the things no line-by-line report could explain better.
Expected<FileFormat> sniffFileFormat(std::FILE* file, const std::string& path) {
    std::vector<char> head(kSniffBytes);
    const size_t got = std::fread(head.data(), 1, head.size(), file);
    if (got == 0 && std::ferror(file))
        return Error{path, 0, "", systemMessage("cannot read file: ")};
    if (got >= 2 &&
        ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
        return Error{path, 0, "", "file is UTF-16; save it as UTF-8"};
    if (std::memchr(head.data(), '\0', got))
        return Error{path, 0, "", "binary file, not JSONL or CSV"};

    std::rewind(file);
    const auto first = firstNonBlankByte(file, path);
    if (!first)
        return first.error();
    if (*first == 0)
        return Error{path, 0, "", "file is empty"};
    std::rewind(file);

    const std::string extension = lowerExtension(path);
    FileFormat format = *first == '{' || *first == '[' ? FileFormat::Jsonl : FileFormat::Csv;
    if (extension == ".jsonl" || extension == ".json" || extension == ".ndjson")
        format = FileFormat::Jsonl;
    else if (extension == ".csv")
        format = FileFormat::Csv;
    if (format == FileFormat::Jsonl && *first == '[')
        return Error{path, 0, "",
                     "file is one JSON array; expected JSON Lines (one JSON object per line)"};
    return format;
}

} // namespace detail

namespace detail {

Expected<OpenedDataFile> openDataFile(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ignored;
    const auto status = fs::status(path, ignored);
    if (!fs::exists(status))
        return Error{path, 0, "", "file not found"};
    if (fs::is_directory(status))
        return Error{path, 0, "", "is a directory, not a file"};
    if (auto refused = refuseOpenWorkspace(path); !refused)
        return refused.error();
    OpenedDataFile opened;
    opened.file.reset(std::fopen(path.c_str(), "rb"));
    if (!opened.file)
        return Error{path, 0, "", systemMessage("cannot open file: ")};
    auto format = sniffFileFormat(opened.file.get(), path);
    if (!format)
        return format.error();
    opened.format = *format;
    std::error_code sizeError;
    const auto size = fs::file_size(path, sizeError);
    opened.bytes = sizeError ? 0 : static_cast<int64_t>(size);
    return opened;
}

} // namespace detail

Expected<LoadSummary> loadPromptFile(const std::string& path, const PromptSink& sink,
                                     const LoadOptions& options, const CancelToken* cancel,
                                     const Progress& progress) {
    auto opened = detail::openDataFile(path);
    if (!opened)
        return opened.error();
    detail::LoadRun run(path, sink, options, cancel, progress, opened->bytes);
    detail::LineReader reader(opened->file.get(), options.maxLineBytes);
    const Status loaded = opened->format == detail::FileFormat::Jsonl
                              ? detail::loadJsonl(reader, run)
                              : detail::loadCsv(reader, run);
    if (!loaded)
        return loaded.error();
    return run.finish(reader.bytesConsumed());
}

} // namespace switchyard
