#include "batch/batch_format.h"

#include <charconv>

namespace switchyard {

namespace {

constexpr std::string_view kRecordIdPrefix = "SY";

// Reads the digits at `at` up to `end` (or the string's end) into `value`.
bool readNumber(std::string_view text, size_t& at, char end, int64_t& value) {
    const size_t stop = end ? text.find(end, at) : text.size();
    if (stop == std::string_view::npos || stop == at)
        return false;
    const auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + stop, value);
    if (ec != std::errc() || ptr != text.data() + stop || value < 0)
        return false;
    at = stop + (end ? 1 : 0);
    return true;
}

} // namespace

std::string_view batchFormatName(BatchFormat format) {
    switch (format) {
    case BatchFormat::Bedrock:
        return "bedrock-batch";
    case BatchFormat::OpenAi:
        return "openai-batch";
    case BatchFormat::Anthropic:
        return "anthropic-batch";
    }
    return "";
}

std::optional<BatchFormat> batchFormatFromName(std::string_view name) {
    for (BatchFormat format : {BatchFormat::Bedrock, BatchFormat::OpenAi, BatchFormat::Anthropic})
        if (batchFormatName(format) == name)
            return format;
    return std::nullopt;
}

std::vector<std::string> batchFormatNames() {
    return {"bedrock-batch", "openai-batch", "anthropic-batch"};
}

size_t maxRecordsPerFile(BatchFormat format) {
    return format == BatchFormat::Anthropic ? 100'000 : 50'000;
}

bool mixesModels(BatchFormat format) {
    return format == BatchFormat::Anthropic;
}

std::string formatBatchRecordId(const BatchRecordId& id) {
    return std::string(kRecordIdPrefix) + std::to_string(id.runId) + "M" +
           std::to_string(id.model) + "P" + std::to_string(id.ordinal);
}

std::optional<BatchRecordId> parseBatchRecordId(std::string_view text) {
    if (!text.starts_with(kRecordIdPrefix))
        return std::nullopt;
    size_t at = kRecordIdPrefix.size();
    int64_t run = 0;
    int64_t model = 0;
    int64_t ordinal = 0;
    if (!readNumber(text, at, 'M', run) || !readNumber(text, at, 'P', model) ||
        !readNumber(text, at, '\0', ordinal))
        return std::nullopt;
    return BatchRecordId{run, static_cast<size_t>(model), ordinal};
}

} // namespace switchyard
