#include "test_server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <deque>
#include <map>
#include <thread>
#include <unordered_map>

namespace switchyard::testing {

using nlohmann::json;

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

int64_t tokensOf(const std::string& text) {
    return static_cast<int64_t>((text.size() + 3) / 4);
}

// ---- SigV4, written from the AWS documentation independently of core/providers/sigv4 ----

std::string hexOf(const unsigned char* data, size_t size) {
    std::string out;
    char pair[3];
    for (size_t i = 0; i < size; ++i) {
        std::snprintf(pair, sizeof pair, "%02x", data[i]);
        out += pair;
    }
    return out;
}

std::string sha256HexOf(const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
    return hexOf(digest, size);
}

std::string hmacOf(const std::string& key, const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &size);
    return std::string(reinterpret_cast<const char*>(digest), size);
}

// The URI rule for non-S3 services: encode every byte of the path as received, except the
// unreserved characters and '/'. An escape already on the wire is encoded again.
std::string encodeForCanonicalUri(const std::string& path) {
    std::string out;
    char escape[4];
    for (unsigned char c : path) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/';
        if (keep) {
            out += static_cast<char>(c);
        } else {
            std::snprintf(escape, sizeof escape, "%%%02X", c);
            out += escape;
        }
    }
    return out.empty() ? "/" : out;
}

std::string collapse(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::map<std::string, std::string> authorizationFields(const std::string& value) {
    std::map<std::string, std::string> fields;
    size_t at = value.find(' ');
    while (at != std::string::npos && at < value.size()) {
        size_t end = value.find(',', at);
        std::string part =
            value.substr(at, end == std::string::npos ? std::string::npos : end - at);
        part.erase(0, part.find_first_not_of(' '));
        const auto equals = part.find('=');
        if (equals != std::string::npos)
            fields[part.substr(0, equals)] = part.substr(equals + 1);
        at = end == std::string::npos ? end : end + 1;
    }
    return fields;
}

std::vector<std::string> valuesOf(const Headers& headers, const std::string& name) {
    std::vector<std::string> values;
    for (const auto& [key, value] : headers)
        if (lower(key) == name)
            values.push_back(value);
    return values;
}

// ---- prompt cache simulation ----

struct Segment {
    std::string text;
    bool checkpoint = false;
    std::string ttl; // "5m", "1h"; empty = 5m
};

struct CacheOutcome {
    int64_t total = 0;
    int64_t read = 0;
    int64_t write5m = 0;
    int64_t write1h = 0;
};

// ---- errors in each provider's words ----

struct FaultReply {
    int status;
    const char* anthropicType;
    const char* openAiCode;
    const char* bedrockCode;
    const char* message;
};

FaultReply replyFor(Fault fault) {
    switch (fault) {
    case Fault::RateLimited:
    case Fault::RateLimitedRetryAfter:
        return {429, "rate_limit_error", "rate_limit_exceeded", "ThrottlingException",
                "Too many requests, please wait before trying again."};
    case Fault::ServerError:
        return {500, "api_error", "server_error", "InternalServerException",
                "Internal server error"};
    case Fault::Unavailable:
        return {503, "api_error", "service_unavailable", "ServiceUnavailableException",
                "The service is temporarily unavailable"};
    case Fault::Overloaded:
        return {529, "overloaded_error", "overloaded", "ServiceUnavailableException", "Overloaded"};
    case Fault::ContextLength:
        return {400, "invalid_request_error", "context_length_exceeded", "ValidationException",
                nullptr};
    default:
        return {400, "invalid_request_error", "invalid_request_error", "ValidationException",
                "Malformed input request: messages: roles must alternate"};
    }
}

} // namespace

const char* faultName(Fault fault) {
    switch (fault) {
    case Fault::None:
        return "none";
    case Fault::RateLimited:
        return "rate_limited";
    case Fault::RateLimitedRetryAfter:
        return "rate_limited_retry_after";
    case Fault::ServerError:
        return "server_error";
    case Fault::Unavailable:
        return "unavailable";
    case Fault::Overloaded:
        return "overloaded";
    case Fault::Stall:
        return "stall";
    case Fault::ConnectionReset:
        return "connection_reset";
    case Fault::TruncatedBody:
        return "truncated_body";
    case Fault::MalformedJson:
        return "malformed_json";
    case Fault::WrongContentType:
        return "wrong_content_type";
    case Fault::UsageMissing:
        return "usage_missing";
    case Fault::ContextLength:
        return "context_length";
    case Fault::ContentFilter:
        return "content_filter";
    case Fault::BadRequest:
        return "bad_request";
    }
    return "?";
}

