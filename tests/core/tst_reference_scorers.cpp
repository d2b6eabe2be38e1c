// Reference-based scorers on hand-worked cases, the adversarial ones included: a label buried
// in a sentence, JSON in a code fence, numbers with units and thousands separators.
#include "eval/reference_scorers.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace switchyard::eval;

class TestReferenceScorers : public QObject {
    Q_OBJECT

private slots:
    void scores_data() {
        QTest::addColumn<QString>("scorer");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<double>("score");
        QTest::newRow("exact, identical") << "exact"
                                          << "Paris"
                                          << "Paris" << 1.0;
        QTest::newRow("exact, case differs") << "exact"
                                             << "paris"
                                             << "Paris" << 0.0;
        QTest::newRow("normalised, case and full stop") << "normalised"
                                                        << " Paris. "
                                                        << "paris" << 1.0;
        QTest::newRow("normalised, inner spaces") << "normalised"
                                                  << "New   York"
                                                  << "new york" << 1.0;
        QTest::newRow("contains, in a sentence") << "contains"
                                                 << "The capital is Paris, of course."
                                                 << "paris" << 1.0;
        QTest::newRow("contains, absent") << "contains"
                                          << "It is Lyon."
                                          << "Paris" << 0.0;
        QTest::newRow("regex, matches") << "regex"
                                        << "Order #A-1234 shipped"
                                        << "#[A-Z]-\\d{4}" << 1.0;
        QTest::newRow("regex, invalid pattern is a zero") << "regex"
                                                          << "x"
                                                          << "(" << 0.0;
        QTest::newRow("numeric, GSM8K reference") << "numeric"
                                                  << "She makes $18 every day."
                                                  << "Janet sells 9 eggs... #### 18" << 1.0;
        QTest::newRow("numeric, thousands and currency") << "numeric"
                                                         << "The total is $1,234.50."
                                                         << "1234.5" << 1.0;
        QTest::newRow("numeric, the answer is, then more numbers")
            << "numeric"
            << "The answer is 42. (Checked in 3 steps.)"
            << "42" << 1.0;
        QTest::newRow("numeric, units") << "numeric"
                                        << "It weighs 12 kg"
                                        << "12" << 1.0;
        QTest::newRow("numeric, percent") << "numeric"
                                          << "Growth was 7.5%"
                                          << "7.5" << 1.0;
        QTest::newRow("numeric, wrong") << "numeric"
                                        << "#### 17"
                                        << "#### 18" << 0.0;
        QTest::newRow("numeric, none") << "numeric"
                                       << "I cannot say"
                                       << "18" << 0.0;
        QTest::newRow("json, fenced with keys")
            << "json"
            << "Here you go:\n```json\n{\"name\": \"Ada\", \"age\": 36}\n```"
            << "{\"name\": \"\", \"age\": 0}" << 1.0;
        QTest::newRow("json, missing key") << "json"
                                           << "{\"name\": \"Ada\"}"
                                           << "{\"name\": \"\", \"age\": 0}" << 0.0;
        QTest::newRow("json, prose around braces") << "json"
                                                   << "Result: {\"ok\": true} -- done"
                                                   << "{\"ok\": false}" << 1.0;
        QTest::newRow("json, invalid") << "json"
                                       << "{name: Ada}"
                                       << "{\"name\": 1}" << 0.0;
        QTest::newRow("label, buried in a sentence")
            << "label"
            << "After reading it twice, I'd call this Negative."
            << "negative" << 1.0;
        QTest::newRow("label, a longer label holds a shorter one") << "label"
                                                                   << "This is not spam at all."
                                                                   << "not spam" << 1.0;
        QTest::newRow("numeric, a score is not a negative number") << "numeric"
                                                                   << "They won 3-1"
                                                                   << "1" << 1.0;
        QTest::newRow("numeric, leading decimal point") << "numeric"
                                                        << "Roughly .5 of it"
                                                        << "0.5" << 1.0;
        QTest::newRow("numeric, the cue's sentence ends on the result")
            << "numeric"
            << "The answer is 20 - 2 = 18. Easy."
            << "18" << 1.0;
        QTest::newRow("label, typographic quotes")
            << "label" << QString::fromUtf8("I\u2019d say \u201cnegative\u201d.") << "negative"
            << 1.0;
        QTest::newRow("label, two labels named") << "label"
                                                 << "positive or negative?"
                                                 << "positive" << 0.0;
        QTest::newRow("label, part of a word does not count") << "label"
                                                              << "It was unpositively received"
                                                              << "positive" << 0.0;
        // SQuAD F1: output {cat, sat, on, mat} vs reference {cat, sat, on, red, mat}
        // (articles dropped): common 4, P = 4/4, R = 4/5, F1 = 8/9.
        QTest::newRow("token F1") << "token-f1"
                                  << "The cat sat on the mat"
                                  << "A cat sat on the red mat" << 8.0 / 9.0;
        QTest::newRow("token F1, nothing shared") << "token-f1"
                                                  << "dog"
                                                  << "cat" << 0.0;
        // ROUGE-L keeps articles: output "the cat sat on the mat" (6), reference "a cat sat on
        // the red mat" (7); LCS "cat sat on the mat" = 5; P = 5/6, R = 5/7, F = 10/13.
        QTest::newRow("ROUGE-L") << "rouge-l"
                                 << "The cat sat on the mat"
                                 << "A cat sat on the red mat" << 10.0 / 13.0;
    }

