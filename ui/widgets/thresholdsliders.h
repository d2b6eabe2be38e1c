#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QSlider;
class QVBoxLayout;

// A router's thresholds as sliders, one per pair of neighbouring tiers, each labelled with what
// it decides. Scores and confidences lie in [0, 1]; the sliders reach a little beyond, so "no
// prompt goes up" is reachable even for a score of exactly 1 (a "complex" label). Score routers
// need ascending thresholds, so a slider pushes its neighbours along; a cascade's thresholds
// are independent.
class ThresholdSliders : public QWidget {
    Q_OBJECT

public:
    explicit ThresholdSliders(QWidget* parent = nullptr);

    // Rebuilds the sliders for these tiers (cheapest first) at the default thresholds, without
    // emitting: a new tier set means a new configuration, built by whoever changed it.
    void setTiers(const std::vector<QString>& tierLabels, bool cascade);
    // Sets thresholds exactly (the sliders show them rounded) and emits thresholdsChanged.
    void setThresholds(const std::vector<double>& thresholds);
    void reset();

    const std::vector<double>& thresholds() const { return m_thresholds; }
    const std::vector<QSlider*>& sliders() const { return m_sliders; }

signals:
    void thresholdsChanged(const std::vector<double>& thresholds);

private:
    std::vector<double> defaults() const;
    void moved(size_t index, int position);
    void updateLabels();

    QVBoxLayout* m_layout;
    std::vector<QString> m_tiers;
    bool m_cascade = false;
    std::vector<QSlider*> m_sliders;
    std::vector<QLabel*> m_labels;
    std::vector<double> m_thresholds;
    bool m_updating = false;
};
