#pragma once

#include "providers/credentials.h"
#include "providers/http.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// AWS Signature Version 4 (the header form), as the published aws-sig-v4-test-suite defines it.

struct SigV4Scope {
    std::string region;  // "us-east-1"
    std::string service; // the signing name: "bedrock" for bedrock-runtime
};

struct SigV4Input {
    std::string method;
    // Absolute URL with the path exactly as it goes on the request line. A path segment that is
    // already percent-encoded on the wire ("anthropic.claude-v1%3A0") is encoded again in the
    // canonical request ("%253A"): that is the rule for every service except S3.
    std::string url;
    // The headers to sign. Host comes from the URL when absent; X-Amz-Date and, for session
    // credentials, X-Amz-Security-Token are added when absent.
    std::vector<HttpHeader> headers;
    std::string_view body;
};

// Every intermediate string, so a test (or a puzzled user) can see which line differs.
struct SigV4Signature {
    std::string canonicalRequest;
    std::string stringToSign;
    std::string signedHeaders;            // "content-type;host;x-amz-date"
    std::string signature;                // 64 lower-case hex digits
    std::string authorization;            // the Authorization header value
    std::vector<HttpHeader> addedHeaders; // Host / X-Amz-Date / X-Amz-Security-Token it added
};

// amzDate is the request time as "20150830T123600Z".
SigV4Signature sigv4Sign(const SigV4Input& input, const AwsCredentials& credentials,
                         const SigV4Scope& scope, std::string_view amzDate);

// "20150830T123600Z" for a Unix time in seconds.
std::string sigv4AmzDate(int64_t epochSeconds);

// The canonical URI of a path as it appears on the request line: every byte outside the
// unreserved set, '/' excepted, percent-encoded (so an existing "%3A" becomes "%253A").
std::string sigv4CanonicalUri(std::string_view wirePath);
// The canonical query string: pairs decoded, re-encoded strictly, sorted by name then value.
std::string sigv4CanonicalQuery(std::string_view query);

// Signs a request in place at the given time: sets X-Amz-Date, X-Amz-Security-Token (session
// credentials) and Authorization over host, content-type and every x-amz-* header.
void sigv4SignRequest(HttpRequest& request, const AwsCredentials& credentials,
                      const SigV4Scope& scope, int64_t epochSeconds);

} // namespace switchyard
