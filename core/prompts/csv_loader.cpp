#include "prompts/detail/load_run.h"
#include "prompts/detail/records.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

namespace switchyard::detail {

namespace {

// RFC 4180 fields, fed one physical line at a time so a quoted field may hold newlines. A quote
// inside an unquoted field is kept as text, as spreadsheets write it; text after a closing quote
// is an error because the field's end is then ambiguous.
class CsvRecordParser {
public:
    enum class Result { Complete, NeedMore, Malformed };

    Result feed(std::string_view line) {
        if (m_continuing) {
            m_fields[m_count - 1] += '\n'; // CRLF inside a quoted field becomes '\n'
        } else {
            m_count = 0;
            startField();
        }
        for (size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            std::string& field = m_fields[m_count - 1];
            if (m_inQuotes) {
                if (c != '"') {
                    field += c;
                } else if (i + 1 < line.size() && line[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    m_inQuotes = false;
                    m_afterQuote = true;
                }
            } else if (c == ',') {
                startField();
            } else if (m_afterQuote) {
                m_problem =
                    "unexpected text after the closing quote of field " + std::to_string(m_count);
                reset();
                return Result::Malformed;
            } else if (c == '"' && field.empty() && !m_quoted) {
                m_inQuotes = m_quoted = true;
            } else {
                field += c;
            }
        }
        m_continuing = m_inQuotes;
        return m_continuing ? Result::NeedMore : Result::Complete;
    }

    void reset() {
        m_continuing = m_inQuotes = m_afterQuote = m_quoted = false;
        m_count = 0;
    }
    bool continuing() const { return m_continuing; }
    size_t count() const { return m_count; }
    const std::string& field(size_t index) const { return m_fields[index]; }
    const std::string& problem() const { return m_problem; }

private:
    void startField() {
        if (m_fields.size() <= m_count)
            m_fields.emplace_back();
        m_fields[m_count++].clear(); // reused, so a row costs no allocation once warmed up
        m_inQuotes = m_afterQuote = m_quoted = false;
    }

    std::vector<std::string> m_fields;
    size_t m_count = 0;
    bool m_continuing = false;
    bool m_inQuotes = false;
    bool m_afterQuote = false;
    bool m_quoted = false;
    std::string m_problem;
};

constexpr size_t kNoColumn = static_cast<size_t>(-1);

struct CsvColumns {
    size_t count = 0;
    size_t prompt = kNoColumn;
    size_t id = kNoColumn;
    size_t system = kNoColumn;
    size_t expected = kNoColumn;
    size_t tags = kNoColumn;
    size_t timestamp = kNoColumn;
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
        for (const auto& [key, slot] : known)
            if (name == key && *slot == kNoColumn)
                *slot = i;
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

Status loadCsv(LineReader& reader, LoadRun& run) {
    const size_t maxRecordBytes = run.options().maxLineBytes;
    const std::string tooLong = "record is longer than " + describeByteLimit(maxRecordBytes);
    CsvRecordParser parser;
    CsvColumns columns;
    bool haveHeader = false;
    int64_t recordLine = 0;
    size_t recordBytes = 0;
    std::optional<std::pair<int64_t, int64_t>> badUtf8; // line, column

    std::string_view line;
    for (;;) {
        const auto status = reader.next(line);
        if (status == LineReader::Status::ReadError)
            return Error{run.path(), reader.lineNumber() + 1, "",
                         std::string("read error: ") + std::strerror(errno)};
        if (status == LineReader::Status::End) {
            if (parser.continuing() && !haveHeader)
                return Error{run.path(), recordLine, "",
                             "CSV header: unterminated quoted field: a '\"' is never closed"};
            if (parser.continuing() && run.countLine(reader.bytesConsumed()))
                run.reject(recordLine, "", "unterminated quoted field: a '\"' is never closed");
            break;
        }
        if (status == LineReader::Status::TooLong) {
            if (!parser.continuing())
                recordLine = reader.lineNumber();
            parser.reset();
            if (!run.countLine(reader.bytesConsumed()))
                break;
            run.reject(recordLine, "", tooLong);
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
            if (!run.countLine(reader.bytesConsumed()))
                break;
            run.reject(recordLine, "", tooLong);
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
                return Error{run.path(), badUtf8->first, "",
                             "invalid UTF-8 at column " + std::to_string(badUtf8->second) +
                                 " in the CSV header; the file must be UTF-8"};
            if (result == CsvRecordParser::Result::Malformed)
                return Error{run.path(), recordLine, "", "CSV header: " + parser.problem()};
            if (auto header = readHeader(parser, run, recordLine, columns); !header)
                return header;
            haveHeader = true;
            continue;
        }
        if (!run.countLine(reader.bytesConsumed()))
            break;
        if (badUtf8) {
            run.reject(badUtf8->first, "",
                       "invalid UTF-8 at column " + std::to_string(badUtf8->second) +
                           "; the file must be UTF-8");
        } else if (result == CsvRecordParser::Result::Malformed) {
            run.reject(recordLine, "", parser.problem());
        } else if (parser.count() != columns.count) {
            run.reject(recordLine, "",
                       "expected " + std::to_string(columns.count) + " fields, found " +
                           std::to_string(parser.count()));
        } else if (auto prompt = promptFromRow(parser, columns)) {
            run.accept(std::move(prompt).value());
        } else {
            run.reject(recordLine, prompt.error().field, prompt.error().message);
        }
        if (run.stopped())
            break;
    }
    if (!haveHeader && !run.stopped())
        return Error{run.path(), 0, "", "CSV file has no header row"};
    return success();
}

} // namespace switchyard::detail
