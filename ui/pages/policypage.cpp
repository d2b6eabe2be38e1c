#include "policypage.h"

#include "governancegateview.h"
#include "pagelayout.h"
#include "policypageformats.h"
#include "providerscontroller.h"
#include "readjob.h"
#include "store/price_overrides.h"
#include "widgets/diffview.h"
#include "widgets/yamlhighlighter.h"
#include "workbench/export_ops.h"
#include "workbench/policy_check_ops.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace switchyard;

namespace {

QString describe(const RoutingPolicy& policy) {
    QStringList tiers;
    for (const PolicyTier& tier : policy.tiers)
        tiers << QStringLiteral("%1: %2").arg(QString::fromStdString(tier.name),
                                              QString::fromStdString(tier.model));
    QString text = PolicyPage::tr("%1 router over %2 tiers (%3)")
                       .arg(QString::fromLatin1(routing::routerKindName(policy.router.kind)))
                       .arg(policy.tiers.size())
                       .arg(tiers.join(QStringLiteral(", ")));
    if (policy.evidence)
        text += QLatin1Char('\n') +
                PolicyPage::tr("Evaluated on %1 requests of %2: quality %3, %4 % saved")
                    .arg(policy.evidence->prompts)
                    .arg(QString::fromStdString(policy.evidence->promptSet))
                    .arg(policy.evidence->quality, 0, 'f', 3)
                    .arg(policy.evidence->savingsPct, 0, 'f', 1) +
                (policy.evidence->synthetic ? PolicyPage::tr(" (synthetic demo data)") : QString());
    return text;
}

} // namespace

