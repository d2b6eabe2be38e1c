#include "trafficpage.h"

#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "charts/trafficcharts.h"
#include "pagelayout.h"
#include "readjob.h"
#include "trafficimport.h"
#include "traffictables.h"
#include "trafficwhatif.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "workspacecontroller.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace switchyard;

TrafficPage::TrafficPage(WorkspaceController* workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace), m_import(new TrafficImport(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Traffic"),
        tr("What production traffic cost, where the money went, and where it leaks"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_importButton = new QPushButton(tr("Import Logs…"), this);
    m_importButton->setToolTip(tr("Amazon Bedrock model-invocation logs (folders of .json.gz as "
                                  "delivered to S3, CloudWatch Logs exports) or a usage CSV "
                                  "export; dropping them on the window does the same"));
    header->addWidget(m_progress);
    header->addWidget(m_cancel);
    header->addWidget(m_importButton);

    auto* cards = new QHBoxLayout;
    m_spendCard = new StatCard(tr("Spend"), this);
    m_perThousandCard = new StatCard(tr("Cost per 1k requests"), this);
    m_chrCard = new StatCard(tr("Cache hit ratio achieved"), this);
    m_anomalyCard = new StatCard(tr("Anomalies"), this);
    for (StatCard* card : {m_spendCard, m_perThousandCard, m_chrCard, m_anomalyCard})
        cards->addWidget(card);
    page->addLayout(cards);

    auto* body = pagelayout::makeSplitter(Qt::Horizontal, "trafficBodySplitter", this);
    auto* left = pagelayout::makeSplitter(Qt::Vertical, "trafficChartsSplitter", body);
    m_timeline = chartsetup::makeChartView(left);
    m_timeline->setObjectName(QStringLiteral("trafficTimeline"));
    auto* lower = pagelayout::makeSplitter(Qt::Horizontal, "trafficLowerSplitter", left);
    m_tiers = chartsetup::makeChartView(lower);
    m_tiers->setObjectName(QStringLiteral("trafficTiers"));
    m_tokens = chartsetup::makeChartView(lower);
    m_tokens->setObjectName(QStringLiteral("trafficTokens"));
    lower->addWidget(m_tiers);
    lower->addWidget(m_tokens);
    auto* tabs = new QTabWidget(left);
    m_workloads = traffictables::makeWorkloadsTable(tabs);
    m_anomalies = traffictables::makeAnomaliesTable(tabs);
    m_models = traffictables::makeModelsTable(tabs);
    tabs->addTab(m_workloads, tr("Workloads"));
    tabs->addTab(m_anomalies, tr("Anomalies"));
    tabs->addTab(m_models, tr("Models"));
    left->addWidget(m_timeline);
    left->addWidget(lower);
    left->addWidget(tabs);
    left->setSizes({380, 300, 240});
    lower->setSizes({450, 550});
    body->addWidget(left);
    body->addWidget(makeControls());
    body->setStretchFactor(0, 1);
    page->addWidget(body, 1);

    connect(m_importButton, &QPushButton::clicked, this, &TrafficPage::chooseAndImport);
    connect(m_cancel, &QPushButton::clicked, m_import, &TrafficImport::cancel);
    connect(m_import, &TrafficImport::progress, this, [this](qint64 done, qint64 total) {
        // Bytes can pass 2^31: the bar counts kilobytes.
        m_progress->setRange(0, int(std::max<qint64>(total / 1024, 1)));
        m_progress->setValue(int(done / 1024));
    });
    connect(m_import, &TrafficImport::finished, this,
            [this](bool ok, const QString& summary, const QString& setName,
                   const QStringList& problems) {
                m_progress->setVisible(false);
                m_cancel->setVisible(false);
                m_importButton->setEnabled(true);
                m_importSummary->setText(summary);
                m_importProblems->setPlainText(problems.join(QLatin1Char('\n')));
                m_importProblems->setVisible(!problems.isEmpty());
                emit statusMessage(summary);
                if (ok) {
                    m_workspace->notifyDataChanged();
                    m_set->setProperty("wanted", setName);
                    reload();
                }
                emit imported(ok);
            });
    connect(m_whatIf, &TrafficWhatIfPanel::sampleSaved, this,
            [this](bool ok, const QString& setName) {
                if (!ok)
                    return;
                m_workspace->notifyDataChanged();
                emit statusMessage(tr("Saved the sample as prompt set '%1': run the policy's "
                                      "models on it from the Runs page")
                                       .arg(setName));
            });
    connect(m_workspace, &WorkspaceController::workspaceOpened, this, &TrafficPage::reload);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    showNothing(tr("No production traffic in this workspace yet: import Bedrock invocation logs "
                   "or a usage export (Import Logs…, or drop them on the window)."));
}

QWidget* TrafficPage::makeControls() {
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    auto* data = new QGroupBox(tr("Traffic"), panel);
    auto* form = new QFormLayout(data);
    m_set = new QComboBox(data);
    m_set->setObjectName(QStringLiteral("trafficSet"));
    form->addRow(tr("Prompt set"), m_set);
    m_breakdown = new QComboBox(data);
    form->addRow(tr("Spend over time"), m_breakdown);
    column->addWidget(data);

    auto* rules = new QGroupBox(tr("Anomaly rules"), panel);
    auto* ruleForm = new QFormLayout(rules);
    m_jumpFactor = new QDoubleSpinBox(rules);
    m_jumpFactor->setRange(1.5, 100.0);
    m_jumpFactor->setDecimals(1);
    m_jumpFactor->setValue(TrafficAnomalyRules{}.spendJumpFactor);
    m_jumpFactor->setSuffix(tr("× the day before"));
    ruleForm->addRow(tr("Spend jump"), m_jumpFactor);
    m_premiumPoints = new QSpinBox(rules);
    m_premiumPoints->setRange(5, 100);
    m_premiumPoints->setValue(int(TrafficAnomalyRules{}.premiumShareJump * 100));
    m_premiumPoints->setSuffix(tr(" points"));
    m_premiumPoints->setToolTip(tr("A rise of the share of requests served by premium models, "
                                   "day over day"));
    ruleForm->addRow(tr("Premium share rise"), m_premiumPoints);
    m_loopRequests = new QSpinBox(rules);
    m_loopRequests->setRange(3, 10000);
    m_loopRequests->setValue(int(TrafficAnomalyRules{}.loopMinRequests));
    m_loopRequests->setSuffix(tr(" requests"));
    m_loopRequests->setToolTip(tr("A conversation re-sent this many times or more, a turn longer "
                                  "each time, each within a minute of the last"));
    ruleForm->addRow(tr("Runaway loop"), m_loopRequests);
    column->addWidget(rules);
    m_whatIf = new TrafficWhatIfPanel(panel);
    column->addWidget(m_whatIf);

    m_summary = new QLabel(panel);
    m_summary->setWordWrap(true);
    column->addWidget(m_summary);
    auto* lastImport = new QGroupBox(tr("Last import"), panel);
    auto* importColumn = new QVBoxLayout(lastImport);
    m_importSummary = new QLabel(tr("None this session"), lastImport);
    m_importSummary->setWordWrap(true);
    m_importProblems = new QPlainTextEdit(lastImport);
    m_importProblems->setReadOnly(true);
    m_importProblems->setObjectName(QStringLiteral("trafficImportProblems"));
    m_importProblems->setVisible(false);
    importColumn->addWidget(m_importSummary);
    importColumn->addWidget(m_importProblems);
    column->addWidget(lastImport);
    column->addStretch(1);
    panel->setMinimumWidth(300);
    panel->setMaximumWidth(420);

    connect(m_set, &QComboBox::currentIndexChanged, this, &TrafficPage::recompute);
    connect(m_breakdown, &QComboBox::currentIndexChanged, this, &TrafficPage::redrawTimeline);
    connect(m_jumpFactor, &QDoubleSpinBox::valueChanged, this, &TrafficPage::recompute);
    connect(m_premiumPoints, &QSpinBox::valueChanged, this, &TrafficPage::recompute);
    connect(m_loopRequests, &QSpinBox::valueChanged, this, &TrafficPage::recompute);
    return panel;
}

void TrafficPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    reload(); // the command line imports logs while the page is hidden
}

void TrafficPage::reload() {
    if (!m_workspace->workspace())
        return;
    const int job = ++m_setsJob;
    runReadJob<std::vector<std::string>>(
        m_workspace->path().toStdString(), this,
        [](const Workspace& workspace) { return workbench::trafficSetNames(workspace); },
        [this, job](std::optional<std::vector<std::string>> sets) {
            if (job == m_setsJob && sets)
                showSets(std::move(*sets));
        });
    readSavedPolicies(m_workspace->path().toStdString(), this, &m_policiesJob,
                      [this](std::vector<PolicyRecord> policies) {
                          QStringList names;
                          for (const PolicyRecord& policy : policies)
                              names << QString::fromStdString(policy.name);
                          m_whatIf->setPolicies(names);
                      });
}

void TrafficPage::showSets(std::vector<std::string> sets) {
    const QString wanted = m_set->property("wanted").toString();
    const QString current = wanted.isEmpty() ? m_set->currentText() : wanted;
    m_set->setProperty("wanted", QString());
    {
        const QSignalBlocker blocker(m_set);
        m_set->clear();
        for (const std::string& set : sets)
            m_set->addItem(QString::fromStdString(set));
        const int found = m_set->findText(current);
        m_set->setCurrentIndex(found >= 0 ? found : (sets.empty() ? -1 : 0));
    }
    if (sets.empty()) {
        showNothing(tr("No production traffic in this workspace yet: import Bedrock invocation "
                       "logs or a usage export (Import Logs…, or drop them on the window)."));
        return;
    }
    recompute();
}

TrafficAnomalyRules TrafficPage::rules() const {
    TrafficAnomalyRules rules;
    rules.spendJumpFactor = m_jumpFactor->value();
    rules.premiumShareJump = m_premiumPoints->value() / 100.0;
    rules.loopMinRequests = m_loopRequests->value();
    return rules;
}

void TrafficPage::recompute() {
    if (m_set->currentIndex() < 0 || !m_workspace->workspace())
        return;
    const int job = ++m_job;
    const std::string setName = m_set->currentText().toStdString();
    const TrafficAnomalyRules rules = this->rules();
    using Result = Expected<workbench::TrafficDashboardOutcome>;
    runReadJob<Result>(
        m_workspace->path().toStdString(), this,
        [setName, rules](const Workspace& workspace) {
            return workbench::trafficDashboard(workspace, setName, rules);
        },
        [this, job](std::optional<Result> outcome) {
            if (job != m_job)
                return;
            if (!outcome || !*outcome) {
                const QString message = outcome
                                            ? QString::fromStdString(outcome->error().toString())
                                            : tr("the workspace could not be opened");
                showNothing(tr("The traffic figures could not be computed: %1").arg(message));
                emit failed(message);
                return;
            }
            m_outcome = std::move(*outcome).value();
            show(*m_outcome);
            emit computed();
        });
}

void TrafficPage::show(const workbench::TrafficDashboardOutcome& outcome) {
    const TrafficDashboard& board = outcome.dashboard;
    const auto day = [](int64_t ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("MMM d"));
    };
    m_spendCard->setValue(uiformat::money(board.costUsd),
                          tr("%Ln request(s), %1 – %2", "", int(board.requests))
                              .arg(day(*board.firstMs), day(*board.lastMs)));
    m_spendCard->setToolTip(tr("The recorded usage of every request priced by the workspace's "
                               "prices (catalogue %1)%2")
                                .arg(QString::fromStdString(outcome.catalogueDate),
                                     board.unpriced ? tr("; %1 request(s) could not be priced "
                                                         "and are left out")
                                                          .arg(uiformat::count(board.unpriced))
                                                    : QString()));
    const int64_t priced = board.requests - board.unpriced;
    m_perThousandCard->setValue(priced > 0 ? uiformat::money(board.costUsd / double(priced) * 1000)
                                           : QStringLiteral("—"),
                                tr("over %1 priced requests").arg(uiformat::count(priced)));
    m_chrCard->setValue(
        uiformat::percent(board.chr()),
        tr("%1 of %2 input tokens read from cache")
            .arg(uiformat::tokens(board.cacheReadTokens), uiformat::tokens(board.inputTokens)),
        board.chr() > 0.3 ? StatCard::Tone::Good : StatCard::Tone::Neutral);
    m_anomalyCard->setValue(uiformat::count(int64_t(board.anomalies.size())),
                            board.anomalies.empty() ? tr("none found by the rules")
                                                    : tr("see the Anomalies tab"),
                            board.anomalies.empty() ? StatCard::Tone::Good : StatCard::Tone::Bad);
    std::vector<std::string> models;
    for (const ModelTraffic& model : board.models)
        models.push_back(model.model);
    m_whatIf->setTraffic(m_workspace->path(), QString::fromStdString(outcome.setName), models);
    fillBreakdowns(board);
    trafficcharts::fillTierSpend(m_tiers->chart(), board);
    trafficcharts::fillTokenVolume(m_tokens->chart(), board);
    traffictables::fillWorkloads(m_workloads, board);
    traffictables::fillModels(m_models, board);
    traffictables::fillAnomalies(m_anomalies, board);
    m_summary->setText(tr("%1 models, %2 workloads; %3 failed requests. Premium: at least $10 "
                          "per million output tokens; economy: under $1.")
                           .arg(board.models.size())
                           .arg(board.workloads.size())
                           .arg(uiformat::count(board.failed)));
    emit statusMessage(
        tr("Traffic of set '%1': %2 requests")
            .arg(QString::fromStdString(outcome.setName), uiformat::count(board.requests)));
}

