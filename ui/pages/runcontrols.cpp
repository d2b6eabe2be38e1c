#include "runcontrols.h"

#include "promptvariantpicker.h"
#include "uiformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <set>

using namespace switchyard;

namespace {

// An optional number: a checkbox that says whether it applies and the box that holds it.
void addOptionalRow(QFormLayout* form, QCheckBox* check, QWidget* box) {
    box->setEnabled(false);
    QObject::connect(check, &QCheckBox::toggled, box, &QWidget::setEnabled);
    form->addRow(check, box);
}

} // namespace

RunControls::RunControls(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* what = new QGroupBox(tr("What to run"), this);
    auto* whatLayout = new QVBoxLayout(what);
    auto* setForm = new QFormLayout;
    setForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_set = new QComboBox(what);
    m_set->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_set->setMinimumContentsLength(16);
    setForm->addRow(tr("Prompt set"), m_set);
    whatLayout->addLayout(setForm);
    whatLayout->addWidget(new QLabel(tr("Models (from the providers file)"), what));
    m_models = new QListWidget(what);
    m_models->setObjectName(QStringLiteral("runModels"));
    m_models->setMinimumHeight(m_models->fontMetrics().height() * 6);
    whatLayout->addWidget(m_models, 1);
    m_modelsProblem = new QLabel(what);
    m_modelsProblem->setWordWrap(true);
    m_modelsProblem->setObjectName(QStringLiteral("modelsProblem"));
    m_openProviders = new QPushButton(tr("Open the Providers page"), what);
    whatLayout->addWidget(m_modelsProblem);
    whatLayout->addWidget(m_openProviders);
    layout->addWidget(what, 1);
    m_variants = new PromptVariantPicker(this);
    layout->addWidget(m_variants);

    auto* call = new QGroupBox(tr("Call parameters"), this);
    auto* callForm = new QFormLayout(call);
    callForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_maxTokens = new QSpinBox(call);
    m_maxTokens->setRange(1, 1'000'000);
    m_maxTokens->setValue(static_cast<int>(CallParams{}.maxTokens));
    m_maxTokens->setToolTip(tr("The most output tokens each answer may use: the maximum cost "
                               "and the budget guard count every answer at this length"));
    callForm->addRow(tr("Max tokens"), m_maxTokens);
    m_useTemperature = new QCheckBox(tr("Temperature"), call);
    m_temperature = new QDoubleSpinBox(call);
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_useTemperature->setToolTip(tr("Unchecked: each provider's default"));
    addOptionalRow(callForm, m_useTemperature, m_temperature);
    layout->addWidget(call);

    auto* limits = new QGroupBox(tr("Limits"), this);
    auto* limitsForm = new QFormLayout(limits);
    limitsForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_useBudget = new QCheckBox(tr("Budget cap"), limits);
    m_useBudget->setToolTip(tr("The most this run may spend: no call starts unless its maximum "
                               "cost still fits under the cap"));
    m_budget = new QDoubleSpinBox(limits);
    m_budget->setRange(0.01, 1'000'000.0);
    m_budget->setDecimals(2);
    m_budget->setPrefix(QStringLiteral("$"));
    m_budget->setValue(5.0);
    addOptionalRow(limitsForm, m_useBudget, m_budget);
    m_useConcurrency = new QCheckBox(tr("Concurrency"), limits);
    m_useConcurrency->setToolTip(tr("Calls in flight at once per provider; unchecked: each "
                                    "provider's limit from the providers file"));
    m_concurrency = new QSpinBox(limits);
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(4);
    addOptionalRow(limitsForm, m_useConcurrency, m_concurrency);
    layout->addWidget(limits);

    auto* which = new QGroupBox(tr("Which calls"), this);
    auto* whichLayout = new QVBoxLayout(which);
    m_retryFailed = new QCheckBox(tr("Retry failed only"), which);
    m_retryFailed->setToolTip(tr("Send again exactly the failed calls of the newest run with "
                                 "this set, these models and parameters, and nothing else"));
    m_fresh = new QCheckBox(tr("Fresh samples (ignore the response cache)"), which);
    m_fresh->setToolTip(tr("Send every call even when an identical request was answered "
                           "before; otherwise such answers are reused at no cost"));
    whichLayout->addWidget(m_retryFailed);
    whichLayout->addWidget(m_fresh);
    layout->addWidget(which);

    connect(m_openProviders, &QPushButton::clicked, this, &RunControls::openProvidersRequested);
    connect(m_set, &QComboBox::currentIndexChanged, this, &RunControls::changed);
    connect(m_models, &QListWidget::itemChanged, this, &RunControls::updateVariantRows);
    connect(m_variants, &PromptVariantPicker::changed, this, &RunControls::changed);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &RunControls::changed);
    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &RunControls::changed);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &RunControls::changed);
    connect(m_concurrency, &QSpinBox::valueChanged, this, &RunControls::changed);
    for (QCheckBox* box : {m_useTemperature, m_useBudget, m_useConcurrency, m_retryFailed, m_fresh})
        connect(box, &QCheckBox::toggled, this, &RunControls::changed);
    setModels({}, {});
}

