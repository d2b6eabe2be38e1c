#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

struct HttpHeader {
    std::string name;
    std::string value;

    bool operator==(const HttpHeader&) const = default;
};

// What a wire format builds and the transport sends. Pure data: building one touches no network.
struct HttpRequest {
    std::string method = "POST";
    std::string url; // absolute, with the path already percent-encoded as it goes on the wire
    std::vector<HttpHeader> headers;
    std::string body;
};

// What the transport received for one attempt. status 0 never reaches a parser: a transfer that
// produced no HTTP status is a transport failure.
struct HttpResponse {
    int status = 0;
    std::vector<HttpHeader> headers;
    std::string body;

    // The first header of that name, compared case-insensitively; nullptr when absent.
    const std::string* header(std::string_view name) const;
};

const std::string* findHeader(const std::vector<HttpHeader>& headers, std::string_view name);
// Replaces every header of that name (case-insensitive) by one with this value.
void setHeader(std::vector<HttpHeader>& headers, std::string_view name, std::string value);

bool equalsIgnoreCase(std::string_view a, std::string_view b);

// RFC 3986 percent-encoding of every byte outside the unreserved set A-Z a-z 0-9 - _ . ~, with
// upper-case hex. With keepSlash, '/' stays as it is (a path); otherwise it is encoded too (one
// path segment, a query key or value).
std::string percentEncode(std::string_view text, bool keepSlash = false);

// The parts of an absolute http(s) URL that signing and routing need.
struct UrlParts {
    std::string scheme;   // "https"
    std::string host;     // "bedrock-runtime.us-east-1.amazonaws.com"
    int port = 0;         // 0 when the URL names none
    std::string hostPort; // the Host header value: host, plus ":port" when the port is not the
                          // scheme's default
    std::string path;     // as written, "/" when empty
    std::string query;    // after '?', without it; empty when none
};

// False when the text is not an absolute http or https URL.
bool parseUrl(std::string_view url, UrlParts& parts);

} // namespace switchyard
