// The paired verdict between two models, against figures worked by hand.
#include "eval/paired_stats.h"
#include "eval/verdict.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace switchyard::eval;

class TestPairedStats : public QObject {
    Q_OBJECT

private slots:
    // Two-sided exact binomial on the discordant pairs, summed by hand:
    // b=10, c=2: P(X<=2 | n=12) = (1 + 12 + 66) / 4096, doubled = 158/4096.
    void mcnemarExact_data() {
        QTest::addColumn<qint64>("b");
        QTest::addColumn<qint64>("c");
        QTest::addColumn<double>("p");
        QTest::newRow("10 vs 2") << qint64(10) << qint64(2) << 158.0 / 4096.0;
        QTest::newRow("6 vs 0") << qint64(6) << qint64(0) << 2.0 / 64.0;
        QTest::newRow("symmetric is capped at 1") << qint64(5) << qint64(5) << 1.0;
        QTest::newRow("one pair") << qint64(1) << qint64(0) << 1.0;
        QTest::newRow("none") << qint64(0) << qint64(0) << 1.0;
        // P(X<=1 | n=20) = 21/2^20, doubled.
        QTest::newRow("19 vs 1") << qint64(19) << qint64(1) << 42.0 / 1048576.0;
    }

    void mcnemarExact() {
        QFETCH(qint64, b);
        QFETCH(qint64, c);
        QFETCH(double, p);
        QVERIFY2(std::abs(mcnemarExactP(b, c) - p) < 1e-12 * std::max(1.0, p) + 1e-15,
                 qPrintable(QString::number(mcnemarExactP(b, c), 'g', 15)));
        QCOMPARE(mcnemarExactP(c, b), mcnemarExactP(b, c));
    }

    void largeSamplesStayFinite() {
        const double p = mcnemarExactP(500000, 499000);
        QVERIFY(p > 0.0 && p <= 1.0);
        QVERIFY(mcnemarExactP(600000, 400000) < 1e-100);
    }

    // Pass/fail scores: the test is McNemar's, on the 10 pairs only the baseline passed and the
    // 2 only the candidate passed; 88 pairs agree (60 both pass, 28 both fail).
    void passFailUsesMcNemar() {
        std::vector<double> baseline;
        std::vector<double> candidate;
        auto add = [&](double a, double b, int times) {
            for (int i = 0; i < times; ++i) {
                baseline.push_back(a);
                candidate.push_back(b);
            }
        };
        add(1, 1, 60);
        add(0, 0, 28);
        add(1, 0, 10);
        add(0, 1, 2);
        const PairedComparison result = comparePaired(baseline, candidate);
        QCOMPARE(result.n, qint64(100));
        QCOMPARE(result.test, PairedTest::McNemarExact);
        QCOMPARE(result.baselineOnly, qint64(10));
        QCOMPARE(result.candidateOnly, qint64(2));
        QVERIFY(std::abs(result.deltaMean - (-0.08)) < 1e-12);
        QVERIFY(std::abs(*result.pValue - 158.0 / 4096.0) < 1e-12);
        // The bootstrap interval holds the estimate and lies below zero here.
        QVERIFY(result.ci95->first < result.deltaMean && result.deltaMean < result.ci95->second);
        QVERIFY(result.ci95->second < 0.0);
        QCOMPARE(pairedTestName(result.test), std::string_view("mcnemar-exact"));
        // Seeded: the same scores give the same interval.
        QCOMPARE(comparePaired(baseline, candidate).ci95, result.ci95);
    }

    // Differences +0.1 and -0.1, fifty each: mean 0, sd = sqrt(100 x 0.01 / 99) = 0.1005038.
    // Detectable with 80 % power: 2.8015852 x 0.1005038 / 10 = 0.0281570; pairs for a one-point
    // drop: (2.8015852 x 0.1005038 / 0.01)^2 = 792.8 -> 793; two points: 198.2 -> 199.
    void powerFromTheSpreadOfDifferences() {
        std::vector<double> baseline(100, 0.5);
        std::vector<double> candidate;
        for (int i = 0; i < 100; ++i)
            candidate.push_back(i % 2 ? 0.6 : 0.4);
        const PairedComparison result = comparePaired(baseline, candidate);
        QCOMPARE(result.test, PairedTest::Permutation);
        QVERIFY(std::abs(*result.minimumDetectable - 0.0281570) < 1e-6);
        QCOMPARE(*result.pairsForOnePoint, qint64(793));
        QCOMPARE(*result.pairsForTwoPoints, qint64(199));
        // No difference on average: the permutation test finds nothing.
        QVERIFY(*result.pValue > 0.9);
    }

