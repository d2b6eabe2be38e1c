#include "ruleseditor.h"

#include "policy/policy.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using switchyard::routing::Rule;

RulesEditor::RulesEditor(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* hint =
        new QLabel(tr("Rules are tried top to bottom; the first that matches decides."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Condition"), tr("Value"), tr("Goes to")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Value, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 4 +
                              m_table->horizontalHeader()->sizeHint().height());
    layout->addWidget(m_table);

    auto* buttons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    auto* up = new QPushButton(tr("Up"), this);
    auto* down = new QPushButton(tr("Down"), this);
    for (QPushButton* button : {add, remove, up, down})
        buttons->addWidget(button);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_default = new QComboBox(this);
    m_default->setToolTip(tr("Where a prompt goes when no rule matches"));
    form->addRow(tr("Unmatched prompts go to"), m_default);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("rulesError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    connect(add, &QPushButton::clicked, this, [this]() {
        addRule(tr("rule %1").arg(m_table->rowCount() + 1), Rule::Condition::Keywords, {}, 0);
        m_table->setCurrentCell(m_table->rowCount() - 1, Value);
        changed();
    });
    connect(remove, &QPushButton::clicked, this, [this]() {
        const int row =
            m_table->currentRow() >= 0 ? m_table->currentRow() : m_table->rowCount() - 1;
        if (row < 0)
            return;
        m_table->removeRow(row);
        changed();
    });
    connect(up, &QPushButton::clicked, this, [this]() { moveRow(-1); });
    connect(down, &QPushButton::clicked, this, [this]() { moveRow(1); });
    connect(m_table, &QTableWidget::itemChanged, this, &RulesEditor::changed);
    connect(m_default, &QComboBox::currentIndexChanged, this, &RulesEditor::changed);
}

QComboBox* RulesEditor::conditionPicker(int row) const {
    return qobject_cast<QComboBox*>(m_table->cellWidget(row, Condition));
}

QComboBox* RulesEditor::targetPicker(int row) const {
    return qobject_cast<QComboBox*>(m_table->cellWidget(row, Target));
}

void RulesEditor::fillTargets(QComboBox* combo, int target) const {
    combo->clear();
    for (int k = 0; k < m_tiers.size(); ++k)
        combo->addItem(m_tiers[k], k);
    combo->addItem(tr("Canned answer (no model)"), -1);
    const int index = combo->findData(target);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void RulesEditor::addRule(const QString& name, Rule::Condition condition, const QString& value,
                          int target) {
    const bool wasUpdating = std::exchange(m_updating, true);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto* conditions = new QComboBox(m_table);
    conditions->addItem(tr("regex"), static_cast<int>(Rule::Condition::Regex));
    conditions->addItem(tr("keywords"), static_cast<int>(Rule::Condition::Keywords));
    conditions->addItem(tr("at least N tokens"), static_cast<int>(Rule::Condition::MinTokens));
    conditions->addItem(tr("at most N tokens"), static_cast<int>(Rule::Condition::MaxTokens));
    conditions->addItem(tr("tag"), static_cast<int>(Rule::Condition::Tag));
    conditions->setToolTip(tr("Value: a regular expression (case-insensitive), keywords separated "
                              "by commas, a number of input tokens, or a prompt tag"));
    auto* targets = new QComboBox(m_table);
    for (QComboBox* combo : {conditions, targets}) { // the column is narrow: elide, not scroll
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(9);
    }
    m_table->setCellWidget(row, Condition, conditions);
    m_table->setCellWidget(row, Target, targets);
    m_table->setItem(row, Name, new QTableWidgetItem);
    m_table->setItem(row, Value, new QTableWidgetItem);
    writeRow(row, {name, static_cast<int>(condition), value, target});
    connect(conditions, &QComboBox::currentIndexChanged, this, &RulesEditor::changed);
    connect(targets, &QComboBox::currentIndexChanged, this, &RulesEditor::changed);
    m_updating = wasUpdating;
    validate();
}

RulesEditor::RowData RulesEditor::readRow(int row) const {
    return {m_table->item(row, Name)->text(), conditionPicker(row)->currentData().toInt(),
            m_table->item(row, Value)->text(), targetPicker(row)->currentData().toInt()};
}

void RulesEditor::writeRow(int row, const RowData& data) {
    const bool wasUpdating = std::exchange(m_updating, true);
    m_table->item(row, Name)->setText(data.name);
    m_table->item(row, Value)->setText(data.value);
    QComboBox* conditions = conditionPicker(row);
    conditions->setCurrentIndex(std::max(0, conditions->findData(data.condition)));
    fillTargets(targetPicker(row), data.target);
    m_updating = wasUpdating;
}

void RulesEditor::moveRow(int delta) {
    const int row = m_table->currentRow();
    const int other = row + delta;
    if (row < 0 || other < 0 || other >= m_table->rowCount())
        return;
    const RowData a = readRow(row);
    writeRow(row, readRow(other));
    writeRow(other, a);
    m_table->setCurrentCell(other, m_table->currentColumn());
    changed();
}

void RulesEditor::setTiers(const QStringList& tiers) {
    if (tiers == m_tiers || tiers.isEmpty()) // no tiers ticked: keep the rules' targets
        return;
    const bool wasUpdating = std::exchange(m_updating, true);
    const int oldDefault =
        m_default->currentData().isValid() ? m_default->currentData().toInt() : -1;
    const bool defaultWasStrongest = m_tiers.isEmpty() || oldDefault == m_tiers.size() - 1;
    const int last = static_cast<int>(tiers.size()) - 1;
    std::vector<RowData> rows;
    for (int row = 0; row < m_table->rowCount(); ++row)
        rows.push_back(readRow(row));
    m_tiers = tiers;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        rows[static_cast<size_t>(row)].target =
            std::min(rows[static_cast<size_t>(row)].target, last);
        writeRow(row, rows[static_cast<size_t>(row)]);
    }
    m_default->clear();
    for (int k = 0; k < tiers.size(); ++k)
        m_default->addItem(tiers[k], k);
    m_default->setCurrentIndex(defaultWasStrongest ? last : std::min(oldDefault, last));
    // The first tiers seed an example: short prompts to the cheapest, the rest to the strongest.
    if (m_table->rowCount() == 0 && !m_seeded) {
        m_seeded = true;
        addRule(QStringLiteral("short"), Rule::Condition::MaxTokens, QStringLiteral("200"), 0);
    }
    m_updating = wasUpdating;
    validate();
}

