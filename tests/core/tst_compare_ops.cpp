// The Compare page's operations on a real workspace: the matrix a run gives (and a run beside
// a baseline run), the search over prompts and answers, one cell in full, the CSV export, and
// run-against-run verdicts.
#include "compare/matrix_filter.h"
#include "store/workspace.h"
#include "workbench/compare_ops.h"
#include "workbench/eval_ops.h"
#include "workbench/import_ops.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>

using namespace switchyard;

namespace {

const std::string kCheap = "gpt-4o-mini";
const std::string kDear = "gpt-4o";

// Writes a results file: per prompt (id, expected, cheap answer, dear answer); an empty answer
// is a failed call, a null one no result at all.
struct Answer {
    std::string id;
    std::string expected;
    std::optional<std::string> cheap;
    std::optional<std::string> dear;
};

std::string writeResults(const QTemporaryDir& dir, const std::string& name,
                         const std::vector<Answer>& answers) {
    const std::string file = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream out(file);
    for (const Answer& answer : answers)
        for (const auto& [model, output] :
             {std::pair{kCheap, answer.cheap}, std::pair{kDear, answer.dear}}) {
            if (!output)
                continue;
            nlohmann::json record = {{"prompt_id", answer.id},
                                     {"prompt", "What is " + answer.id + "?"},
                                     {"model", model},
                                     {"expected", answer.expected},
                                     {"input_tokens", 100},
                                     {"output_tokens", 10},
                                     {"latency_ms", model == kCheap ? 200 : 900},
                                     {"tags", {answer.id == "q1" ? "easy" : "hard"}}};
            if (output->empty())
                record["error"] = "server_error";
            else
                record["output"] = *output;
            out << record.dump() << "\n";
        }
    return file;
}

} // namespace

class TestCompareOps : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    int64_t m_runId = 0;

    int64_t import(const std::string& file) {
        ResultsImportOptions options;
        options.setName = "questions";
        auto imported = workbench::importResults(*m_workspace, file, options);
        if (!imported)
            qFatal("%s", imported.error().toString().c_str());
        workbench::ScoreRequest score;
        score.runId = imported->report.runId;
        auto scored = workbench::scoreRun(*m_workspace, score);
        if (!scored)
            qFatal("%s", scored.error().toString().c_str());
        return imported->report.runId;
    }

