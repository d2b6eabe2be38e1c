#include "governancegateview.h"

#include "uiformat.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace switchyard;

namespace {

enum GateColumn { Workload, Requests, Quality, Floor, CostPer1k, Budget, Result, ColumnCount };

QString quality(const std::optional<double>& value) {
    return value ? QString::number(*value, 'f', 3) : QStringLiteral("—");
}

} // namespace

GovernanceGateView::GovernanceGateView(QWidget* parent) : QGroupBox(tr("Governance gate"), parent) {
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    m_run = new QPushButton(tr("Run gate"), this);
    m_run->setToolTip(tr("Replay the policy on its run and check each workload's quality floor "
                         "and budgets, as switchyard-cli gate does in CI"));
    row->addWidget(m_verdict, 1);
    row->addWidget(m_run);
    layout->addLayout(row);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("gateTable"));
    m_table->setHorizontalHeaderLabels({tr("Workload"), tr("Requests"), tr("Quality (95 % CI)"),
                                        tr("Floor"), tr("Cost per 1k"), tr("Budget"),
                                        tr("Result")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table);
    connect(m_run, &QPushButton::clicked, this, &GovernanceGateView::runGate);
    setPolicy({}, {}, 0);
}

void GovernanceGateView::setPolicy(const std::string& workspacePath, const std::string& policyName,
                                   size_t workloads) {
    if (workspacePath == m_workspacePath && policyName == m_policy && workloads == m_workloads &&
        !policyName.empty())
        return; // the same policy: its last gate stays shown
    m_workloads = workloads;
    ++m_job; // a gate still running for another policy is dropped
    m_workspacePath = workspacePath;
    m_policy = policyName;
    m_table->setRowCount(0);
    m_table->setVisible(workloads > 0);
    m_run->setEnabled(workloads > 0);
    m_verdict->setText(
        workloads > 0 ? tr("%1 workload(s) with limits. Run the gate to check them on the "
                           "policy's run.")
                            .arg(workloads)
                      : tr("No workloads with limits: add governance.workloads (quality_floor, "
                           "budget_per_1k_usd, budget_usd_month with requests_month) to the "
                           "policy to gate it."));
}

void GovernanceGateView::runGate() {
    if (m_policy.empty())
        return;
    const int job = ++m_job;
    m_run->setEnabled(false);
    m_verdict->setText(tr("Replaying the policy…"));
    QPointer<GovernanceGateView> guard(this);
    const workbench::RunSource source{m_workspacePath, std::nullopt, {}};
    const std::string policy = m_policy;
    QThreadPool::globalInstance()->start([guard, job, source, policy]() {
        auto outcome = workbench::gatePolicy(source, policy);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, job, outcome = std::move(outcome)]() {
                if (!guard || job != guard->m_job)
                    return;
                guard->m_run->setEnabled(true);
                if (!outcome) {
                    guard->m_verdict->setText(
                        tr("The gate could not run: %1")
                            .arg(QString::fromStdString(outcome.error().toString())));
                    return;
                }
                guard->show(*outcome);
            },
            Qt::QueuedConnection);
    });
}

void GovernanceGateView::show(const workbench::GateOutcome& outcome) {
    QString verdict = outcome.passed
                          ? tr("Passed on run %1 (%2 requests).")
                                .arg(outcome.runId)
                                .arg(uiformat::count(outcome.requests))
                          : tr("Failed on run %1: %2")
                                .arg(outcome.runId)
                                .arg(QString::fromStdString(outcome.failures.front().message));
    if (outcome.synthetic)
        verdict += tr(" Synthetic demo data.");
    for (const std::string& note : outcome.unchecked)
        verdict += QLatin1Char(' ') + tr("Not checked: %1.").arg(QString::fromStdString(note));
    m_verdict->setText(verdict);
    m_table->setRowCount(static_cast<int>(outcome.workloads.size()));
    for (size_t i = 0; i < outcome.workloads.size(); ++i) {
        const workbench::WorkloadGate& gate = outcome.workloads[i];
        const int row = static_cast<int>(i);
        QString shown = quality(gate.quality);
        if (gate.qualityCi95)
            shown += QStringLiteral(" (%1 to %2)")
                         .arg(gate.qualityCi95->first, 0, 'f', 3)
                         .arg(gate.qualityCi95->second, 0, 'f', 3);
        QStringList budgets;
        if (gate.limits.budgetPer1kUsd)
            budgets << tr("%1 per 1k").arg(uiformat::money(*gate.limits.budgetPer1kUsd));
        if (gate.limits.budgetUsdMonth)
            budgets << tr("%1 a month").arg(uiformat::money(*gate.limits.budgetUsdMonth));
        const QStringList cells{QString::fromStdString(gate.name),
                                uiformat::count(gate.requests),
                                shown,
                                quality(gate.limits.qualityFloor),
                                uiformat::money(gate.costPer1kUsd),
                                budgets.join(QStringLiteral(", ")),
                                gate.passed ? tr("passed") : tr("failed")};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == Result)
                item->setForeground(gate.passed ? QColor(0x2e, 0x7d, 0x32)
                                                : QColor(0xc6, 0x28, 0x28));
            m_table->setItem(row, column, item);
        }
    }
    emit gated(outcome.passed);
}
