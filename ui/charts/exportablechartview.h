#pragma once

#include <QChartView>

// A chart view every page uses: antialiased, and a right-click menu to copy the chart as an
// image or save it as PNG or SVG for a stakeholder deck (UI.md).
class ExportableChartView : public QChartView {
    Q_OBJECT

public:
    explicit ExportableChartView(QChart* chart, QWidget* parent = nullptr);

    bool savePng(const QString& path);
    bool saveSvg(const QString& path);
    void copyImage();

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
};
