// Telling a recorded-results file from a prompt file by its first record, with the loaders' own
// file checks, line reader and CSV parser, so the sniff sees the file exactly as the import will.
#include "common/text_format.h"
#include "results/recorded_results.h"
#include "results/results_import.h"

#include "prompts/detail/csv_record_parser.h"
#include "prompts/detail/line_reader.h"
#include "prompts/detail/load_run.h"
#include "prompts/detail/records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>

namespace switchyard {

namespace {

// The first record rarely comes near this; a prompt file with a huge first line is read no
// further than this to find out it is not results.
constexpr size_t kMaxSniffBytes = size_t{16} * 1024 * 1024;

bool present(const nlohmann::json& record, const char* key) {
    const auto it = record.find(key);
    return it != record.end() && !it->is_null();
}

ResultsFileSniff sniffJsonl(detail::LineReader& reader) {
    ResultsFileSniff sniff;
    std::string_view line;
    for (;;) {
        const auto status = reader.next(line);
        if (status != detail::LineReader::Status::Line)
            return sniff;
        if (!detail::isBlank(line))
            break;
    }
    const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!record.is_object())
        return sniff;
    sniff.recordedResults =
        present(record, "prompt_id") && present(record, "model") &&
        (present(record, "score") || present(record, "output") || present(record, "error"));
    if (const auto id = record.find("prompt_id"); id != record.end())
        sniff.firstPromptId = id->is_string()           ? id->get<std::string>()
                              : id->is_number_integer() ? id->dump()
                                                        : std::string();
    if (const auto prompt = record.find("prompt"); prompt != record.end() && prompt->is_string())
        sniff.firstHasPrompt = !detail::isBlank(prompt->get<std::string>());
    return sniff;
}

// The next complete CSV record (a quoted field may span lines), skipping blank lines.
bool nextCsvRecord(detail::LineReader& reader, detail::CsvRecordParser& parser) {
    std::string_view line;
    for (;;) {
        if (reader.next(line) != detail::LineReader::Status::Line)
            return false;
        if (!parser.continuing() && detail::isBlank(line))
            continue;
        switch (parser.feed(line)) {
        case detail::CsvRecordParser::Result::Complete:
            return true;
        case detail::CsvRecordParser::Result::Malformed:
            return false;
        case detail::CsvRecordParser::Result::NeedMore:
            break;
        }
    }
}

ResultsFileSniff sniffCsv(detail::LineReader& reader) {
    ResultsFileSniff sniff;
    detail::CsvRecordParser parser;
    if (!nextCsvRecord(reader, parser))
        return sniff;
    std::optional<size_t> promptId, model, prompt;
    bool answered = false;
    for (size_t i = 0; i < parser.count(); ++i) {
        std::string name(trimmed(parser.field(i)));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (name == "prompt_id")
            promptId = i;
        else if (name == "model")
            model = i;
        else if (name == "prompt")
            prompt = i;
        else if (name == "score" || name == "output")
            answered = true;
    }
    sniff.recordedResults = promptId && model && answered;
    const size_t columns = parser.count();
    if (!sniff.recordedResults || !nextCsvRecord(reader, parser) || parser.count() != columns)
        return sniff;
    sniff.firstPromptId = std::string(trimmed(parser.field(*promptId)));
    sniff.firstHasPrompt = prompt && !detail::isBlank(parser.field(*prompt));
    return sniff;
}

} // namespace

ResultsFileSniff sniffResultsFile(const std::string& path) {
    auto opened = detail::openDataFile(path);
    if (!opened)
        return {};
    detail::LineReader reader(opened->file.get(), kMaxSniffBytes);
    return opened->format == detail::FileFormat::Jsonl ? sniffJsonl(reader) : sniffCsv(reader);
}

std::string defaultResultsSetName(const Workspace& workspace, const std::string& path,
                                  const ResultsFileSniff& sniff) {
    if (!sniff.firstPromptId.empty()) {
        std::vector<PromptSetInfo> sets = workspace.promptSets();
        std::sort(sets.begin(), sets.end(),
                  [](const PromptSetInfo& a, const PromptSetInfo& b) { return a.id > b.id; });
        const std::string keys[] = {sniff.firstPromptId};
        for (const PromptSetInfo& set : sets)
            if (workspace.findPromptsByKey(set.id, keys).front())
                return set.name;
    }
    return workspace.uniqueSetName(std::filesystem::path(path).stem().string());
}

} // namespace switchyard
