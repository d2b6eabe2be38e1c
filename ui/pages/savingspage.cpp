#include "savingspage.h"

#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "charts/savingscharts.h"
#include "pagelayout.h"
#include "policy/gateway_export.h"
#include "providerscontroller.h"
#include "readjob.h"
#include "savingspresentation.h"
#include "savingsreport.h"
#include "savingstagstable.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace switchyard;
using switchyard::workbench::SavingsOutcome;

SavingsPage::SavingsPage(WorkspaceController* workspace, ProvidersController* providers,
                         QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_providers(providers) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Savings"),
        tr("What a policy saves, lever by lever, what it costs in quality, and what a month "
           "costs at your volume"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_present = new QPushButton(tr("Present"), this);
    m_present->setToolTip(tr("Full screen, one chart per slide with its headline (F11); arrow "
                             "keys move, Esc leaves"));
    m_present->setEnabled(false);
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    m_report = new QPushButton(tr("Export Report…"), this);
    m_report->setToolTip(tr("The figures, their assumptions and every chart as a PDF for "
                            "stakeholders"));
    m_report->setEnabled(false);
    header->addWidget(m_present);
    header->addWidget(m_report);

    auto* cards = new QHBoxLayout;
    m_monthCard = new StatCard(tr("Policy's bill a month"), this);
    m_savedCard = new StatCard(tr("Saved"), this);
    m_qualityCard = new StatCard(tr("Quality served"), this);
    m_fourthCard = new StatCard(tr("Cache hit ratio"), this);
    for (StatCard* card : {m_monthCard, m_savedCard, m_qualityCard, m_fourthCard})
        cards->addWidget(card);
    page->addLayout(cards);

    auto* body = pagelayout::makeSplitter(Qt::Horizontal, "savingsBodySplitter", this);
    auto* charts = pagelayout::makeSplitter(Qt::Vertical, "savingsChartsSplitter", body);
    auto* topCharts = pagelayout::makeSplitter(Qt::Horizontal, "savingsTopSplitter", charts);
    m_waterfall = chartsetup::makeChartView(topCharts);
    m_waterfall->setObjectName(QStringLiteral("savingsWaterfall"));
    m_projection = chartsetup::makeChartView(topCharts);
    m_projection->setObjectName(QStringLiteral("savingsProjection"));
    topCharts->addWidget(m_waterfall);
    topCharts->addWidget(m_projection);
    auto* bottom = pagelayout::makeSplitter(Qt::Horizontal, "savingsBottomSplitter", charts);
    m_tierSpend = chartsetup::makeChartView(bottom);
    m_tierSpend->setObjectName(QStringLiteral("savingsTierSpend"));
    m_tags = new SavingsTagsTable(bottom);
    bottom->addWidget(m_tierSpend);
    bottom->addWidget(m_tags);
    charts->addWidget(topCharts);
    charts->addWidget(bottom);
    topCharts->setSizes({620, 480});
    bottom->setSizes({380, 720});
    charts->setSizes({560, 360});
    body->addWidget(charts);
    body->addWidget(makeAssumptions());
    body->setStretchFactor(0, 1);
    page->addWidget(body, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &SavingsPage::recompute);
    connect(m_cancel, &QPushButton::clicked, this, &SavingsPage::cancel);
    connect(m_present, &QPushButton::clicked, this, &SavingsPage::present);
    connect(m_report, &QPushButton::clicked, this, [this]() {
        const QString suggested = m_policy->currentText() + tr(" savings.pdf");
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export report"), suggested, tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        auto pages = exportReport(path);
        emit statusMessage(
            pages ? tr("Wrote %1 (%2 pages)").arg(QFileInfo(path).fileName()).arg(*pages)
                  : tr("The report was not written: %1")
                        .arg(QString::fromStdString(pages.error().toString())));
    });
    connect(m_workspace, &WorkspaceController::workspaceOpened, this, &SavingsPage::reload);
    setBusy(false);
    m_summary->setText(tr("No saved policy yet: save one from the Router Lab (Save as Policy…) "
                          "or with switchyard-cli policy --save NAME."));
}

QWidget* SavingsPage::makeAssumptions() {
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    auto* choice = new QGroupBox(tr("Policy and volume"), panel);
    auto* form = new QFormLayout(choice);
    m_policy = new QComboBox(choice);
    m_policy->setObjectName(QStringLiteral("savingsPolicy"));
    form->addRow(tr("Policy"), m_policy);
    m_volume = new QDoubleSpinBox(choice);
    m_volume->setObjectName(QStringLiteral("savingsVolume"));
    m_volume->setRange(0.0, 1e12);
    m_volume->setDecimals(0);
    m_volume->setSingleStep(100000.0);
    m_volume->setGroupSeparatorShown(true);
    m_volume->setSpecialValueText(tr("From the policy"));
    m_volume->setToolTip(tr("Requests a month the figures are projected to. \"From the policy\": "
                            "its workloads' requests_month added up, else 1,000,000. Prompt "
                            "caching is simulated at this rate."));
    form->addRow(tr("Requests a month"), m_volume);
    column->addWidget(choice);

    auto* provisioned = new QGroupBox(tr("Provisioned throughput (your price)"), panel);
    auto* commitment = new QFormLayout(provisioned);
    m_provisionedModel = new QComboBox(provisioned);
    m_provisionedModel->setObjectName(QStringLiteral("provisionedModel"));
    m_provisionedModel->setToolTip(tr("The model a commitment would serve: its on-demand spend "
                                      "is compared with the commitment"));
    commitment->addRow(tr("Model"), m_provisionedModel);
    m_hourly = new QDoubleSpinBox(provisioned);
    m_hourly->setRange(0.0, 100000.0);
    m_hourly->setDecimals(2);
    m_hourly->setPrefix(QStringLiteral("$"));
    m_hourly->setSuffix(tr(" per hour"));
    commitment->addRow(tr("Price per model unit"), m_hourly);
    m_units = new QSpinBox(provisioned);
    m_units->setRange(1, 1000);
    commitment->addRow(tr("Model units"), m_units);
    m_priceSource = new QLineEdit(provisioned);
    m_priceSource->setPlaceholderText(tr("Where the price was read (URL, quote)"));
    commitment->addRow(tr("Source"), m_priceSource);
    m_priceDate = new QLineEdit(provisioned);
    m_priceDate->setPlaceholderText(tr("YYYY-MM-DD"));
    commitment->addRow(tr("Price date"), m_priceDate);
    column->addWidget(provisioned);

    m_summary = new QLabel(panel);
    m_summary->setWordWrap(true);
    column->addWidget(m_summary);
    m_notes = new QLabel(panel);
    m_notes->setObjectName(QStringLiteral("savingsNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_notes);
    column->addStretch(1);
    panel->setMinimumWidth(300);
    panel->setMaximumWidth(420);

    const auto later = [this]() { m_debounce->start(); };
    connect(m_policy, &QComboBox::currentIndexChanged, this, &SavingsPage::policyChanged);
    connect(m_volume, &QDoubleSpinBox::valueChanged, this, later);
    connect(m_provisionedModel, &QComboBox::currentIndexChanged, this, later);
    connect(m_hourly, &QDoubleSpinBox::valueChanged, this, later);
    connect(m_units, &QSpinBox::valueChanged, this, later);
    connect(m_priceSource, &QLineEdit::editingFinished, this, later);
    connect(m_priceDate, &QLineEdit::editingFinished, this, later);
    return panel;
}

void SavingsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload(); // policies are saved by the Router Lab and the command line while it is hidden
}

void SavingsPage::reload() {
    if (!m_workspace->workspace())
        return;
    readSavedPolicies(
        m_workspace->path().toStdString(), this, &m_loadJob,
        [this](std::vector<PolicyRecord> policies) { showPolicies(std::move(policies)); });
}

void SavingsPage::showPolicies(std::vector<PolicyRecord> policies) {
    const QString current = m_policy->currentText();
    const auto sameRecord = [](const PolicyRecord& a, const PolicyRecord& b) {
        return a.name == b.name && a.createdAt == b.createdAt && a.yaml == b.yaml;
    };
    const bool unchanged = std::equal(m_policies.begin(), m_policies.end(), policies.begin(),
                                      policies.end(), sameRecord);
    if (unchanged && m_outcome && m_outcomeWorkspace == m_workspace->path())
        return; // nothing new: the figures shown stand
    m_policies = std::move(policies);
    {
        const QSignalBlocker blocker(m_policy);
        m_policy->clear();
        for (const PolicyRecord& policy : m_policies)
            m_policy->addItem(QString::fromStdString(policy.name));
        const int found = m_policy->findText(current);
        m_policy->setCurrentIndex(found >= 0 ? found : (m_policies.empty() ? -1 : 0));
    }
    policyChanged();
}

void SavingsPage::policyChanged() {
    const int row = m_policy->currentIndex();
    const QString kept = m_provisionedModel->currentData().toString();
    {
        const QSignalBlocker blocker(m_provisionedModel);
        m_provisionedModel->clear();
        m_provisionedModel->addItem(tr("None"), QString());
        if (row >= 0 && row < static_cast<int>(m_policies.size()))
            if (auto policy = parsePolicyYaml(m_policies[size_t(row)].yaml, "policy"))
                for (const PolicyTier& tier : policy->tiers)
                    m_provisionedModel->addItem(QString::fromStdString(tier.model),
                                                QString::fromStdString(tier.model));
        const int found = m_provisionedModel->findData(kept);
        m_provisionedModel->setCurrentIndex(found >= 0 ? found : 0);
    }
    if (row < 0) {
        showNothing(tr("No saved policy in this workspace: save one from the Router Lab (Save "
                       "as Policy…) or with switchyard-cli policy --save NAME."));
        return;
    }
    recompute();
}

workbench::SavingsRequest SavingsPage::request() const {
    workbench::SavingsRequest request;
    request.source.workspacePath = m_workspace->path().toStdString();
    request.policy = m_policy->currentText().toStdString();
    if (m_volume->value() > 0.0)
        request.assumptions.requestsPerMonth = m_volume->value();
    const QString model = m_provisionedModel->currentData().toString();
    if (!model.isEmpty() && m_hourly->value() > 0.0) {
        report::ProvisionedAssumption provisioned;
        provisioned.model = model.toStdString();
        provisioned.hourlyUsd = m_hourly->value();
        provisioned.units = m_units->value();
        provisioned.source = m_priceSource->text().trimmed().toStdString();
        provisioned.date = m_priceDate->text().trimmed().toStdString();
        request.assumptions.provisioned = provisioned;
    }
    if (m_providers)
        request.assumptions.providerKinds = providerKindsOf(m_providers->file());
    return request;
}

void SavingsPage::recompute() {
    if (m_policy->currentIndex() < 0 || !m_workspace->workspace())
        return;
    if (m_cancelToken)
        m_cancelToken->cancel(); // the previous computation's figures are no longer wanted
    const int job = ++m_job;
    auto token = std::make_shared<CancelToken>();
    m_cancelToken = token;
    setBusy(true);
    QPointer<SavingsPage> guard(this);
    const workbench::SavingsRequest request = this->request();
    const std::string workspacePath = request.source.workspacePath;
    QThreadPool::globalInstance()->start([guard, job, token, request, workspacePath]() {
        const Progress progress = [guard, job](int64_t done, int64_t total) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, job, done, total]() {
                    if (guard && job == guard->m_job) {
                        guard->m_progress->setMaximum(static_cast<int>(total));
                        guard->m_progress->setValue(static_cast<int>(done));
                    }
                },
                Qt::QueuedConnection);
        };
        auto outcome = workbench::computeSavings(request, token.get(), progress);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, job, workspacePath, outcome = std::move(outcome)]() mutable {
                if (!guard || job != guard->m_job)
                    return;
                guard->setBusy(false);
                if (!outcome) {
                    const QString message = QString::fromStdString(outcome.error().toString());
                    guard->showNothing(tr("The savings could not be computed: %1").arg(message));
                    emit guard->failed(message);
                    return;
                }
                guard->m_outcome = std::move(outcome).value();
                guard->m_outcomeWorkspace = QString::fromStdString(workspacePath);
                guard->show(*guard->m_outcome);
                emit guard->computed();
            },
            Qt::QueuedConnection);
    });
}

void SavingsPage::cancel() {
    if (m_cancelToken)
        m_cancelToken->cancel();
    ++m_job;
    setBusy(false);
    emit statusMessage(tr("Savings computation cancelled"));
}

Expected<int> SavingsPage::exportReport(const QString& path) {
    if (!m_outcome)
        return Error{path.toStdString(), 0, "", "no figures to report yet"};
    // Drawn here: the charts are widgets. A few pages take a fraction of a second.
    return writeSavingsReport(*m_outcome, path);
}

SavingsPresentation* SavingsPage::present() {
    if (!m_outcome)
        return nullptr;
    auto* presentation = new SavingsPresentation(*m_outcome, this);
    presentation->showFullScreen();
    return presentation;
}

void SavingsPage::setBusy(bool busy) {
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0);
        m_progress->setValue(0);
    }
}
