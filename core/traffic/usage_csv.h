#pragma once

#include "common/expected.h"
#include "traffic/traffic_record.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard {

namespace detail {
class CsvRecordParser;
}

// The columns of a usage export, one request per row: `timestamp` and `model` (required),
// `input_tokens` and `output_tokens` (required; input counts cached tokens, as everywhere in
// Switchyard), `cache_read_tokens` (or `cached_tokens`) and `cache_write_tokens` (optional, parts
// of the input), `request_id` (or `id`), `cost_usd`, `latency_ms`, and tag columns: `workload`,
// `team`, `environment`, `cost_center`, `project`, each kept as a "column:value" tag. OpenAI's
// names (`prompt_tokens`, `completion_tokens`) are read too. Header names are case-insensitive.
class UsageCsvColumns {
public:
    // The header row; an Error lists the columns found when a required one is missing.
    static Expected<UsageCsvColumns> fromHeader(const detail::CsvRecordParser& header);

    // One data row. The Error names the column.
    Expected<TrafficRecord> record(const detail::CsvRecordParser& row) const;

private:
    static constexpr size_t kNone = static_cast<size_t>(-1);
    size_t m_timestamp = kNone;
    size_t m_model = kNone;
    size_t m_input = kNone;
    size_t m_output = kNone;
    size_t m_cacheRead = kNone;
    size_t m_cacheWrite = kNone;
    size_t m_id = kNone;
    size_t m_cost = kNone;
    size_t m_latency = kNone;
    std::vector<std::pair<size_t, std::string>> m_tags;
};

} // namespace switchyard