    // A clear graded difference: every pair 0.25 better (exact in binary, so every difference
    // is the same). The bootstrap interval collapses onto it, and a sign-flip permutation of
    // 10,000 finds almost nothing as extreme.
    void gradedShiftIsSignificant() {
        std::vector<double> baseline;
        std::vector<double> candidate;
        for (int i = 0; i < 40; ++i) {
            baseline.push_back(i % 2 ? 0.25 : 0.5);
            candidate.push_back(baseline.back() + 0.25);
        }
        const PairedComparison result = comparePaired(baseline, candidate);
        QCOMPARE(result.deltaMean, 0.25);
        QCOMPARE(result.ci95->first, 0.25);
        QCOMPARE(result.ci95->second, 0.25);
        QCOMPARE(result.test, PairedTest::Permutation);
        QVERIFY(*result.pValue < 0.001);
        QVERIFY(!result.minimumDetectable); // the differences do not vary
    }

    void verdictInWords_data() {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("detectable");
        QTest::addColumn<double>("costRatio");
        QTest::addColumn<QString>("words");
        QTest::newRow("cheaper, interval below zero")
            << -0.034 << -0.008 << 0.004 << 0.01 << 0.27 << "cheaper and worse by 2.1 points";
        QTest::newRow("dearer, interval above zero")
            << 0.008 << 0.034 << 0.004 << 0.01 << 1.5 << "better by 2.1 points";
        QTest::newRow("interval below zero, test not significant")
            << -0.05 << -0.001 << 0.0625 << 0.01 << 1.0 << "not measurably different";
        QTest::newRow("cheaper, no difference the set could see")
            << -0.01 << 0.008 << 0.4 << 0.015 << 0.27 << "cheaper and not measurably worse";
        QTest::newRow("too few prompts")
            << -0.2 << 0.15 << 0.4 << 0.3 << 0.27
            << "not enough prompts to tell (differences under 30.0 points go unseen)";
    }

    void verdictInWords() {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(double, p);
        QFETCH(double, detectable);
        QFETCH(double, costRatio);
        QFETCH(QString, words);
        PairedComparison comparison;
        comparison.n = 500;
        comparison.deltaMean = low > 0 ? 0.021 : -0.021;
        comparison.ci95 = {low, high};
        comparison.pValue = p;
        comparison.minimumDetectable = detectable;
        QCOMPARE(QString::fromStdString(switchyard::eval::verdictInWords(comparison, costRatio)),
                 words);
    }

    // Beyond kResampleLimit pairs the interval and the graded test are normal approximations:
    // differences alternating +0.25 and -0.15 (mean 0.05, sd 0.2 x sqrt(n/(n-1))) over 40,000
    // pairs give 0.05 +- 1.959964 x 0.2000025 / 200 = [0.0480400, 0.0519600], and z = 50.
    void largeSetsUseNormalApproximations() {
        std::vector<double> baseline(40000, 0.5);
        std::vector<double> candidate;
        for (int i = 0; i < 40000; ++i)
            candidate.push_back(i % 2 ? 0.75 : 0.35);
        const PairedComparison result = comparePaired(baseline, candidate);
        QCOMPARE(result.test, PairedTest::PairedZ);
        QVERIFY(std::abs(result.ci95->first - 0.04804) < 1e-6);
        QVERIFY(std::abs(result.ci95->second - 0.05196) < 1e-6);
        QVERIFY(*result.pValue < 1e-100);
        QCOMPARE(pairedTestName(result.test), std::string_view("paired-z"));
    }

    void tooFewPairsSayNothing() {
        const std::vector<double> one = {1.0};
        const PairedComparison result = comparePaired(one, one);
        QCOMPARE(result.n, qint64(1));
        QVERIFY(!result.ci95);
        QVERIFY(!result.pValue);
        QCOMPARE(result.test, PairedTest::None);
        const std::vector<double> same = {1.0, 0.0, 1.0};
        QVERIFY(!comparePaired(same, same).pValue); // identical answers: nothing to test
    }
};

QTEST_GUILESS_MAIN(TestPairedStats)
#include "tst_paired_stats.moc"
