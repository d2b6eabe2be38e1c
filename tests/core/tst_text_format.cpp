// The numbers switchyard-cli prints: money, thousands and percentages, the same in every command.
#include "common/text_format.h"

#include <QtTest>

using namespace switchyard;

class TestTextFormat : public QObject {
    Q_OBJECT

private slots:
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