PolicyPage::PolicyPage(WorkspaceController* workspace, ProvidersController* providers,
                       QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_providers(providers) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Policies"),
        tr("Take a saved routing policy to production: as its YAML or as a gateway's own "
           "configuration, with what the gateway cannot express"));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportPolicy"));
    header->addWidget(m_export);

    auto* split = pagelayout::makeSplitter(Qt::Horizontal, "policySplitter", this);
    m_list = new QListWidget(split);
    m_list->setObjectName(QStringLiteral("policyList"));
    split->addWidget(m_list);

    auto* right = new QWidget(split);
    auto* column = new QVBoxLayout(right);
    column->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(right);
    m_summary->setWordWrap(true);
    column->addWidget(m_summary);
    auto* options = new QFormLayout;
    m_format = new QComboBox(right);
    for (const PolicyFormatChoice& format : kPolicyFormats)
        m_format->addItem(tr(format.label), QString::fromLatin1(format.name));
    options->addRow(tr("Format"), m_format);
    m_bedrockOptions = new QWidget(right);
    auto* bedrock = new QHBoxLayout(m_bedrockOptions);
    bedrock->setContentsMargins(0, 0, 0, 0);
    m_region = new QLineEdit(QStringLiteral("us-east-1"), m_bedrockOptions);
    m_region->setToolTip(tr("The region of the models' ARNs"));
    m_qualityDifference = new QDoubleSpinBox(m_bedrockOptions);
    m_qualityDifference->setRange(0.0, 100.0);
    m_qualityDifference->setSuffix(tr(" points"));
    m_qualityDifference->setToolTip(
        tr("responseQualityDifference: how much worse the cheaper model's answer may be "
           "predicted to be and still be chosen"));
    bedrock->addWidget(m_region);
    bedrock->addWidget(new QLabel(tr("Quality difference"), m_bedrockOptions));
    bedrock->addWidget(m_qualityDifference);
    m_bedrockLabel = new QLabel(tr("Region"), right);
    options->addRow(m_bedrockLabel, m_bedrockOptions);
    column->addLayout(options);
    m_preview = new QPlainTextEdit(right);
    m_preview->setObjectName(QStringLiteral("policyPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new YamlHighlighter(m_preview->document());
    m_views = new QTabWidget(right);
    m_views->addTab(m_preview, tr("Preview"));
    auto* changes = new QWidget(m_views);
    auto* changesLayout = new QVBoxLayout(changes);
    m_diffNote = new QLabel(changes);
    m_diffNote->setWordWrap(true);
    m_diff = new DiffView(changes);
    m_diff->setObjectName(QStringLiteral("policyDiff"));
    changesLayout->addWidget(m_diffNote);
    changesLayout->addWidget(m_diff, 1);
    m_views->addTab(changes, tr("Changes since last export"));
    column->addWidget(m_views, 3);
    auto* checksBox = new QGroupBox(tr("Checks"), right);
    auto* checksLayout = new QVBoxLayout(checksBox);
    m_problemsNote = new QLabel(checksBox);
    m_problemsNote->setWordWrap(true);
    m_problems = new QListWidget(checksBox);
    m_problems->setObjectName(QStringLiteral("policyProblems"));
    m_problems->setWordWrap(true);
    m_problems->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    checksLayout->addWidget(m_problemsNote);
    checksLayout->addWidget(m_problems);
    column->addWidget(checksBox);
    auto* warningsBox = new QGroupBox(tr("Not expressed by this format"), right);
    auto* warningsLayout = new QVBoxLayout(warningsBox);
    m_warningsNote = new QLabel(warningsBox);
    m_warningsNote->setWordWrap(true);
    m_warnings = new QListWidget(warningsBox);
    m_warnings->setWordWrap(true);
    // A few lines: the preview above is what the page is for.
    m_warnings->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    warningsLayout->addWidget(m_warningsNote);
    warningsLayout->addWidget(m_warnings);
    column->addWidget(warningsBox, 1);
    m_gate = new GovernanceGateView(right);
    column->addWidget(m_gate);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    page->addWidget(split, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &PolicyPage::showSelected);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PolicyPage::showSelected);
    connect(m_region, &QLineEdit::textChanged, this, &PolicyPage::showSelected);
    connect(m_qualityDifference, &QDoubleSpinBox::valueChanged, this, &PolicyPage::showSelected);
    connect(m_export, &QPushButton::clicked, this, &PolicyPage::chooseFile);
    connect(m_workspace, &WorkspaceController::workspaceOpened, this, &PolicyPage::reload);
    connect(
        this, &PolicyPage::exported, this, [this](const QString& path, const QString& modelFile) {
            if (m_list->currentItem()) {
                QSettings().setValue(exportKey(m_list->currentItem()->text()), path);
                showSelected();
            }
            emit statusMessage(modelFile.isEmpty() ? tr("Wrote %1").arg(QFileInfo(path).fileName())
                                                   : tr("Wrote %1 and its trained router %2")
                                                         .arg(QFileInfo(path).fileName(),
                                                              QFileInfo(modelFile).fileName()));
        });
    connect(this, &PolicyPage::exportFailed, this, &PolicyPage::statusMessage);
    showSelected();
}

void PolicyPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload(); // the Router Lab and the command line save policies while the page is hidden
}

void PolicyPage::reload() {
    if (!m_workspace->workspace())
        return;
    const int mine = ++m_loadJob;
    runReadJob<std::vector<CheckedPolicy>>(
        m_workspace->path().toStdString(), this,
        [](const Workspace& workspace) {
            std::vector<CheckedPolicy> checked;
            // The prices are read once for every policy checked.
            auto prices = workspacePrices(workspace);
            for (PolicyRecord& record : workspace.policies()) {
                const std::string source = "policy '" + record.name + "'";
                std::vector<Error> problems =
                    prices ? workbench::checkPolicyYaml(prices->catalogue, record.yaml, source)
                                 .problems
                           : std::vector<Error>{prices.error()};
                checked.push_back({std::move(record), std::move(problems)});
            }
            return checked;
        },
        [this, mine](std::optional<std::vector<CheckedPolicy>> policies) {
            if (mine == m_loadJob && policies)
                showPolicies(std::move(*policies));
        });
}

