#pragma once

#include "common/expected.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard::detail {

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

class LineReader;

// What readCsvRecords reports as it reads.
struct CsvRecordHandlers {
    // The first non-blank record. An Error ends the read: without a header no row can be read.
    std::function<Status(const CsvRecordParser& header, int64_t line)> header;
    // Called once per data record, good or bad; false stops the read (a cancel).
    std::function<bool(int64_t bytesConsumed)> count;
    // A complete data record with as many fields as the header.
    std::function<void(const CsvRecordParser& record, int64_t line)> record;
    // A data record that cannot be read: too long, not UTF-8, malformed, wrong field count.
    std::function<void(int64_t line, std::string message)> reject;
    // Checked after each data record.
    std::function<bool()> stopped;
};

// Reads a CSV stream record by record: quoted fields over several lines, rows of bare commas
// skipped, records longer than maxRecordBytes rejected. The CSV loaders of prompts and of
// recorded results share it, so both read a file alike. An Error is about the whole file (a read
// error, an unusable or missing header).
Status readCsvRecords(LineReader& reader, const std::string& path, size_t maxRecordBytes,
                      const CsvRecordHandlers& handlers);

} // namespace switchyard::detail
