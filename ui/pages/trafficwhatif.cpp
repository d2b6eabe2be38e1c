#include "trafficwhatif.h"

#include "readjob.h"
#include "uiformat.h"
#include "workbench/traffic_whatif.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace switchyard;

namespace {

QString cacheText(const workbench::TrafficCacheWhatIf& whatIf) {
    const CacheSimulation& simulated = whatIf.simulated.simulation;
    if (whatIf.simulated.mode == CacheMode::None)
        return TrafficWhatIfPanel::tr("%1 offers no prompt caching: its %2 requests cannot be "
                                      "cached whatever the prompts do.")
            .arg(QString::fromStdString(whatIf.model), uiformat::count(whatIf.requests));
    return TrafficWhatIfPanel::tr(
               "<b>%1</b> achieved, <b>%2</b> possible with checkpoints after the tools, system "
               "prompt and conversation (%3 requests at their recorded times). Their input "
               "would cost %4 instead of %5 uncached: %6 a month at this rate.")
        .arg(uiformat::percent(whatIf.chrAchieved), uiformat::percent(simulated.chr),
             uiformat::count(whatIf.requests), uiformat::money(simulated.costWithCacheUsd),
             uiformat::money(simulated.costWithoutCacheUsd),
             uiformat::money(simulated.monthlySavingsUsd));
}

QString routingText(const workbench::TrafficRoutingWhatIf& whatIf) {
    QStringList tiers;
    for (size_t t = 0; t < whatIf.tierModels.size(); ++t)
        tiers << QStringLiteral("%1 %2").arg(
            QString::fromStdString(whatIf.tierModels[t]),
            uiformat::percent(double(whatIf.perTier[t]) / double(whatIf.requests)));
    const double saved = whatIf.costRecordedUsd - whatIf.costRoutedUsd;
    QString text =
        TrafficWhatIfPanel::tr("These %1 requests cost %2; routed by '%3' their recorded usage "
                               "would cost <b>%4</b> (%5 %6). Tiers: %7.")
            .arg(uiformat::count(whatIf.requests), uiformat::money(whatIf.costRecordedUsd),
                 QString::fromStdString(whatIf.policyName), uiformat::money(whatIf.costRoutedUsd),
                 saved >= 0 ? TrafficWhatIfPanel::tr("saving") : TrafficWhatIfPanel::tr("adding"),
                 uiformat::money(std::abs(saved)), tiers.join(QStringLiteral(", ")));
    text += QStringLiteral("<br>") +
            TrafficWhatIfPanel::tr("Quality on these prompts is not measured yet: a run of every "
                                   "tier's model on %1 requests drawn over the traffic would "
                                   "cost about %2.")
                .arg(uiformat::count(whatIf.sampleSize), uiformat::money(whatIf.sampleCostUsd));
    if (!whatIf.unpriced.empty())
        text += QStringLiteral("<br>") +
                TrafficWhatIfPanel::tr("No price for %1: its requests are left out of the sums.")
                    .arg(QString::fromStdString(whatIf.unpriced.front()));
    return text;
}

} // namespace

TrafficWhatIfPanel::TrafficWhatIfPanel(QWidget* parent) : QGroupBox(tr("What if"), parent) {
    auto* column = new QVBoxLayout(this);
    auto* cacheForm = new QFormLayout;
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("trafficCacheModel"));
    cacheForm->addRow(tr("Cache model"), m_model);
    column->addLayout(cacheForm);
    m_simulate = new QPushButton(tr("Simulate Caching"), this);
    m_simulate->setToolTip(tr("The Cache Lab's simulation on the requests this model served, at "
                              "the times they arrived"));
    column->addWidget(m_simulate);
    m_cacheResult = new QLabel(this);
    m_cacheResult->setWordWrap(true);
    column->addWidget(m_cacheResult);

    auto* routingForm = new QFormLayout;
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("trafficPolicy"));
    routingForm->addRow(tr("Policy"), m_policy);
    m_sampleSize = new QSpinBox(this);
    m_sampleSize->setRange(10, 100000);
    m_sampleSize->setValue(200);
    m_sampleSize->setSuffix(tr(" requests"));
    routingForm->addRow(tr("Sample"), m_sampleSize);
    column->addLayout(routingForm);
    m_apply = new QPushButton(tr("Apply Policy"), this);
    column->addWidget(m_apply);
    m_routingResult = new QLabel(this);
    m_routingResult->setWordWrap(true);
    column->addWidget(m_routingResult);
    m_saveSample = new QPushButton(tr("Save Sample as Prompt Set"), this);
    m_saveSample->setToolTip(tr("The sampled requests as a prompt set: run the policy's models "
                                "on it from the Runs page to measure their quality"));
    m_saveSample->setEnabled(false);
    column->addWidget(m_saveSample);

    connect(m_simulate, &QPushButton::clicked, this, &TrafficWhatIfPanel::simulateCaching);
    connect(m_apply, &QPushButton::clicked, this, &TrafficWhatIfPanel::applyPolicy);
    connect(m_saveSample, &QPushButton::clicked, this, &TrafficWhatIfPanel::saveSample);
    clear();
}

