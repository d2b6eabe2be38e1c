#include "routerlabcontrols.h"

#include "uiformat.h"
#include "widgets/ruleseditor.h"
#include "widgets/thresholdsliders.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace switchyard::routing;

namespace {

constexpr int kMaxTiers = 4;

} // namespace

RouterLabControls::RouterLabControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildRunGroup());
    layout->addWidget(buildRouterGroup());
    layout->addWidget(buildEvaluationGroup());
    layout->addStretch(1);
}

QGroupBox* RouterLabControls::buildRunGroup() {
    auto* group = new QGroupBox(tr("Recorded results"), this);
    auto* form = m_runForm = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // German labels are longer
    m_run = new QComboBox(group);
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_run->setMinimumContentsLength(16);
    m_scorer = new QComboBox(group);
    m_scorer->setToolTip(tr("The scorer whose scores are the quality"));
    form->addRow(tr("Run"), m_run);
    form->addRow(tr("Scorer"), m_scorer);
    form->setRowVisible(m_scorer, false);
    m_tiers = new QListWidget(group);
    m_tiers->setObjectName(QStringLiteral("tierList"));
    m_tierHint = new QLabel(tr("Tiers: tick 2 to 4 models (cheapest first)."), group);
    m_tierHint->setToolTip(tr("Models are ordered by the mean recorded cost of their calls; a "
                              "policy's tiers go from the cheapest to the strongest."));
    m_tierHint->setWordWrap(true);
    form->addRow(m_tierHint);
    form->addRow(m_tiers);

    connect(m_run, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_updating)
            emit runChanged(runId());
    });
    connect(m_scorer, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_updating)
            emit runChanged(runId());
    });
    connect(m_tiers, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_updating)
            return;
        if (item->checkState() == Qt::Checked && checkedTiers().size() > kMaxTiers) {
            m_updating = true;
            item->setCheckState(Qt::Unchecked);
            m_updating = false;
            m_tierHint->setText(tr("At most %1 tiers: untick one first.").arg(kMaxTiers));
            return;
        }
        m_tierHint->setText(checkedTiers().size() < 2
                                ? tr("Tick at least 2 models to route between.")
                                : tr("Tiers: tick 2 to 4 models (cheapest first)."));
        rebuildSliders();
        emitSetupChanged();
    });
    return group;
}

QGroupBox* RouterLabControls::buildRouterGroup() {
    auto* group = new QGroupBox(tr("Router"), this);
    m_routerForm = new QFormLayout(group);
    m_routerForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_kind = new QComboBox(group);
    const std::pair<RouterKind, QString> kinds[] = {
        {RouterKind::Complexity, tr("Complexity (prompt features)")},
        {RouterKind::Learned, tr("Learned (trained on these results)")},
        {RouterKind::Classifier, tr("Classifier (an LLM labels each prompt)")},
        {RouterKind::Cascade, tr("Cascade (try cheap first, escalate)")},
        {RouterKind::Random, tr("Random (the reference)")},
        {RouterKind::Rules, tr("Rules (regex, keywords, length, tag)")}};
    for (const auto& [kind, label] : kinds)
        m_kind->addItem(label, static_cast<int>(kind));
    m_classifier = new QComboBox(group);
    m_classifier->setToolTip(tr("The model whose recorded answers are the labels simple, standard "
                                "or complex; its calls are charged to every request"));
    m_cascadeSignal = new QComboBox(group);
    m_cascadeSignal->setToolTip(tr("What says an answer is good enough to keep"));
    m_routerForm->addRow(tr("Kind"), m_kind);
    m_routerForm->addRow(tr("Labelled by"), m_classifier);
    m_routerForm->addRow(tr("Confidence"), m_cascadeSignal);
    m_sliders = new ThresholdSliders(group);
    m_routerForm->addRow(m_sliders);
    connect(m_sliders, &ThresholdSliders::thresholdsChanged, this,
            &RouterLabControls::thresholdsChanged);
    auto* reset = m_resetThresholds = new QPushButton(tr("Reset thresholds"), group);
    m_routerForm->addRow(reset);
    m_rules = new RulesEditor(group);
    m_routerForm->addRow(m_rules);
    // Typing rebuilds the router once it pauses, through the same path as a kind change.
    m_rulesDebounce = new QTimer(this);
    m_rulesDebounce->setSingleShot(true);
    m_rulesDebounce->setInterval(300);
    connect(m_rules, &RulesEditor::rulesChanged, m_rulesDebounce, qOverload<>(&QTimer::start));
    connect(m_rulesDebounce, &QTimer::timeout, this, [this]() {
        if (static_cast<RouterKind>(m_kind->currentData().toInt()) == RouterKind::Rules)
            emitSetupChanged();
    });

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this]() {
        m_rulesDebounce->stop();
        updateKindOptions();
        rebuildSliders();
        emitSetupChanged();
    });
    connect(m_classifier, &QComboBox::currentIndexChanged, this,
            &RouterLabControls::emitSetupChanged);
    connect(m_cascadeSignal, &QComboBox::currentIndexChanged, this,
            &RouterLabControls::emitSetupChanged);
    connect(reset, &QPushButton::clicked, m_sliders, &ThresholdSliders::reset);
    return group;
}

