#pragma once

#include "common/cancel.h"
#include "store/workspace.h"
#include "workbench/savings_ops.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class ExportableChartView;
class ProvidersController;
class SavingsPresentation;
class SavingsTagsTable;
class StatCard;
class WorkspaceController;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

// The Savings page: one saved policy's every lever stacked into a single figure with the
// quality it costs, a month's cost against volume with the provisioned-throughput break-even,
// and who spends what, by tier and by tag. The figures are workbench::computeSavings's, the
// same switchyard-cli savings prints; the assumptions (volume, a commitment's price with its
// source and date) are the user's and stay beside the figures.
class SavingsPage : public QWidget {
    Q_OBJECT

public:
    SavingsPage(WorkspaceController* workspace, ProvidersController* providers,
                QWidget* parent = nullptr);

    void reload(); // the workspace's saved policies
    // Computes the selected policy's savings on a worker; computed() or failed() follows.
    void recompute();
    void cancel();
    // Present mode over the figures shown, full screen; null before any figures.
    SavingsPresentation* present();
    // The stakeholder report of the figures shown, as a PDF at `path`: the pages written.
    switchyard::Expected<int> exportReport(const QString& path);

    // What the controls say, as the operation takes it.
    switchyard::workbench::SavingsRequest request() const;
    const std::optional<switchyard::workbench::SavingsOutcome>& outcome() const {
        return m_outcome;
    }

    QComboBox* policyPicker() const { return m_policy; }
    QDoubleSpinBox* volumeBox() const { return m_volume; }
    QComboBox* provisionedModelPicker() const { return m_provisionedModel; }
    QDoubleSpinBox* hourlyBox() const { return m_hourly; }
    ExportableChartView* waterfallView() const { return m_waterfall; }
    ExportableChartView* projectionView() const { return m_projection; }
    ExportableChartView* tierSpendView() const { return m_tierSpend; }
    SavingsTagsTable* tagsTable() const { return m_tags; }
    QLabel* notes() const { return m_notes; }

signals:
    void statusMessage(const QString& message);
    void computed();
    void failed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* makeAssumptions();
    void showPolicies(std::vector<switchyard::PolicyRecord> policies);
    void policyChanged();
    void show(const switchyard::workbench::SavingsOutcome& outcome);
    void showCards(const switchyard::workbench::SavingsOutcome& outcome);
    // No figures to show (no policy, or they could not be computed): nothing stale stays up.
    void showNothing(const QString& why);
    void setBusy(bool busy);

    WorkspaceController* m_workspace;
    ProvidersController* m_providers;
    QComboBox* m_policy;
    QDoubleSpinBox* m_volume;
    QComboBox* m_provisionedModel;
    QDoubleSpinBox* m_hourly;
    QSpinBox* m_units;
    QLineEdit* m_priceSource;
    QLineEdit* m_priceDate;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPushButton* m_present;
    QPushButton* m_report;
    StatCard* m_monthCard;
    StatCard* m_savedCard;
    StatCard* m_qualityCard;
    StatCard* m_fourthCard;
    ExportableChartView* m_waterfall;
    ExportableChartView* m_projection;
    ExportableChartView* m_tierSpend;
    SavingsTagsTable* m_tags;
    QLabel* m_summary;
    QLabel* m_notes;
    QTimer* m_debounce;
    std::vector<switchyard::PolicyRecord> m_policies;
    std::optional<switchyard::workbench::SavingsOutcome> m_outcome;
    QString m_outcomeWorkspace; // the workspace m_outcome was computed on
    std::shared_ptr<switchyard::CancelToken> m_cancelToken;
    int m_job = 0;
    int m_loadJob = 0;
};
