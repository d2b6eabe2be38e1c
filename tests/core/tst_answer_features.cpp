// What a cascade reads of the cheap tier's answer: arithmetic checked, the final value found,
// hedges, refusals and cut-off answers; and a cascade learning from it on a task where the answer
// gives the failures away and the prompt does not.
#include "replay_fixtures.h"
#include "routing/answer_features.h"
#include "routing/router.h"
#include "routing/sweep.h"
#include "routing/tier_table.h"

#include <QtTest>

#include <random>

using namespace switchyard::routing;
using namespace switchyard::routing::fixtures;

class TestAnswerFeatures : public QObject {
    Q_OBJECT

private slots:
    void arithmeticIsChecked_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("correct");
        QTest::addColumn<int>("wrong");
        QTest::newRow("product") << "so 3 * 4 = 12 apples" << 1 << 0;
        QTest::newRow("calculator note") << "She sells 9 eggs: $<<9*2=18>>18." << 1 << 0;
        QTest::newRow("precedence") << "3 + 4 * 2 = 11" << 1 << 0;
        QTest::newRow("chain") << "3 + 4 + 5 = 12" << 1 << 0;
        QTest::newRow("slip") << "12 - 5 = 8, so" << 0 << 1;
        QTest::newRow("dollars and x") << "$2 x 9 = $18" << 1 << 0;
        QTest::newRow("thousands") << "1,200 / 4 = 300" << 1 << 0;
        QTest::newRow("unicode times") << "2 \u00d7 3 = 7" << 0 << 1;
        QTest::newRow("decimals within a cent") << "10 / 3 = 3.33" << 1 << 0;
        QTest::newRow("division by zero is no statement") << "5 / 0 = 1" << 0 << 0;
        QTest::newRow("no operator") << "in 2020 = the year" << 0 << 0;
        QTest::newRow("two statements") << "2 + 2 = 4 and 3 * 3 = 10" << 1 << 1;
        QTest::newRow("word glued to number") << "x2 + 2 = 4" << 0 << 0;
    }

    void arithmeticIsChecked() {
        QFETCH(QString, text);
        QFETCH(int, correct);
        QFETCH(int, wrong);
        const ArithmeticCheck check = checkArithmetic(text.toStdString());
        QCOMPARE(check.correct, correct);
        QCOMPARE(check.wrong, wrong);
    }

    void finalValueAndCues() {
        const std::string prompt = "Janet has 16 eggs and eats 3. How many are left?";
        AnswerFeatures f = answerFeatures(prompt, "16 - 3 = 13\n#### 13");
        QCOMPARE(f[0], 1.0f); // stated
        QCOMPARE(f[1], 1.0f); // whole
        QCOMPARE(f[4], 0.0f); // worked out, not copied
        QCOMPARE(f[6], 0.1f); // one statement checks out
        QCOMPARE(f[8], 0.0f);
        QCOMPARE(f[12], 0.0f); // ends on a number

        f = answerFeatures(prompt, "The answer is 16.");
        QCOMPARE(f[0], 1.0f);
        QCOMPARE(f[4], 1.0f); // a number the prompt gives

        f = answerFeatures(prompt, "Assuming she bakes some, it is approximately -2.5");
        QCOMPARE(f[0], 0.0f); // nothing stated as the answer: the last number is read
        QCOMPARE(f[2], 1.0f);
        QCOMPARE(f[3], 1.0f);
        QVERIFY(f[9] > 0.0f); // hedges

        f = answerFeatures(prompt, "I'm sorry, but I cannot help with that");
        QCOMPARE(f[10], 1.0f);
        QCOMPARE(f[12], 1.0f); // no closing punctuation: cut off

        f = answerFeatures(prompt, "");
        for (float value : f)
            QVERIFY(std::isfinite(value));
    }

    // Prompts that all look alike; the weak model fails exactly when its working has an
    // arithmetic slip. Only the answer says which: the answer-reading cascade finds it, the
    // prompt-only one cannot, and shuffled labels teach it nothing.
    void cascadeLearnsFromTheAnswer() {
        const size_t n = 600;
        std::mt19937 random(11);
        std::vector<float> weakQuality, strongQuality, weakCost, strongCost, latency;
        ReplayData data;
        for (size_t i = 0; i < n; ++i) {
            const bool slip = random() % 3 == 0;
            weakQuality.push_back(slip ? 0.0f : 1.0f);
            strongQuality.push_back(1.0f);
            weakCost.push_back(0.125f);
            strongCost.push_back(2.0f);
            latency.push_back(100.0f);
        }
        data = dataWith({column("weak", weakQuality, weakCost, latency),
                         column("strong", strongQuality, strongCost, latency)});
        for (ModelColumn& model : data.models) {
            model.answers.resize(n);
            for (size_t i = 0; i < n; ++i) {
                const int a = 3 + static_cast<int>(i % 17);
                const int b = 2 + static_cast<int>(i % 5);
                const int stated = model.quality[i] > 0.5f ? a * b : a * b + 1;
                model.answers[i] =
                    answerFeatures(data.promptTexts[i],
                                   std::to_string(a) + " * " + std::to_string(b) + " = " +
                                       std::to_string(stated) + "\n#### " + std::to_string(stated));
            }
        }
        TableOptions options;
        options.accounting = Accounting::Cascade;
        const TierTable table = tableOf(data, {"weak", "strong"}, options);
        RouterConfig config;
        config.kind = RouterKind::Cascade;
        auto apgrOf = [&](CascadeSignal signal, bool shuffled) {
            config.cascadeSignal = signal;
            config.learned.shuffleLabels = shuffled;
            auto prepared = prepareRouter(table, config);
            if (!prepared)
                qFatal("%s", prepared.error().toString().c_str());
            return *sweep(table, *prepared).metrics.apgr;
        };
        const double fromAnswer = apgrOf(CascadeSignal::Answer, false);
        const double fromPrompt = apgrOf(CascadeSignal::Learned, false);
        const double control = apgrOf(CascadeSignal::Answer, true);
        // The ceiling: a cascade told which answers fail. Paying for every cheap answer, it still
        // falls short of 1 (about 0.82 here).
        RouterSignal oracle;
        oracle.kind = RouterKind::Cascade;
        oracle.shape = RouterSignal::Shape::Confidence;
        oracle.confidence = {std::vector<float>(table.quality(0).begin(), table.quality(0).end())};
        const double ceiling = *sweep(table, oracle).metrics.apgr;
        qInfo("answer %.3f, prompt only %.3f, shuffled labels %.3f, oracle %.3f", fromAnswer,
              fromPrompt, control, ceiling);
        QVERIFY(fromAnswer > 0.9 * ceiling);
        QVERIFY(fromPrompt < 0.6);
        QVERIFY(control < 0.6);
    }
};

QTEST_GUILESS_MAIN(TestAnswerFeatures)
#include "tst_answer_features.moc"
