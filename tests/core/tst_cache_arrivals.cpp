// When requests arrive: synthetic Poisson, session and diurnal arrivals for a seed, their
// argument errors, and arrivals recorded in a trace.
#include "cache_test_fixtures.h"

#include "cache/arrivals.h"
#include "cache/request_trace.h"

#include <QtTest>

#include <cmath>
#include <cstdint>
#include <vector>

using namespace switchyard;
using namespace switchyard::cache_fixtures;

class TestCacheArrivals : public QObject {
    Q_OBJECT

private slots:
    void syntheticPoissonArrivals() {
        ArrivalSpec spec;
        spec.requestsPerMinute = 30.0;
        spec.seed = 7;
        auto arrivals = syntheticArrivals(spec, 20000);
        QVERIFY(arrivals);
        QCOMPARE(arrivals->requestsPerMinute, 30.0);
        QVERIFY(arrivals->order.empty()); // one Poisson stream is already in order
        const double minutes = static_cast<double>(arrivals->timeMs.back()) / 60000.0;
        QVERIFY2(std::abs(20000.0 / minutes - 30.0) < 1.0, qPrintable(QString::number(minutes)));
        // The same seed gives the same arrivals; another seed does not.
        auto again = syntheticArrivals(spec, 20000);
        QCOMPARE(again->timeMs, arrivals->timeMs);
        spec.seed = 8;
        QVERIFY(syntheticArrivals(spec, 20000)->timeMs != arrivals->timeMs);
    }

    void syntheticSessions() {
        ArrivalSpec spec;
        spec.requestsPerMinute = 6.0;
        spec.turnsPerSession = 4;
        spec.thinkTimeSeconds = 30.0;
        spec.thinkTime = ThinkTime::Fixed;
        auto arrivals = syntheticArrivals(spec, 4000);
        QVERIFY(arrivals);
        for (size_t first = 0; first < 4000; first += 4)
            for (size_t turn = 1; turn < 4; ++turn)
                QCOMPARE(arrivals->timeMs[first + turn] - arrivals->timeMs[first + turn - 1],
                         qint64(30000));
        // Sessions start every 40 s on average and last 90 s: they overlap, so arrival order
        // interleaves them.
        QCOMPARE(arrivals->order.size(), size_t{4000});
        for (size_t k = 1; k < 4000; ++k)
            QVERIFY(arrivals->timeMs[arrivals->order[k - 1]] <=
                    arrivals->timeMs[arrivals->order[k]]);
        const double minutes = static_cast<double>(arrivals->spanMs()) / 60000.0;
        QVERIFY(std::abs(4000.0 / minutes - 6.0) < 0.5);
    }

    // Peak-to-trough 3 with the peak at noon: the hour around noon sees about three times the
    // arrivals of the hour around midnight.
    void diurnalShape() {
        ArrivalSpec spec;
        spec.requestsPerMinute = 60.0;
        spec.diurnal = DiurnalShape{3.0, 12.0};
        spec.seed = 3;
        auto arrivals = syntheticArrivals(spec, 4 * 86400);
        QVERIFY(arrivals);
        int64_t noon = 0;
        int64_t midnight = 0;
        for (const int64_t t : arrivals->timeMs) {
            const double hour = std::fmod(static_cast<double>(t) / 3600000.0, 24.0);
            if (hour >= 11.5 && hour < 12.5)
                ++noon;
            if (hour >= 23.5 || hour < 0.5)
                ++midnight;
        }
        const double ratio = static_cast<double>(noon) / static_cast<double>(midnight);
        QVERIFY2(ratio > 2.7 && ratio < 3.3, qPrintable(QString::number(ratio)));
        const double days = static_cast<double>(arrivals->timeMs.back()) / 86400000.0;
        QVERIFY2(std::abs(days - 4.0) < 0.1, qPrintable(QString::number(days)));
    }

    void badArrivalSpecs_data() {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("turns");
        QTest::addColumn<double>("peakToTrough");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero rate")
            << 0.0 << 1 << 1.0 << "the arrival rate must be a positive number";
        QTest::newRow("no turns") << 1.0 << 0 << 1.0 << "a session has at least one turn";
        QTest::newRow("trough above peak")
            << 1.0 << 1 << 0.5 << "the peak-to-trough ratio must be at least 1";
    }

    void badArrivalSpecs() {
        QFETCH(double, rate);
        QFETCH(int, turns);
        QFETCH(double, peakToTrough);
        QFETCH(QString, message);
        ArrivalSpec spec;
        spec.requestsPerMinute = rate;
        spec.turnsPerSession = turns;
        spec.diurnal.peakToTrough = peakToTrough;
        auto arrivals = syntheticArrivals(spec, 10);
        QVERIFY(!arrivals);
        QCOMPARE(QString::fromStdString(arrivals.error().message), message);
    }

    void recordedArrivals() {
        // Out of order: arrival order sorts them, times count from the earliest.
        RequestTrace trace =
            traceOf({systemThenUser(1795000120000, 10, 1), systemThenUser(1795000000000, 10, 1),
                     systemThenUser(1795000060000, 10, 1)});
        auto arrivals = switchyard::recordedArrivals(trace);
        QVERIFY(arrivals);
        QCOMPARE(arrivals->timeMs, (std::vector<int64_t>{120000, 0, 60000}));
        QCOMPARE(arrivals->order, (std::vector<uint32_t>{1, 2, 0}));
        QCOMPARE(arrivals->requestsPerMinute, 1.0); // 2 gaps over 2 minutes

        TraceRequest undated = systemThenUser(0, 10, 1);
        undated.id = "q-7";
        undated.timestampMs.reset();
        trace.add(undated);
        auto refused = switchyard::recordedArrivals(trace);
        QVERIFY(!refused);
        QCOMPARE(QString::fromStdString(refused.error().message),
                 QStringLiteral("1 of 4 requests have no recorded timestamp (the first is 'q-7'); "
                                "choose a synthetic arrival rate instead"));
    }
};

QTEST_GUILESS_MAIN(TestCacheArrivals)
#include "tst_cache_arrivals.moc"