QGroupBox* RouterLabControls::buildEvaluationGroup() {
    auto* group = new QGroupBox(tr("Evaluation and targets"), this);
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_qualityBar = new QDoubleSpinBox(group);
    m_qualityBar->setRange(0.0, 1.0);
    m_qualityBar->setSingleStep(0.05);
    m_qualityBar->setDecimals(2);
    m_qualityBar->setValue(TableOptions{}.qualityBar);
    m_qualityBar->setToolTip(tr("An answer passes when its score is at least the bar: the pass "
                                "rate, the verdicts and the learned routers use it"));
    m_incomplete = new QComboBox(group);
    m_incomplete->addItem(tr("Exclude the prompt"), static_cast<int>(IncompleteResults::Exclude));
    m_incomplete->addItem(tr("Count as a failure"),
                          static_cast<int>(IncompleteResults::CountAsFailure));
    m_incomplete->setToolTip(tr("A prompt whose result is missing, failed or unscored for a tier: "
                                "left out of every figure, or kept with quality 0"));
    form->addRow(tr("Quality bar"), m_qualityBar);
    form->addRow(tr("Incomplete results"), m_incomplete);
    connect(m_qualityBar, &QDoubleSpinBox::valueChanged, this,
            &RouterLabControls::emitSetupChanged);
    connect(m_incomplete, &QComboBox::currentIndexChanged, this,
            &RouterLabControls::emitSetupChanged);
    addCalibration(group, form);
    return group;
}

void RouterLabControls::addCalibration(QGroupBox* group, QFormLayout* form) {
    m_targetQuality = new QDoubleSpinBox(group);
    m_targetQuality->setRange(0.0, 1.0);
    m_targetQuality->setSingleStep(0.01);
    m_targetQuality->setDecimals(3);
    m_targetQuality->setValue(0.8);
    m_targetShare = new QDoubleSpinBox(group);
    m_targetShare->setRange(0.0, 100.0);
    m_targetShare->setDecimals(1);
    m_targetShare->setSuffix(tr(" %"));
    m_targetShare->setValue(30.0);
    auto* qualityButton = new QPushButton(tr("Set"), group);
    auto* shareButton = new QPushButton(tr("Set"), group);
    qualityButton->setObjectName(QStringLiteral("calibrateQuality"));
    shareButton->setObjectName(QStringLiteral("calibrateShare"));
    auto row = [group](QWidget* box, QPushButton* button) {
        auto* widget = new QWidget(group);
        auto* layout = new QHBoxLayout(widget);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(box, 1);
        layout->addWidget(button);
        return widget;
    };
    const QString how = tr("Sets the thresholds to the cheapest setting of the sweep that "
                           "reaches the target");
    for (QWidget* widget :
         {static_cast<QWidget*>(m_targetQuality), static_cast<QWidget*>(m_targetShare),
          static_cast<QWidget*>(qualityButton), static_cast<QWidget*>(shareButton)})
        widget->setToolTip(how);
    form->addRow(tr("Target quality"), row(m_targetQuality, qualityButton));
    form->addRow(tr("Target strong share"), row(m_targetShare, shareButton));
    connect(qualityButton, &QPushButton::clicked, this,
            [this]() { emit calibrateRequested(true, m_targetQuality->value()); });
    connect(shareButton, &QPushButton::clicked, this,
            [this]() { emit calibrateRequested(false, m_targetShare->value() / 100.0); });
}

