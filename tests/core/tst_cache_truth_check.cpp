// The truth check (compareWithRecorded): simulated against recorded cache tokens of the same
// requests.
#include "cache/cache_simulator.h"

#include <QtTest>

#include <vector>

using namespace switchyard;

class TestCacheTruthCheck : public QObject {
    Q_OBJECT

private slots:
    void truthCheck() {
        // Input counts every input token, cached ones included (pricing/usage.h).
        const std::vector<CacheUsagePair> pairs = {
            {{2100, 0, 2000, 0, 0}, {2100, 0, 2000, 0, 0}}, // both read
            {{2100, 0, 0, 2000, 0}, {2100, 0, 0, 2000, 0}}, // both wrote
            {{2100, 0, 2000, 0, 0}, {2100, 0, 0, 2000, 0}}, // simulated a hit, recorded a write
        };
        const TruthCheck check = compareWithRecorded(pairs);
        QCOMPARE(check.requests, qint64(3));
        QCOMPARE(check.simulatedInputTokens, qint64(6300));
        QCOMPARE(check.recordedInputTokens, qint64(6300));
        QCOMPARE(check.simulatedCachedTokens, qint64(4000));
        QCOMPARE(check.recordedCachedTokens, qint64(2000));
        QCOMPARE(check.simulatedWriteTokens, qint64(2000));
        QCOMPARE(check.recordedWriteTokens, qint64(4000));
        QCOMPARE(check.simulatedChr, 4000.0 / 6300.0);
        QCOMPARE(check.recordedChr, 2000.0 / 6300.0);
        QCOMPARE(check.chrDifference, 4000.0 / 6300.0 - 2000.0 / 6300.0);
        QCOMPARE(check.outcomeAgreements, qint64(2));
        QCOMPARE(check.outcomeAgreement, 2.0 / 3.0);
        QCOMPARE(check.cachedTokensMeanAbsError, 2000.0 / 3.0);
    }
};

QTEST_GUILESS_MAIN(TestCacheTruthCheck)
#include "tst_cache_truth_check.moc"