void PolicyPage::showPolicies(std::vector<CheckedPolicy> policies) {
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_policies = std::move(policies);
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const CheckedPolicy& policy : m_policies) {
            auto* item = new QListWidgetItem(QString::fromStdString(policy.record.name), m_list);
            item->setToolTip(tr("Saved %1").arg(QString::fromStdString(policy.record.createdAt)));
            if (!policy.problems.empty())
                item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        }
        const auto found = m_list->findItems(current, Qt::MatchExactly);
        m_list->setCurrentRow(found.isEmpty() ? 0 : m_list->row(found.first()));
    }
    showSelected();
}

void PolicyPage::showProblems(const std::vector<Error>& problems) {
    m_problems->clear();
    m_problems->setVisible(!problems.empty());
    m_problemsNote->setText(
        problems.empty()
            ? tr("The policy reads, and every model it names has a price in this workspace.")
            : tr("%n problem(s), by their path in the policy file:", "", int(problems.size())));
    for (const Error& problem : problems)
        m_problems->addItem(QStringLiteral("%1: %2").arg(QString::fromStdString(problem.field),
                                                         QString::fromStdString(problem.message)));
}

// Where the selected policy was last exported in the selected format from this machine, per
// workspace file.
QString PolicyPage::exportKey(const QString& policy) const {
    const QByteArray workspace =
        QCryptographicHash::hash(m_workspace->path().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("policyExports/%1/%2/%3")
        .arg(QString::fromLatin1(workspace.left(16)), QString::fromLatin1(policy.toUtf8().toHex()),
             formatName());
}

void PolicyPage::showChangesSinceExport(const QString& policy, const QString& text) {
    const QString path = QSettings().value(exportKey(policy)).toString();
    QFile previous(path);
    if (path.isEmpty() || !previous.open(QIODevice::ReadOnly)) {
        m_diff->showDiff(QString(), text);
        m_diffNote->setText(
            path.isEmpty() ? tr("Not exported in this format from here yet: every line is new.")
                           : tr("The last export, %1, is gone: every line is new.").arg(path));
        m_views->setTabText(1, tr("Changes since last export"));
        return;
    }
    const QString before = QString::fromUtf8(previous.readAll());
    const DiffView::Counts counts = m_diff->showDiff(before, text);
    const QString when =
        QLocale().toString(QFileInfo(previous).lastModified(), QLocale::ShortFormat);
    m_diffNote->setText(counts.added == 0 && counts.removed == 0
                            ? tr("%1 (written %2) is up to date.").arg(path, when)
                            : tr("Against %1 (written %2): %n line(s) added", "", int(counts.added))
                                      .arg(path, when) +
                                  tr(", %n removed.", "", int(counts.removed)));
    m_views->setTabText(
        1, counts.added || counts.removed
               ? tr("Changes since last export (%1)").arg(counts.added + counts.removed)
               : tr("Changes since last export"));
}

QString PolicyPage::formatName() const {
    return m_format->currentData().toString();
}

GatewayExportOptions PolicyPage::exportOptions() const {
    GatewayExportOptions options;
    if (m_providers)
        options.providerKinds = providerKindsOf(m_providers->file());
    options.region = m_region->text().trimmed().toStdString();
    options.responseQualityDifference = m_qualityDifference->value();
    return options;
}

void PolicyPage::showSelected() {
    m_views->setTabEnabled(1, !isDatasetFormat());
    const bool bedrock = formatName() == QLatin1String("bedrock-router");
    m_bedrockLabel->setVisible(bedrock);
    m_bedrockOptions->setVisible(bedrock);
    m_warnings->clear();
    const int row = m_list->currentRow();
    m_export->setEnabled(row >= 0);
    if (row < 0 || row >= static_cast<int>(m_policies.size())) {
        m_gate->setPolicy({}, {}, 0);
        m_summary->setText(m_policies.empty()
                               ? tr("No saved policy yet: save one from the Router Lab (Save as "
                                    "Policy…) or with switchyard-cli policy --save NAME.")
                               : QString());
        m_preview->clear();
        m_diff->clear();
        m_diffNote->clear();
        m_warningsNote->clear();
        showProblems({});
        return;
    }
    const PolicyRecord& record = m_policies[static_cast<size_t>(row)].record;
    showProblems(m_policies[static_cast<size_t>(row)].problems);
    auto policy = parsePolicyYaml(record.yaml, record.name);
    if (!policy) {
        m_gate->setPolicy({}, {}, 0);
        m_summary->setText(tr("Policy '%1' does not read: %2")
                               .arg(QString::fromStdString(record.name),
                                    QString::fromStdString(policy.error().toString())));
        m_preview->setPlainText(QString::fromStdString(record.yaml));
        return;
    }
    m_summary->setText(describe(*policy));
    m_gate->setPolicy(m_workspace->path().toStdString(), record.name,
                      policy->governance ? policy->governance->workloads.size() : 0);
    const auto format = gatewayFormatFromName(formatName().toStdString());
    const QString name = QString::fromStdString(record.name);
    if (isDatasetFormat()) {
        showDatasetExport(*policy);
        return;
    }
    if (!format) {
        m_preview->setPlainText(QString::fromStdString(policyToYaml(*policy)));
        showChangesSinceExport(name, m_preview->toPlainText());
        m_warningsNote->setText(tr("The policy file holds everything the Router Lab evaluated."));
        return;
    }
    auto exported = exportForGateway(*policy, *format, exportOptions());
    if (!exported) {
        m_preview->clear();
        m_warningsNote->setText(tr("This format cannot hold the policy: %1")
                                    .arg(QString::fromStdString(exported.error().message)));
        m_export->setEnabled(false);
        return;
    }
    m_preview->setPlainText(QString::fromStdString(exported->text));
    showChangesSinceExport(name, m_preview->toPlainText());
    m_warningsNote->setText(
        exported->warnings.empty()
            ? tr("Everything in the policy is expressed.")
            : tr("Kept outside this file (%1):").arg(exported->warnings.size()));
    for (const std::string& warning : exported->warnings)
        m_warnings->addItem(QString::fromStdString(warning));
}

void PolicyPage::chooseFile() {
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    const PolicyFormatChoice& choice = kPolicyFormats[m_format->currentIndex()];
    const QString suggested =
        QString::fromStdString(m_policies[static_cast<size_t>(row)].record.name) +
        QString::fromLatin1(choice.filter).mid(1);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export policy"), suggested,
        tr("%1 (%2)").arg(tr(choice.label), QString::fromLatin1(choice.filter)));
    if (!path.isEmpty())
        exportTo(path);
}