void RouterLabControls::setRuns(const std::vector<std::pair<int64_t, QString>>& runs,
                                int64_t select) {
    m_updating = true;
    m_run->clear();
    for (const auto& [id, label] : runs)
        m_run->addItem(label, QVariant::fromValue<qlonglong>(id));
    const int row = m_run->findData(QVariant::fromValue<qlonglong>(select));
    m_run->setCurrentIndex(row >= 0 ? row : m_run->count() - 1);
    m_updating = false;
}

int64_t RouterLabControls::runId() const {
    return m_run->currentData().toLongLong();
}

QString RouterLabControls::scorer() const {
    return m_scorer->currentText();
}

void RouterLabControls::setRun(const RouterLabRun& run) {
    m_updating = true;
    m_models = run.models;
    m_hasConfidence = run.hasConfidence;
    m_hasStatedConfidence = run.hasStatedConfidence;
    m_scorer->clear();
    for (const std::string& scorer : run.scorers)
        m_scorer->addItem(QString::fromStdString(scorer));
    m_scorer->setCurrentText(QString::fromStdString(run.scorer));
    m_runForm->setRowVisible(m_scorer, run.scorers.size() > 1);

    // By default the cheapest and the dearest model that can be a tier: the widest gap to route.
    std::vector<size_t> usable;
    for (size_t i = 0; i < m_models.size(); ++i)
        if (m_models[i].scored > 0 && m_models[i].unpriced == 0)
            usable.push_back(i);
    m_tiers->clear();
    m_classifier->clear();
    for (size_t i = 0; i < m_models.size(); ++i) {
        const RouterLabModel& model = m_models[i];
        auto* item = new QListWidgetItem(
            tr("%1 · %2 per 1k").arg(model.label, uiformat::money(model.meanCostUsd * 1000.0)),
            m_tiers);
        item->setData(Qt::UserRole, QString::fromStdString(model.ref));
        item->setToolTip(QString::fromStdString(model.ref));
        if (model.unpriced > 0) {
            item->setText(tr("%1 · cost unknown").arg(model.label));
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(tr("%1: %n result(s) without a price; add the model's price on the "
                                "Pricing page to route to it",
                                nullptr, static_cast<int>(model.unpriced))
                                 .arg(QString::fromStdString(model.ref)));
        } else if (model.scored == 0) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(tr("%1: no scored answers, so it cannot be a tier")
                                 .arg(QString::fromStdString(model.ref)));
        } else {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        }
        const bool preselected =
            !usable.empty() && usable.size() >= 2 && (i == usable.front() || i == usable.back());
        item->setCheckState(preselected ? Qt::Checked : Qt::Unchecked);
        if (model.hasLabels)
            m_classifier->addItem(model.label, QString::fromStdString(model.ref));
    }
    // As tall as the models need, so the groups below stay in view.
    const int rowHeight = std::max(m_tiers->sizeHintForRow(0), m_tiers->fontMetrics().height());
    m_tiers->setFixedHeight(rowHeight * std::clamp(m_tiers->count(), 2, 6) +
                            2 * m_tiers->frameWidth() + 4);
    updateKindOptions();
    m_updating = false;
    rebuildSliders();
}

std::vector<std::string> RouterLabControls::checkedTiers() const {
    std::vector<std::string> tiers;
    for (int i = 0; i < m_tiers->count(); ++i)
        if (m_tiers->item(i)->checkState() == Qt::Checked)
            tiers.push_back(m_tiers->item(i)->data(Qt::UserRole).toString().toStdString());
    return tiers;
}

