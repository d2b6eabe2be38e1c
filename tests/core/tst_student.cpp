// The local student: label sets found in messy teacher answers, a fastText student that learns a
// separable task and scores at chance on shuffled labels, cross-validation that never scores an
// example with a student that saw it (or its twin), and a model that survives its bytes.
#include "common/process.h"
#include "eval/paired_stats.h"
#include "student/label_set.h"
#include "student/student_evaluation.h"
#include "student/student_model.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

using namespace switchyard;
using namespace switchyard::student;

namespace {

// Tickets about three queues: each text mixes filler words with one or two words of its queue.
struct Task {
    std::vector<std::string> texts;
    std::vector<int32_t> labels;
    std::vector<std::string> names{"billing", "technical", "account"};
};

Task ticketTask(size_t count, uint32_t seed) {
    const std::vector<std::vector<std::string>> cues = {
        {"invoice", "refund", "charged", "payment", "receipt"},
        {"crash", "error", "bug", "freezes", "timeout"},
        {"password", "login", "username", "locked", "profile"}};
    const std::vector<std::string> filler = {"hello",     "please", "my",    "the",    "since",
                                             "yesterday", "again",  "help",  "urgent", "thanks",
                                             "team",      "today",  "still", "why",    "is"};
    std::mt19937 random(seed);
    Task task;
    for (size_t i = 0; i < count; ++i) {
        const auto label = static_cast<int32_t>(random() % 3);
        std::string text;
        for (int w = 0; w < 8; ++w)
            text += filler[random() % filler.size()] + " ";
        text += cues[static_cast<size_t>(label)][random() % 5] + " ";
        text += filler[random() % filler.size()] + " #" + std::to_string(i);
        task.texts.push_back(text);
        task.labels.push_back(label);
    }
    return task;
}

std::vector<std::string_view> views(const std::vector<std::string>& texts) {
    return {texts.begin(), texts.end()};
}

StudentOptions quick() {
    StudentOptions options;
    options.epochs = 20;
    options.buckets = 4096;
    return options;
}

} // namespace

class TestStudent : public QObject {
    Q_OBJECT

private slots:
    void normalisesMessyAnswers_data() {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("label");
        QTest::newRow("bold") << "**Billing**"
                              << "billing";
        QTest::newRow("full stop") << "Billing."
                                   << "billing";
        QTest::newRow("prefix") << "Label: Billing"
                                << "billing";
        QTest::newRow("quoted") << "\"billing\""
                                << "billing";
        QTest::newRow("explained below") << "\n  Billing\n\nThe customer asks about a refund."
                                         << "billing";
        QTest::newRow("spaces") << "  Technical   Support "
                                << "technical support";
        QTest::newRow("bracketed") << "[Account]"
                                   << "account";
        QTest::newRow("empty") << "   "
                               << "";
    }

    void normalisesMessyAnswers() {
        QFETCH(QString, answer);
        QFETCH(QString, label);
        QCOMPARE(QString::fromStdString(normaliseLabel(answer.toStdString())), label);
    }

    void detectsALabelSetWithItsLongTail() {
        std::vector<std::string> answers;
        for (int i = 0; i < 50; ++i)
            answers.push_back(i % 2 ? "Billing" : "**billing.**");
        for (int i = 0; i < 40; ++i)
            answers.push_back("Technical");
        for (int i = 0; i < 8; ++i)
            answers.push_back("Label: account");
        answers.push_back("shipping");
        answers.push_back("I am not sure which queue this belongs to, it mentions many things");
        const LabelSet set = detectLabels(answers);
        QVERIFY2(set.isLabelSet, set.why.c_str());
        QCOMPARE(set.labels,
                 (std::vector<std::string>{"billing", "technical", "account", kOtherLabel}));
        QCOMPARE(set.counts, (std::vector<int64_t>{50, 40, 8, 2}));
        QCOMPARE(set.otherShare, 0.02);
        QCOMPARE(set.labelOf("Technical!"), std::string("technical"));
        QCOMPARE(set.labelOf("shipping"), std::string(kOtherLabel));
    }