std::string verifySigV4(const std::string& method, const std::string& rawTarget,
                        const Headers& headers, const std::string& body,
                        const std::string& accessKeyId, const std::string& secretAccessKey,
                        const std::string& region, const std::string& service) {
    const auto authorization = valuesOf(headers, "authorization");
    if (authorization.size() != 1)
        return "Missing Authentication Token";
    if (authorization[0].rfind("AWS4-HMAC-SHA256 ", 0) != 0)
        return "Authorization header requires the AWS4-HMAC-SHA256 algorithm";
    auto fields = authorizationFields(authorization[0]);
    if (!fields.count("Credential") || !fields.count("SignedHeaders") || !fields.count("Signature"))
        return "Authorization header requires Credential, SignedHeaders and Signature";

    std::vector<std::string> scope;
    for (size_t start = 0;;) {
        const auto slash = fields["Credential"].find('/', start);
        scope.push_back(fields["Credential"].substr(start, slash - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    if (scope.size() != 5 || scope[4] != "aws4_request")
        return "Credential should be scoped to a valid region, service and terminator";
    if (scope[0] != accessKeyId)
        return "The security token included in the request is invalid.";
    if (scope[2] != region)
        return "Credential should be scoped to a valid region, not '" + scope[2] + "'";
    if (scope[3] != service)
        return "Credential should be scoped to correct service: '" + service + "'";

    const auto dates = valuesOf(headers, "x-amz-date");
    if (dates.size() != 1 || dates[0].size() != 16)
        return "Missing or malformed X-Amz-Date";
    if (dates[0].substr(0, 8) != scope[1])
        return "Date in Credential scope does not match YYYYMMDD from X-Amz-Date";
    std::tm when{};
    if (!strptime(dates[0].c_str(), "%Y%m%dT%H%M%SZ", &when))
        return "Malformed X-Amz-Date";
    const int64_t skew = static_cast<int64_t>(timegm(&when)) - std::time(nullptr);
    if (skew > 300 || skew < -300)
        return "Signature expired: the request time is more than 5 minutes from now";

    std::vector<std::string> signedNames;
    for (size_t start = 0;;) {
        const auto semicolon = fields["SignedHeaders"].find(';', start);
        signedNames.push_back(fields["SignedHeaders"].substr(start, semicolon - start));
        if (semicolon == std::string::npos)
            break;
        start = semicolon + 1;
    }
    if (!std::is_sorted(signedNames.begin(), signedNames.end()))
        return "SignedHeaders must be sorted";
    for (const char* required : {"host", "x-amz-date"})
        if (std::find(signedNames.begin(), signedNames.end(), required) == signedNames.end())
            return std::string("Signed headers must include ") + required;

    std::string canonicalHeaders;
    for (const auto& name : signedNames) {
        const auto values = valuesOf(headers, name);
        if (values.empty())
            return "Signed header '" + name + "' is not in the request";
        canonicalHeaders += name + ":";
        for (size_t i = 0; i < values.size(); ++i)
            canonicalHeaders += (i ? "," : "") + collapse(values[i]);
        canonicalHeaders += "\n";
    }
    const auto question = rawTarget.find('?');
    const std::string path = rawTarget.substr(0, question);
    std::string query;
    if (question != std::string::npos) {
        std::vector<std::string> pairs;
        std::string rest = rawTarget.substr(question + 1);
        for (size_t start = 0; start <= rest.size();) {
            const auto amp = rest.find('&', start);
            const std::string pair = rest.substr(start, amp - start);
            if (!pair.empty())
                pairs.push_back(pair.find('=') == std::string::npos ? pair + "=" : pair);
            if (amp == std::string::npos)
                break;
            start = amp + 1;
        }
        std::sort(pairs.begin(), pairs.end());
        for (size_t i = 0; i < pairs.size(); ++i)
            query += (i ? "&" : "") + pairs[i];
    }
    const std::string canonical = method + "\n" + encodeForCanonicalUri(path) + "\n" + query +
                                  "\n" + canonicalHeaders + "\n" + fields["SignedHeaders"] + "\n" +
                                  sha256HexOf(body);
    const std::string toSign = "AWS4-HMAC-SHA256\n" + dates[0] + "\n" + scope[1] + "/" + region +
                               "/" + service + "/aws4_request\n" + sha256HexOf(canonical);
    std::string key = hmacOf("AWS4" + secretAccessKey, scope[1]);
    key = hmacOf(key, region);
    key = hmacOf(key, service);
    key = hmacOf(key, "aws4_request");
    const std::string mac = hmacOf(key, toSign);
    const std::string expected =
        hexOf(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
    if (expected != fields["Signature"])
        return "The request signature we calculated does not match the signature you provided. "
               "Check your AWS Secret Access Key and signing method. The Canonical String for "
               "this request should have been\n'" +
               canonical + "'";
    return {};
}

// httplib listens with a backlog of 5; hundreds of clients connecting at once then lose SYNs and
// wait out TCP's retransmission backoff (up to 31 s). The listening socket is reachable here.
class Server : public httplib::Server {
public:
    void widenBacklog() { ::listen(svr_sock_, SOMAXCONN); }
};

struct TestServer::Impl {
    TestServerOptions options;
    Server server;
    std::thread thread;
    int port = 0;

    mutable std::mutex mutex;
    std::deque<Fault> queued;
    Fault always = Fault::None;
    std::vector<RecordedRequest> recorded;
    std::unordered_map<std::string, int64_t> cache; // prefix key -> expiry (steady seconds)
    std::atomic<int64_t> count{0};
    std::atomic<int> inFlight{0};
    std::atomic<int> maxInFlight{0};
    std::atomic<int64_t> nextId{1};

    std::mutex stallMutex;
    std::condition_variable stallWake;
    bool stopping = false;

    explicit Impl(TestServerOptions opts) : options(std::move(opts)) {}

    Fault nextFault() {
        std::lock_guard lock(mutex);
        if (!queued.empty()) {
            const Fault fault = queued.front();
            queued.pop_front();
            return fault;
        }
        return always;
    }

    static int64_t nowSeconds() {
        return std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    CacheOutcome simulateCache(const std::string& scope, const std::vector<Segment>& segments) {
        CacheOutcome outcome;
        struct Point {
            std::string key;
            int64_t tokens;
            std::string ttl;
        };
        std::vector<Point> points;
        std::string prefix = scope;
        for (const auto& segment : segments) {
            outcome.total += tokensOf(segment.text);
            prefix += '\x1f';
            prefix += segment.text;
            if (segment.checkpoint)
                points.push_back({std::to_string(std::hash<std::string>{}(prefix)), outcome.total,
                                  segment.ttl.empty() ? "5m" : segment.ttl});
        }
        if (!options.promptCache)
            return outcome; // every prompt a miss that writes nothing
        std::lock_guard lock(mutex);
        const int64_t now = nowSeconds();
        int hit = -1;
        for (int i = static_cast<int>(points.size()) - 1; i >= 0; --i) {
            const auto it = cache.find(points[i].key);
            if (it != cache.end() && it->second > now) {
                hit = i;
                break;
            }
        }
        int64_t covered = 0;
        if (hit >= 0) {
            outcome.read = points[hit].tokens;
            covered = points[hit].tokens;
        }
        for (int i = 0; i < static_cast<int>(points.size()); ++i) {
            const int64_t ttlSeconds = points[i].ttl == "1h" ? 3600 : 300;
            cache[points[i].key] = now + ttlSeconds; // a hit refreshes, a miss writes
            if (i <= hit)
                continue;
            const int64_t written = points[i].tokens - covered;
            (points[i].ttl == "1h" ? outcome.write1h : outcome.write5m) += written;
            covered = points[i].tokens;
        }
        return outcome;
    }

    void resetConnection(const httplib::Request& request) {
        DIR* dir = opendir("/proc/self/fd");
        if (!dir)
            return;
        while (dirent* entry = readdir(dir)) {
            const int fd = std::atoi(entry->d_name);
            if (fd <= 2)
                continue;
            sockaddr_in local{}, peer{};
            socklen_t size = sizeof local;
            if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &size) != 0 ||
                local.sin_family != AF_INET || ntohs(local.sin_port) != port)
                continue;
            size = sizeof peer;
            if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &size) != 0 ||
                ntohs(peer.sin_port) != request.remote_port)
                continue;
            // Disconnecting a connected TCP socket sends a RST (Linux tcp_disconnect).
            sockaddr unspecified{};
            unspecified.sa_family = AF_UNSPEC;
            connect(fd, &unspecified, sizeof unspecified);
            break;
        }
        closedir(dir);
    }

    void stall() { waitMs(options.stallMs); }

    // Interrupted by stop(), so a waiting handler never holds the server up.
    void waitMs(int64_t ms) {
        std::unique_lock lock(stallMutex);
        stallWake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping; });
    }

    void errorReply(const std::string& format, httplib::Response& res, int status,
                    const std::string& type, const std::string& message) {
        res.status = status;
        json body;
        if (format == "anthropic") {
            body = {{"type", "error"},
                    {"error", {{"type", type}, {"message", message}}},
                    {"request_id", "req_test_" + std::to_string(nextId++)}};
        } else if (format == "openai") {
            body = {{"error",
                     {{"message", message},
                      {"type", status == 429 ? "requests" : "invalid_request_error"},
                      {"param", nullptr},
                      {"code", type.empty() ? json(nullptr) : json(type)}}}};
        } else {
            res.set_header("x-amzn-ErrorType",
                           type + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
            res.set_header("x-amzn-RequestId", "test-" + std::to_string(nextId++));
            body = {{"message", message}};
        }
        res.set_content(body.dump(), "application/json");
    }

    // Applies a transport-level or error fault. Returns true when the reply is complete.
    bool applyFault(Fault fault, const std::string& format, const httplib::Request& req,
                    httplib::Response& res, const std::string& goodBody) {
        switch (fault) {
        case Fault::None:
        case Fault::UsageMissing:
        case Fault::ContentFilter:
            return false;
        case Fault::Stall:
            stall();
            return false; // answer late; the client has given up by then
        case Fault::ConnectionReset:
            resetConnection(req);
            res.status = 0;
            return true;
        case Fault::TruncatedBody: {
            const std::string full = goodBody;
            res.status = 200;
            res.set_content_provider(full.size(), "application/json",
                                     [full](size_t, size_t, httplib::DataSink& sink) {
                                         sink.write(full.data(), full.size() / 2);
                                         return false; // closes the connection mid-body
                                     });
            return true;
        }
        case Fault::MalformedJson:
            res.status = 200;
            res.set_content(R"({"id": "msg_01", "content": [{"type": "text", "text": "Hel)",
                            "application/json");
            return true;
        case Fault::WrongContentType:
            res.status = 200;
            res.set_content("<html><body><h1>Sign in to continue</h1></body></html>",
                            "text/html; charset=utf-8");
            return true;
        default:
            break;
        }
        const FaultReply reply = replyFor(fault);
        int status = reply.status;
        if (fault == Fault::Overloaded && format != "anthropic")
            status = 503;
        std::string message = reply.message ? reply.message : "";
        if (fault == Fault::ContextLength)
            message = format == "anthropic" ? "prompt is too long: 250000 tokens > 200000 maximum"
                      : format == "openai"
                          ? "This model's maximum context length is 128000 tokens. However, "
                            "your messages resulted in 250000 tokens."
                          : "Input is too long for requested model.";
        const std::string type = format == "anthropic" ? reply.anthropicType
                                 : format == "openai"  ? reply.openAiCode
                                                       : reply.bedrockCode;
        errorReply(format, res, status, type, message);
        if (fault == Fault::RateLimitedRetryAfter)
            res.set_header("Retry-After", "1");
        return true;
    }

    // Text of the answer after max_tokens and stop sequences, and the stop reason key.
    std::pair<std::string, std::string> answer(int64_t maxTokens,
                                               const std::vector<std::string>& stops,
                                               const std::string& requestBody) {
        std::string text = options.answerFor ? options.answerFor(requestBody) : options.answerText;
        for (const auto& stop : stops)
            if (const auto at = text.find(stop); !stop.empty() && at != std::string::npos) {
                return {text.substr(0, at), "stop_sequence:" + stop};
            }
        if (tokensOf(text) > maxTokens)
            return {text.substr(0, static_cast<size_t>(maxTokens) * 4), "max_tokens"};
        return {text, "end_turn"};
    }

    void record(RecordedRequest entry) {
        if (!options.record)
            return;
        std::lock_guard lock(mutex);
        recorded.push_back(std::move(entry));
    }

    static Headers headersOf(const httplib::Request& req) {
        Headers headers;
        for (const auto& [name, value] : req.headers)
            if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" &&
                name != "LOCAL_PORT")
                headers.emplace_back(name, value);
        return headers;
    }

    // Runs a handler with the bookkeeping every request gets.
    template <typename Handler>
    void serve(const std::string& format, const httplib::Request& req, httplib::Response& res,
               Handler&& handler) {
        ++count;
        const int now = ++inFlight;
        int seen = maxInFlight.load();
        while (now > seen && !maxInFlight.compare_exchange_weak(seen, now)) {
        }
        RecordedRequest entry;
        entry.format = format;
        entry.method = req.method;
        entry.target = req.target;
        entry.remotePort = req.remote_port;
        entry.headers = headersOf(req);
        entry.body = req.body;
        if (options.latencyMs > 0)
            waitMs(options.latencyMs);
        handler(entry);
        entry.status = res.status;
        --inFlight;
        record(std::move(entry));
    }

    bool jsonContentType(const httplib::Request& req) {
        return lower(req.get_header_value("Content-Type")).rfind("application/json", 0) == 0;
    }

    // ---- Anthropic Messages ----
    void anthropic(const httplib::Request& req, httplib::Response& res, RecordedRequest& entry) {
        const auto reject = [&](int status, const std::string& type, const std::string& why) {
            entry.rejection = why;
            errorReply("anthropic", res, status, type, why);
        };
        if (req.get_header_value("x-api-key") != options.anthropicKey)
            return reject(401, "authentication_error", "invalid x-api-key");
        if (req.get_header_value("anthropic-version") != "2023-06-01")
            return reject(400, "invalid_request_error",
                          "anthropic-version: header is required and must be a known version");
        const Fault fault = nextFault();
        entry.fault = fault == Fault::None ? "" : faultName(fault);
        if (!jsonContentType(req))
            return reject(400, "invalid_request_error", "Content-Type must be application/json");
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object())
            return reject(400, "invalid_request_error", "The request body is not valid JSON.");
        if (!body.contains("model") || !body["model"].is_string() ||
            body["model"].get<std::string>().empty())
            return reject(400, "invalid_request_error", "model: Field required");
        if (!body.contains("max_tokens") || !body["max_tokens"].is_number_integer() ||
            body["max_tokens"].get<int64_t>() < 1)
            return reject(400, "invalid_request_error", "max_tokens: Field required");
        if (body.contains("temperature") &&
            (!body["temperature"].is_number() || body["temperature"].get<double>() < 0 ||
             body["temperature"].get<double>() > 1))
            return reject(400, "invalid_request_error", "temperature: must be between 0 and 1");
        std::vector<std::string> stops;
        if (body.contains("stop_sequences")) {
            if (!body["stop_sequences"].is_array())
                return reject(400, "invalid_request_error",
                              "stop_sequences: Input should be a list");
            for (const auto& stop : body["stop_sequences"])
                stops.push_back(stop.get<std::string>());
        }
        if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
            return reject(400, "invalid_request_error",
                          "messages: at least one message is required");

        std::vector<Segment> segments;
        int checkpoints = 0;
        bool sawFiveMinute = false;
        std::string problem;
        auto block = [&](const json& item, const std::string& where) {
            if (!item.is_object() || item.value("type", "") != "text" || !item.contains("text") ||
                !item["text"].is_string())
                return void(problem = where + ": expected a text block");
            if (item["text"].get<std::string>().empty())
                return void(problem = where + ": text content blocks must be non-empty");
            Segment segment{item["text"].get<std::string>(), false, ""};
            if (item.contains("cache_control")) {
                const json& control = item["cache_control"];
                if (!control.is_object() || control.value("type", "") != "ephemeral")
                    return void(problem = where + ".cache_control.type: must be 'ephemeral'");
                segment.checkpoint = true;
                segment.ttl = control.value("ttl", "5m");
                if (segment.ttl != "5m" && segment.ttl != "1h")
                    return void(problem = where + ".cache_control.ttl: must be '5m' or '1h'");
                if (segment.ttl == "1h" && sawFiveMinute)
                    return void(problem = "a ttl='1h' cache_control block must not come after "
                                          "a ttl='5m' cache_control block");
                sawFiveMinute = sawFiveMinute || segment.ttl == "5m";
                ++checkpoints;
            }
            segments.push_back(std::move(segment));
        };
        if (body.contains("system")) {
            if (body["system"].is_string())
                segments.push_back({body["system"].get<std::string>(), false, ""});
            else if (body["system"].is_array())
                for (size_t i = 0; i < body["system"].size(); ++i)
                    block(body["system"][i], "system." + std::to_string(i));
            else
                problem = "system: Input should be a valid string or list";
        }
        for (size_t m = 0; m < body["messages"].size() && problem.empty(); ++m) {
            const json& message = body["messages"][m];
            const std::string at = "messages." + std::to_string(m);
            const std::string role = message.value("role", "");
            if (role != "user" && role != "assistant") {
                problem = at + ".role: Input should be 'user' or 'assistant'";
                break;
            }
            if (!message.contains("content")) {
                problem = at + ".content: Field required";
            } else if (message["content"].is_string()) {
                segments.push_back({message["content"].get<std::string>(), false, ""});
            } else if (message["content"].is_array() && !message["content"].empty()) {
                for (size_t b = 0; b < message["content"].size(); ++b)
                    block(message["content"][b], at + ".content." + std::to_string(b));
            } else {
                problem = at + ".content: must be a string or a non-empty list of blocks";
            }
        }
        if (problem.empty() && checkpoints > 4)
            problem = "A maximum of 4 blocks with cache_control may be provided. Found " +
                      std::to_string(checkpoints) + ".";
        if (!problem.empty())
            return reject(400, "invalid_request_error", problem);

        const std::string model = body["model"];
        const auto [text, stop] = answer(body["max_tokens"].get<int64_t>(), stops, req.body);
        json reply{{"id", "msg_test_" + std::to_string(nextId++)},
                   {"type", "message"},
                   {"role", "assistant"},
                   {"model", model},
                   {"content", json::array({{{"type", "text"}, {"text", text}}})},
                   {"stop_reason", stop.rfind("stop_sequence:", 0) == 0 ? "stop_sequence" : stop},
                   {"stop_sequence",
                    stop.rfind("stop_sequence:", 0) == 0 ? json(stop.substr(14)) : json(nullptr)}};
        if (fault == Fault::ContentFilter) {
            reply["stop_reason"] = "refusal";
            reply["content"] = json::array();
        }
        int64_t total = 0;
        for (const auto& segment : segments)
            total += tokensOf(segment.text);
        if (total > options.contextWindowTokens && fault == Fault::None)
            return reject(400, "invalid_request_error",
                          "prompt is too long: " + std::to_string(total) + " tokens > " +
                              std::to_string(options.contextWindowTokens) + " maximum");
        const CacheOutcome cache = simulateCache("anthropic/" + model, segments);
        if (fault != Fault::UsageMissing)
            reply["usage"] = {
                {"input_tokens", cache.total - cache.read - cache.write5m - cache.write1h},
                {"cache_creation_input_tokens", cache.write5m + cache.write1h},
                {"cache_read_input_tokens", cache.read},
                {"cache_creation",
                 {{"ephemeral_5m_input_tokens", cache.write5m},
                  {"ephemeral_1h_input_tokens", cache.write1h}}},
                {"output_tokens", tokensOf(text)},
                {"service_tier", "standard"}};
        if (applyFault(fault, "anthropic", req, res, reply.dump()))
            return;
        res.status = 200;
        res.set_content(reply.dump(), "application/json");
    }

    // ---- OpenAI chat completions ----
    void openai(const httplib::Request& req, httplib::Response& res, RecordedRequest& entry) {
        const auto reject = [&](int status, const std::string& code, const std::string& why) {
            entry.rejection = why;
            errorReply("openai", res, status, code, why);
        };
        const std::string authorization = req.get_header_value("Authorization");
        if (!options.openAiKey.empty() && authorization != "Bearer " + options.openAiKey) {
            // OpenAI repeats part of a wrong key; this server repeats all of it, so a client
            // that copies the message into its error text is caught.
            const std::string given =
                authorization.rfind("Bearer ", 0) == 0 ? authorization.substr(7) : authorization;
            return reject(401, "invalid_api_key",
                          "Incorrect API key provided: " + given +
                              ". You can find your API key at "
                              "https://platform.openai.com/account/api-keys.");
        }
        const Fault fault = nextFault();
        entry.fault = fault == Fault::None ? "" : faultName(fault);
        if (!jsonContentType(req))
            return reject(400, "", "Unsupported content type; expected application/json");
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object())
            return reject(400, "", "We could not parse the JSON body of your request.");
        if (!body.contains("model") || !body["model"].is_string())
            return reject(400, "", "you must provide a model parameter");
        if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
            return reject(400, "", "[] is too short - 'messages'");
        for (const char* key : {"max_tokens", "max_completion_tokens"})
            if (body.contains(key) &&
                (!body[key].is_number_integer() || body[key].get<int64_t>() < 1))
                return reject(400, "", std::string(key) + ": must be a positive integer");
        if (body.contains("temperature") &&
            (!body["temperature"].is_number() || body["temperature"].get<double>() < 0 ||
             body["temperature"].get<double>() > 2))
            return reject(400, "", "temperature: must be between 0 and 2");
        std::vector<std::string> stops;
        if (body.contains("stop")) {
            if (body["stop"].is_string())
                stops.push_back(body["stop"]);
            else if (body["stop"].is_array() && body["stop"].size() <= 4)
                for (const auto& stop : body["stop"])
                    stops.push_back(stop.get<std::string>());
            else
                return reject(400, "", "stop: up to 4 sequences");
        }
        std::vector<Segment> segments;
        for (size_t m = 0; m < body["messages"].size(); ++m) {
            const json& message = body["messages"][m];
            const std::string role = message.value("role", "");
            if (role != "system" && role != "user" && role != "assistant" && role != "developer")
                return reject(400, "", "messages[" + std::to_string(m) + "].role: invalid");
            if (!message.contains("content"))
                return reject(400, "", "messages[" + std::to_string(m) + "].content: required");
            std::string text;
            if (message["content"].is_string()) {
                text = message["content"];
            } else if (message["content"].is_array()) {
                for (const auto& part : message["content"]) {
                    if (!part.is_object() || part.value("type", "") != "text")
                        return reject(400, "",
                                      "messages[" + std::to_string(m) +
                                          "].content: only text parts here");
                    text += part.value("text", "");
                }
            } else {
                return reject(400, "", "messages[" + std::to_string(m) + "].content: invalid");
            }
            // Automatic prefix caching: every message boundary is a candidate.
            segments.push_back({role + ":" + text, true, "5m"});
        }
        const int64_t maxTokens =
            body.value("max_tokens", body.value("max_completion_tokens", 4096));
        const std::string model = body["model"];
        int64_t total = 0;
        for (const auto& segment : segments)
            total += tokensOf(segment.text);
        if (total > options.contextWindowTokens && fault == Fault::None)
            return reject(400, "context_length_exceeded",
                          "This model's maximum context length is " +
                              std::to_string(options.contextWindowTokens) + " tokens.");
        CacheOutcome cache = simulateCache("openai/" + model, segments);
        // OpenAI caches prompts of 1024+ tokens, in 128-token steps.
        int64_t cached = cache.read >= 1024 ? cache.read / 128 * 128 : 0;
        const auto [text, stop] = answer(maxTokens, stops, req.body);
        json reply{
            {"id", "chatcmpl-test" + std::to_string(nextId++)},
            {"object", "chat.completion"},
            {"created", static_cast<int64_t>(std::time(nullptr))},
            {"model", model},
            {"choices",
             json::array(
                 {{{"index", 0},
                   {"message", {{"role", "assistant"}, {"content", text}, {"refusal", nullptr}}},
                   {"logprobs", nullptr},
                   {"finish_reason", stop == "max_tokens" ? "length" : "stop"}}})}};
        if (fault == Fault::ContentFilter) {
            reply["choices"][0]["finish_reason"] = "content_filter";
            reply["choices"][0]["message"]["content"] = nullptr;
        }
        if (fault != Fault::UsageMissing)
            reply["usage"] = {
                {"prompt_tokens", cache.total},
                {"completion_tokens", tokensOf(text)},
                {"total_tokens", cache.total + tokensOf(text)},
                {"prompt_tokens_details", {{"cached_tokens", cached}, {"audio_tokens", 0}}}};
        if (applyFault(fault, "openai", req, res, reply.dump()))
            return;
        res.status = 200;
        res.set_content(reply.dump(), "application/json");
    }

    // ---- Bedrock Converse ----
    void bedrock(const httplib::Request& req, httplib::Response& res, RecordedRequest& entry) {
        const auto reject = [&](int status, const std::string& code, const std::string& why) {
            entry.rejection = why;
            errorReply("bedrock", res, status, code, why);
        };
        const std::string modelId = req.matches.size() > 1 ? req.matches[1].str() : "";
        const std::string authorization = req.get_header_value("Authorization");
        if (!options.bedrockBearerToken.empty() && authorization.rfind("Bearer ", 0) == 0) {
            if (authorization.substr(7) != options.bedrockBearerToken)
                return reject(403, "UnrecognizedClientException",
                              "The security token included in the request is invalid.");
        } else {
            const std::string why = verifySigV4(req.method, req.target, headersOf(req), req.body,
                                                options.awsAccessKeyId, options.awsSecretAccessKey,
                                                options.awsRegion, "bedrock");
            if (!why.empty())
                return reject(403,
                              why.find("does not match") != std::string::npos
                                  ? "InvalidSignatureException"
                                  : "UnrecognizedClientException",
                              why);
            const auto tokens = valuesOf(headersOf(req), "x-amz-security-token");
            if (!options.awsSessionToken.empty() &&
                (tokens.size() != 1 || tokens[0] != options.awsSessionToken ||
                 authorization.find("x-amz-security-token") == std::string::npos))
                return reject(403, "UnrecognizedClientException",
                              "The security token included in the request is invalid.");
        }
        const Fault fault = nextFault();
        entry.fault = fault == Fault::None ? "" : faultName(fault);
        if (!jsonContentType(req))
            return reject(400, "ValidationException", "Unsupported Content-Type");
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object())
            return reject(400, "ValidationException",
                          "Malformed input request, please reformat "
                          "your input and try again.");
        if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty())
            return reject(400, "ValidationException",
                          "1 validation error detected: Value at 'messages' failed to satisfy "
                          "constraint: Member must not be null");
        int64_t maxTokens = 4096;
        std::vector<std::string> stops;
        if (body.contains("inferenceConfig")) {
            const json& config = body["inferenceConfig"];
            if (config.contains("maxTokens")) {
                if (!config["maxTokens"].is_number_integer() ||
                    config["maxTokens"].get<int64_t>() < 1)
                    return reject(400, "ValidationException",
                                  "Value at 'inferenceConfig.maxTokens' failed to satisfy "
                                  "constraint: Member must have value greater than or equal to 1");
                maxTokens = config["maxTokens"];
            }
            if (config.contains("temperature") &&
                (!config["temperature"].is_number() || config["temperature"].get<double>() < 0 ||
                 config["temperature"].get<double>() > 1))
                return reject(400, "ValidationException", "temperature must be in [0, 1]");
            if (config.contains("stopSequences"))
                for (const auto& stop : config["stopSequences"])
                    stops.push_back(stop.get<std::string>());
        }
        std::vector<Segment> segments;
        int checkpoints = 0;
        bool sawFiveMinute = false;
        std::string problem;
        auto blocks = [&](const json& list, const std::string& where) {
            if (!list.is_array() || list.empty())
                return void(problem = where + ": must be a non-empty list of content blocks");
            for (size_t i = 0; i < list.size() && problem.empty(); ++i) {
                const json& item = list[i];
                if (!item.is_object() || item.size() != 1)
                    return void(problem = where + "[" + std::to_string(i) +
                                          "]: a content block has exactly one member");
                if (item.contains("text")) {
                    if (!item["text"].is_string() || item["text"].get<std::string>().empty())
                        return void(problem = where + ": text blocks must be non-empty strings");
                    segments.push_back({item["text"], false, ""});
                } else if (item.contains("cachePoint")) {
                    const json& point = item["cachePoint"];
                    if (segments.empty() || point.value("type", "") != "default")
                        return void(problem = where + ": cachePoint must follow content and "
                                                      "have type 'default'");
                    const std::string ttl = point.value("ttl", "5m");
                    if (ttl != "5m" && ttl != "1h")
                        return void(problem = "cachePoint.ttl must be 5m or 1h");
                    if (ttl == "1h" && sawFiveMinute)
                        return void(problem = "cache point TTLs must not increase");
                    sawFiveMinute = sawFiveMinute || ttl == "5m";
                    segments.back().checkpoint = true;
                    segments.back().ttl = ttl;
                    ++checkpoints;
                } else {
                    return void(problem = where + ": unsupported content block");
                }
            }
        };
        if (body.contains("system"))
            blocks(body["system"], "system");
        for (size_t m = 0; m < body["messages"].size() && problem.empty(); ++m) {
            const json& message = body["messages"][m];
            const std::string role = message.value("role", "");
            if (role != "user" && role != "assistant")
                problem = "messages." + std::to_string(m) + ".role must be user or assistant";
            else
                blocks(message.value("content", json()),
                       "messages." + std::to_string(m) + ".content");
        }
        if (problem.empty() && checkpoints > 4)
            problem = "The number of cache points exceeds the maximum of 4";
        if (!problem.empty())
            return reject(400, "ValidationException", problem);
        int64_t total = 0;
        for (const auto& segment : segments)
            total += tokensOf(segment.text);
        if (total > options.contextWindowTokens && fault == Fault::None)
            return reject(400, "ValidationException", "Input is too long for requested model.");

        const bool router = modelId.find("prompt-router/") != std::string::npos;
        const CacheOutcome cache = simulateCache("bedrock/" + modelId, segments);
        const auto [text, stop] = answer(maxTokens, stops, req.body);
        json reply{
            {"output",
             {{"message", {{"role", "assistant"}, {"content", json::array({{{"text", text}}})}}}}},
            {"stopReason", stop.rfind("stop_sequence:", 0) == 0 ? "stop_sequence" : stop},
            {"metrics", {{"latencyMs", 42}}}};
        if (fault == Fault::ContentFilter) {
            reply["stopReason"] = "content_filtered";
            reply["output"]["message"]["content"] = json::array();
        }
        if (fault != Fault::UsageMissing) {
            json usage{{"inputTokens", cache.total - cache.read - cache.write5m - cache.write1h},
                       {"outputTokens", tokensOf(text)},
                       {"totalTokens", cache.total + tokensOf(text)}};
            if (checkpoints > 0) {
                usage["cacheReadInputTokens"] = cache.read;
                usage["cacheWriteInputTokens"] = cache.write5m + cache.write1h;
                json details = json::array();
                if (cache.write1h > 0)
                    details.push_back({{"ttl", "1h"}, {"inputTokens", cache.write1h}});
                if (cache.write5m > 0)
                    details.push_back({{"ttl", "5m"}, {"inputTokens", cache.write5m}});
                if (!details.empty())
                    usage["cacheDetails"] = std::move(details);
            }
            reply["usage"] = std::move(usage);
        }
        if (router)
            reply["trace"] = {{"promptRouter", {{"invokedModelId", options.routedModelArn}}}};
        if (applyFault(fault, "bedrock", req, res, reply.dump()))
            return;
        res.status = 200;
        res.set_content(reply.dump(), "application/json");
        res.set_header("x-amzn-RequestId", "test-" + std::to_string(nextId++));
    }
};

