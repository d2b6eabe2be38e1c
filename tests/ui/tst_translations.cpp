// German ships as the first translation: the app loads it for a German locale and every page
// shows it.
#include "mainwindow.h"
#include "translations.h"
#include "workspacecontroller.h"

#include <QListWidget>
#include <QStandardPaths>
#include <QtTest>

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void germanLocaleTranslatesTheWindow() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        installTranslations(*QCoreApplication::instance());
        QCOMPARE(QCoreApplication::translate("MainWindow", "Pricing"), QStringLiteral("Preise"));

        WorkspaceController controller;
        MainWindow window(&controller);
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(nav);
        // A group heading, then its pages.
        QCOMPARE(nav->item(0)->text(), QStringLiteral("DATEN"));
        QCOMPARE(nav->item(1)->text(), QStringLiteral("Prompt-Sets"));
        QCOMPARE(nav->item(2)->text(), QStringLiteral("Preise"));
        QVERIFY(window.statusText().startsWith(QStringLiteral("Kein Arbeitsbereich geöffnet")));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