// The breakdowns of spend over time: by model, by workload, and by each key of the requests'
// key:value tags (team, environment, cost centre...). The choice is kept across recomputes.
void TrafficPage::fillBreakdowns(const TrafficDashboard& board) {
    const QString kept = m_breakdown->currentData().toString();
    const QSignalBlocker blocker(m_breakdown);
    m_breakdown->clear();
    m_breakdown->addItem(tr("By model"), QStringLiteral("model"));
    m_breakdown->addItem(tr("By workload"), QStringLiteral("workload"));
    for (const TagSpend& key : board.spendByTag) {
        if (key.key == "workload")
            continue; // the workload breakdown above, with its fallbacks to identity and team
        const QString name = QString::fromStdString(key.key);
        m_breakdown->addItem(tr("By tag \u201c%1\u201d").arg(name), QStringLiteral("tag:") + name);
    }
    m_breakdown->setCurrentIndex(std::max(0, m_breakdown->findData(kept)));
    redrawTimeline();
}

void TrafficPage::redrawTimeline() {
    if (!m_outcome)
        return;
    const TrafficDashboard& board = m_outcome->dashboard;
    const QString choice = m_breakdown->currentData().toString();
    if (choice == QLatin1String("workload")) {
        trafficcharts::fillSpendTimeline(m_timeline->chart(), board, board.spendByWorkload,
                                         tr("Spend over time by workload"),
                                         trafficcharts::SeriesColors::InOrder);
        return;
    }
    for (const TagSpend& key : board.spendByTag) {
        const QString name = QString::fromStdString(key.key);
        if (choice == QStringLiteral("tag:") + name) {
            trafficcharts::fillSpendTimeline(m_timeline->chart(), board, key.series,
                                             tr("Spend over time by %1").arg(name),
                                             trafficcharts::SeriesColors::InOrder);
            return;
        }
    }
    trafficcharts::fillSpendTimeline(m_timeline->chart(), board, board.spendByModel,
                                     tr("Spend over time by model"),
                                     trafficcharts::SeriesColors::OfModel);
}

