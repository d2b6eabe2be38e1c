#pragma once

// Provider batch inference, the engine for work beyond one machine: a prompt set goes out as a
// provider's batch input file and comes back as a run priced at batch rates. The three formats,
// their documented limits, and the record ids that tie a result line back to its prompt.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

enum class BatchFormat {
    Bedrock,   // Bedrock batch inference, Converse invocation type: {recordId, modelInput}
    OpenAi,    // OpenAI Batch API: {custom_id, method, url, body}
    Anthropic, // Anthropic Message Batches: {"requests": [{custom_id, params}]}
};

// "bedrock-batch", "openai-batch", "anthropic-batch": export's --format names.
std::string_view batchFormatName(BatchFormat format);
std::optional<BatchFormat> batchFormatFromName(std::string_view name);
std::vector<std::string> batchFormatNames();

// Requests one input file may hold (a larger export is split into parts): Bedrock and OpenAI
// take 50,000 records per file, Anthropic 100,000 requests per batch.
size_t maxRecordsPerFile(BatchFormat format);
// Whether one file may mix models: only Anthropic's names the model per request (a Bedrock job
// names it once, and an OpenAI batch file must use one model).
bool mixesModels(BatchFormat format);
// Bedrock refuses a job with fewer records than this (its default quota).
inline constexpr size_t kBedrockMinRecordsPerJob = 100;

// Which run, model and prompt a record answers: "SY<run>M<model>P<ordinal>", letters and digits
// only, which every format accepts as an id.
struct BatchRecordId {
    int64_t runId = 0;
    size_t model = 0; // index into the batch run's models
    int64_t ordinal = 0;
    bool operator==(const BatchRecordId&) const = default;
};

std::string formatBatchRecordId(const BatchRecordId& id);
std::optional<BatchRecordId> parseBatchRecordId(std::string_view text);

} // namespace switchyard
