#include "providers/transport.h"
#include "providers/detail/wire.h"
#include "providers/provider.h"
#include "providers/secret.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace switchyard {

// Named, not anonymous: the class below holds these types, and in the unity build (several
// files in one translation unit) GCC warns about a class holding an anonymous namespace's type.
namespace transport_parts {

using Clock = std::chrono::steady_clock;

int64_t steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch())
        .count();
}

int64_t epochSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Loopback never goes through a proxy, whatever http_proxy says; other hosts honour the
// environment's proxy settings, NO_PROXY included.
std::string noProxyList() {
    std::string list = "localhost,127.0.0.1,::1";
    for (const char* name : {"NO_PROXY", "no_proxy"})
        if (const char* value = std::getenv(name); value && *value) {
            list += ',';
            list += value;
            break;
        }
    return list;
}

struct Lane;

struct Job {
    JobId id = 0;
    Lane* lane = nullptr;
    TransportCall call;
    CallCallback done;
    int attempts = 0;
    // The attempt in flight.
    CURL* easy = nullptr;
    curl_slist* headerList = nullptr;
    HttpResponse response;
    int64_t attemptStartMs = 0;
    int64_t chargedTokens = 0;
    bool tooLarge = false;
    int64_t maxResponseBytes = 0;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

struct Lane {
    std::string name;
    ProviderLimits limits;
    RetryPolicy retry;
    std::deque<std::unique_ptr<Job>> ready;
    std::multimap<int64_t, std::unique_ptr<Job>> waiting; // retry time (steady ms) -> job
    int inFlight = 0;
    TokenBucket requests;
    TokenBucket tokens;
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* job = static_cast<Job*>(user);
    const size_t bytes = size * count;
    if (static_cast<int64_t>(job->response.body.size() + bytes) > job->maxResponseBytes) {
        job->tooLarge = true;
        return 0; // aborts the transfer with CURLE_WRITE_ERROR
    }
    job->response.body.append(data, bytes);
    return bytes;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* job = static_cast<Job*>(user);
    const size_t bytes = size * count;
    std::string_view line(data, bytes);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.rfind("HTTP/", 0) == 0) {
        job->response.headers.clear(); // a new response (after 100 Continue)
        return bytes;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return bytes;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    job->response.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
    return bytes;
}

CallFailure transportFailure(CURLcode code, const char* errorBuffer, bool tooLarge, int64_t limit,
                             const std::vector<std::string>& secrets) {
    CallFailure failure;
    std::string message = errorBuffer && *errorBuffer ? errorBuffer : curl_easy_strerror(code);
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        failure.kind = FailureClass::Timeout;
        failure.retryable = true;
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        failure.kind = FailureClass::Network;
        failure.retryable = true;
        break;
    case CURLE_WRITE_ERROR:
        failure.kind = tooLarge ? FailureClass::BadResponse : FailureClass::Network;
        if (tooLarge)
            message = "the response is larger than " + std::to_string(limit) + " bytes";
        break;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
        failure.kind = FailureClass::BadResponse;
        break;
    default: // TLS verification, malformed URL, unsupported protocol: retrying will not help
        failure.kind = FailureClass::Network;
        break;
    }
    failure.providerCode = "curl:" + std::to_string(static_cast<int>(code));
    failure.message = detail::truncateMessage(redactSecrets(std::move(message), secrets));
    return failure;
}

} // namespace transport_parts

using namespace transport_parts;

struct Transport::Impl {
    TransportOptions options;
    CURLM* multi = nullptr;
    std::thread thread;
    std::mt19937_64 random;
    std::string noProxy = noProxyList();

    // Shared with submitters.
    mutable std::mutex mutex;
    std::condition_variable idle;
    std::vector<std::unique_ptr<Job>> incoming;
    bool stopping = false;
    bool cancelRequested = false;
    int64_t outstanding = 0;
    JobId nextId = 1;
    std::atomic<int64_t> submitted{0}, completed{0}, attempts{0}, retries{0};

