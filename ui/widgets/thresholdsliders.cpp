#include "thresholdsliders.h"

#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

constexpr int kStepsPerUnit = 1000;
constexpr int kMaxPosition = 1010;

int positionOf(double threshold) {
    return static_cast<int>(std::lround(
        std::clamp(threshold, 0.0, double(kMaxPosition) / kStepsPerUnit) * kStepsPerUnit));
}

} // namespace

ThresholdSliders::ThresholdSliders(QWidget* parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
}

std::vector<double> ThresholdSliders::defaults() const {
    std::vector<double> thresholds;
    const size_t count = m_tiers.size() > 1 ? m_tiers.size() - 1 : 0;
    // Evenly spread over the scores; a cascade keeps an answer at even odds.
    for (size_t i = 0; i < count; ++i)
        thresholds.push_back(m_cascade ? 0.5 : double(i + 1) / double(m_tiers.size()));
    return thresholds;
}

void ThresholdSliders::setTiers(const std::vector<QString>& tierLabels, bool cascade) {
    qDeleteAll(m_sliders);
    qDeleteAll(m_labels);
    m_sliders.clear();
    m_labels.clear();
    m_tiers = tierLabels;
    m_cascade = cascade;
    m_thresholds = defaults();
    for (size_t i = 0; i < m_thresholds.size(); ++i) {
        auto* label = new QLabel(this);
        label->setWordWrap(true);
        auto* slider = new QSlider(Qt::Horizontal, this);
        slider->setObjectName(QStringLiteral("threshold%1").arg(i));
        slider->setRange(0, kMaxPosition);
        slider->setPageStep(50);
        slider->setValue(positionOf(m_thresholds[i]));
        connect(slider, &QSlider::valueChanged, this,
                [this, i](int position) { moved(i, position); });
        m_layout->addWidget(label);
        m_layout->addWidget(slider);
        m_sliders.push_back(slider);
        m_labels.push_back(label);
    }
    updateLabels();
}

void ThresholdSliders::reset() {
    setThresholds(defaults());
}

void ThresholdSliders::setThresholds(const std::vector<double>& thresholds) {
    if (thresholds.size() != m_sliders.size())
        return;
    m_updating = true;
    m_thresholds = thresholds;
    for (size_t i = 0; i < thresholds.size(); ++i)
        m_sliders[i]->setValue(positionOf(thresholds[i]));
    m_updating = false;
    updateLabels();
    emit thresholdsChanged(m_thresholds);
}

void ThresholdSliders::moved(size_t index, int position) {
    if (m_updating)
        return;
    m_thresholds[index] = double(position) / kStepsPerUnit;
    if (!m_cascade) {
        m_updating = true;
        for (size_t j = 0; j < m_thresholds.size(); ++j)
            if ((j < index && m_thresholds[j] > m_thresholds[index]) ||
                (j > index && m_thresholds[j] < m_thresholds[index])) {
                m_thresholds[j] = m_thresholds[index];
                m_sliders[j]->setValue(position);
            }
        m_updating = false;
    }
    updateLabels();
    emit thresholdsChanged(m_thresholds);
}

void ThresholdSliders::updateLabels() {
    for (size_t i = 0; i < m_labels.size(); ++i) {
        const QString value = QLocale().toString(m_thresholds[i], 'f', 3);
        m_labels[i]->setText(
            m_cascade ? tr("Keep %1's answer when its confidence ≥ %2").arg(m_tiers[i], value)
                      : tr("To %1 instead of %2 when the score ≥ %3")
                            .arg(m_tiers[i + 1], m_tiers[i], value));
    }
}
