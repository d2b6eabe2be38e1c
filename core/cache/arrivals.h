#pragma once

#include "cache/request_trace.h"
#include "common/expected.h"

#include <cstdint>
#include <vector>

namespace switchyard {

// When each request of a trace arrives. Times are integer milliseconds from the first arrival,
// so TTL boundaries are exact: an entry written at t expires at t + TTL and a request at exactly
// that time misses.
struct Arrivals {
    std::vector<int64_t> timeMs;  // per request, in trace order
    std::vector<uint32_t> order;  // trace indices by arrival time (stable for ties);
                                  // empty when trace order already is arrival order
    double requestsPerMinute = 0; // mean rate: the spec's for synthetic arrivals, measured for
                                  // recorded ones ((n - 1) / span); 0 when the span is zero

    size_t size() const { return timeMs.size(); }
    int64_t spanMs() const;
};

enum class ThinkTime { Fixed, Exponential };

// A day-long swing of the rate: rate(t) = mean * (1 + a * cos(2*pi*(hour(t) - peakHourUtc)/24))
// with a = (peakToTrough - 1) / (peakToTrough + 1), so the mean over a whole day is `mean` and
// the peak is peakToTrough times the trough. peakToTrough = 1 is a flat rate.
struct DiurnalShape {
    double peakToTrough = 1.0;
    double peakHourUtc = 14.0;
};

// Synthetic arrivals, deterministic for a seed.
//   turnsPerSession = 1: a Poisson process of `requestsPerMinute` (diurnally modulated).
//   turnsPerSession = N > 1: consecutive requests of the trace, N at a time, form sessions (turns
//     of one conversation usually follow each other in a prompt set). Sessions start as a Poisson
//     process of requestsPerMinute / N, so requests still arrive at requestsPerMinute on average;
//     each further turn follows the previous after a think time (Fixed, or Exponential with that
//     mean). Sessions overlap; `order` interleaves them.
struct ArrivalSpec {
    double requestsPerMinute = 60.0;
    int turnsPerSession = 1;
    double thinkTimeSeconds = 30.0;
    ThinkTime thinkTime = ThinkTime::Exponential;
    DiurnalShape diurnal;
    double startHourUtc = 0.0; // the hour of day of time 0, for the diurnal shape
    uint64_t seed = 1;
};

// Fails on a rate that is not positive, fewer than one turn per session, a negative think time
// or a peak-to-trough ratio below 1.
Expected<Arrivals> syntheticArrivals(const ArrivalSpec& spec, size_t requests);

// From the trace's timestamps. Fails, naming how many and the first id, when a request has none.
Expected<Arrivals> recordedArrivals(const RequestTrace& trace);

// The same arrivals compressed or stretched in time to a new mean rate (every gap scaled by
// old rate / new rate, rounded to the millisecond). Used for the savings-versus-rate curve: one
// random draw for all rates, so the curve is smooth. Fails when `arrivals` has no rate.
Expected<Arrivals> scaledArrivals(const Arrivals& arrivals, double requestsPerMinute);

} // namespace switchyard
