#pragma once

#include "runscontroller.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class PromptVariantPicker;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

// The Runs page's controls: which prompt set, which models of the providers file and the prompt
// variant each gets, the call
// parameters, the limits (budget cap, concurrency) and which calls to make (retry failed only,
// fresh samples). Describes a RunSettings; holds nothing else.
class RunControls : public QWidget {
    Q_OBJECT

public:
    explicit RunControls(QWidget* parent = nullptr);

    RunSettings settings() const;
    // Keeps the chosen set when it is still there.
    void setPromptSets(const std::vector<switchyard::PromptSetInfo>& sets);
    // The model references the providers file offers, keeping what was checked; `problem`, when
    // not empty, says why there is nothing to offer and shows the way to the Providers page.
    void setModels(const QStringList& refs, const QString& problem);
    // Fills the controls with a past run's set, models and parameters. Returns the run's models
    // the providers file no longer offers.
    QStringList applyRun(const PastRun& run);
    void setRetryFailedOnly(bool retry);
    void setEditable(bool editable);

    QComboBox* setPicker() const { return m_set; }
    QListWidget* modelList() const { return m_models; }
    PromptVariantPicker* variantPicker() const { return m_variants; }
    QSpinBox* maxTokensBox() const { return m_maxTokens; }
    QCheckBox* budgetCheck() const { return m_useBudget; }
    QDoubleSpinBox* budgetBox() const { return m_budget; }
    QCheckBox* concurrencyCheck() const { return m_useConcurrency; }
    QSpinBox* concurrencyBox() const { return m_concurrency; }
    QCheckBox* retryFailedCheck() const { return m_retryFailed; }
    QCheckBox* freshSamplesCheck() const { return m_fresh; }
    QString modelsProblem() const;

signals:
    void changed();
    void openProvidersRequested();

private:
    void updateVariantRows();

    QComboBox* m_set;
    QListWidget* m_models;
    QLabel* m_modelsProblem;
    PromptVariantPicker* m_variants;
    QPushButton* m_openProviders;
    QSpinBox* m_maxTokens;
    QCheckBox* m_useTemperature;
    QDoubleSpinBox* m_temperature;
    QCheckBox* m_useBudget;
    QDoubleSpinBox* m_budget;
    QCheckBox* m_useConcurrency;
    QSpinBox* m_concurrency;
    QCheckBox* m_retryFailed;
    QCheckBox* m_fresh;
};