void PolicyPage::exportTo(const QString& path) {
    const int row = m_list->currentRow();
    if (row < 0 || !m_workspace->workspace())
        return;
    if (isDatasetFormat()) {
        exportDataset(path);
        return;
    }
    workbench::PolicyExportRequest request;
    request.policy = m_policies[static_cast<size_t>(row)].record.name;
    request.format = formatName().toStdString();
    request.outPath = path.toStdString();
    request.gateway = exportOptions();
    QPointer<PolicyPage> guard(this);
    const std::string workspacePath = m_workspace->path().toStdString();
    QThreadPool::globalInstance()->start([guard, request, workspacePath]() {
        auto workspace = Workspace::open(workspacePath, Workspace::OpenMode::ExistingOnly);
        Expected<workbench::PolicyExportOutcome> outcome =
            workspace ? workbench::exportPolicy(**workspace, request)
                      : Expected<workbench::PolicyExportOutcome>(workspace.error());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, outcome = std::move(outcome)]() {
                if (!guard)
                    return;
                if (outcome)
                    emit guard->exported(
                        QString::fromStdString(outcome->written),
                        QString::fromStdString(outcome->modelFile.value_or(std::string())));
                else
                    emit guard->exportFailed(QString::fromStdString(outcome.error().toString()));
            },
            Qt::QueuedConnection);
    });
}