std::vector<Rule> RulesEditor::rules() const {
    std::vector<Rule> rules;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const RowData data = readRow(row);
        Rule rule;
        rule.name = data.name.trimmed().toStdString();
        rule.condition = static_cast<Rule::Condition>(data.condition);
        const QString value = data.value.trimmed();
        if (rule.condition == Rule::Condition::Regex || rule.condition == Rule::Condition::Tag) {
            rule.pattern = value.toStdString();
        } else if (rule.condition == Rule::Condition::Keywords) {
            for (const QString& keyword : value.split(QLatin1Char(',')))
                if (!keyword.trimmed().isEmpty())
                    rule.keywords.push_back(keyword.trimmed().toStdString());
        } else {
            rule.tokens = value.toLongLong();
        }
        if (data.target >= 0)
            rule.tier = static_cast<size_t>(data.target);
        else
            rule.cannedResponse = tr("(canned answer)").toStdString();
        rules.push_back(std::move(rule));
    }
    return rules;
}

std::optional<size_t> RulesEditor::defaultTier() const {
    return m_default->currentIndex() < 0
               ? std::nullopt
               : std::optional<size_t>(static_cast<size_t>(m_default->currentData().toInt()));
}

// Each row is checked by core's validateRule, as the policy file's reader checks it; only
// reading the row's text as a number of tokens happens here.
void RulesEditor::validate() {
    m_validation.clear();
    const std::vector<Rule> rows = rules();
    for (int row = 0; row < m_table->rowCount() && m_validation.isEmpty(); ++row) {
        const RowData data = readRow(row);
        const QString name =
            data.name.trimmed().isEmpty() ? tr("rule %1").arg(row + 1) : data.name.trimmed();
        const QString value = data.value.trimmed();
        const auto condition = static_cast<Rule::Condition>(data.condition);
        bool ok = true;
        if (value.isEmpty()) {
            m_validation = tr("Rule \"%1\", Value: empty.").arg(name);
        } else if ((condition == Rule::Condition::MinTokens ||
                    condition == Rule::Condition::MaxTokens) &&
                   (value.toLongLong(&ok) < 0 || !ok)) {
            m_validation =
                tr("Rule \"%1\", Value: \"%2\" is not a number of tokens.").arg(name, value);
        } else if (auto checked = switchyard::validateRule(rows[static_cast<size_t>(row)],
                                                           static_cast<size_t>(row),
                                                           static_cast<size_t>(m_tiers.size()));
                   !checked) {
            m_validation = tr("Rule \"%1\", Value: %2.")
                               .arg(name, QString::fromStdString(checked.error().message));
        }
    }
    m_error->setText(m_validation);
    m_error->setVisible(!m_validation.isEmpty());
}

QString RulesEditor::errorText() const {
    return m_error->text();
}

void RulesEditor::showError(const QString& message) {
    // "router.params.rules[2]" names a rule by position: say its name.
    QString text = message;
    static const QRegularExpression path(QStringLiteral("router\\.params\\.rules\\[(\\d+)\\]"));
    const QRegularExpressionMatch match = path.match(text);
    const int row = match.hasMatch() ? match.captured(1).toInt() : -1;
    if (row >= 0 && row < m_table->rowCount())
        text.replace(match.capturedStart(), match.capturedLength(),
                     tr("Rule \"%1\"").arg(readRow(row).name.trimmed()));
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void RulesEditor::changed() {
    if (m_updating)
        return;
    validate();
    emit rulesChanged();
}