    // Loop thread only.
    std::unordered_map<std::string, std::unique_ptr<Lane>> lanes;
    std::vector<CURL*> spareHandles;
    std::unordered_set<Job*> inFlight;
    int64_t lastCancelSweepMs = 0;
    bool anyCancelToken = false;
    std::vector<std::pair<CallCallback, CallResult>> finished;

    explicit Impl(TransportOptions opts) : options(opts) {
        initCurlOnce();
        random.seed(options.randomSeed ? options.randomSeed : std::random_device{}());
        multi = curl_multi_init();
        curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, 2048L);
        thread = std::thread([this] { loop(); });
    }

    ~Impl() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
            cancelRequested = true;
        }
        curl_multi_wakeup(multi);
        thread.join();
        for (CURL* easy : spareHandles)
            curl_easy_cleanup(easy);
        curl_multi_cleanup(multi);
    }

    Lane& laneFor(const Provider& provider) {
        auto& lane = lanes[provider.name()];
        if (!lane) {
            lane = std::make_unique<Lane>();
            lane->name = provider.name();
            lane->limits = provider.config().limits;
            lane->limits.concurrency = std::max(1, lane->limits.concurrency);
            lane->retry.maxAttempts = std::max(1, lane->limits.maxAttempts);
            lane->retry.baseDelayMs = options.retryBaseDelayMs;
            lane->retry.maxDelayMs = options.retryMaxDelayMs;
            lane->retry.maxRetryAfterMs = options.maxRetryAfterMs;
            const int64_t now = steadyMs();
            if (lane->limits.requestsPerMinute > 0)
                lane->requests = TokenBucket(lane->limits.requestsPerMinute, now);
            if (lane->limits.tokensPerMinute > 0)
                lane->tokens = TokenBucket(lane->limits.tokensPerMinute, now);
        }
        return *lane;
    }

    void finish(std::unique_ptr<Job> job, CallResult result) {
        result.attempts = job->attempts;
        finished.emplace_back(std::move(job->done), std::move(result));
    }

    void finishCancelled(std::unique_ptr<Job> job) {
        CallResult result;
        result.error = CallFailure{FailureClass::Cancelled, 0, "", "cancelled", false, {}};
        finish(std::move(job), std::move(result));
    }

    void releaseAttempt(Job& job) {
        if (job.easy) {
            inFlight.erase(&job);
            curl_multi_remove_handle(multi, job.easy);
            curl_easy_reset(job.easy);
            spareHandles.push_back(job.easy);
            job.easy = nullptr;
            --job.lane->inFlight;
        }
        if (job.headerList) {
            curl_slist_free_all(job.headerList);
            job.headerList = nullptr;
        }
    }

    void startAttempt(std::unique_ptr<Job> owned) {
        Job& job = *owned;
        ++job.attempts;
        ++attempts;
        job.response = {};
        job.tooLarge = false;
        job.errorBuffer[0] = '\0';
        job.maxResponseBytes = options.maxResponseBytes;
        job.call.provider->authorize(job.call.request, epochSeconds());
        if (job.call.provider->inProcess()) {
            answerInProcess(std::move(owned));
            return;
        }

        CURL* easy = nullptr;
        if (!spareHandles.empty()) {
            easy = spareHandles.back();
            spareHandles.pop_back();
        } else {
            easy = curl_easy_init();
        }
        job.easy = easy;
        const HttpRequest& request = job.call.request;
        for (const auto& header : request.headers)
            job.headerList =
                curl_slist_append(job.headerList, (header.name + ": " + header.value).c_str());
        job.headerList = curl_slist_append(job.headerList, "Expect:");

        curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
        if (request.method == "POST") {
            curl_easy_setopt(easy, CURLOPT_POST, 1L);
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(request.body.size()));
        } else if (request.method != "GET") {
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job.headerList);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &job);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &job);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job.errorBuffer);
        curl_easy_setopt(easy, CURLOPT_PRIVATE, &job);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_NOPROXY, noProxy.c_str());
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(job.lane->limits.connectTimeoutMs));
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(job.lane->limits.timeoutMs));

        job.attemptStartMs = steadyMs();
        ++job.lane->inFlight;
        inFlight.insert(&job);
        curl_multi_add_handle(multi, easy);
        owned.release(); // owned by the easy handle (CURLOPT_PRIVATE) until it completes
    }

    // A local student answers at once, on this thread: microseconds, no socket.
    void answerInProcess(std::unique_ptr<Job> job) {
        const auto started = Clock::now();
        const Provider& provider = *job->call.provider;
        job->response = provider.answerInProcess(job->call.model, job->call.request);
        CallResult result = provider.parseResponse(job->call.model, job->response);
        result.latencyMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
        settleAttempt(std::move(job), std::move(result), steadyMs());
    }

    void completeAttempt(std::unique_ptr<Job> job, CURLcode code) {
        const int64_t now = steadyMs();
        long status = 0;
        curl_easy_getinfo(job->easy, CURLINFO_RESPONSE_CODE, &status);
        releaseAttempt(*job);
        const Provider& provider = *job->call.provider;

        CallResult result;
        if (code == CURLE_OK && status > 0) {
            job->response.status = static_cast<int>(status);
            result = provider.parseResponse(job->call.model, job->response);
        } else {
            result.error = transportFailure(code, job->errorBuffer, job->tooLarge,
                                            options.maxResponseBytes, provider.secrets());
        }
        result.latencyMs = now - job->attemptStartMs;
        settleAttempt(std::move(job), std::move(result), now);
    }

    // Corrects the token bucket by the reported usage, then retries the call or finishes it.
    void settleAttempt(std::unique_ptr<Job> job, CallResult result, int64_t now) {
        Lane& lane = *job->lane;
        if (result.usageReported && !lane.tokens.unlimited()) {
            const Usage& u = result.usage;
            const int64_t actual = u.input + u.output;
            lane.tokens.adjust(static_cast<double>(actual - job->chargedTokens));
        }
        if (result.error) {
            if (result.error->httpStatus != 0 && !result.error->retryAfterMs)
                result.error->retryAfterMs = parseRetryAfterMs(job->response, epochSeconds());
            const RetryDecision decision =
                decideRetry(lane.retry, *result.error, job->attempts, random);
            if (decision.retry && !(job->call.cancel && job->call.cancel->cancelled())) {
                ++retries;
                lane.waiting.emplace(now + decision.delayMs, std::move(job));
                return;
            }
        }
        finish(std::move(job), std::move(result));
    }

    // Returns the earliest time (steady ms) something becomes startable, or INT64_MAX.
    int64_t startEligible(Lane& lane, int64_t now) {
        while (!lane.waiting.empty() && lane.waiting.begin()->first <= now) {
            lane.ready.push_front(std::move(lane.waiting.begin()->second));
            lane.waiting.erase(lane.waiting.begin());
        }
        int64_t wake = lane.waiting.empty() ? INT64_MAX : lane.waiting.begin()->first;
        while (lane.inFlight < lane.limits.concurrency && !lane.ready.empty()) {
            Job& next = *lane.ready.front();
            const int64_t wait =
                std::max(lane.requests.waitMs(1, now),
                         lane.tokens.waitMs(static_cast<double>(next.call.estimatedTokens), now));
            if (wait > 0) {
                wake = std::min(wake, now + wait);
                break;
            }
            lane.requests.take(1, now);
            lane.tokens.take(static_cast<double>(next.call.estimatedTokens), now);
            next.chargedTokens = next.call.estimatedTokens;
            std::unique_ptr<Job> job = std::move(lane.ready.front());
            lane.ready.pop_front();
            startAttempt(std::move(job));
        }
        return wake;
    }

    void cancelJobs(bool all) {
        std::vector<Job*> running;
        for (Job* job : inFlight)
            if (all || (job->call.cancel && job->call.cancel->cancelled()))
                running.push_back(job);
        for (Job* job : running) {
            releaseAttempt(*job);
            finishCancelled(std::unique_ptr<Job>(job));
        }
        for (auto& [name, lane] : lanes) {
            auto wanted = [all](const std::unique_ptr<Job>& job) {
                return all || (job->call.cancel && job->call.cancel->cancelled());
            };
            for (auto it = lane->ready.begin(); it != lane->ready.end();)
                if (wanted(*it)) {
                    finishCancelled(std::move(*it));
                    it = lane->ready.erase(it);
                } else {
                    ++it;
                }
            for (auto it = lane->waiting.begin(); it != lane->waiting.end();)
                if (wanted(it->second)) {
                    finishCancelled(std::move(it->second));
                    it = lane->waiting.erase(it);
                } else {
                    ++it;
                }
        }
    }

    bool busy() const {
        for (const auto& [name, lane] : lanes)
            if (lane->inFlight > 0 || !lane->ready.empty() || !lane->waiting.empty())
                return true;
        return false;
    }

    void deliver() {
        if (finished.empty())
            return;
        std::vector<std::pair<CallCallback, CallResult>> batch;
        batch.swap(finished);
        for (auto& [callback, result] : batch) {
            if (callback)
                callback(std::move(result));
            ++completed;
        }
        std::lock_guard lock(mutex);
        outstanding -= static_cast<int64_t>(batch.size());
        if (outstanding == 0)
            idle.notify_all();
    }

    void loop() {
        bool stop = false;
        while (true) {
            bool cancelEverything = false;
            {
                std::lock_guard lock(mutex);
                for (auto& job : incoming) {
                    if (job->call.cancel)
                        anyCancelToken = true;
                    Lane& lane = laneFor(*job->call.provider);
                    job->lane = &lane;
                    lane.ready.push_back(std::move(job));
                }
                incoming.clear();
                cancelEverything = cancelRequested || stopping; // nothing new starts now
                cancelRequested = false;
                stop = stopping;
            }
            int64_t now = steadyMs();
            if (cancelEverything) {
                cancelJobs(true);
            } else if (anyCancelToken && now - lastCancelSweepMs >= 20) {
                lastCancelSweepMs = now;
                cancelJobs(false);
            }

            int64_t wake = INT64_MAX;
            for (auto& [name, lane] : lanes)
                wake = std::min(wake, startEligible(*lane, now));

            int running = 0;
            curl_multi_perform(multi, &running);
            bool harvested = false;
            int queued = 0;
            while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
                if (message->msg != CURLMSG_DONE)
                    continue;
                Job* job = nullptr;
                curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &job);
                const CURLcode code = message->data.result;
                completeAttempt(std::unique_ptr<Job>(job), code);
                harvested = true;
            }
            deliver();
            if (stop && !busy()) {
                std::lock_guard lock(mutex);
                if (incoming.empty())
                    break;
                continue;
            }
            if (harvested)
                continue; // capacity was freed: start the next calls before waiting

            now = steadyMs();
            long curlTimeout = -1;
            curl_multi_timeout(multi, &curlTimeout);
            int64_t timeout = anyCancelToken ? 50 : 1000;
            if (curlTimeout >= 0)
                timeout = std::min<int64_t>(timeout, curlTimeout);
            if (wake != INT64_MAX)
                timeout = std::min(timeout, std::max<int64_t>(0, wake - now));
            if (timeout > 0)
                curl_multi_poll(multi, nullptr, 0, static_cast<int>(timeout), nullptr);
        }
    }
};

Transport::Transport(TransportOptions options) : m_impl(std::make_unique<Impl>(options)) {}

Transport::~Transport() = default;

JobId Transport::submit(TransportCall call, CallCallback done) {
    auto job = std::make_unique<Job>();
    job->call = std::move(call);
    job->done = std::move(done);
    JobId id = 0;
    {
        std::lock_guard lock(m_impl->mutex);
        id = m_impl->nextId++;
        job->id = id;
        m_impl->incoming.push_back(std::move(job));
        ++m_impl->outstanding;
    }
    ++m_impl->submitted;
    curl_multi_wakeup(m_impl->multi);
    return id;
}

void Transport::cancelAll() {
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->cancelRequested = true;
    }
    curl_multi_wakeup(m_impl->multi);
}

void Transport::waitIdle() {
    std::unique_lock lock(m_impl->mutex);
    m_impl->idle.wait(lock, [this] { return m_impl->outstanding == 0; });
}

TransportStats Transport::stats() const {
    return {m_impl->submitted.load(), m_impl->completed.load(), m_impl->attempts.load(),
            m_impl->retries.load()};
}

} // namespace switchyard
