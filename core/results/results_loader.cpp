// Recorded-results files, JSONL and CSV. The line reader, the CSV record parser and the UTF-8
// checks are the prompt loaders' own (prompts/detail), so both kinds of file are read alike.
#include "common/text_format.h"
#include "results/recorded_results.h"

#include "prompts/detail/csv_record_parser.h"
#include "prompts/detail/line_reader.h"
#include "prompts/detail/load_run.h"
#include "prompts/detail/records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>

namespace switchyard {

namespace {

using nlohmann::json;

// Batching, capped rejections, cancel and progress: LoadRun's bookkeeping for results.
class ResultsRun {
public:
    ResultsRun(const std::string& path, const RecordedResultSink& sink, const LoadOptions& options,
               const CancelToken* cancel, const Progress& progress, int64_t fileBytes)
        : m_path(path), m_sink(sink), m_options(options), m_cancel(cancel), m_progress(progress),
          m_fileBytes(fileBytes) {
        m_options.batchSize = std::max<size_t>(m_options.batchSize, 1);
        m_summary.cancelled = m_cancel && m_cancel->cancelled();
    }

    const std::string& path() const { return m_path; }
    size_t maxRecordBytes() const { return m_options.maxLineBytes; }
    bool stopped() const { return m_summary.cancelled; }

    bool countLine(int64_t bytesConsumed) {
        if (m_summary.cancelled)
            return false;
        ++m_summary.linesRead;
        if (m_summary.linesRead % static_cast<int64_t>(m_options.batchSize) == 0)
            checkpoint(bytesConsumed);
        return !m_summary.cancelled;
    }
    void accept(RecordedResult&& result) {
        m_batch.push_back(std::move(result));
        if (m_batch.size() >= m_options.batchSize)
            flush();
    }
    void reject(int64_t line, std::string field, std::string message) {
        ++m_summary.rejectedCount;
        if (m_summary.rejected.size() < m_options.maxRejectionsKept)
            m_summary.rejected.push_back(Error{m_path, line, std::move(field), std::move(message)});
    }
    ResultsLoadSummary finish(int64_t bytesConsumed) {
        if (!m_summary.cancelled)
            flush();
        if (m_progress)
            m_progress(bytesConsumed, m_fileBytes);
        return std::move(m_summary);
    }

private:
    void checkpoint(int64_t bytesConsumed) {
        if (m_cancel && m_cancel->cancelled())
            m_summary.cancelled = true;
        if (m_progress)
            m_progress(bytesConsumed, m_fileBytes);
    }
    void flush() {
        if (m_batch.empty())
            return;
        m_summary.accepted += static_cast<int64_t>(m_batch.size());
        m_sink(std::move(m_batch));
        m_batch = {};
        if (m_cancel && m_cancel->cancelled())
            m_summary.cancelled = true;
    }

    const std::string& m_path;
    const RecordedResultSink& m_sink;
    LoadOptions m_options;
    const CancelToken* m_cancel;
    const Progress& m_progress;
    int64_t m_fileBytes;
    std::vector<RecordedResult> m_batch;
    ResultsLoadSummary m_summary;
};

Error fieldError(const std::string& field, const std::string& what) {
    return Error{"", 0, field, "field '" + field + "' must be " + what};
}

Error missing(const std::string& field) {
    return Error{"", 0, field, "missing field '" + field + "'"};
}

// Record-level checks shared by both formats.
Status checkRecord(const RecordedResult& result) {
    if (result.promptId.empty())
        return missing("prompt_id");
    if (result.model.empty())
        return missing("model");
    if (!result.score && !result.output && result.error.empty())
        return Error{"", 0, "score",
                     "missing field 'score' (or 'output'): one of them is required"};
    return success();
}

// --- JSONL ------------------------------------------------------------------------------------

Status readString(const json& record, const char* key, std::optional<std::string>& out) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null())
        return success();
    if (!it->is_string())
        return fieldError(key, "a string");
    out = it->get<std::string>();
    return success();
}