    void refusesFreeTextAndSingleLabels() {
        std::vector<std::string> prose;
        for (int i = 0; i < 100; ++i)
            prose.push_back("The customer writes about order " + std::to_string(i) +
                            " and wants to know when it ships and why it is late");
        LabelSet set = detectLabels(prose);
        QVERIFY(!set.isLabelSet);
        QVERIFY2(set.why.find("free text") != std::string::npos, set.why.c_str());

        std::vector<std::string> shortButMany;
        for (int i = 0; i < 100; ++i)
            shortButMany.push_back("order " + std::to_string(i / 2));
        set = detectLabels(shortButMany);
        QVERIFY(!set.isLabelSet);
        QVERIFY2(set.why.find("not answers from a small set") != std::string::npos,
                 set.why.c_str());

        set = detectLabels(std::vector<std::string>(20, "yes"));
        QVERIFY(!set.isLabelSet);
        QVERIFY(set.why.find("nothing to tell apart") != std::string::npos);
    }

    void wilsonIntervalWorkedExample() {
        const auto interval = eval::wilsonInterval(8, 10);
        QVERIFY(interval);
        QVERIFY(std::abs(interval->first - 0.4902) < 1e-3);
        QVERIFY(std::abs(interval->second - 0.9433) < 1e-3);
        QCOMPARE(eval::wilsonInterval(10, 10)->second, 1.0);
        QVERIFY(!eval::wilsonInterval(0, 0));
    }

    // On a separable task the student agrees with the teacher out-of-fold; the figures add up.
    void learnsASeparableTask() {
        const Task task = ticketTask(900, 5);
        const auto texts = views(task.texts);
        auto evaluation =
            crossValidateStudent(texts, task.labels, {}, task.names, quick(), EvaluationOptions{});
        QVERIFY2(evaluation.ok(), evaluation.ok() ? "" : evaluation.error().message.c_str());
        qInfo("agreement %.3f [%.3f, %.3f]", evaluation->agreement, evaluation->agreementCi95.first,
              evaluation->agreementCi95.second);
        QVERIFY(evaluation->agreement >= 0.95);
        QVERIFY(evaluation->agreementCi95.first < evaluation->agreement);
        QVERIFY(evaluation->agreementCi95.second >= evaluation->agreement);
        int64_t confused = 0, binned = 0;
        for (const auto& row : evaluation->confusion)
            for (int64_t cell : row)
                confused += cell;
        for (const auto& bin : evaluation->reliability)
            binned += bin.examples;
        QCOMPARE(confused, int64_t(900));
        QCOMPARE(binned, int64_t(900));
        QCOMPARE(evaluation->perLabel.size(), size_t(3));
        for (const auto& label : evaluation->perLabel)
            QVERIFY(*label.precision > 0.9 && *label.recall > 0.9);
        QCOMPARE(evaluation->thresholds.front().keptShare, 1.0);
    }

    // Trained on shuffled labels, the student can only guess: its out-of-fold agreement is the
    // chance of matching a label drawn at the task's rates, not the separable task's 95 %.
    void shuffledLabelsScoreAtChance() {
        const Task task = ticketTask(900, 6);
        const auto texts = views(task.texts);
        EvaluationOptions control;
        control.shuffleLabels = true;
        auto evaluation =
            crossValidateStudent(texts, task.labels, {}, task.names, quick(), control);
        QVERIFY(evaluation.ok());
        qInfo("shuffled-labels agreement %.3f", evaluation->agreement);
        QVERIFY2(std::abs(evaluation->agreement - 1.0 / 3.0) < 0.07,
                 qPrintable(QString::number(evaluation->agreement)));
    }

