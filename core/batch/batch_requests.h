#pragma once

// One request of a batch input file, in a provider's own wire format: the body the synchronous
// API would be sent (providers/), wrapped with the record id the format asks for.

#include "batch/batch_format.h"
#include "common/expected.h"
#include "prompts/prompt.h"
#include "providers/call.h"

#include <string>
#include <string_view>

namespace switchyard {

// One JSON object on one line, no newline. `modelName` is the provider's own model id (the part
// of a model reference after "provider/"); a Bedrock record carries none (the job names it).
Expected<std::string> batchRequestLine(BatchFormat format, const BatchRecordId& id,
                                       std::string_view modelName, const Prompt& prompt,
                                       const CallParams& params);

// What goes around the lines: Anthropic's Message Batches take one JSON body, {"requests": [
// one request per line ]}; the JSONL formats need nothing.
std::string batchFileHead(BatchFormat format);
std::string batchFileTail(BatchFormat format);
std::string_view batchLineSeparator(BatchFormat format); // "\n", or ",\n" inside Anthropic's list
std::string_view batchFileExtension(BatchFormat format); // ".jsonl" or ".json"

} // namespace switchyard
