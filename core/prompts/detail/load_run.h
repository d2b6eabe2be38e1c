#pragma once

#include <cstdio>
#include <memory>

#include "prompts/detail/line_reader.h"
#include "prompts/loader.h"

#include <cstdio>
#include <string>

namespace switchyard::detail {

// The bookkeeping both file formats share: batching into the sink, capped rejections, cancel
// checks and progress, so each format's loader is only about parsing.
class LoadRun {
public:
    LoadRun(const std::string& path, const PromptSink& sink, const LoadOptions& options,
            const CancelToken* cancel, const Progress& progress, int64_t fileBytes);

    const std::string& path() const { return m_path; }
    const LoadOptions& options() const { return m_options; }

    // Counts one data line or record. False once the load was cancelled and must stop.
    bool countLine(int64_t bytesConsumed);
    void accept(Prompt&& prompt);
    void reject(int64_t line, std::string field, std::string message);
    bool stopped() const { return m_summary.cancelled; }

    // Hands over the last partial batch (unless cancelled) and reports final progress.
    LoadSummary finish(int64_t bytesConsumed);

private:
    void flush();
    void checkpoint(int64_t bytesConsumed);

    const std::string& m_path;
    const PromptSink& m_sink;
    LoadOptions m_options;
    const CancelToken* m_cancel;
    const Progress& m_progress;
    int64_t m_fileBytes;
    std::vector<Prompt> m_batch;
    LoadSummary m_summary;
};

enum class FileFormat { Jsonl, Csv };

// Whole-file verdicts, before any line is read: missing bytes, UTF-16, binary, empty, a JSON array
// instead of JSON Lines. The format comes from the extension (.jsonl/.json/.ndjson, .csv), else
// the first non-blank byte ('{' or '[' means JSONL). Leaves the file rewound.
Expected<FileFormat> sniffFileFormat(std::FILE* file, const std::string& path);

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// A data file opened for loading: every whole-file check done (missing, a directory,
// unreadable, then sniffFileFormat), its format and size known (0 when the size is unknown).
struct OpenedDataFile {
    FilePtr file;
    FileFormat format = FileFormat::Jsonl;
    int64_t bytes = 0;
};
Expected<OpenedDataFile> openDataFile(const std::string& path);

// Each reads the whole stream through `reader`. An Error means the file as a whole is unusable.
Status loadJsonl(LineReader& reader, LoadRun& run);
Status loadCsv(LineReader& reader, LoadRun& run);

// "64 MiB" or "1000 bytes": how a size limit is named in a message.
std::string describeByteLimit(size_t bytes);

} // namespace switchyard::detail