TestServer::TestServer(TestServerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(options))) {}

TestServer::~TestServer() {
    stop();
}

bool TestServer::start() {
    std::signal(SIGPIPE, SIG_IGN);
    Impl& impl = *m_impl;
    const int threads = std::max(1, impl.options.threads);
    impl.server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    impl.server.set_keep_alive_max_count(1'000'000);
    impl.server.set_keep_alive_timeout(5);
    impl.server.set_tcp_nodelay(true);
    impl.server.Post("/v1/messages", [&impl](const httplib::Request& req, httplib::Response& res) {
        impl.serve("anthropic", req, res,
                   [&](RecordedRequest& entry) { impl.anthropic(req, res, entry); });
    });
    impl.server.Post("/v1/chat/completions",
                     [&impl](const httplib::Request& req, httplib::Response& res) {
                         impl.serve("openai", req, res,
                                    [&](RecordedRequest& entry) { impl.openai(req, res, entry); });
                     });
    impl.server.Post(R"(/model/(.+)/converse)",
                     [&impl](const httplib::Request& req, httplib::Response& res) {
                         impl.serve("bedrock", req, res,
                                    [&](RecordedRequest& entry) { impl.bedrock(req, res, entry); });
                     });
    if (!impl.options.listedModels.empty()) {
        impl.server.Get("/v1/models", [&impl](const httplib::Request&, httplib::Response& res) {
            nlohmann::json data = nlohmann::json::array();
            for (const std::string& model : impl.options.listedModels)
                data.push_back({{"id", model},
                                {"object", "model"},
                                {"created", 1733500000},
                                {"owned_by", impl.options.listedOwner}});
            res.set_content(nlohmann::json{{"object", "list"}, {"data", data}}.dump(),
                            "application/json");
        });
        if (impl.options.ollamaTags)
            impl.server.Get("/api/tags", [&impl](const httplib::Request&, httplib::Response& res) {
                nlohmann::json models = nlohmann::json::array();
                for (const std::string& model : impl.options.listedModels)
                    models.push_back({{"name", model},
                                      {"model", model},
                                      {"modified_at", "2026-12-01T10:00:00Z"},
                                      {"size", 2019393189},
                                      {"details", {{"family", "llama"}, {"format", "gguf"}}}});
                res.set_content(nlohmann::json{{"models", models}}.dump(), "application/json");
            });
    }
    impl.port = impl.server.bind_to_any_port("127.0.0.1");
    if (impl.port <= 0)
        return false;
    impl.server.widenBacklog();
    impl.thread = std::thread([&impl] { impl.server.listen_after_bind(); });
    // httplib's stop() does nothing until the accept loop runs: a stop() right after start()
    // would otherwise leave the loop running and the join hanging.
    for (int i = 0; i < 5000 && !impl.server.is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return impl.server.is_running();
}

void TestServer::stop() {
    Impl& impl = *m_impl;
    {
        std::lock_guard lock(impl.stallMutex);
        impl.stopping = true;
    }
    impl.stallWake.notify_all();
    if (impl.thread.joinable()) {
        impl.server.stop();
        impl.thread.join();
    }
}

int TestServer::port() const {
    return m_impl->port;
}

std::string TestServer::baseUrl() const {
    return "http://127.0.0.1:" + std::to_string(m_impl->port);
}

const TestServerOptions& TestServer::options() const {
    return m_impl->options;
}

void TestServer::failNext(Fault fault, int count) {
    std::lock_guard lock(m_impl->mutex);
    for (int i = 0; i < count; ++i)
        m_impl->queued.push_back(fault);
}

void TestServer::failAlways(Fault fault) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->always = fault;
}

std::vector<RecordedRequest> TestServer::requests() const {
    std::lock_guard lock(m_impl->mutex);
    return m_impl->recorded;
}

int64_t TestServer::requestCount() const {
    return m_impl->count.load();
}

int TestServer::maxConcurrent() const {
    return m_impl->maxInFlight.load();
}

void TestServer::setAnswerFor(std::function<std::string(const std::string&)> answerFor) {
    std::lock_guard lock(m_impl->mutex);
    m_impl->options.answerFor = std::move(answerFor);
}

void TestServer::reset() {
    std::lock_guard lock(m_impl->mutex);
    m_impl->queued.clear();
    m_impl->always = Fault::None;
    m_impl->recorded.clear();
    m_impl->cache.clear();
    m_impl->count = 0;
    m_impl->maxInFlight = 0;
}

} // namespace switchyard::testing