    // Twins share a fold: a text repeated with a random label each time cannot be memorised
    // into an agreement above chance.
    void twinsShareAFold() {
        Task task = ticketTask(300, 7);
        std::mt19937 random(3);
        Task twins;
        for (size_t i = 0; i < task.texts.size(); ++i)
            for (int copy = 0; copy < 3; ++copy) {
                twins.texts.push_back(task.texts[i]);
                twins.labels.push_back(static_cast<int32_t>(random() % 3));
            }
        const auto texts = views(twins.texts);
        auto evaluation = crossValidateStudent(texts, twins.labels, {}, twins.names, quick(),
                                               EvaluationOptions{});
        QVERIFY(evaluation.ok());
        for (size_t i = 0; i < twins.texts.size(); i += 3)
            QVERIFY(evaluation->fold[i] == evaluation->fold[i + 1] &&
                    evaluation->fold[i] == evaluation->fold[i + 2]);
        QVERIFY2(evaluation->agreement < 0.45, qPrintable(QString::number(evaluation->agreement)));
    }

    void referencesAreScored() {
        const Task task = ticketTask(300, 8);
        std::vector<int32_t> references = task.labels;
        for (size_t i = 0; i < references.size(); i += 2)
            references[i] = -1; // half the prompts have a reference answer
        const auto texts = views(task.texts);
        auto evaluation = crossValidateStudent(texts, task.labels, references, task.names, quick(),
                                               EvaluationOptions{});
        QVERIFY(evaluation.ok());
        QCOMPARE(evaluation->referenceExamples, int64_t(150));
        QCOMPARE(*evaluation->teacherReferenceAccuracy, 1.0);
        QVERIFY(*evaluation->referenceAccuracy > 0.9);
    }

    void survivesItsBytes() {
        const Task task = ticketTask(300, 9);
        const auto texts = views(task.texts);
        auto model = StudentModel::train(texts, task.labels, task.names, quick());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        const StudentPrediction before = model->predict("my invoice shows a double payment");
        QCOMPARE(model->labels()[size_t(before.label)], std::string("billing"));
        QVERIFY2(before.probability > 0.5 && before.probability <= 1.0,
                 qPrintable(QString::number(before.probability)));
        const std::string bytes = model->toBytes();
        auto reread = StudentModel::fromBytes(bytes, "s.student");
        QVERIFY2(reread.ok(), reread.ok() ? "" : reread.error().message.c_str());
        QCOMPARE(reread->labels(), task.names);
        QCOMPARE(reread->options(), quick());
        const StudentPrediction after = reread->predict("my invoice shows a double payment");
        QCOMPARE(after.label, before.label);
        QCOMPARE(after.probability, before.probability);

        auto notOne = StudentModel::fromBytes("hello\n{}\n", "s.student");
        QVERIFY(!notOne.ok());
        QCOMPARE(notOne.error().file, std::string("s.student"));
        auto cut = StudentModel::fromBytes(bytes.substr(0, bytes.size() / 2), "s.student");
        QVERIFY(!cut.ok());
    }

    // Training files of a process that was killed (its id in the name, no longer alive) are
    // removed by the next training; this process's own are left alone.
    void removesScratchFilesOfKilledProcesses() {
        const auto folder = std::filesystem::temp_directory_path();
        const auto orphan = folder / "switchyard-student-train-999999999-12345";
        const auto own =
            folder / ("switchyard-student-train-" + std::to_string(currentProcessId()) + "-1");
        for (const auto& path : {orphan, own})
            std::ofstream(path) << "__label__billing refund\n";
        const Task task = ticketTask(60, 3);
        QVERIFY(StudentModel::train(views(task.texts), task.labels, task.names, quick()).ok());
        QVERIFY(!std::filesystem::exists(orphan));
        QVERIFY(std::filesystem::exists(own));
        std::filesystem::remove(own);
    }

    void refusesBadInput() {
        const std::vector<std::string_view> one{"hello"};
        const std::vector<int32_t> label{0};
        QVERIFY(!StudentModel::train(one, label, {"only"}, quick()).ok());
        StudentOptions bad = quick();
        bad.dimension = 1;
        auto refused = StudentModel::train(one, label, {"a", "b"}, bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, std::string("dimension"));
        CancelToken cancel;
        cancel.cancel();
        const Task task = ticketTask(300, 10);
        const auto texts = views(task.texts);
        auto cancelled = StudentModel::train(texts, task.labels, task.names, quick(), &cancel);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().message, std::string("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestStudent)
#include "tst_student.moc"