Status readNumber(const json& record, const char* key, std::optional<double>& out, double max,
                  const char* what) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null())
        return success();
    if (!it->is_number())
        return fieldError(key, what);
    const double value = it->get<double>();
    if (!std::isfinite(value) || value < 0.0 || value > max)
        return fieldError(key, what);
    out = value;
    return success();
}

Status readCount(const json& record, const char* key, std::optional<int64_t>& out) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null())
        return success();
    const char* what = "a whole number of tokens, 0 or more";
    if (it->is_number_unsigned()) {
        out = static_cast<int64_t>(std::min<uint64_t>(it->get<uint64_t>(), INT64_MAX));
        return success();
    }
    if (it->is_number_integer()) {
        if (it->get<int64_t>() < 0)
            return fieldError(key, what);
        out = it->get<int64_t>();
        return success();
    }
    if (it->is_number_float()) { // 812.0, as some exporters write every number
        const double value = it->get<double>();
        if (value >= 0.0 && value < 9e18 && std::floor(value) == value) {
            out = static_cast<int64_t>(value);
            return success();
        }
    }
    return fieldError(key, what);
}

Expected<RecordedResult> resultFromJson(const json& record) {
    if (!record.is_object())
        return Error{"", 0, "", "each line must be a JSON object"};
    RecordedResult result;
    if (const auto it = record.find("prompt_id"); it != record.end() && !it->is_null()) {
        if (it->is_string())
            result.promptId = it->get<std::string>();
        else if (it->is_number_integer())
            result.promptId = it->dump();
        else
            return fieldError("prompt_id", "a string or an integer");
    }
    std::optional<std::string> model;
    if (auto status = readString(record, "model", model); !status)
        return status.error();
    result.model = model.value_or("");
    for (const auto& [key, slot] :
         {std::pair{"prompt", &result.prompt}, std::pair{"output", &result.output}})
        if (auto status = readString(record, key, *slot); !status)
            return status.error();
    if (const auto it = record.find("expected"); it != record.end() && !it->is_null())
        result.expected = it->is_string() ? it->get<std::string>() : it->dump();
    if (const auto it = record.find("score"); it != record.end() && it->is_boolean())
        result.score = it->get<bool>() ? 1.0 : 0.0;
    else if (auto status = readNumber(record, "score", result.score, 1.0, "a number from 0 to 1");
             !status)
        return status.error();
    for (const auto& [key, slot] : {std::pair{"input_tokens", &result.inputTokens},
                                    std::pair{"output_tokens", &result.outputTokens},
                                    std::pair{"cache_read_tokens", &result.cacheReadTokens},
                                    std::pair{"cache_write_tokens", &result.cacheWriteTokens}})
        if (auto status = readCount(record, key, *slot); !status)
            return status.error();
    if (auto status =
            readNumber(record, "cost_usd", result.costUsd, 1e9, "a number of dollars, 0 or more");
        !status)
        return status.error();
    if (auto status = readNumber(record, "latency_ms", result.latencyMs, 1e12,
                                 "a number of milliseconds, 0 or more");
        !status)
        return status.error();
    if (const auto it = record.find("tags"); it != record.end() && !it->is_null()) {
        if (it->is_string()) {
            detail::appendTagList(result.tags, it->get<std::string>());
        } else if (it->is_array()) {
            for (const json& tag : *it) {
                if (!tag.is_string())
                    return fieldError("tags", "a list of strings");
                detail::appendTag(result.tags, tag.get<std::string>());
            }
        } else {
            return fieldError("tags", "a list of strings");
        }
    }
    std::optional<std::string> error;
    if (auto status = readString(record, "error", error); !status)
        return status.error();
    result.error = error.value_or("");
    if (auto status = checkRecord(result); !status)
        return status.error();
    return result;
}

Expected<RecordedResult> resultFromJsonLine(std::string_view line) {
    json record;
    if (auto status = detail::parseJsonText(line, record); !status)
        return status.error();
    return resultFromJson(record);
}

