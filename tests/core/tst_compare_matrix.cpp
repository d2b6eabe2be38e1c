// The Compare page's matrix in core: what a cell keeps, which rows each filter lets through,
// how sorts order them, and the word diff of two answers.
#include "compare/compare_matrix.h"
#include "compare/matrix_filter.h"
#include "compare/word_diff.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace switchyard;
using namespace switchyard::compare;

Q_DECLARE_METATYPE(std::vector<uint32_t>)

namespace {

// Three columns: cheap ($0.10/1k), mid ($1/1k), dear ($10/1k); four prompts.
//          cheap        mid          dear
// p0       1.0          1.0          1.0        all agree
// p1       0.0          1.0          1.0        cheapest fails, dearer pass
// p2       failed       0.0          missing    an error; every answer fails
// p3       unscored "4" unscored "4" unscored "five"  unscored, answers differ
CompareMatrix fixture() {
    CompareMatrix matrix(
        {{"cheap", "cheap", 1, 1, 0.10}, {"mid", "mid", 1, 2, 1.0}, {"dear", "dear", 1, 3, 10.0}});
    matrix.addRow(100, 0, "p0", "first", {"maths"});
    matrix.addRow(101, 1, "p1", "second", {"maths", "hard"});
    matrix.addRow(102, 2, "p2", "third", {});
    matrix.addRow(103, 3, "p3", "fourth", {"words"});
    auto answered = [](double score, double cost, double latency) {
        CellInput input;
        input.score = score;
        input.costUsd = cost;
        input.latencyMs = latency;
        input.answer = "answer";
        return input;
    };
    matrix.setCell(0, 0, answered(1.0, 0.0001, 300));
    matrix.setCell(0, 1, answered(1.0, 0.001, 200));
    matrix.setCell(0, 2, answered(1.0, 0.01, 900));
    matrix.setCell(1, 0, answered(0.0, 0.0001, 100));
    matrix.setCell(1, 1, answered(1.0, 0.001, 500));
    matrix.setCell(1, 2, answered(1.0, 0.01, 800));
    CellInput failed;
    failed.state = CellState::Failed;
    failed.errorClass = "rate_limited";
    matrix.setCell(2, 0, failed);
    matrix.setCell(2, 1, answered(0.0, 0.002, 400));
    for (size_t column = 0; column < 3; ++column) {
        CellInput input;
        input.answer = column == 2 ? "Five." : "  4 ";
        input.latencyMs = 100.0 * static_cast<double>(column + 1);
        matrix.setCell(3, column, input);
    }
    return matrix;
}

} // namespace

class TestCompareMatrix : public QObject {
    Q_OBJECT

private slots:
    void cellsKeepTheStartOfTheAnswerOnOneLine() {
        CompareMatrix matrix({{"m", "m", 1, 1, std::nullopt}});
        matrix.addRow(1, 0, "p", "preview", {});
        matrix.addRow(2, 1, "q", "preview", {});
        // 159 ASCII bytes then a two-byte character across the 160-byte cut.
        const std::string answer = std::string(159, 'a') + "\xc3\xa9" + "tail";
        CellInput input;
        input.answer = answer;
        matrix.setCell(0, 0, input);
        const MatrixCell& cell = matrix.cell(0, 0);
        QCOMPARE(matrix.head(cell).size(), size_t{159}); // never half a character
        QVERIFY(matrix.headTruncated(cell));
        input.answer = "line one\nline two";
        matrix.setCell(1, 0, input);
        QCOMPARE(std::string(matrix.head(matrix.cell(1, 0))), std::string("line one line two"));
        QVERIFY(!matrix.headTruncated(matrix.cell(1, 0)));
        QCOMPARE(matrix.rowOfPrompt(2), std::optional<size_t>(1));
        QCOMPARE(matrix.rowOfPrompt(3), std::nullopt);
        QCOMPARE(matrix.cheapestColumn(), std::nullopt); // nothing priced
    }

    void filters_data() {
        QTest::addColumn<bool>("disagreeing");
        QTest::addColumn<bool>("cheapestFails");
        QTest::addColumn<bool>("withErrors");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<std::vector<uint32_t>>("expected");
        QTest::newRow("none") << false << false << false << QString()
                              << std::vector<uint32_t>{0, 1, 2, 3};
        // p1: pass and fail; p3 unscored, "4" against "five"; p2 fails everywhere it answered.
        QTest::newRow("disagreeing")
            << true << false << false << QString() << std::vector<uint32_t>{1, 3};
        // p2: the cheapest failed its call, but no dearer one passes.
        QTest::newRow("cheapest fails")
            << false << true << false << QString() << std::vector<uint32_t>{1};
        QTest::newRow("errors") << false << false << true << QString() << std::vector<uint32_t>{2};
        QTest::newRow("tag") << false << false << false << QString("maths")
                             << std::vector<uint32_t>{0, 1};
        QTest::newRow("tag and disagreeing")
            << true << false << false << QString("maths") << std::vector<uint32_t>{1};
    }