void TrafficPage::showNothing(const QString& why) {
    m_outcome.reset();
    for (StatCard* card : {m_spendCard, m_perThousandCard, m_chrCard, m_anomalyCard})
        card->setValue(QStringLiteral("—"), QString());
    for (ExportableChartView* view : {m_timeline, m_tiers, m_tokens}) {
        chartsetup::clear(view->chart());
        view->chart()->setTitle(QString());
    }
    for (QTableWidget* table : {m_workloads, m_models, m_anomalies})
        table->setRowCount(0);
    m_summary->setText(why);
    m_whatIf->clear();
}

void TrafficPage::chooseAndImport() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import logs"), QString(),
        tr("Invocation logs and usage exports (*.json *.gz *.jsonl *.csv);;All files (*)"));
    if (!files.isEmpty())
        importLogs(files);
}

void TrafficPage::importLogs(const QStringList& paths) {
    if (!m_workspace->workspace() || paths.isEmpty())
        return;
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_importButton->setEnabled(false);
    const QString set = m_set->currentIndex() >= 0
                            ? m_set->currentText()
                            : QString::fromLatin1(workbench::kDefaultTrafficSet);
    emit statusMessage(tr("Importing logs into set '%1'…").arg(set));
    m_import->start(m_workspace->path(), paths, set);
}
