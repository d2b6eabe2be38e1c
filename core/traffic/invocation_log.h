#pragma once

#include "common/expected.h"
#include "traffic/traffic_record.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// Reads Amazon Bedrock model-invocation log records, one line at a time, as delivered to S3 (one
// JSON record per line) or exported from CloudWatch Logs (a line may start with the event's
// timestamp, or wrap the record as the string of a "message" field).
//
// A record becomes the prompt of its input body (any request body the prompt loaders read:
// Converse, Anthropic Messages, OpenAI chat, completion-style), the model that served it (a
// foundation-model or inference-profile ARN reduced to its model id; a prompt router's call
// priced by the model its trace says it invoked), its usage with input counting cached tokens,
// its output text and latency, and tags from its identity and request metadata. A body delivered
// separately (inputBodyS3Path, outputBodyS3Path) is looked for under the folders being imported
// (a local copy of the bucket, whole or from any prefix down) and read when found.
class InvocationLogReader {
public:
    // `searchRoots`: the files and folders being imported.
    explicit InvocationLogReader(std::vector<std::string> searchRoots);
    ~InvocationLogReader();

    // One non-blank line. The Error names the field (its message says what is wrong); the caller
    // adds file and line.
    Expected<TrafficRecord> read(std::string_view line);

    // Whether a line looks like an invocation log record at all (a file of anything else is
    // skipped, not reported line by line): a JSON object with modelId or schemaType, bare or
    // behind a CloudWatch timestamp or inside a "message".
    bool looksLikeLogRecord(std::string_view line);

private:
    struct Parsers;
    std::vector<std::string> m_roots;
    std::unique_ptr<Parsers> m_parsers;
};

} // namespace switchyard