RunSettings RunControls::settings() const {
    RunSettings settings;
    settings.setId = m_set->currentData().toLongLong();
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->checkState() == Qt::Checked)
            settings.modelRefs.push_back(m_models->item(i)->text().toStdString());
    settings.variants = m_variants->variants();
    settings.params.maxTokens = m_maxTokens->value();
    if (m_useTemperature->isChecked())
        settings.params.temperature = m_temperature->value();
    if (m_useBudget->isChecked())
        settings.budgetUsd = m_budget->value();
    if (m_useConcurrency->isChecked())
        settings.concurrency = m_concurrency->value();
    settings.retryFailedOnly = m_retryFailed->isChecked();
    settings.freshSamples = m_fresh->isChecked();
    return settings;
}

void RunControls::setPromptSets(const std::vector<PromptSetInfo>& sets) {
    const QVariant current = m_set->currentData();
    const QSignalBlocker blocker(m_set);
    m_set->clear();
    for (const PromptSetInfo& set : sets)
        m_set->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(set.name),
                                                     uiformat::count(set.promptCount)),
                       QVariant::fromValue<qlonglong>(set.id));
    const int row = m_set->findData(current);
    m_set->setCurrentIndex(row >= 0 ? row : 0);
}

void RunControls::setModels(const QStringList& refs, const QString& problem) {
    std::set<QString> checked;
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->checkState() == Qt::Checked)
            checked.insert(m_models->item(i)->text());
    {
        const QSignalBlocker blocker(m_models);
        m_models->clear();
        for (const QString& ref : refs) {
            auto* item = new QListWidgetItem(ref, m_models);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.count(ref) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_modelsProblem->setText(problem);
    m_modelsProblem->setVisible(!problem.isEmpty());
    m_openProviders->setVisible(!problem.isEmpty());
    m_models->setVisible(!refs.isEmpty());
    updateVariantRows();
}

void RunControls::updateVariantRows() {
    std::vector<std::string> checked;
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->checkState() == Qt::Checked)
            checked.push_back(m_models->item(i)->text().toStdString());
    m_variants->setModels(checked); // emits changed() through the picker
}

QString RunControls::modelsProblem() const {
    return m_modelsProblem->text();
}

QStringList RunControls::applyRun(const PastRun& run) {
    QStringList missing;
    const QSignalBlocker blockSet(m_set);
    const QSignalBlocker blockModels(m_models);
    if (run.info.setId) {
        const int row = m_set->findData(QVariant::fromValue<qlonglong>(*run.info.setId));
        if (row >= 0)
            m_set->setCurrentIndex(row);
    }
    std::set<QString> wanted;
    for (const std::string& ref : run.models)
        wanted.insert(QString::fromStdString(ref));
    for (int i = 0; i < m_models->count(); ++i) {
        QListWidgetItem* item = m_models->item(i);
        item->setCheckState(wanted.erase(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    for (const QString& ref : wanted)
        missing << ref;
    if (run.maxTokens)
        m_maxTokens->setValue(static_cast<int>(*run.maxTokens));
    m_useTemperature->setChecked(run.temperature.has_value());
    if (run.temperature)
        m_temperature->setValue(*run.temperature);
    m_retryFailed->setChecked(false);
    updateVariantRows();
    m_variants->applyRun(run.info.id, run.variants);
    return missing;
}

void RunControls::setRetryFailedOnly(bool retry) {
    m_retryFailed->setChecked(retry);
}

void RunControls::setEditable(bool editable) {
    for (QWidget* child : findChildren<QGroupBox*>())
        child->setEnabled(editable);
}
