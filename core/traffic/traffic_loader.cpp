#include "traffic/traffic_loader.h"

#include "prompts/detail/csv_record_parser.h"
#include "prompts/detail/line_reader.h"
#include "prompts/detail/load_run.h"
#include "prompts/detail/records.h"
#include "traffic/invocation_log.h"
#include "traffic/log_stream.h"
#include "traffic/usage_csv.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace switchyard {

namespace {

namespace fs = std::filesystem;

std::string lowerName(const fs::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return name;
}

bool endsWith(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isTrafficFileName(const fs::path& path) {
    const std::string name = lowerName(path);
    for (std::string_view suffix : {".json", ".jsonl", ".ndjson", ".gz", ".csv"})
        if (endsWith(name, suffix))
            return true;
    return false;
}

bool isCsvName(const std::string& path) {
    const std::string name = lowerName(path);
    return endsWith(name, ".csv") || endsWith(name, ".csv.gz");
}

// The bookkeeping every file shares: batches into the sink, capped lists, cancel and progress.
class TrafficLoad {
public:
    TrafficLoad(const TrafficSink& sink, const TrafficLoadOptions& options,
                const CancelToken* cancel, const Progress& progress, int64_t totalBytes)
        : m_sink(sink), m_options(options), m_cancel(cancel), m_progress(progress),
          m_totalBytes(totalBytes) {}

    TrafficLoadSummary& summary() { return m_summary; }

    // False once cancelled: the read stops. The stream's position is asked for only when
    // progress is reported: it costs a system call.
    bool countLine(const LogStream& stream) {
        ++m_summary.linesRead;
        if ((m_summary.linesRead & 1023) == 0) {
            if (m_cancel && m_cancel->cancelled())
                m_summary.cancelled = true;
            if (m_progress)
                m_progress(m_doneBytes + stream.fileOffset(), m_totalBytes);
        }
        return !m_summary.cancelled;
    }

    void accept(TrafficRecord&& record, const std::string& file, int64_t line) {
        record.sourceLine = line;
        record.prompt.sourceLine = line;
        if (record.prompt.id.empty())
            record.prompt.id = fs::path(file).filename().string() + ":" + std::to_string(line);
        if (record.bodyFollowed)
            ++m_summary.bodiesFollowed;
        if (!record.missingBody.empty()) {
            ++m_summary.bodiesMissingCount;
            keep(m_summary.bodiesMissing, Error{file, line, "input", record.missingBody});
        }
        ++m_summary.accepted;
        m_batch.push_back(std::move(record));
        if (m_batch.size() >= m_options.batchSize)
            flush();
    }

    void reject(const std::string& file, int64_t line, std::string field, std::string message) {
        ++m_summary.rejectedCount;
        keep(m_summary.rejected, Error{file, line, std::move(field), std::move(message)});
    }

    void fileDone(int64_t fileBytes) {
        m_doneBytes += fileBytes;
        if (m_progress)
            m_progress(m_doneBytes, m_totalBytes);
    }

    void flush() {
        if (m_batch.empty() || m_summary.cancelled)
            return;
        m_sink(std::move(m_batch));
        m_batch.clear();
    }

private:
    void keep(std::vector<Error>& list, Error error) const {
        if (list.size() < m_options.maxRejectionsKept)
            list.push_back(std::move(error));
    }

    const TrafficSink& m_sink;
    const TrafficLoadOptions& m_options;
    const CancelToken* m_cancel;
    const Progress& m_progress;
    int64_t m_totalBytes = 0;
    int64_t m_doneBytes = 0;
    std::vector<TrafficRecord> m_batch;
    TrafficLoadSummary m_summary;
};

std::string keptMessage(const std::string& damage, int64_t kept) {
    return damage + "; the " + std::to_string(kept) + " record(s) before it were kept";
}

Status loadLogFile(const std::string& file, LogStream& stream, InvocationLogReader& reader,
                   TrafficLoad& load, size_t maxLineBytes) {
    detail::LineReader lines(
        [&stream](char* buffer, size_t size) { return stream.read(buffer, size); }, maxLineBytes);
    const int64_t acceptedBefore = load.summary().accepted;
    bool sniffed = false;
    std::string_view line;
    for (;;) {
        const auto status = lines.next(line);
        if (status == detail::LineReader::Status::End)
            break;
        if (status == detail::LineReader::Status::ReadError) {
            load.summary().damaged.push_back(
                Error{file, lines.lineNumber() + 1, "",
                      keptMessage(stream.damage(), load.summary().accepted - acceptedBefore)});
            break;
        }
        if (status == detail::LineReader::Status::Line && detail::isBlank(line))
            continue;
        if (!sniffed) {
            sniffed = true;
            if (status == detail::LineReader::Status::Line && !reader.looksLikeLogRecord(line)) {
                load.summary().skippedFiles.push_back(file);
                return success();
            }
        }
        if (!load.countLine(stream))
            break;
        if (status == detail::LineReader::Status::TooLong) {
            load.reject(file, lines.lineNumber(), "",
                        "line is longer than " + detail::describeByteLimit(maxLineBytes));
            continue;
        }
        if (auto record = reader.read(line))
            load.accept(std::move(record).value(), file, lines.lineNumber());
        else
            load.reject(file, lines.lineNumber(), record.error().field, record.error().message);
    }
    ++load.summary().files;
    return success();
}

Status loadUsageCsvFile(const std::string& file, LogStream& stream, TrafficLoad& load,
                        size_t maxLineBytes) {
    detail::LineReader lines(
        [&stream](char* buffer, size_t size) { return stream.read(buffer, size); }, maxLineBytes);
    const int64_t acceptedBefore = load.summary().accepted;
    std::optional<UsageCsvColumns> columns;
    detail::CsvRecordHandlers handlers;
    handlers.header = [&](const detail::CsvRecordParser& header, int64_t line) -> Status {
        auto read = UsageCsvColumns::fromHeader(header);
        if (!read)
            return Error{file, line, read.error().field, read.error().message};
        columns = std::move(read).value();
        return success();
    };
    handlers.count = [&](int64_t) { return load.countLine(stream); };
    handlers.record = [&](const detail::CsvRecordParser& row, int64_t line) {
        if (auto record = columns->record(row))
            load.accept(std::move(record).value(), file, line);
        else
            load.reject(file, line, record.error().field, record.error().message);
    };
    handlers.reject = [&](int64_t line, std::string message) {
        load.reject(file, line, "", std::move(message));
    };
    handlers.stopped = [&load] { return load.summary().cancelled; };
    auto status = detail::readCsvRecords(lines, file, maxLineBytes, handlers);
    if (!status && !stream.damage().empty()) {
        load.summary().damaged.push_back(
            Error{file, status.error().line, "",
                  keptMessage(stream.damage(), load.summary().accepted - acceptedBefore)});
        status = success();
    }
    if (status)
        ++load.summary().files;
    return status;
}

} // namespace

Expected<std::vector<std::string>> trafficFiles(const std::vector<std::string>& paths) {
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code error;
        if (fs::is_directory(path, error)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(
                     path, fs::directory_options::skip_permission_denied, error);
                 !error && it != fs::recursive_directory_iterator(); it.increment(error))
                if (it->is_regular_file(error) && isTrafficFileName(it->path()))
                    found.push_back(it->path().string());
            if (error)
                return Error{path, 0, "", "cannot read the folder: " + error.message()};
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(path, error)) {
            files.push_back(path);
        } else {
            return Error{path, 0, "", "no such file or folder"};
        }
    }
    if (files.empty())
        return Error{paths.empty() ? "" : paths.front(), 0, "",
                     "no log files (.json, .json.gz, .jsonl, .csv) to import"};
    return files;
}

