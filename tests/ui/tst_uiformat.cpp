// The number formats of UI.md, in a fixed locale.
#include "uiformat.h"

#include <QLocale>
#include <QtTest>

class TestUiFormat : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void money_data() {
        QTest::addColumn<double>("usd");
        QTest::addColumn<QString>("text");
        QTest::newRow("thousands") << 1234.56 << "$1,234.56";
        QTest::newRow("zero") << 0.0 << "$0.00";
        QTest::newRow("cents") << 0.6 << "$0.60";
        QTest::newRow("nova micro input") << 0.035 << "$0.035";
        QTest::newRow("small") << 0.0042 << "$0.0042";
        QTest::newRow("tiny") << 0.00018 << "$0.00018";
        QTest::newRow("negative") << -12.5 << "$-12.50";
    }
    void money() {
        QFETCH(double, usd);
        QFETCH(QString, text);
        QCOMPARE(uiformat::money(usd), text);
    }

    void percentAndCounts() {
        QCOMPARE(uiformat::percent(0.42), QStringLiteral("42.0 %"));
        QCOMPARE(uiformat::percent(-0.612), QStringLiteral("-61.2 %"));
        QCOMPARE(uiformat::count(14042), QStringLiteral("14,042"));
        QCOMPARE(uiformat::tokens(1200000), QStringLiteral("1.2 M"));
        QCOMPARE(uiformat::tokens(200000), QStringLiteral("200.0 k"));
        QCOMPARE(uiformat::tokens(812), QStringLiteral("812"));
        QCOMPARE(uiformat::timestamp(0), QStringLiteral("1970-01-01 00:00:00"));
    }

    void durations_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0 s");
        QTest::newRow("rounded") << 44.6 << QStringLiteral("45 s");
        QTest::newRow("minutes") << 200.0 << QStringLiteral("3 min 20 s");
        QTest::newRow("hours") << 7500.0 << QStringLiteral("2 h 05 min");
        QTest::newRow("negative") << -3.0 << QStringLiteral("0 s");
    }

    void durations() {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(uiformat::duration(seconds), text);
    }

    void germanSeparators() {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(uiformat::money(1234.56), QStringLiteral("$1.234,56"));
        QCOMPARE(uiformat::percent(0.42), QStringLiteral("42,0 %"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_GUILESS_MAIN(TestUiFormat)
#include "tst_uiformat.moc"
