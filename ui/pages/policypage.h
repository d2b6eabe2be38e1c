#pragma once

#include "common/error.h"
#include "policy/gateway_export.h"
#include "policy/policy.h"
#include "store/workspace.h"

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class DiffView;
class GovernanceGateView;
class ProvidersController;
class WorkspaceController;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

// The Policies page: the workspace's saved routing policies, each previewed as the file
// production gets (the policy YAML, or a gateway's configuration), what that gateway cannot
// express, its problems by path (workbench::checkPolicyYaml), the changes since it was last
// exported in that format from here, and Export… to write it. The preview and the written file
// come from the same core functions switchyard-cli export uses.
class PolicyPage : public QWidget {
    Q_OBJECT

public:
    PolicyPage(WorkspaceController* workspace, ProvidersController* providers,
               QWidget* parent = nullptr);

    void reload();
    // Writes the selected policy in the chosen format to `path` (on a worker); exported() or
    // exportFailed() follows.
    void exportTo(const QString& path);

    QListWidget* policyList() const { return m_list; }
    QComboBox* formatPicker() const { return m_format; }
    QPlainTextEdit* preview() const { return m_preview; }
    QListWidget* warningList() const { return m_warnings; }
    QListWidget* problemList() const { return m_problems; }
    DiffView* diffView() const { return m_diff; }
    QLabel* diffNote() const { return m_diffNote; }
    QDoubleSpinBox* qualityDifferenceBox() const { return m_qualityDifference; }
    GovernanceGateView* gateView() const { return m_gate; }

signals:
    void statusMessage(const QString& message);
    // `modelFile`: a learned router's trained models written beside `path`, else empty.
    void exported(const QString& path, const QString& modelFile);
    void exportFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct CheckedPolicy {
        switchyard::PolicyRecord record;
        std::vector<switchyard::Error> problems;
    };
    void showPolicies(std::vector<CheckedPolicy> policies);
    void showProblems(const std::vector<switchyard::Error>& problems);
    void showChangesSinceExport(const QString& policy, const QString& text);
    QString exportKey(const QString& policy) const;
    // Batch input and distillation datasets (policypagedatasets.cpp): written from the policy's
    // prompt set or evidence run, described rather than previewed.
    bool isDatasetFormat() const;
    void showDatasetExport(const switchyard::RoutingPolicy& policy);
    void exportDataset(const QString& path);
    void showSelected();
    void chooseFile();
    switchyard::GatewayExportOptions exportOptions() const;
    QString formatName() const;

    WorkspaceController* m_workspace;
    ProvidersController* m_providers;
    QListWidget* m_list;
    QLabel* m_summary;
    QComboBox* m_format;
    QLineEdit* m_region;
    QDoubleSpinBox* m_qualityDifference;
    QLabel* m_bedrockLabel;
    QWidget* m_bedrockOptions;
    QPushButton* m_export;
    QTabWidget* m_views;
    QPlainTextEdit* m_preview;
    DiffView* m_diff;
    QLabel* m_diffNote;
    QListWidget* m_problems;
    QLabel* m_problemsNote;
    QListWidget* m_warnings;
    QLabel* m_warningsNote;
    GovernanceGateView* m_gate;
    std::vector<CheckedPolicy> m_policies;
    int m_loadJob = 0;
};