void TrafficWhatIfPanel::setTraffic(const QString& workspacePath, const QString& setName,
                                    const std::vector<std::string>& models) {
    const bool same = workspacePath == m_workspacePath && setName == m_setName;
    m_workspacePath = workspacePath;
    m_setName = setName;
    const QString kept = m_model->currentText();
    m_model->clear();
    for (const std::string& model : models)
        m_model->addItem(QString::fromStdString(model));
    const int found = m_model->findText(kept);
    m_model->setCurrentIndex(found >= 0 ? found : 0);
    m_simulate->setEnabled(!models.empty());
    m_apply->setEnabled(m_policy->count() > 0);
    if (!same) {
        m_cacheResult->clear();
        m_routingResult->clear();
        m_saveSample->setEnabled(false);
    }
}

void TrafficWhatIfPanel::setPolicies(const QStringList& policies) {
    const QString kept = m_policy->currentText();
    m_policy->clear();
    m_policy->addItems(policies);
    const int found = m_policy->findText(kept);
    m_policy->setCurrentIndex(found >= 0 ? found : 0);
    m_apply->setEnabled(!policies.isEmpty() && !m_setName.isEmpty());
    m_apply->setToolTip(policies.isEmpty() ? tr("No saved policy yet: save one from the Router "
                                                "Lab")
                                           : QString());
}

void TrafficWhatIfPanel::clear() {
    m_setName.clear();
    m_model->clear();
    m_simulate->setEnabled(false);
    m_apply->setEnabled(false);
    m_saveSample->setEnabled(false);
    m_cacheResult->clear();
    m_routingResult->clear();
}

void TrafficWhatIfPanel::simulateCaching() {
    const int job = ++m_job;
    m_cacheResult->setText(tr("Simulating…"));
    const std::string set = m_setName.toStdString();
    const std::string model = m_model->currentText().toStdString();
    using Result = Expected<workbench::TrafficCacheWhatIf>;
    runReadJob<Result>(
        m_workspacePath.toStdString(), this,
        [set, model](const Workspace& workspace) {
            return workbench::trafficCacheWhatIf(workspace, set, model);
        },
        [this, job](std::optional<Result> whatIf) {
            if (job != m_job)
                return;
            const bool ok = whatIf && *whatIf;
            m_cacheResult->setText(ok       ? cacheText(**whatIf)
                                   : whatIf ? QString::fromStdString(whatIf->error().message)
                                            : tr("the workspace could not be opened"));
            emit cacheSimulated(ok);
        });
}

void TrafficWhatIfPanel::applyPolicy() {
    const int job = ++m_job;
    m_routingResult->setText(tr("Routing the recorded prompts…"));
    m_saveSample->setEnabled(false);
    const std::string set = m_setName.toStdString();
    const std::string policy = m_policy->currentText().toStdString();
    const int64_t size = m_sampleSize->value();
    using Result = Expected<workbench::TrafficRoutingWhatIf>;
    runReadJob<Result>(
        m_workspacePath.toStdString(), this,
        [set, policy, size](const Workspace& workspace) {
            return workbench::trafficRoutingWhatIf(workspace, set, policy, size);
        },
        [this, job](std::optional<Result> whatIf) {
            if (job != m_job)
                return;
            const bool ok = whatIf && *whatIf;
            m_routingResult->setText(ok       ? routingText(**whatIf)
                                     : whatIf ? QString::fromStdString(whatIf->error().message)
                                              : tr("the workspace could not be opened"));
            m_saveSample->setEnabled(ok);
            emit policyApplied(ok);
        });
}

void TrafficWhatIfPanel::saveSample() {
    m_saveSample->setEnabled(false);
    const std::string path = m_workspacePath.toStdString();
    const std::string set = m_setName.toStdString();
    const int64_t size = m_sampleSize->value();
    QPointer<TrafficWhatIfPanel> guard(this);
    QThreadPool::globalInstance()->start([guard, path, set, size]() {
        auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
        auto sample = workspace ? workbench::createTrafficSample(**workspace, set, size)
                                : Expected<workbench::TrafficSample>(workspace.error());
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, sample = std::move(sample)]() {
                if (!guard)
                    return;
                guard->m_saveSample->setEnabled(true);
                if (!sample) {
                    guard->m_routingResult->setText(QString::fromStdString(sample.error().message));
                    emit guard->sampleSaved(false, QString());
                    return;
                }
                emit guard->sampleSaved(true, QString::fromStdString(sample->setName));
            },
            Qt::QueuedConnection);
    });
}
