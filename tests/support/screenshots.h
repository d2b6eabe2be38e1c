#pragma once

// Screenshots of the windows a GUI test drives, for docs/screenshots/: saved only when
// SWITCHYARD_SCREENSHOT_DIR names a folder (scripts/screenshots.sh sets it).

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QString>
#include <QWidget>
#include <QtTest>

inline void saveScreenshot(QWidget* window, const QString& name) {
    const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    QVERIFY(window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}