private slots:
    void init() {
        auto opened = Workspace::open(m_dir.filePath("w.sqlite").toStdString());
        QVERIFY(opened);
        m_workspace = std::move(opened).value();
        // q1 both right; q2 cheap wrong; q3 cheap failed its call; q4 only the dear answered.
        m_runId = import(writeResults(m_dir, "first.jsonl",
                                      {{"q1", "4", "It is 4.", "The answer is 4"},
                                       {"q2", "7", "Maybe 8", "#### 7"},
                                       {"q3", "9", "", "9"},
                                       {"q4", "2", std::nullopt, "2, with a comma"}}));
    }

    void cleanup() {
        m_workspace.reset();
        QFile::remove(m_dir.filePath("w.sqlite"));
    }

    void theMatrixHoldsEveryAnsweredPrompt() {
        auto loaded = workbench::loadCompareMatrix(*m_workspace, {m_runId, std::nullopt, ""});
        QVERIFY2(loaded, loaded ? "" : loaded.error().toString().c_str());
        QCOMPARE(loaded->scorer, std::string("numeric@1"));
        const compare::CompareMatrix& matrix = loaded->matrix;
        QCOMPARE(matrix.rowCount(), size_t{4});
        QCOMPARE(matrix.columnCount(), size_t{2});
        const size_t cheap = *matrix.columnOfLabel(kCheap);
        const size_t dear = *matrix.columnOfLabel(kDear);
        QCOMPARE(matrix.cheapestColumn(), std::optional<size_t>(cheap));
        QCOMPARE(matrix.cell(0, cheap).score, 1.0);
        QCOMPARE(matrix.cell(1, cheap).score, 0.0);
        QCOMPARE(int(matrix.cell(2, cheap).state), int(compare::CellState::Failed));
        QCOMPARE(matrix.errorClasses()[matrix.cell(2, cheap).errorIndex],
                 std::string("server_error"));
        QVERIFY(!matrix.cell(2, cheap).scored()); // a failed call is never a zero
        QCOMPARE(int(matrix.cell(3, cheap).state), int(compare::CellState::Missing));
        QCOMPARE(std::string(matrix.head(matrix.cell(1, dear))), std::string("#### 7"));
        QCOMPARE(matrix.cell(0, dear).latencyMs, 900.0);

        compare::MatrixFilter filter;
        filter.cheapestFailsDearerPasses = true;
        QCOMPARE(compare::filterRows(matrix, filter), (std::vector<uint32_t>{1, 2}));
    }

    void searchFindsPromptsAndAnswers() {
        auto loaded = workbench::loadCompareMatrix(*m_workspace, {m_runId, std::nullopt, ""});
        QVERIFY(loaded);
        const std::vector<int64_t> runs{m_runId};
        auto hits = workbench::searchComparison(*m_workspace, loaded->setId, runs, "maybe");
        QCOMPARE(hits.size(), size_t{1});
        QCOMPARE(*loaded->matrix.rowOfPrompt(*hits.begin()), size_t{1});
        hits = workbench::searchComparison(*m_workspace, loaded->setId, runs, "What is q3");
        QCOMPARE(hits.size(), size_t{1});
        QCOMPARE(*loaded->matrix.rowOfPrompt(*hits.begin()), size_t{2});
        QVERIFY(workbench::searchComparison(*m_workspace, loaded->setId, runs, "50%").empty());
    }

    // Earlier turns are searched as stored, JSON text, so quotes, backslashes and line breaks in
    // the text searched for must match their escaped form there.
    void searchFindsEscapedTextInEarlierTurns() {
        const int64_t set = *m_workspace->createPromptSet("escapes", "test");
        Prompt prompt;
        prompt.id = "e1";
        prompt.messages = {{"user", {{"He said \"stop\" at C:\\temp\nthen left", false, ""}}},
                           {"assistant", {{"Noted.", false, ""}}},
                           {"user", {{"What next?", false, ""}}}};
        prompt.fields = {{"tier", "gold \"plus\""}};
        QVERIFY(m_workspace->appendPrompts(set, std::vector<Prompt>{prompt}, "escapes.jsonl").ok());
        for (const char* text : {"said \"stop\" at C:\\temp\nthen", "C:\\temp", "gold \"plus"})
            QVERIFY2(m_workspace->searchPromptIds(set, text).size() == 1, text);
        QVERIFY(m_workspace->searchPromptIds(set, "said stop").empty());
    }

    void aCellReadsInFull() {
        auto loaded = workbench::loadCompareMatrix(*m_workspace, {m_runId, std::nullopt, ""});
        QVERIFY(loaded);
        const size_t dear = *loaded->matrix.columnOfLabel(kDear);
        auto cell = workbench::readCell(*m_workspace, loaded->setId, loaded->matrix, 3, dear);
        QVERIFY(cell);
        QCOMPARE(cell->result.output, std::string("2, with a comma"));
        QCOMPARE(cell->expected, std::optional<std::string>("2"));
        QCOMPARE(cell->prompt, std::string("What is q4?"));
        QCOMPARE(cell->result.scores.size(), size_t{1});
        QCOMPARE(cell->result.scores[0].scorer, std::string("numeric@1"));
    }

    void theCsvCarriesWholeAnswers() {
        auto loaded = workbench::loadCompareMatrix(*m_workspace, {m_runId, std::nullopt, ""});
        QVERIFY(loaded);
        const std::string path = m_dir.filePath("out/matrix.csv").toStdString();
        const std::vector<uint32_t> rows{3, 0};
        QVERIFY(workbench::exportComparisonCsv(*m_workspace, loaded->matrix, rows, path));
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        const std::string csv = text.str();
        // Columns by label (gpt-4o first); the answer quoted as it has a comma; the cheap
        // model's cells of q4 empty, as it has no result there.
        QVERIFY2(csv.find("\nq4,4,hard,\"2, with a comma\",1.0000,") != std::string::npos,
                 csv.c_str());
        QVERIFY2(csv.find(",900.0,,,,,,\n") != std::string::npos, csv.c_str());
        QVERIFY(csv.find("q4") < csv.find("q1"));               // in the rows' order
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 3L); // header and two rows
    }

    void agreementWithATeacherScoresTheOthers() {
        workbench::ScoreRequest request;
        request.runId = m_runId;
        request.teacher = kDear;
        request.scorer = "numeric";
        auto scored = workbench::scoreRun(*m_workspace, request);
        QVERIFY2(scored, scored ? "" : scored.error().toString().c_str());
        QCOMPARE(scored->scorer, "teacher:" + kDear + "/numeric@1");
        QCOMPARE(scored->models.size(), size_t{1}); // the teacher is not scored against itself
        // q1 agrees (4 and 4), q2 does not (8 and 7); q3's call failed; q4 was not asked.
        QCOMPARE(scored->models.at(kCheap).n, int64_t{2});
        QCOMPARE(scored->models.at(kCheap).mean, 0.5);
        QCOMPARE(scored->failedCalls, int64_t{1});
        request.teacher = "nobody";
        QVERIFY(!workbench::scoreRun(*m_workspace, request));
    }

    // A model the catalogue cannot price is never "cheaper": its cost ratio stays 1.
    void anUnpricedModelIsNotCalledCheaper() {
        const std::string file = m_dir.filePath("local.jsonl").toStdString();
        {
            std::ofstream out(file);
            for (const char* id : {"q1", "q2", "q3", "q4"})
                out << nlohmann::json{{"prompt_id", id},
                                      {"prompt", std::string("What is ") + id + "?"},
                                      {"model", "acme-local-7b"},
                                      {"output", "no idea"},
                                      {"input_tokens", 100},
                                      {"output_tokens", 10}}
                           .dump()
                    << "\n";
        }
        ResultsImportOptions options;
        options.setName = "questions";
        auto imported = workbench::importResults(*m_workspace, file, options);
        QVERIFY(imported);
        workbench::CompareRequest request;
        request.runId = imported->report.runId;
        request.baselineRunId = m_runId;
        request.baseline = kDear + "@run" + std::to_string(m_runId);
        auto outcome = workbench::compareRun(*m_workspace, request);
        QVERIFY2(outcome, outcome ? "" : outcome.error().toString().c_str());
        QVERIFY(!outcome->models.at("acme-local-7b").priced());
        QCOMPARE(outcome->pairwise.at("acme-local-7b").costRatio, 1.0);
    }

    void runAgainstRunPairsEachModelWithItself() {
        // The second run fixes the cheap model's q2 and q3.
        const int64_t second = import(writeResults(m_dir, "second.jsonl",
                                                   {{"q1", "4", "4", "4"},
                                                    {"q2", "7", "7", "7"},
                                                    {"q3", "9", "9", "9"},
                                                    {"q4", "2", "2", "2"}}));
        // Scoring the comparison scores both runs with one scorer.
        workbench::ScoreRequest scoring;
        scoring.runId = second;
        scoring.baselineRunId = m_runId;
        scoring.scorer = "numeric"; // the scorer both runs already have: no new column
        auto both = workbench::scoreRun(*m_workspace, scoring);
        QVERIFY(both);
        QCOMPARE(both->scorer, std::string("numeric@1"));
        QCOMPARE(both->scored, int64_t{8 + 6}); // the first run: 7 answers, one a failed call
        QVERIFY(both->models.count(kCheap + "@run" + std::to_string(m_runId)));

        workbench::CompareRequest request;
        request.runId = second;
        request.baselineRunId = m_runId;
        auto outcome = workbench::compareRun(*m_workspace, request);
        QVERIFY2(outcome, outcome ? "" : outcome.error().toString().c_str());
        QVERIFY(outcome->baseline.empty());
        QCOMPARE(outcome->models.size(), size_t{4});
        const std::string before = kCheap + "@run" + std::to_string(m_runId);
        QVERIFY(outcome->models.count(before));
        const workbench::PairwiseVerdict& cheap = outcome->pairwise.at(kCheap);
        QCOMPARE(cheap.vs, before);
        QCOMPARE(cheap.paired.n, int64_t{2}); // q1 and q2: q3 failed before, q4 was not asked
        QCOMPARE(cheap.paired.deltaMean, 0.5);
        QCOMPARE(cheap.paired.candidateOnly, int64_t{1});

        // Quality per tag: q1 is "easy", the others "hard".
        const auto& byTag = outcome->models.at(kCheap).byTag;
        QCOMPARE(byTag.at("easy").n, int64_t{1});
        QCOMPARE(byTag.at("hard").n, int64_t{3});
        QCOMPARE(byTag.at("hard").mean, 1.0);

        auto matrix = workbench::loadCompareMatrix(*m_workspace, {second, m_runId, ""});
        QVERIFY(matrix);
        QCOMPARE(matrix->matrix.columnCount(), size_t{4});
        QVERIFY(matrix->matrix.columnOfLabel(before));

        // Another prompt set has other prompts: no pairs to make.
        ResultsImportOptions options;
        options.setName = "elsewhere";
        auto other = workbench::importResults(
            *m_workspace, writeResults(m_dir, "other.jsonl", {{"z1", "1", "1", "1"}}), options);
        QVERIFY(other);
        request.baselineRunId = other->report.runId;
        auto refused = workbench::compareRun(*m_workspace, request);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.find("another prompt set") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCompareOps)
#include "tst_compare_ops.moc"
