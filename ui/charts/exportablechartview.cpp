#include "exportablechartview.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

ExportableChartView::ExportableChartView(QChart* chart, QWidget* parent)
    : QChartView(chart, parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
}

void ExportableChartView::copyImage() {
    QApplication::clipboard()->setPixmap(grab());
}

bool ExportableChartView::savePng(const QString& path) {
    // Written to a temporary file and renamed, so a failed save never leaves half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    if (!grab().save(&file, "PNG"))
        return false;
    return file.commit();
}

bool ExportableChartView::saveSvg(const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size());
    generator.setViewBox(rect());
    generator.setTitle(chart() ? chart()->title() : QString());
    QPainter painter(&generator);
    render(&painter);
    painter.end();
    return file.commit();
}

void ExportableChartView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Copy Image"), this, &ExportableChartView::copyImage);
    menu.addAction(tr("Save as PNG…"), this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), QString(),
                                                          tr("PNG image (*.png)"));
        if (!path.isEmpty())
            savePng(path);
    });
    menu.addAction(tr("Save as SVG…"), this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), QString(),
                                                          tr("SVG image (*.svg)"));
        if (!path.isEmpty())
            saveSvg(path);
    });
    menu.exec(event->globalPos());
}
