#include "demoworkspace.h"
#include "mainwindow.h"
#include "translations.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Switchyard"));
    QApplication::setApplicationName(QStringLiteral("Switchyard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));
    QApplication::setStyle(QStringLiteral("Fusion"));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Which model should serve which request, and what will that save?"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demo(QStringLiteral("demo"),
                            QApplication::translate("main", "Open the demo workspace."));
    parser.addOption(demo);
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QApplication::translate("main", "Workspace file to open."));
    parser.process(app);

    WorkspaceController controller;
    MainWindow window(&controller);
    window.show();

    const QStringList positional = parser.positionalArguments();
    const QStringList recent = QSettings().value(QStringLiteral("workspace/recent")).toStringList();
    bool opened = false;
    if (!positional.isEmpty())
        opened = window.openWorkspace(positional.first());
    else if (!parser.isSet(demo) && !recent.isEmpty())
        opened = window.openWorkspace(recent.first(), /*quiet=*/true);
    if (!opened)
        window.openDemoWorkspace();
    return app.exec();
}
