#pragma once

// One line of a batch job's result file, in any of the three formats (told apart by their
// fields): which record it answers, and the answer as the synchronous API would have returned it
// or why the record failed.

#include "batch/batch_format.h"
#include "common/expected.h"
#include "providers/call.h"
#include "providers/http.h"

#include <optional>
#include <string>
#include <string_view>

namespace switchyard {

struct BatchResultLine {
    BatchFormat format = BatchFormat::Bedrock;
    std::string recordId;
    std::optional<HttpResponse> response; // the model's answer, as the synchronous API sends it
    std::optional<CallFailure> failure;   // the batch could not answer the record
};

// Errors name the field ("custom_id", "result.type") that is missing or malformed.
Expected<BatchResultLine> readBatchResultLine(std::string_view line);

// The call the line records, read by the provider's own response parser (usage normalised as
// every provider's is). `modelName` is the provider's model id, what the call is priced by.
CallResult batchCallResult(const BatchResultLine& line, std::string_view modelName);

// Whether the file's first record is a batch result of a Switchyard export (its id is one
// formatBatchRecordId made): how a dropped file is told from a prompt set in a batch input format.
bool isBatchResultFile(const std::string& path);

} // namespace switchyard