bool looksLikeTraffic(const std::string& path) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
        // A folder of logs is judged by its first file (in path order, the oldest), so a folder of
        // prompt files dropped on the window is not taken for logs.
        auto files = trafficFiles({path});
        return files && !files->empty() && looksLikeTraffic(files->front());
    }
    auto stream = LogStream::open(path);
    if (!stream)
        return false;
    detail::LineReader lines(
        [&stream](char* buffer, size_t size) { return stream->read(buffer, size); }, 1 << 20);
    std::string_view line;
    while (lines.next(line) == detail::LineReader::Status::Line) {
        if (detail::isBlank(line))
            continue;
        if (isCsvName(path)) {
            detail::CsvRecordParser header;
            return header.feed(line) == detail::CsvRecordParser::Result::Complete &&
                   UsageCsvColumns::fromHeader(header).ok();
        }
        return InvocationLogReader({}).looksLikeLogRecord(line);
    }
    return false;
}

Expected<TrafficLoadSummary> loadTraffic(const std::vector<std::string>& paths,
                                         const TrafficSink& sink, const TrafficLoadOptions& options,
                                         const CancelToken* cancel, const Progress& progress) {
    auto files = trafficFiles(paths);
    if (!files)
        return files.error();
    int64_t totalBytes = 0;
    for (const std::string& file : *files) {
        std::error_code error;
        totalBytes += static_cast<int64_t>(fs::file_size(file, error));
    }
    TrafficLoad load(sink, options, cancel, progress, totalBytes);
    InvocationLogReader reader(paths);
    for (const std::string& file : *files) {
        auto stream = LogStream::open(file);
        const Status status = !stream ? Status(stream.error())
                              : isCsvName(file)
                                  ? loadUsageCsvFile(file, *stream, load, options.maxLineBytes)
                                  : loadLogFile(file, *stream, reader, load, options.maxLineBytes);
        if (!status) {
            Error skipped = status.error();
            skipped.file = file;
            skipped.message += "; the file was skipped";
            load.summary().damaged.push_back(std::move(skipped));
        }
        std::error_code ignored;
        load.fileDone(static_cast<int64_t>(fs::file_size(file, ignored)));
        if (load.summary().cancelled)
            break;
    }
    load.flush();
    return std::move(load.summary());
}

} // namespace switchyard
