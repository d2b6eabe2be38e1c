#include "promptvariantpicker.h"

#include "prompts/variants_file.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace switchyard;

namespace {

// What a variant does, for its tooltip: the templates as written.
QString describe(const PromptVariant& variant) {
    QStringList parts;
    if (variant.system)
        parts << PromptVariantPicker::tr("System prompt:\n%1")
                     .arg(QString::fromStdString(*variant.system).toHtmlEscaped());
    if (variant.user)
        parts << PromptVariantPicker::tr("User turn:\n%1")
                     .arg(QString::fromStdString(*variant.user).toHtmlEscaped());
    return QStringLiteral("<pre>%1</pre>").arg(parts.join(QStringLiteral("\n\n")));
}

} // namespace

PromptVariantPicker::PromptVariantPicker(QWidget* parent)
    : QGroupBox(tr("Prompt variants"), parent) {
    auto* layout = new QVBoxLayout(this);
    auto* fileRow = new QHBoxLayout;
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("variantsSource"));
    m_source->setWordWrap(true);
    m_open = new QPushButton(tr("Open…"), this);
    m_open->setToolTip(tr("A YAML file of variants: a system prompt or a user template per "
                          "variant, with {{prompt}}, {{system}}, {{id}} and the set's fields "
                          "as {{variables}}"));
    m_clear = new QPushButton(tr("Clear"), this);
    fileRow->addWidget(m_source, 1);
    fileRow->addWidget(m_open);
    fileRow->addWidget(m_clear);
    layout->addLayout(fileRow);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("variantTable"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Prompt sent")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table);
    connect(m_open, &QPushButton::clicked, this, &PromptVariantPicker::chooseFile);
    connect(m_clear, &QPushButton::clicked, this, [this] { offer({}, QString()); });
    offer({}, QString());
}

void PromptVariantPicker::setModels(const std::vector<std::string>& modelRefs) {
    const auto chosen = chosenNames();
    m_models = modelRefs;
    rebuildRows(chosen);
}

bool PromptVariantPicker::loadFile(const QString& path) {
    auto loaded = loadVariantsFile(path.toStdString());
    if (!loaded) {
        m_source->setText(tr("Cannot use %1: %2")
                              .arg(QFileInfo(path).fileName(),
                                   QString::fromStdString(loaded.error().toString())));
        return false;
    }
    offer(std::move(*loaded), tr("From %1").arg(QFileInfo(path).fileName()));
    m_source->setToolTip(path);
    return true;
}

void PromptVariantPicker::applyRun(qint64 runId,
                                   const std::map<std::string, PromptVariant>& variants) {
    if (variants.empty())
        return; // nothing to restore; the variants offered stay for the next run
    std::vector<PromptVariant> offered;
    std::map<std::string, std::string> chosen;
    for (const auto& [ref, variant] : variants) {
        chosen[ref] = variant.name;
        if (std::find(offered.begin(), offered.end(), variant) == offered.end())
            offered.push_back(variant);
    }
    m_variants = std::move(offered);
    m_source->setText(tr("As run %1 sent them").arg(runId));
    m_source->setToolTip(QString());
    rebuildRows(chosen);
}

std::map<std::string, PromptVariant> PromptVariantPicker::variants() const {
    std::map<std::string, PromptVariant> out;
    for (const auto& [ref, name] : chosenNames())
        for (const PromptVariant& variant : m_variants)
            if (variant.name == name)
                out.emplace(ref, variant);
    return out;
}

void PromptVariantPicker::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open prompt variants"), QString(),
                                                      tr("Variants (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void PromptVariantPicker::offer(std::vector<PromptVariant> variants, const QString& source) {
    m_variants = std::move(variants);
    m_source->setText(m_variants.empty()
                          ? tr("Every model gets the prompts as stored. Open a variants file to "
                               "send a model a system prompt or template of its own.")
                          : source);
    m_source->setToolTip(QString());
    m_clear->setEnabled(!m_variants.empty());
    rebuildRows(chosenNames());
}

void PromptVariantPicker::rebuildRows(const std::map<std::string, std::string>& chosen) {
    m_clear->setEnabled(!m_variants.empty());
    m_table->setVisible(!m_variants.empty() && !m_models.empty());
    m_table->setRowCount(static_cast<int>(m_models.size()));
    for (size_t row = 0; row < m_models.size(); ++row) {
        const std::string& ref = m_models[row];
        m_table->setItem(static_cast<int>(row), 0,
                         new QTableWidgetItem(QString::fromStdString(ref)));
        auto* box = new QComboBox(m_table);
        box->addItem(tr("As stored"));
        for (const PromptVariant& variant : m_variants) {
            box->addItem(QString::fromStdString(variant.name));
            box->setItemData(box->count() - 1, describe(variant), Qt::ToolTipRole);
        }
        if (auto it = chosen.find(ref); it != chosen.end()) {
            const int index = box->findText(QString::fromStdString(it->second));
            box->setCurrentIndex(std::max(index, 0));
        }
        connect(box, &QComboBox::currentIndexChanged, this, &PromptVariantPicker::changed);
        m_table->setCellWidget(static_cast<int>(row), 1, box);
    }
    m_table->setFixedHeight(m_table->horizontalHeader()->height() +
                            m_table->verticalHeader()->length() + 2 * m_table->frameWidth());
    emit changed();
}

std::map<std::string, std::string> PromptVariantPicker::chosenNames() const {
    std::map<std::string, std::string> chosen;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto* box = qobject_cast<const QComboBox*>(m_table->cellWidget(row, 1));
        if (box && box->currentIndex() > 0 && m_table->item(row, 0))
            chosen[m_table->item(row, 0)->text().toStdString()] = box->currentText().toStdString();
    }
    return chosen;
}
