#include "traffic/usage_csv.h"

#include "prompts/detail/csv_record_parser.h"
#include "prompts/detail/records.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace switchyard {

namespace {

std::string_view trimmedView(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string lowered(std::string_view text) {
    std::string out(trimmedView(text));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A token count: a whole number, at least 0. Empty cells are "not given".
Expected<std::optional<int64_t>> count(std::string_view cell, const char* column) {
    cell = trimmedView(cell);
    if (cell.empty())
        return std::optional<int64_t>();
    int64_t value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size() || value < 0)
        return Error{"", 0, column,
                     std::string("field '") + column +
                         "' must be a whole number of tokens, found '" + std::string(cell) + "'"};
    return std::optional<int64_t>(value);
}

std::optional<double> decimal(std::string_view cell) {
    cell = trimmedView(cell);
    double value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (cell.empty() || error != std::errc() || end != cell.data() + cell.size())
        return std::nullopt;
    return value;
}

} // namespace

Expected<UsageCsvColumns> UsageCsvColumns::fromHeader(const detail::CsvRecordParser& header) {
    UsageCsvColumns columns;
    std::string names;
    const std::pair<const char*, size_t UsageCsvColumns::*> known[] = {
        {"timestamp", &UsageCsvColumns::m_timestamp},
        {"time", &UsageCsvColumns::m_timestamp},
        {"model", &UsageCsvColumns::m_model},
        {"model_id", &UsageCsvColumns::m_model},
        {"input_tokens", &UsageCsvColumns::m_input},
        {"prompt_tokens", &UsageCsvColumns::m_input},
        {"output_tokens", &UsageCsvColumns::m_output},
        {"completion_tokens", &UsageCsvColumns::m_output},
        {"cache_read_tokens", &UsageCsvColumns::m_cacheRead},
        {"cached_tokens", &UsageCsvColumns::m_cacheRead},
        {"cache_write_tokens", &UsageCsvColumns::m_cacheWrite},
        {"request_id", &UsageCsvColumns::m_id},
        {"id", &UsageCsvColumns::m_id},
        {"cost_usd", &UsageCsvColumns::m_cost},
        {"latency_ms", &UsageCsvColumns::m_latency}};
    static constexpr std::string_view kTagColumns[] = {"workload", "team", "environment",
                                                       "cost_center", "project"};
    for (size_t i = 0; i < header.count(); ++i) {
        const std::string name = lowered(header.field(i));
        names += (i ? ", " : "") + name;
        for (const auto& [key, slot] : known)
            if (name == key && columns.*slot == kNone)
                columns.*slot = i;
        if (std::find(std::begin(kTagColumns), std::end(kTagColumns), name) !=
            std::end(kTagColumns))
            columns.m_tags.emplace_back(i, name);
    }
    for (const auto& [required, slot] :
         {std::pair{"timestamp", columns.m_timestamp}, std::pair{"model", columns.m_model},
          std::pair{"input_tokens", columns.m_input}, std::pair{"output_tokens", columns.m_output}})
        if (slot == kNone)
            return Error{"", 0, required,
                         std::string("the usage CSV has no '") + required +
                             "' column (columns: " + names + ")"};
    return columns;
}

Expected<TrafficRecord> UsageCsvColumns::record(const detail::CsvRecordParser& row) const {
    auto cell = [&row](size_t column) -> std::string_view {
        return column == kNone || column >= row.count() ? std::string_view() : row.field(column);
    };
    TrafficRecord out;
    out.prompt.shape = PromptShape::Csv;
    out.model = std::string(trimmedView(cell(m_model)));
    if (out.model.empty())
        return Error{"", 0, "model", "field 'model' is empty"};
    out.modelAsLogged = out.model;
    out.prompt.timestampMs = detail::parseTimestampText(cell(m_timestamp));
    if (!out.prompt.timestampMs)
        return Error{"", 0, "timestamp", detail::kTimestampValueMessage};
    out.prompt.id = std::string(trimmedView(cell(m_id)));
    const std::pair<size_t, int64_t TrafficRecord::*> counts[] = {
        {m_input, &TrafficRecord::inputTokens},
        {m_output, &TrafficRecord::outputTokens},
        {m_cacheRead, &TrafficRecord::cacheReadTokens},
        {m_cacheWrite, &TrafficRecord::cacheWriteTokens}};
    const char* names[] = {"input_tokens", "output_tokens", "cache_read_tokens",
                           "cache_write_tokens"};
    for (size_t i = 0; i < std::size(counts); ++i) {
        auto value = count(cell(counts[i].first), names[i]);
        if (!value)
            return value.error();
        if (i < 2 && !*value)
            return Error{"", 0, names[i], std::string("field '") + names[i] + "' is empty"};
        out.*counts[i].second = value->value_or(0);
    }
    if (out.inputTokens < out.cacheReadTokens + out.cacheWriteTokens)
        return Error{"", 0, "input_tokens",
                     "input_tokens (" + std::to_string(out.inputTokens) +
                         ") is less than cache_read_tokens + cache_write_tokens (" +
                         std::to_string(out.cacheReadTokens + out.cacheWriteTokens) +
                         "): input_tokens counts every input token, cached ones included"};
    out.latencyMs = decimal(cell(m_latency));
    out.costUsd = decimal(cell(m_cost));
    for (const auto& [column, name] : m_tags)
        if (const auto value = trimmedView(cell(column)); !value.empty())
            out.prompt.tags.push_back(name + ":" + std::string(value));
    return out;
}

} // namespace switchyard