    void scores() {
        QFETCH(QString, scorer);
        QFETCH(QString, output);
        QFETCH(QString, expected);
        QFETCH(double, score);
        const auto kind = parseReferenceScorer(scorer.toStdString());
        QVERIFY(kind);
        ReferenceOptions options;
        if (*kind == ReferenceScorer::Label)
            options.labels = {"positive", "negative", "spam", "not spam"};
        const ScoreOutcome outcome =
            scoreAgainstReference(*kind, output.toStdString(), expected.toStdString(), options);
        QVERIFY2(std::abs(outcome.score - score) < 1e-12,
                 qPrintable(QString::number(outcome.score) + " " +
                            QString::fromStdString(outcome.detail)));
    }

    void namesRoundTripWithTheirVersion() {
        for (const char* name : {"exact", "normalised", "contains", "regex", "label", "numeric",
                                 "json", "token-f1", "rouge-l", "auto"}) {
            const auto scorer = parseReferenceScorer(name);
            QVERIFY2(scorer, name);
            QCOMPARE(std::string(referenceScorerName(*scorer)), std::string(name));
        }
        QVERIFY(!parseReferenceScorer("bleu"));
        QCOMPARE(storedScorerName(ReferenceScorer::Numeric), std::string("numeric@1"));
    }

    void choosesTheScorerFromTheAnswersShape_data() {
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("scorer");
        QTest::newRow("GSM8K") << QStringList{"so 9 x 2 #### 18", "#### 3", "#### 70000"}
                               << "numeric";
        QTest::newRow("plain numbers") << QStringList{"42", "7.5", "1,000"} << "numeric";
        QTest::newRow("JSON objects")
            << QStringList{"{\"a\": 1}", "```json\n{\"b\": 2}\n```"} << "json";
        QTest::newRow("labels") << QStringList{"billing", "Billing", "outage",
                                               "billing", "account", "outage"}
                                << "label";
        QTest::newRow("free text") << QStringList{"The meeting moved to Tuesday afternoon.",
                                                  "Refunds take five to seven working days."}
                                   << "token-f1";
        QTest::newRow("none") << QStringList{"", " "} << "token-f1";
        QTest::newRow("mixed tasks") << QStringList{"1800", "{\"title\": \"x\"}", "spam", "spam",
                                                    "A long free-text summary of the meeting."}
                                     << "auto";
    }

    void choosesTheScorerFromTheAnswersShape() {
        QFETCH(QStringList, expected);
        QFETCH(QString, scorer);
        std::vector<std::string> answers;
        for (const QString& answer : expected)
            answers.push_back(answer.toStdString());
        std::string reason;
        const ReferenceScorer chosen = chooseReferenceScorer(answers, &reason);
        QCOMPARE(QString::fromLatin1(referenceScorerName(chosen)), scorer);
        QVERIFY(!reason.empty());
    }

    // A set of mixed tasks: each answer is scored by its own shape.
    void autoScoresEachAnswerByItsShape() {
        const std::vector<std::string> answers = {
            "1800", "{\"title\": \"\"}", "spam", "spam", "ham", "ham", "Meet on Tuesday at noon."};
        ReferenceOptions options;
        options.labels = labelSet(answers);
        auto score = [&](const char* output, const char* expected) {
            return scoreAgainstReference(ReferenceScorer::Auto, output, expected, options).score;
        };
        QCOMPARE(score("The fence is 1,800 metres.", "1800"), 1.0);
        QCOMPARE(score("```json\n{\"title\": \"Chef\"}\n```", "{\"title\": \"\"}"), 1.0);
        QCOMPARE(score("This message is spam.", "spam"), 1.0);
        QCOMPARE(score("Definitely ham", "spam"), 0.0);
        QCOMPARE(score("Meet on Tuesday at noon", "Meet on Tuesday at noon."), 1.0);
        QCOMPARE(scorerForAnswer("ham", options.labels), ReferenceScorer::Label);
        QCOMPARE(scorerForAnswer("Meet on Tuesday at noon.", options.labels),
                 ReferenceScorer::TokenF1);
    }

    void labelSetIsNormalisedAndDistinct() {
        const std::vector<std::string> answers = {"Billing", "billing.", " outage", "Outage!", ""};
        QCOMPARE(labelSet(answers), (std::vector<std::string>{"billing", "outage"}));
    }
};

QTEST_GUILESS_MAIN(TestReferenceScorers)
#include "tst_reference_scorers.moc"
