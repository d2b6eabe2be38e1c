#pragma once

#include "routerlabcontroller.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QTimer;
class RulesEditor;
class ThresholdSliders;

// The Router Lab's controls (UI.md: always visible, grouped, with units and a reset): the run and
// its tiers, the router kind and its signal, one slider per threshold, the evaluation settings,
// and the calibration helpers. Holds no figures: it says what the user asked for.
class RouterLabControls : public QWidget {
    Q_OBJECT

public:
    explicit RouterLabControls(QWidget* parent = nullptr);

    // The runs of the workspace: (id, label), newest last. Keeps the selection when it can.
    void setRuns(const std::vector<std::pair<int64_t, QString>>& runs, int64_t select);
    int64_t runId() const;
    QString scorer() const;
    // A loaded run: fills the tier and kind pickers with sensible defaults.
    void setRun(const RouterLabRun& run);

    RouterLabSetup setup() const;
    bool setupValid() const; // 2..4 tiers
    std::vector<double> thresholds() const;
    // Moves the sliders without emitting setupChanged; emits thresholdsChanged.
    void setThresholds(const std::vector<double>& thresholds);

    QComboBox* runPicker() const { return m_run; }
    QComboBox* scorerPicker() const { return m_scorer; }
    QComboBox* cascadeSignalPicker() const { return m_cascadeSignal; }
    const std::vector<RouterLabModel>& models() const { return m_models; } // of the run shown
    QListWidget* tierList() const { return m_tiers; }
    QComboBox* kindPicker() const { return m_kind; }
    QDoubleSpinBox* qualityBarBox() const { return m_qualityBar; }
    QComboBox* incompletePicker() const { return m_incomplete; }
    QDoubleSpinBox* targetQualityBox() const { return m_targetQuality; }
    QDoubleSpinBox* targetShareBox() const { return m_targetShare; }
    const std::vector<QSlider*>& sliders() const;
    RulesEditor* rulesEditor() const { return m_rules; }
    // A failed build: a Rules router's error is also shown next to its rules.
    void showRouterError(const QString& message);

signals:
    void runChanged(int64_t runId);
    // Tiers, kind, signal or evaluation settings changed: the lab must be built again.
    void setupChanged();
    void thresholdsChanged(const std::vector<double>& thresholds);
    void calibrateRequested(bool quality, double target);

private:
    QGroupBox* buildRunGroup();
    QGroupBox* buildRouterGroup();
    QGroupBox* buildEvaluationGroup();
    void addCalibration(QGroupBox* group, QFormLayout* form);
    void rebuildSliders();
    void updateKindOptions();
    void emitSetupChanged();
    std::vector<std::string> checkedTiers() const;

    std::vector<RouterLabModel> m_models;
    bool m_hasConfidence = false;
    bool m_hasStatedConfidence = false;
    QFormLayout* m_runForm;
    QComboBox* m_run;
    QComboBox* m_scorer;
    QListWidget* m_tiers;
    QLabel* m_tierHint;
    QComboBox* m_kind;
    QComboBox* m_classifier;
    QComboBox* m_cascadeSignal;
    QFormLayout* m_routerForm;
    ThresholdSliders* m_sliders;
    QPushButton* m_resetThresholds;
    RulesEditor* m_rules;
    QTimer* m_rulesDebounce;
    QDoubleSpinBox* m_qualityBar;
    QComboBox* m_incomplete;
    QDoubleSpinBox* m_targetQuality;
    QDoubleSpinBox* m_targetShare;
    bool m_updating = false;
};
