#include "savingspresentation.h"

#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "charts/savingscharts.h"
#include "savingsheadlines.h"
#include "uiformat.h"

#include <QAbstractAxis>
#include <QChart>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace switchyard;
using switchyard::workbench::SavingsOutcome;

namespace {

constexpr qreal kFontScale = 1.7; // a projector at the back of a meeting room

} // namespace

SavingsPresentation::SavingsPresentation(const SavingsOutcome& outcome, QWidget* parent)
    : QWidget(parent, Qt::Window) {
    setWindowTitle(
        tr("Switchyard: savings of %1").arg(QString::fromStdString(outcome.context.policy.name)));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("presentationHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setFont(chartsetup::scaledFont(font(), 2.2));
    m_slides = new QStackedWidget(this);
    m_footer = new QLabel(this);
    m_footer->setFont(chartsetup::scaledFont(font(), 1.2));
    layout->addWidget(m_headline);
    layout->addWidget(m_slides, 1);
    layout->addWidget(m_footer);

    const routing::ReplayData& data = *outcome.context.data;
    m_context = tr("Policy '%1' · run %2 · %3 requests of %4 · a month of %5 requests")
                    .arg(QString::fromStdString(outcome.context.policy.name))
                    .arg(data.runId)
                    .arg(uiformat::count(outcome.waterfall.requests))
                    .arg(QString::fromStdString(data.setName))
                    .arg(uiformat::count(static_cast<int64_t>(outcome.requestsPerMonth)));
    if (data.synthetic)
        m_context += tr(" · synthetic demo data");

    addSlide(savingsheadlines::waterfall(outcome),
             [&](QChart* chart) { savingscharts::fillWaterfall(chart, outcome); });
    addSlide(savingsheadlines::projection(outcome),
             [&](QChart* chart) { savingscharts::fillProjection(chart, outcome); });
    addSlide(savingsheadlines::tiers(outcome),
             [&](QChart* chart) { savingscharts::fillTierSpend(chart, outcome); });
    showSlide(0);
}

void SavingsPresentation::addSlide(const QString& headline,
                                   const std::function<void(QChart*)>& fill) {
    auto* view = chartsetup::makeChartView(m_slides);
    view->chart()->setFont(chartsetup::scaledFont(view->chart()->font(), kFontScale));
    fill(view->chart());
    chartsetup::scaleFonts(view->chart(), kFontScale);
    m_slides->addWidget(view);
    m_headlines << headline;
}

int SavingsPresentation::slideCount() const {
    return m_slides->count();
}

int SavingsPresentation::currentSlide() const {
    return m_slides->currentIndex();
}

void SavingsPresentation::showSlide(int index) {
    index = std::clamp(index, 0, slideCount() - 1);
    m_slides->setCurrentIndex(index);
    m_headline->setText(m_headlines.value(index));
    m_footer->setText(tr("%1 · slide %2 of %3 · ← → to move, Esc to leave")
                          .arg(m_context)
                          .arg(index + 1)
                          .arg(slideCount()));
}

void SavingsPresentation::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        showSlide(currentSlide() + 1);
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        showSlide(currentSlide() - 1);
        return;
    case Qt::Key_Home:
        showSlide(0);
        return;
    case Qt::Key_End:
        showSlide(slideCount() - 1);
        return;
    case Qt::Key_Escape:
        close();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}
