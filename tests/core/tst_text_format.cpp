// The numbers switchyard-cli prints: money, thousands and percentages, the same in every command;
// and the line differences the Policies page shows between exports.
#include "common/line_diff.h"
#include "common/text_format.h"

#include <QtTest>

using namespace switchyard;

class TestTextFormat : public QObject {
    Q_OBJECT

private slots:
    // What changed between two exports, line by line: kept lines once, replaced ones as a
    // removal then an addition, and the counts the Policies page shows.
    void linesDiffer_data() {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected"); // one character per line: = - +
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::newRow("same") << "a\nb\n"
                              << "a\nb\n"
                              << "==" << 0 << 0;
        QTest::newRow("first export") << ""
                                      << "a\nb"
                                      << "++" << 2 << 0;
        QTest::newRow("threshold moved") << "kind: x\nthresholds: [0.3]\nseed: 7\n"
                                         << "kind: x\nthresholds: [0.35]\nseed: 7\n"
                                         << "=-+=" << 1 << 1;
        QTest::newRow("tier added") << "a\nc\n"
                                    << "a\nb\nc\n"
                                    << "=+=" << 1 << 0;
        QTest::newRow("all gone") << "a\nb\n"
                                  << ""
                                  << "--" << 0 << 2;
        QTest::newRow("crlf is a newline") << "a\r\nb\r\n"
                                           << "a\nb\n"
                                           << "==" << 0 << 0;
    }

    void linesDiffer() {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QFETCH(int, added);
        QFETCH(int, removed);
        const auto diff = diffLines(before.toStdString(), after.toStdString());
        QString kinds;
        for (const DiffLine& line : diff)
            kinds += line.kind == DiffLine::Kind::Same      ? QLatin1Char('=')
                     : line.kind == DiffLine::Kind::Removed ? QLatin1Char('-')
                                                            : QLatin1Char('+');
        QCOMPARE(kinds, expected);
        QCOMPARE(countChanges(diff), (DiffCounts{added, removed}));
        // Kept and added lines spell the new text; kept and removed ones the old.
        std::string rebuilt;
        for (const DiffLine& line : diff)
            if (line.kind != DiffLine::Kind::Removed)
                rebuilt += line.text + "\n";
        QCOMPARE(QString::fromStdString(rebuilt).trimmed(),
                 QString(after).remove(QLatin1Char('\r')).trimmed());
    }

    void usd_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "$0.00";
        QTest::newRow("dollars, cents") << 1234.5 << "$1,234.50";
        QTest::newRow("rounds to cents") << 2.005001 << "$2.01";
        QTest::newRow("millions") << 1234567.891 << "$1,234,567.89";
        QTest::newRow("below a dollar: four decimals") << 0.0042 << "$0.0042";
        QTest::newRow("below a hundredth of a cent: two significant digits")
            << 0.000012 << "$0.000012";
        QTest::newRow("very small") << 0.00000034 << "$0.00000034";
        QTest::newRow("negative") << -1234.5 << "-$1,234.50";
        QTest::newRow("negative small") << -0.0042 << "-$0.0042";
    }

    void usd() {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatUsd(value)), text);
    }

    void thousands_data() {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("small") << qint64(999) << "999";
        QTest::newRow("thousand") << qint64(1000) << "1,000";
        QTest::newRow("millions") << qint64(1234567) << "1,234,567";
        QTest::newRow("negative") << qint64(-1234567) << "-1,234,567";
        QTest::newRow("lowest") << std::numeric_limits<qint64>::min()
                                << "-9,223,372,036,854,775,808";
    }

    void thousands() {
        QFETCH(qint64, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(withThousands(value)), text);
    }

    void percentAndFixed() {
        QCOMPARE(QString::fromStdString(formatPercent(0.4213)), QStringLiteral("42.1%"));
        QCOMPARE(QString::fromStdString(formatFixed(0.8125, 3)), QStringLiteral("0.812"));
    }
};

QTEST_GUILESS_MAIN(TestTextFormat)
#include "tst_text_format.moc"
