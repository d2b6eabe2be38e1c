// Savings against request rate (savingsVersusRate) and the break-even rate, on a recorded
// trace rescaled in time; the log-spaced rate grid.
// Every cost in a comment is (tokens x $/MTok) summed, in millionths of a dollar ("u$").
#include "cache_test_fixtures.h"

#include "cache/arrivals.h"
#include "cache/cache_simulator.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace switchyard;
using namespace switchyard::cache_fixtures;

class TestCacheSavingsCurve : public QObject {
    Q_OBJECT

private slots:
    // Eleven identical requests (2,000-token system + 100-token user) recorded 240 s apart:
    // 10 gaps over 40 minutes, 0.25 requests a minute. Rescaled to 0.2/min the gaps are exactly
    // 300 s (all writes); at 0.25/min all but the first hit.
    void breakEvenRate_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("systemTokens");
        QTest::addColumn<QList<double>>("rates");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("breakEvenPerMinute");
        // Savings at 0.1 and 0.2: -11 x 2,000 x (3.75 - 3) = -16,500 u$. At 0.25:
        // without 11 x 2,100 x 3 = 69,300; with 1,100 x 3 + 2,000 x 3.75 + 20,000 x 0.30 =
        // 3,300 + 7,500 + 6,000 = 16,800; savings 52,500. Break-even by linear interpolation:
        // 0.2 + 16,500 x 0.05 / (52,500 + 16,500) = 0.2 + 0.0119565217... = 0.2119565217...
        QTest::newRow("sonnet crosses")
            << "sonnet" << qint64(2000) << QList<double>{0.1, 0.2, 0.25, 1.0}
            << int(BreakEvenKind::Crossing) << 0.2 + 16500.0 * 0.05 / 69000.0;
        QTest::newRow("sonnet above range") << "sonnet" << qint64(2000) << QList<double>{0.1, 0.2}
                                            << int(BreakEvenKind::AboveRange) << 0.0;
        // No write fee: caching never costs more.
        QTest::newRow("openai always saves")
            << "gpt-4o-mini" << qint64(2000) << QList<double>{0.1, 0.2, 0.25, 1.0}
            << int(BreakEvenKind::AlwaysSaves) << 0.0;
        QTest::newRow("below minimum never saves")
            << "sonnet" << qint64(500) << QList<double>{0.1, 1.0, 10.0}
            << int(BreakEvenKind::NeverSaves) << 0.0;
    }

    void breakEvenRate() {
        QFETCH(QString, model);
        QFETCH(qint64, systemTokens);
        QFETCH(QList<double>, rates);
        QFETCH(int, kind);
        QFETCH(double, breakEvenPerMinute);
        std::vector<TraceRequest> requests;
        for (int k = 0; k < 11; ++k)
            requests.push_back(systemThenUser(k * 240000LL, systemTokens, 100));
        const RequestTrace trace = traceOf(requests);
        const ModelPrice price = fixture(model.toStdString());
        auto workload = compileWorkload(trace, {&price, 1}, marksOnly());
        QVERIFY(workload);
        auto arrivals = switchyard::recordedArrivals(trace);
        QVERIFY(arrivals);
        QCOMPARE(arrivals->requestsPerMinute, 0.25);
        const std::vector<double> grid(rates.begin(), rates.end());
        auto curve = savingsVersusRate(*workload, *arrivals, grid);
        QVERIFY2(curve, curve ? "" : curve.error().toString().c_str());
        QCOMPARE(int(curve->kind), kind);
        QCOMPARE(curve->points.size(), grid.size());
        COMPARE_USD(curve->breakEvenPerMinute, breakEvenPerMinute);
        if (kind == int(BreakEvenKind::Crossing)) {
            COMPARE_USD(curve->points[1].savingsUsd, -0.0165);
            COMPARE_USD(curve->points[2].savingsUsd, 0.0525);
            // A month at 0.25/min is 10,800 requests: 0.0525 / 11 x 10,800.
            COMPARE_USD(curve->points[2].monthlySavingsUsd, 0.0525 / 11.0 * 0.25 * 43200.0);
        }
    }

    void rateGridIsLogSpaced() {
        const std::vector<double> grid = rateGrid(0.01, 100.0, 5);
        QCOMPARE(grid.size(), size_t{5});
        QCOMPARE(grid.front(), 0.01);
        QCOMPARE(grid.back(), 100.0);
        QVERIFY(std::abs(grid[2] - 1.0) < 1e-12);
        QVERIFY(std::abs(grid[1] - 0.1) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestCacheSavingsCurve)
#include "tst_cache_savings_curve.moc"
