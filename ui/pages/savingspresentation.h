#pragma once

#include "workbench/savings_ops.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QChart;
class QLabel;
class QStackedWidget;

// Present mode (UI.md): a savings outcome full screen, one chart per slide under a one-sentence
// headline computed from the figures ("Routing and caching cut the bill by 64.6 %, quality within
// 0.8 points"). Arrow keys, Page Up/Down and Space move; Esc leaves. Fonts are sized for a
// projector.
class SavingsPresentation : public QWidget {
    Q_OBJECT

public:
    explicit SavingsPresentation(const switchyard::workbench::SavingsOutcome& outcome,
                                 QWidget* parent = nullptr);

    int slideCount() const;
    int currentSlide() const;
    QString headline(int slide) const { return m_headlines.value(slide); }
    void showSlide(int index);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void addSlide(const QString& headline, const std::function<void(QChart*)>& fill);

    QStackedWidget* m_slides;
    QLabel* m_headline;
    QLabel* m_footer;
    QStringList m_headlines;
    QString m_context;
};
