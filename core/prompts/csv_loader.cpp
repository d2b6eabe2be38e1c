#include "prompts/detail/csv_record_parser.h"
#include "prompts/detail/load_run.h"
#include "prompts/detail/records.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

namespace switchyard::detail {

namespace {

constexpr size_t kNoColumn = static_cast<size_t>(-1);

struct CsvColumns {
    size_t count = 0;
    size_t prompt = kNoColumn;
    size_t id = kNoColumn;
    size_t system = kNoColumn;
    size_t expected = kNoColumn;
    size_t tags = kNoColumn;
    size_t timestamp = kNoColumn;
    // Columns no field above reads: kept per prompt under their header for prompt variants.
    std::vector<std::pair<size_t, std::string>> other;
};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

Status readHeader(const CsvRecordParser& parser, const LoadRun& run, int64_t line,
                  CsvColumns& columns) {
    columns.count = parser.count();
    std::string names;
    for (size_t i = 0; i < parser.count(); ++i) {
        std::string name = trimmed(parser.field(i));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        names += (i ? ", " : "") + name;
        const std::pair<const char*, size_t*> known[] = {
            {"prompt", &columns.prompt},     {"id", &columns.id},
            {"prompt_id", &columns.id},      {"system", &columns.system},
            {"expected", &columns.expected}, {"reference", &columns.expected},
            {"tags", &columns.tags},         {"timestamp", &columns.timestamp}};
        bool read = false;
        for (const auto& [key, slot] : known)
            if (name == key) {
                read = true;
                if (*slot == kNoColumn)
                    *slot = i;
            }
        if (!read && !name.empty())
            columns.other.emplace_back(i, trimmed(parser.field(i)));
    }
    if (columns.prompt == kNoColumn)
        return Error{run.path(), line, "",
                     "CSV header has no 'prompt' column (columns: " + names + ")"};
    return success();
}

Expected<Prompt> promptFromRow(const CsvRecordParser& row, const CsvColumns& columns) {
    auto cell = [&row](size_t column) -> const std::string& {
        static const std::string kEmpty;
        return column == kNoColumn ? kEmpty : row.field(column);
    };
    if (isBlank(cell(columns.prompt)))
        return Error{"", 0, "prompt", "field 'prompt' is empty"};
    Prompt prompt;
    prompt.shape = PromptShape::Csv;
    prompt.id = trimmed(cell(columns.id));
    if (!cell(columns.expected).empty())
        prompt.expected = cell(columns.expected);
    appendTagList(prompt.tags, cell(columns.tags));
    if (!isBlank(cell(columns.timestamp))) {
        prompt.timestampMs = parseTimestampText(cell(columns.timestamp));
        if (!prompt.timestampMs)
            return Error{"", 0, "timestamp", kTimestampValueMessage};
    }
    for (const auto& [column, name] : columns.other)
        if (column < row.count())
            prompt.fields.insert_or_assign(name, row.field(column));
    setPlainTurn(prompt, cell(columns.prompt), cell(columns.system));
    return prompt;
}

bool allEmpty(const CsvRecordParser& row) {
    for (size_t i = 0; i < row.count(); ++i)
        if (!isBlank(row.field(i)))
            return false;
    return true;
}

} // namespace

Status readCsvRecords(LineReader& reader, const std::string& path, size_t maxRecordBytes,
                      const CsvRecordHandlers& handlers) {
    const std::string tooLong = "record is longer than " + describeByteLimit(maxRecordBytes);
    CsvRecordParser parser;
    size_t fieldCount = 0;
    bool haveHeader = false;
    int64_t recordLine = 0;
    size_t recordBytes = 0;
    std::optional<std::pair<int64_t, int64_t>> badUtf8; // line, column

    std::string_view line;
    for (;;) {
        const auto status = reader.next(line);
        if (status == LineReader::Status::ReadError)
            return Error{path, reader.lineNumber() + 1, "",
                         std::string("read error: ") + std::strerror(errno)};
        if (status == LineReader::Status::End) {
            if (parser.continuing() && !haveHeader)
                return Error{path, recordLine, "",
                             "CSV header: unterminated quoted field: a '\"' is never closed"};
            if (parser.continuing() && handlers.count(reader.bytesConsumed()))
                handlers.reject(recordLine, "unterminated quoted field: a '\"' is never closed");
            break;
        }
        if (status == LineReader::Status::TooLong) {
            if (!parser.continuing())
                recordLine = reader.lineNumber();
            parser.reset();
            if (!handlers.count(reader.bytesConsumed()))
                break;
            handlers.reject(recordLine, tooLong);
            continue;
        }
        if (!parser.continuing()) {
            if (isBlank(line))
                continue;
            recordLine = reader.lineNumber();
            recordBytes = 0;
            badUtf8.reset();
        }
        recordBytes += line.size() + 1;
        if (recordBytes > maxRecordBytes) {
            parser.reset();
            if (!handlers.count(reader.bytesConsumed()))
                break;
            handlers.reject(recordLine, tooLong);
            continue;
        }
        if (const size_t bad = findInvalidUtf8(line); bad != std::string_view::npos && !badUtf8)
            badUtf8.emplace(reader.lineNumber(), columnOfByte(line, bad));

        const auto result = parser.feed(line);
        if (result == CsvRecordParser::Result::NeedMore)
            continue;
        if (result == CsvRecordParser::Result::Complete && haveHeader && allEmpty(parser))
            continue; // spreadsheets pad exports with rows of bare commas
        if (!haveHeader) {
            // Without a usable header no row can be read, so this is about the whole file.
            if (badUtf8)
                return Error{path, badUtf8->first, "",
                             "invalid UTF-8 at column " + std::to_string(badUtf8->second) +
                                 " in the CSV header; the file must be UTF-8"};
            if (result == CsvRecordParser::Result::Malformed)
                return Error{path, recordLine, "", "CSV header: " + parser.problem()};
            if (auto header = handlers.header(parser, recordLine); !header)
                return header;
            fieldCount = parser.count();
            haveHeader = true;
            continue;
        }
        if (!handlers.count(reader.bytesConsumed()))
            break;
        if (badUtf8) {
            handlers.reject(badUtf8->first, "invalid UTF-8 at column " +
                                                std::to_string(badUtf8->second) +
                                                "; the file must be UTF-8");
        } else if (result == CsvRecordParser::Result::Malformed) {
            handlers.reject(recordLine, parser.problem());
        } else if (parser.count() != fieldCount) {
            handlers.reject(recordLine, "expected " + std::to_string(fieldCount) +
                                            " fields, found " + std::to_string(parser.count()));
        } else {
            handlers.record(parser, recordLine);
        }
        if (handlers.stopped())
            break;
    }
    if (!haveHeader && !handlers.stopped())
        return Error{path, 0, "", "CSV file has no header row"};
    return success();
}

Status loadCsv(LineReader& reader, LoadRun& run) {
    CsvColumns columns;
    CsvRecordHandlers handlers;
    handlers.header = [&](const CsvRecordParser& header, int64_t line) {
        return readHeader(header, run, line, columns);
    };
    handlers.count = [&run](int64_t bytesConsumed) { return run.countLine(bytesConsumed); };
    handlers.record = [&](const CsvRecordParser& row, int64_t line) {
        if (auto prompt = promptFromRow(row, columns))
            run.accept(std::move(prompt).value());
        else
            run.reject(line, prompt.error().field, prompt.error().message);
    };
    handlers.reject = [&run](int64_t line, std::string message) {
        run.reject(line, "", std::move(message));
    };
    handlers.stopped = [&run] { return run.stopped(); };
    return readCsvRecords(reader, run.path(), run.options().maxLineBytes, handlers);
}

} // namespace switchyard::detail