Status loadJsonl(detail::LineReader& reader, ResultsRun& run) {
    const std::string tooLong =
        "line is longer than " + detail::describeByteLimit(run.maxRecordBytes());
    std::string_view line;
    for (;;) {
        const auto status = reader.next(line);
        if (status == detail::LineReader::Status::End)
            break;
        if (status == detail::LineReader::Status::ReadError)
            return Error{run.path(), reader.lineNumber() + 1, "",
                         std::string("read error: ") + std::strerror(errno)};
        if (status == detail::LineReader::Status::Line && detail::isBlank(line))
            continue;
        if (!run.countLine(reader.bytesConsumed()))
            break;
        const int64_t lineNumber = reader.lineNumber();
        if (status == detail::LineReader::Status::TooLong) {
            run.reject(lineNumber, "", tooLong);
            continue;
        }
        if (const size_t bad = detail::findInvalidUtf8(line); bad != std::string_view::npos) {
            run.reject(lineNumber, "",
                       "invalid UTF-8 at column " +
                           std::to_string(detail::columnOfByte(line, bad)) +
                           "; the file must be UTF-8");
            continue;
        }
        auto result = resultFromJsonLine(line);
        if (!result) {
            run.reject(lineNumber, result.error().field, result.error().message);
            continue;
        }
        result->sourceLine = lineNumber;
        run.accept(std::move(result).value());
        if (run.stopped())
            break;
    }
    return success();
}

// --- CSV --------------------------------------------------------------------------------------

constexpr size_t kNoColumn = static_cast<size_t>(-1);

enum Column {
    kPromptId,
    kModel,
    kPrompt,
    kOutput,
    kScore,
    kInputTokens,
    kOutputTokens,
    kCacheReadTokens,
    kCacheWriteTokens,
    kCostUsd,
    kLatencyMs,
    kTags,
    kExpected,
    kError,
    kColumnCount
};

constexpr const char* kColumnNames[kColumnCount] = {"prompt_id",
                                                    "model",
                                                    "prompt",
                                                    "output",
                                                    "score",
                                                    "input_tokens",
                                                    "output_tokens",
                                                    "cache_read_tokens",
                                                    "cache_write_tokens",
                                                    "cost_usd",
                                                    "latency_ms",
                                                    "tags",
                                                    "expected",
                                                    "error"};

struct CsvColumns {
    size_t count = 0;
    size_t index[kColumnCount];
};

Status readHeader(const detail::CsvRecordParser& parser, const std::string& path, int64_t line,
                  CsvColumns& columns) {
    std::fill(std::begin(columns.index), std::end(columns.index), kNoColumn);
    columns.count = parser.count();
    std::string names;
    for (size_t i = 0; i < parser.count(); ++i) {
        std::string name(trimmed(parser.field(i)));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        names += (i ? ", " : "") + name;
        for (int column = 0; column < kColumnCount; ++column)
            if (name == kColumnNames[column] && columns.index[column] == kNoColumn)
                columns.index[column] = i;
    }
    for (Column required : {kPromptId, kModel})
        if (columns.index[required] == kNoColumn)
            return Error{path, line, "",
                         std::string("CSV header has no '") + kColumnNames[required] +
                             "' column (columns: " + names + ")"};
    if (columns.index[kScore] == kNoColumn && columns.index[kOutput] == kNoColumn)
        return Error{path, line, "",
                     "CSV header has neither a 'score' nor an 'output' column (columns: " + names +
                         ")"};
    return success();
}

