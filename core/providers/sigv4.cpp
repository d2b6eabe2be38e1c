#include "providers/sigv4.h"

#include "common/text_format.h"
#include "providers/detail/crypto.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

namespace switchyard {

namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Trims the value and collapses every run of spaces and tabs inside it to one space.
std::string canonicalValue(std::string_view value) {
    std::string out;
    bool pendingSpace = false;
    for (const char c : value) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

} // namespace

std::string sigv4CanonicalUri(std::string_view wirePath) {
    if (wirePath.empty())
        return "/";
    return percentEncode(wirePath, /*keepSlash=*/true);
}

std::string sigv4CanonicalQuery(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> pairs;
    size_t start = 0;
    while (start <= query.size()) {
        auto end = query.find('&', start);
        if (end == std::string_view::npos)
            end = query.size();
        const std::string_view pair = query.substr(start, end - start);
        if (!pair.empty()) {
            const auto equals = pair.find('=');
            const std::string_view key = pair.substr(0, equals);
            const std::string_view value =
                equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
            if (!key.empty())
                pairs.emplace_back(percentEncode(percentDecode(key)),
                                   percentEncode(percentDecode(value)));
        }
        start = end + 1;
    }
    std::sort(pairs.begin(), pairs.end());
    std::string out;
    for (const auto& [key, value] : pairs) {
        if (!out.empty())
            out += '&';
        out += key;
        out += '=';
        out += value;
    }
    return out;
}

std::string sigv4AmzDate(int64_t epochSeconds) {
    const std::time_t time = static_cast<std::time_t>(epochSeconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[20];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
    return buffer;
}

SigV4Signature sigv4Sign(const SigV4Input& input, const AwsCredentials& credentials,
                         const SigV4Scope& scope, std::string_view amzDate) {
    SigV4Signature out;
    UrlParts url;
    parseUrl(input.url, url);

    // Lower-case name -> values in the order given; repeated headers join with commas.
    std::map<std::string, std::vector<std::string>> headers;
    for (const auto& header : input.headers)
        headers[lowerCase(header.name)].push_back(canonicalValue(header.value));
    auto add = [&](std::string_view name, std::string value) {
        if (headers.count(std::string(name)))
            return;
        headers[std::string(name)].push_back(value);
        std::string display;
        bool upper = true;
        for (const char c : name) {
            display += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
            upper = c == '-';
        }
        out.addedHeaders.push_back({display, std::move(value)});
    };
    add("host", url.hostPort);
    add("x-amz-date", std::string(amzDate));
    if (!credentials.sessionToken.empty())
        add("x-amz-security-token", credentials.sessionToken.reveal());

    std::string canonicalHeaders;
    for (const auto& [name, values] : headers) {
        canonicalHeaders += name;
        canonicalHeaders += ':';
        for (size_t i = 0; i < values.size(); ++i) {
            if (i > 0)
                canonicalHeaders += ',';
            canonicalHeaders += values[i];
        }
        canonicalHeaders += '\n';
        if (!out.signedHeaders.empty())
            out.signedHeaders += ';';
        out.signedHeaders += name;
    }

    out.canonicalRequest = input.method + "\n" + sigv4CanonicalUri(url.path) + "\n" +
                           sigv4CanonicalQuery(url.query) + "\n" + canonicalHeaders + "\n" +
                           out.signedHeaders + "\n" + detail::sha256Hex(input.body);

    const std::string date(amzDate.substr(0, 8));
    const std::string credentialScope =
        date + "/" + scope.region + "/" + scope.service + "/aws4_request";
    out.stringToSign = std::string(kAlgorithm) + "\n" + std::string(amzDate) + "\n" +
                       credentialScope + "\n" + detail::sha256Hex(out.canonicalRequest);

    const auto dateKey = detail::hmacSha256("AWS4" + credentials.secretAccessKey.reveal(), date);
    const auto regionKey = detail::hmacSha256(detail::asView(dateKey), scope.region);
    const auto serviceKey = detail::hmacSha256(detail::asView(regionKey), scope.service);
    const auto signingKey = detail::hmacSha256(detail::asView(serviceKey), "aws4_request");
    out.signature = detail::hex(detail::hmacSha256(detail::asView(signingKey), out.stringToSign));

    out.authorization = std::string(kAlgorithm) + " Credential=" + credentials.accessKeyId + "/" +
                        credentialScope + ", SignedHeaders=" + out.signedHeaders +
                        ", Signature=" + out.signature;
    return out;
}

void sigv4SignRequest(HttpRequest& request, const AwsCredentials& credentials,
                      const SigV4Scope& scope, int64_t epochSeconds) {
    // A retry re-signs: drop what the last signature added.
    for (const char* name : {"authorization", "x-amz-date", "x-amz-security-token"})
        std::erase_if(request.headers,
                      [name](const HttpHeader& h) { return equalsIgnoreCase(h.name, name); });

    SigV4Input input;
    input.method = request.method;
    input.url = request.url;
    input.body = request.body;
    for (const auto& header : request.headers) {
        const std::string name = lowerCase(header.name);
        if (name == "host" || name == "content-type" || name.rfind("x-amz-", 0) == 0)
            input.headers.push_back(header);
    }
    SigV4Signature signature = sigv4Sign(input, credentials, scope, sigv4AmzDate(epochSeconds));
    for (auto& header : signature.addedHeaders)
        if (!equalsIgnoreCase(header.name, "host")) // curl sends Host from the URL
            request.headers.push_back(std::move(header));
    request.headers.push_back({"Authorization", std::move(signature.authorization)});
}

} // namespace switchyard