    void filters() {
        QFETCH(bool, disagreeing);
        QFETCH(bool, cheapestFails);
        QFETCH(bool, withErrors);
        QFETCH(QString, tag);
        QFETCH(std::vector<uint32_t>, expected);
        const CompareMatrix matrix = fixture();
        MatrixFilter filter;
        filter.disagreeing = disagreeing;
        filter.cheapestFailsDearerPasses = cheapestFails;
        filter.withErrors = withErrors;
        if (!tag.isEmpty()) {
            const auto& tags = matrix.tags();
            const auto at = std::find(tags.begin(), tags.end(), tag.toStdString());
            QVERIFY(at != tags.end());
            filter.tag = static_cast<uint16_t>(at - tags.begin());
        }
        QCOMPARE(filterRows(matrix, filter), expected);
    }

    void aSearchKeepsItsHitsOnly() {
        const CompareMatrix matrix = fixture();
        const std::unordered_set<int64_t> hits{101, 103, 999};
        MatrixFilter filter;
        filter.promptIds = &hits;
        QCOMPARE(filterRows(matrix, filter), (std::vector<uint32_t>{1, 3}));
    }

    void theBarDecidesWhatPasses() {
        const CompareMatrix matrix = fixture();
        MatrixFilter filter;
        filter.disagreeing = true;
        filter.passBar = 1.5; // nothing passes: no scored row disagrees
        QCOMPARE(filterRows(matrix, filter), (std::vector<uint32_t>{3}));
    }

    void sorts_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<std::vector<uint32_t>>("expected");
        QTest::newRow("ordinal down")
            << int(SortKey::Ordinal) << 0 << true << std::vector<uint32_t>{3, 2, 1, 0};
        // Missing values last in both directions; ties keep prompt order.
        QTest::newRow("cheap score up")
            << int(SortKey::Score) << 0 << false << std::vector<uint32_t>{1, 0, 2, 3};
        QTest::newRow("cheap score down")
            << int(SortKey::Score) << 0 << true << std::vector<uint32_t>{0, 1, 2, 3};
        QTest::newRow("mid latency up")
            << int(SortKey::Latency) << 1 << false << std::vector<uint32_t>{0, 3, 2, 1};
        QTest::newRow("dear cost down")
            << int(SortKey::Cost) << 2 << true << std::vector<uint32_t>{0, 1, 2, 3};
        QTest::newRow("key down") << int(SortKey::PromptKey) << 0 << true
                                  << std::vector<uint32_t>{3, 2, 1, 0};
    }

    void sorts() {
        QFETCH(int, key);
        QFETCH(int, column);
        QFETCH(bool, descending);
        QFETCH(std::vector<uint32_t>, expected);
        const CompareMatrix matrix = fixture();
        std::vector<uint32_t> rows{0, 1, 2, 3};
        sortRows(matrix, rows,
                 {static_cast<SortKey>(key), static_cast<size_t>(column), descending});
        QCOMPARE(rows, expected);
    }

    void wordDiffMarksWhatOnlyOneSideWrote() {
        const auto pieces = wordDiff("The answer is 42.", "The answer is 41, I think.");
        const std::vector<DiffPiece> expected{
            {DiffPiece::Kind::Same, "The answer is "},
            {DiffPiece::Kind::Removed, "42"},
            {DiffPiece::Kind::Added, "41, I think"},
            {DiffPiece::Kind::Same, "."},
        };
        QCOMPARE(pieces.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(int(pieces[i].kind), int(expected[i].kind));
            QCOMPARE(pieces[i].text, expected[i].text);
        }
    }

    void wordDiffRebuildsBothTexts_data() {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("one empty") << ""
                                   << "all new words";
        QTest::newRow("middle change") << "a b c d e"
                                       << "a x c y e";
        QTest::newRow("unicode") << QString::fromUtf8("Größe ist 5 m")
                                 << QString::fromUtf8("Größe: 6 m");
        QTest::newRow("whitespace only") << "a  b"
                                         << "a b";
    }

    void wordDiffRebuildsBothTexts() {
        QFETCH(QString, left);
        QFETCH(QString, right);
        const std::string a = left.toStdString();
        const std::string b = right.toStdString();
        std::string rebuiltLeft;
        std::string rebuiltRight;
        for (const DiffPiece& piece : wordDiff(a, b)) {
            if (piece.kind != DiffPiece::Kind::Added)
                rebuiltLeft += piece.text;
            if (piece.kind != DiffPiece::Kind::Removed)
                rebuiltRight += piece.text;
        }
        QCOMPARE(rebuiltLeft, a);
        QCOMPARE(rebuiltRight, b);
    }

    void aHugeDiffFallsBackToOneChangeInTheMiddle() {
        std::string a = "start ";
        std::string b = "start ";
        for (int i = 0; i < 3000; ++i) {
            a += "x" + std::to_string(i) + " ";
            b += "y" + std::to_string(i) + " ";
        }
        a += "end";
        b += "end";
        const auto pieces = wordDiff(a, b);
        QCOMPARE(pieces.size(), size_t{4}); // same, removed, added, same
        QCOMPARE(int(pieces[1].kind), int(DiffPiece::Kind::Removed));
        QCOMPARE(pieces.back().text, std::string(" end"));
    }
};

QTEST_GUILESS_MAIN(TestCompareMatrix)
#include "tst_compare_matrix.moc"