template <typename T> bool parseNumber(std::string_view text, T& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

Expected<RecordedResult> resultFromRow(const detail::CsvRecordParser& row,
                                       const CsvColumns& columns) {
    auto cell = [&](Column column) -> std::string_view {
        const size_t index = columns.index[column];
        return index == kNoColumn ? std::string_view() : std::string_view(row.field(index));
    };
    auto text = [&](Column column) -> std::optional<std::string> {
        const size_t index = columns.index[column];
        if (index == kNoColumn || row.field(index).empty())
            return std::nullopt;
        return row.field(index);
    };
    RecordedResult result;
    result.promptId = std::string(trimmed(cell(kPromptId)));
    result.model = std::string(trimmed(cell(kModel)));
    result.prompt = text(kPrompt);
    result.output = text(kOutput);
    result.expected = text(kExpected);
    result.error = std::string(trimmed(cell(kError)));
    detail::appendTagList(result.tags, cell(kTags));

    if (const auto score = trimmed(cell(kScore)); !score.empty()) {
        double value = 0.0;
        if (score == "true" || score == "false")
            value = score == "true" ? 1.0 : 0.0;
        else if (!parseNumber(score, value) || !(value >= 0.0 && value <= 1.0))
            return fieldError("score", "a number from 0 to 1");
        result.score = value;
    }
    const std::pair<Column, std::optional<int64_t>*> counts[] = {
        {kInputTokens, &result.inputTokens},
        {kOutputTokens, &result.outputTokens},
        {kCacheReadTokens, &result.cacheReadTokens},
        {kCacheWriteTokens, &result.cacheWriteTokens}};
    for (const auto& [column, slot] : counts) {
        const auto value = trimmed(cell(column));
        if (value.empty())
            continue;
        int64_t count = 0;
        if (!parseNumber(value, count) || count < 0)
            return fieldError(kColumnNames[column], "a whole number of tokens, 0 or more");
        *slot = count;
    }
    const std::tuple<Column, std::optional<double>*, const char*> amounts[] = {
        {kCostUsd, &result.costUsd, "a number of dollars, 0 or more"},
        {kLatencyMs, &result.latencyMs, "a number of milliseconds, 0 or more"}};
    for (const auto& [column, slot, what] : amounts) {
        const auto value = trimmed(cell(column));
        if (value.empty())
            continue;
        double amount = 0.0;
        if (!parseNumber(value, amount) || !std::isfinite(amount) || amount < 0.0)
            return fieldError(kColumnNames[column], what);
        *slot = amount;
    }
    if (auto status = checkRecord(result); !status)
        return status.error();
    return result;
}

Status loadCsv(detail::LineReader& reader, ResultsRun& run) {
    CsvColumns columns;
    detail::CsvRecordHandlers handlers;
    handlers.header = [&](const detail::CsvRecordParser& header, int64_t line) {
        return readHeader(header, run.path(), line, columns);
    };
    handlers.count = [&run](int64_t bytesConsumed) { return run.countLine(bytesConsumed); };
    handlers.record = [&](const detail::CsvRecordParser& row, int64_t line) {
        auto record = resultFromRow(row, columns);
        if (!record) {
            run.reject(line, record.error().field, record.error().message);
            return;
        }
        record->sourceLine = line;
        run.accept(std::move(record).value());
    };
    handlers.reject = [&run](int64_t line, std::string message) {
        run.reject(line, "", std::move(message));
    };
    handlers.stopped = [&run] { return run.stopped(); };
    return detail::readCsvRecords(reader, run.path(), run.maxRecordBytes(), handlers);
}

} // namespace

Expected<ResultsLoadSummary> loadRecordedResults(const std::string& path,
                                                 const RecordedResultSink& sink,
                                                 const LoadOptions& options,
                                                 const CancelToken* cancel,
                                                 const Progress& progress) {
    auto opened = detail::openDataFile(path);
    if (!opened)
        return opened.error();
    ResultsRun run(path, sink, options, cancel, progress, opened->bytes);
    detail::LineReader reader(opened->file.get(), options.maxLineBytes);
    const Status loaded =
        opened->format == detail::FileFormat::Jsonl ? loadJsonl(reader, run) : loadCsv(reader, run);
    if (!loaded)
        return loaded.error();
    return run.finish(reader.bytesConsumed());
}

} // namespace switchyard
