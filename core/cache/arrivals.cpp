#include "cache/arrivals.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <string>

namespace switchyard {

namespace {

constexpr double kMsPerMinute = 60'000.0;
constexpr double kMsPerHour = 3'600'000.0;

// splitmix64: small, fast, and the same sequence on every platform and standard library (the
// std:: distributions are not), so a seed reproduces a simulation anywhere.
class Random {
public:
    explicit Random(uint64_t seed) : m_state(seed) {}

    double uniform() { // [0, 1)
        return static_cast<double>(next() >> 11) * 0x1.0p-53;
    }
    double exponential(double mean) { return -std::log1p(-uniform()) * mean; }

private:
    uint64_t next() {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    uint64_t m_state;
};

// A (diurnally modulated) Poisson process by thinning: candidates at the peak rate, each kept
// with probability rate(t) / peak rate.
class PoissonProcess {
public:
    PoissonProcess(double perMinute, const DiurnalShape& diurnal, double startHourUtc,
                   Random& random)
        : m_random(random), m_meanGapMs(kMsPerMinute / perMinute),
          m_amplitude((diurnal.peakToTrough - 1.0) / (diurnal.peakToTrough + 1.0)),
          m_peakHour(diurnal.peakHourUtc), m_startHour(startHourUtc) {}

    double next() {
        if (m_amplitude <= 0.0) {
            m_timeMs += m_random.exponential(m_meanGapMs);
            return m_timeMs;
        }
        const double peakFactor = 1.0 + m_amplitude;
        while (true) {
            m_timeMs += m_random.exponential(m_meanGapMs / peakFactor);
            const double hour = m_startHour + m_timeMs / kMsPerHour;
            const double factor =
                1.0 + m_amplitude * std::cos(2.0 * std::numbers::pi * (hour - m_peakHour) / 24.0);
            if (m_random.uniform() * peakFactor < factor)
                return m_timeMs;
        }
    }

private:
    Random& m_random;
    double m_meanGapMs;
    double m_amplitude;
    double m_peakHour;
    double m_startHour;
    double m_timeMs = 0.0;
};

void orderByTime(Arrivals& arrivals) {
    if (std::is_sorted(arrivals.timeMs.begin(), arrivals.timeMs.end())) {
        arrivals.order.clear();
        return;
    }
    arrivals.order.resize(arrivals.timeMs.size());
    std::iota(arrivals.order.begin(), arrivals.order.end(), uint32_t{0});
    std::stable_sort(
        arrivals.order.begin(), arrivals.order.end(),
        [&times = arrivals.timeMs](uint32_t a, uint32_t b) { return times[a] < times[b]; });
}

Error arrivalError(std::string field, std::string message) {
    return Error{{}, 0, std::move(field), std::move(message)};
}

} // namespace

int64_t Arrivals::spanMs() const {
    if (timeMs.empty())
        return 0;
    const auto [lo, hi] = std::minmax_element(timeMs.begin(), timeMs.end());
    return *hi - *lo;
}

Expected<Arrivals> syntheticArrivals(const ArrivalSpec& spec, size_t requests) {
    if (!(spec.requestsPerMinute > 0.0) || !std::isfinite(spec.requestsPerMinute))
        return arrivalError("requests_per_minute", "the arrival rate must be a positive number");
    if (spec.turnsPerSession < 1)
        return arrivalError("turns_per_session", "a session has at least one turn");
    if (!(spec.thinkTimeSeconds >= 0.0))
        return arrivalError("think_time_s", "the think time cannot be negative");
    if (!(spec.diurnal.peakToTrough >= 1.0))
        return arrivalError("peak_to_trough", "the peak-to-trough ratio must be at least 1");

    Arrivals arrivals;
    arrivals.requestsPerMinute = spec.requestsPerMinute;
    arrivals.timeMs.resize(requests);
    Random random(spec.seed);
    const auto turns = static_cast<size_t>(spec.turnsPerSession);
    PoissonProcess sessions(spec.requestsPerMinute / static_cast<double>(turns), spec.diurnal,
                            spec.startHourUtc, random);
    const double thinkMs = spec.thinkTimeSeconds * 1000.0;
    for (size_t first = 0; first < requests; first += turns) {
        double timeMs = sessions.next();
        for (size_t turn = 0; turn < turns && first + turn < requests; ++turn) {
            if (turn > 0)
                timeMs +=
                    spec.thinkTime == ThinkTime::Fixed ? thinkMs : random.exponential(thinkMs);
            arrivals.timeMs[first + turn] = std::llround(timeMs);
        }
    }
    orderByTime(arrivals);
    return arrivals;
}

Expected<Arrivals> recordedArrivals(const RequestTrace& trace) {
    Arrivals arrivals;
    arrivals.timeMs.resize(trace.size());
    size_t missing = 0;
    size_t firstMissing = 0;
    for (size_t i = 0; i < trace.size(); ++i) {
        const auto timestamp = trace.timestampMs(i);
        if (!timestamp) {
            if (missing++ == 0)
                firstMissing = i;
            continue;
        }
        arrivals.timeMs[i] = *timestamp;
    }
    if (missing > 0)
        return arrivalError("timestamp",
                            std::to_string(missing) + " of " + std::to_string(trace.size()) +
                                " requests have no recorded timestamp (the first is '" +
                                trace.id(firstMissing) +
                                "'); choose a synthetic arrival rate instead");
    const int64_t earliest =
        arrivals.timeMs.empty() ? 0
                                : *std::min_element(arrivals.timeMs.begin(), arrivals.timeMs.end());
    for (int64_t& time : arrivals.timeMs)
        time -= earliest;
    const int64_t span = arrivals.spanMs();
    if (span > 0 && arrivals.size() > 1)
        arrivals.requestsPerMinute =
            static_cast<double>(arrivals.size() - 1) * kMsPerMinute / static_cast<double>(span);
    orderByTime(arrivals);
    return arrivals;
}

Expected<Arrivals> scaledArrivals(const Arrivals& arrivals, double requestsPerMinute) {
    if (!(requestsPerMinute > 0.0) || !std::isfinite(requestsPerMinute))
        return arrivalError("requests_per_minute", "the arrival rate must be a positive number");
    if (!(arrivals.requestsPerMinute > 0.0))
        return arrivalError("requests_per_minute",
                            "the arrivals span no time, so they have no rate to scale");
    Arrivals scaled;
    scaled.requestsPerMinute = requestsPerMinute;
    scaled.order = arrivals.order; // scaling keeps the order (ties stay ties or appear in order)
    scaled.timeMs.resize(arrivals.timeMs.size());
    const double factor = arrivals.requestsPerMinute / requestsPerMinute;
    for (size_t i = 0; i < arrivals.timeMs.size(); ++i)
        scaled.timeMs[i] = std::llround(static_cast<double>(arrivals.timeMs[i]) * factor);
    return scaled;
}

} // namespace switchyard
