// What each tier costs under a replayed configuration (the Router Lab's "cost per tier" chart):
// by hand on the four-prompt fixture, and adding up to the replay's total for every accounting.
#include "replay_fixtures.h"
#include "routing/replay.h"
#include "routing/tier_spend.h"

#include <QtTest>

using namespace switchyard;
using namespace switchyard::routing;
using namespace switchyard::routing::fixtures;

class TestTierSpend : public QObject {
    Q_OBJECT

private slots:
    void spendAddsUpToTheReplayedCost_data() {
        QTest::addColumn<bool>("cascade");
        QTest::addColumn<bool>("preRouter");
        QTest::addColumn<std::vector<double>>("expected");
        // Direct: rows 1 and 2 to strong (2 + 2), rows 0 and 3 to weak (0.25 + 0.25).
        QTest::newRow("direct") << false << false << std::vector<double>{0.5, 4.0};
        // The classifier's calls are its own, in neither tier.
        QTest::newRow("direct with a pre-router") << false << true << std::vector<double>{0.5, 4.0};
        // Cascade: weak is called on every row (4 x 0.25), strong on rows 1 and 2.
        QTest::newRow("cascade") << true << false << std::vector<double>{1.0, 4.0};
    }

    void spendAddsUpToTheReplayedCost() {
        QFETCH(bool, cascade);
        QFETCH(bool, preRouter);
        QFETCH(std::vector<double>, expected);
        ReplayData data = fourPrompts();
        TableOptions options;
        if (cascade)
            options.accounting = Accounting::Cascade;
        if (preRouter) {
            data.models.push_back(column("labeller", {0, 0, 0, 0}, {0.125f, 0.125f, 0.125f, 0.125f},
                                         {50, 50, 50, 50}));
            data.models[2].status.assign(4, static_cast<uint8_t>(CellStatus::Unscored));
            options.preRouterModel = "labeller";
        }
        const TierTable table = tableOf(data, {"weak", "strong"}, options);
        RouterSignal signal;
        if (cascade) {
            signal.shape = RouterSignal::Shape::Confidence;
            signal.confidence = {{1.0f, 0.0f, 0.0f, 1.0f}}; // weak unsure on rows 1 and 2
        } else {
            signal = scores({0.1f, 0.9f, 0.6f, 0.3f});
        }
        Replayer replayer(table);
        const std::vector<double> thresholds{0.5};
        std::vector<uint8_t> decisions;
        const ReplayFigures figures = replayer.replay(signal, thresholds, &decisions);
        const std::vector<double> spend = spendByTier(table, decisions);
        QCOMPARE(spend, expected);
        QCOMPARE(spend[0] + spend[1] + figures.preRouterCostUsd, figures.costUsd);
    }

    void cannedAnswersCostNothing() {
        const ReplayData data = fourPrompts();
        const TierTable table = tableOf(data, {"weak", "strong"});
        const std::vector<uint8_t> decisions{kCannedOutcome, 1, kCannedOutcome, 0};
        QCOMPARE(spendByTier(table, decisions), (std::vector<double>{0.25, 2.0}));
    }
};

QTEST_GUILESS_MAIN(TestTierSpend)
#include "tst_tier_spend.moc"
