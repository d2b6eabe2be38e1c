// score and compare as a user runs them: real files, the JSON keys of the command-line
// contract, figures worked by hand, and RouteLLM's real GSM8K answers.
#include "cli_runner.h"
#include "eval/paired_stats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <string>

namespace {

QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestCliEvaluate : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    // Three maths prompts with expected answers, answered by two models:
    //            q1 (#### 18)     q2 (#### 3)          q3 (#### 1,200)
    //   small    "... 18"  1      "it is 4"     0      "$1,200 total"  1
    //   large    "#### 18" 1      "answer is 3" 1      (failed call: never a zero)
    void scoresAgainstExpectedAnswers() {
        const QString workspace = m_dir.filePath(QStringLiteral("score.sqlite"));
        const QString prompts = m_dir.filePath(QStringLiteral("maths.jsonl"));
        writeFile(prompts, "{\"id\": \"q1\", \"prompt\": \"Eggs?\", \"expected\": \"#### 18\"}\n"
                           "{\"id\": \"q2\", \"prompt\": \"Cats?\", \"expected\": \"#### 3\"}\n"
                           "{\"id\": \"q3\", \"prompt\": \"Total?\", \"expected\": \"#### "
                           "1,200\"}\n");
        QCOMPARE(runCli({"import", prompts, "--set", "maths", "--workspace", workspace}).exitCode,
                 0);
        const QString results = m_dir.filePath(QStringLiteral("answers.jsonl"));
        writeFile(results,
                  "{\"prompt_id\": \"q1\", \"model\": \"gpt-4o-mini\", \"output\": \"so 18\"}\n"
                  "{\"prompt_id\": \"q2\", \"model\": \"gpt-4o-mini\", \"output\": \"it is 4\"}\n"
                  "{\"prompt_id\": \"q3\", \"model\": \"gpt-4o-mini\", \"output\": \"$1,200 "
                  "total\"}\n"
                  "{\"prompt_id\": \"q1\", \"model\": \"gpt-4o\", \"output\": \"#### 18\"}\n"
                  "{\"prompt_id\": \"q2\", \"model\": \"gpt-4o\", \"output\": \"the answer is "
                  "3\"}\n"
                  "{\"prompt_id\": \"q3\", \"model\": \"gpt-4o\", \"output\": \"timeout\", "
                  "\"error\": \"timeout\"}\n");
        const CliRun imported = runCli(
            {"import-results", results, "--set", "maths", "--workspace", workspace, "--json"});
        QCOMPARE(imported.exitCode, 0);
        const QString runId = QString::number(jsonOf(imported)["run_id"].toInteger());

        const CliRun scored = runCli({"score", "--run", runId, "--workspace", workspace, "--json"});
        QVERIFY2(scored.exitCode == 0, scored.err.constData());
        const QJsonObject score = jsonOf(scored);
        QCOMPARE(score["scorer"].toString(), QStringLiteral("numeric@1"));
        QCOMPARE(score["scored"].toInteger(), qint64(5));
        QCOMPARE(score["failed_calls"].toInteger(), qint64(1));
        const QJsonObject small = score["models"].toObject()["gpt-4o-mini"].toObject();
        QCOMPARE(small["n"].toInteger(), qint64(3));
        QCOMPARE(small["mean"].toDouble(), 2.0 / 3.0);
        QCOMPARE(small["ci95"].toArray().size(), qsizetype(2));
        const QJsonObject large = score["models"].toObject()["gpt-4o"].toObject();
        QCOMPARE(large["n"].toInteger(), qint64(2));
        QCOMPARE(large["pass_rate"].toDouble(), 1.0);

        // Compare reads the stored scores: paired on q1 and q2 only (q3 failed for gpt-4o).
        const CliRun compared = runCli({"compare", "--run", runId, "--scorer", "numeric@1",
                                        "--workspace", workspace, "--json"});
        QVERIFY2(compared.exitCode == 0, compared.err.constData());
        const QJsonObject comparison = jsonOf(compared);
        QCOMPARE(comparison["baseline"].toString(), QStringLiteral("gpt-4o"));
        const QJsonObject pair = comparison["pairwise"].toObject()["gpt-4o-mini"].toObject();
        QCOMPARE(pair["vs"].toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(pair["n"].toInteger(), qint64(2));
        QCOMPARE(pair["delta_mean"].toDouble(), -0.5);
        QCOMPARE(pair["test"].toString(), QStringLiteral("mcnemar-exact"));
        QCOMPARE(pair["p_value"].toDouble(), 1.0); // one discordant pair proves nothing
        QCOMPARE(pair["verdict"].toString(), QStringLiteral("not enough prompts to tell"));

        // A scorer that does not exist is the user's error.
        QCOMPARE(runCli({"score", "--run", runId, "--scorer", "bleu", "--workspace", workspace})
                     .exitCode,
                 1);
        QCOMPARE(runCli({"score", "--workspace", workspace}).exitCode, 2);
    }

    // RouteLLM's 1,319 GSM8K questions answered by Mixtral and GPT-4: the verdict is McNemar's
    // exact test on the discordant pairs, which this test counts from the file itself.
    // A set whose prompts all have expected answers becomes golden, version 1; the versions
    // and the content's SHA-256 come back as JSON.
    void marksAGoldenSet() {
        QTemporaryDir dir;
        const QString workspace = dir.filePath("w.sqlite");
        const QString prompts = dir.filePath("golden.jsonl");
        writeFile(prompts, "{\"id\": \"g1\", \"prompt\": \"2+2?\", \"expected\": \"4\"}\n"
                           "{\"id\": \"g2\", \"prompt\": \"3+3?\", \"expected\": \"6\"}\n");
        QCOMPARE(runCli({"import", prompts, "--set", "bench", "--workspace", workspace}).exitCode,
                 0);
        const CliRun marked =
            runCli({"golden", "--set", "bench", "--mark", "--workspace", workspace, "--json"});
        QVERIFY2(marked.exitCode == 0, marked.err.constData());
        const QJsonObject golden = jsonOf(marked);
        QCOMPARE(golden["golden"].toBool(), true);
        QCOMPARE(golden["version"].toInt(), 1);
        QCOMPARE(golden["prompts"].toInt(), 2);
        QCOMPARE(golden["sha256"].toString().size(), 64);
        QCOMPARE(golden["versions"].toArray().size(), 1);
        const CliRun missing =
            runCli({"golden", "--set", "nope", "--mark", "--workspace", workspace});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no prompt set named 'nope'"));
    }

    void comparesRealAnswers() {
        const QString file =
            QStringLiteral(SWITCHYARD_SHARED_DATA_DIR "/gsm8k-routellm.results.jsonl");
        if (!QFile::exists(file))
            QSKIP("shared/data is not beside the repository");
        std::map<std::string, std::map<std::string, double>> scores; // model -> prompt -> score
        std::ifstream in(file.toStdString());
        for (std::string line; std::getline(in, line);) {
            const auto record = nlohmann::json::parse(line);
            scores[record["model"]][record["prompt_id"]] = record["score"].get<double>();
        }
        const auto& mixtral = scores.at("mistralai/Mixtral-8x7B-Instruct-v0.1");
        const auto& gpt4 = scores.at("gpt-4-1106-preview");
        int64_t gpt4Only = 0;
        int64_t mixtralOnly = 0;
        for (const auto& [prompt, score] : mixtral) {
            gpt4Only += gpt4.at(prompt) == 1.0 && score == 0.0;
            mixtralOnly += gpt4.at(prompt) == 0.0 && score == 1.0;
        }

        const QString workspace = m_dir.filePath(QStringLiteral("gsm8k.sqlite"));
        QCOMPARE(runCli({"import", file, "--workspace", workspace}).exitCode, 0);
        const CliRun compared =
            runCli({"compare", "--run", "1", "--workspace", workspace, "--json"});
        QVERIFY2(compared.exitCode == 0, compared.err.constData());
        const QJsonObject comparison = jsonOf(compared);
        QCOMPARE(comparison["baseline"].toString(), QStringLiteral("gpt-4-1106-preview"));
        const QJsonObject pair =
            comparison["pairwise"].toObject()["mistralai/Mixtral-8x7B-Instruct-v0.1"].toObject();
        QCOMPARE(pair["n"].toInteger(), qint64(1319));
        QCOMPARE(pair["test"].toString(), QStringLiteral("mcnemar-exact"));
        QCOMPARE(pair["p_value"].toDouble(),
                 switchyard::eval::mcnemarExactP(gpt4Only, mixtralOnly));
        QCOMPARE(pair["delta_mean"].toDouble(),
                 static_cast<double>(mixtralOnly - gpt4Only) / 1319.0);
        QVERIFY(pair["ci95"].toArray()[1].toDouble() < 0.0);
        QVERIFY2(pair["verdict"].toString().startsWith(QStringLiteral("cheaper and worse by")),
                 qPrintable(pair["verdict"].toString()));
        const QJsonObject models = comparison["models"].toObject();
        QCOMPARE(models["gpt-4-1106-preview"].toObject()["n"].toInteger(), qint64(1319));
    }
};

QTEST_GUILESS_MAIN(TestCliEvaluate)
#include "tst_cli_evaluate.moc"