void RouterLabControls::updateKindOptions() {
    // Kinds the run cannot drive stay listed, disabled, so the user learns they exist.
    auto* model = qobject_cast<QStandardItemModel*>(m_kind->model());
    for (int i = 0; i < m_kind->count(); ++i) {
        const auto kind = static_cast<RouterKind>(m_kind->itemData(i).toInt());
        bool enabled = true;
        QString tip;
        if (kind == RouterKind::Classifier && m_classifier->count() == 0) {
            enabled = false;
            tip = tr("No model of this run answered with labels (simple, standard, complex)");
        } else if (kind == RouterKind::Rules) {
            tip = tr("Rules tried in order: a regex, keywords, a prompt length or a tag sends a "
                     "prompt to a tier or a canned answer");
        }
        if (model)
            model->item(i)->setEnabled(enabled);
        m_kind->setItemData(i, tip, Qt::ToolTipRole);
    }
    const auto kind = static_cast<RouterKind>(m_kind->currentData().toInt());
    m_routerForm->setRowVisible(m_classifier, kind == RouterKind::Classifier);
    m_routerForm->setRowVisible(m_cascadeSignal, kind == RouterKind::Cascade);
    // Rules decide without thresholds.
    m_routerForm->setRowVisible(m_rules, kind == RouterKind::Rules);
    m_routerForm->setRowVisible(m_sliders, kind != RouterKind::Rules);
    m_routerForm->setRowVisible(m_resetThresholds, kind != RouterKind::Rules);
    const QVariant signal = m_cascadeSignal->currentData();
    const bool wasUpdating = std::exchange(m_updating, true);
    m_cascadeSignal->clear();
    m_cascadeSignal->addItem(tr("Refusal (answer declines or does not know)"),
                             static_cast<int>(CascadeSignal::Refusal));
    m_cascadeSignal->addItem(tr("Format (JSON that parses)"),
                             static_cast<int>(CascadeSignal::Format));
    m_cascadeSignal->addItem(tr("Learned from the prompt (out-of-fold)"),
                             static_cast<int>(CascadeSignal::Learned));
    m_cascadeSignal->addItem(tr("Learned from the prompt and the answer (out-of-fold)"),
                             static_cast<int>(CascadeSignal::Answer));
    if (m_hasConfidence)
        m_cascadeSignal->addItem(tr("Judge (a second scorer)"),
                                 static_cast<int>(CascadeSignal::Judge));
    if (m_hasStatedConfidence)
        m_cascadeSignal->addItem(tr("Stated probability (a local student's own)"),
                                 static_cast<int>(CascadeSignal::Stated));
    const int row = m_cascadeSignal->findData(signal);
    m_cascadeSignal->setCurrentIndex(row >= 0 ? row : 0);
    m_updating = wasUpdating;
}

RouterLabSetup RouterLabControls::setup() const {
    RouterLabSetup setup;
    setup.tiers = checkedTiers();
    setup.config.kind = static_cast<RouterKind>(m_kind->currentData().toInt());
    setup.config.thresholds = thresholds();
    if (setup.config.kind == RouterKind::Classifier)
        setup.config.classifierModel = m_classifier->currentData().toString().toStdString();
    setup.config.cascadeSignal = static_cast<CascadeSignal>(m_cascadeSignal->currentData().toInt());
    if (setup.config.kind == RouterKind::Rules) {
        setup.config.rules = m_rules->rules();
        setup.config.defaultTier = m_rules->defaultTier();
    }
    setup.options.qualityBar = m_qualityBar->value();
    setup.options.incomplete = static_cast<IncompleteResults>(m_incomplete->currentData().toInt());
    return setup;
}

bool RouterLabControls::setupValid() const {
    const size_t tiers = checkedTiers().size();
    return tiers >= 2 && tiers <= kMaxTiers;
}

void RouterLabControls::emitSetupChanged() {
    // Rules the editor finds wrong are not built: it says which rule and field.
    const bool rules = static_cast<RouterKind>(m_kind->currentData().toInt()) == RouterKind::Rules;
    if (!m_updating && setupValid() && !(rules && !m_rules->validationError().isEmpty()))
        emit setupChanged();
}

void RouterLabControls::showRouterError(const QString& message) {
    if (static_cast<RouterKind>(m_kind->currentData().toInt()) == RouterKind::Rules)
        m_rules->showError(message);
}

void RouterLabControls::rebuildSliders() {
    std::vector<QString> labels;
    for (const std::string& ref : checkedTiers()) {
        const auto model = std::find_if(m_models.begin(), m_models.end(),
                                        [&ref](const RouterLabModel& m) { return m.ref == ref; });
        labels.push_back(model != m_models.end() ? model->label : QString::fromStdString(ref));
    }
    m_sliders->setTiers(labels, static_cast<RouterKind>(m_kind->currentData().toInt()) ==
                                    RouterKind::Cascade);
    m_rules->setTiers(QStringList(labels.begin(), labels.end()));
}

std::vector<double> RouterLabControls::thresholds() const {
    return m_sliders->thresholds();
}

const std::vector<QSlider*>& RouterLabControls::sliders() const {
    return m_sliders->sliders();
}

void RouterLabControls::setThresholds(const std::vector<double>& thresholds) {
    m_sliders->setThresholds(thresholds);
}
