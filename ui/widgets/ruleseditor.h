#pragma once

#include "routing/router.h"

#include <QStringList>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QTableWidget;

// A Rules router's rules as a small table: name, condition, value and where a match goes, tried
// top to bottom, plus where unmatched prompts go. Checks what it can (a regex that compiles, a
// token count that is a number) and says which rule and field are wrong.
class RulesEditor : public QWidget {
    Q_OBJECT

public:
    enum Column { Name, Condition, Value, Target, ColumnCount };

    explicit RulesEditor(QWidget* parent = nullptr);

    // The tiers' display names, cheapest first. Keeps the rules' targets where it can, without
    // emitting rulesChanged: a new tier set is rebuilt by whoever changed it.
    void setTiers(const QStringList& tiers);
    std::vector<switchyard::routing::Rule> rules() const;
    std::optional<size_t> defaultTier() const;
    // Empty when every rule is usable, else what is wrong, naming the rule and the field.
    QString validationError() const { return m_validation; }
    QString errorText() const;
    // An error from building the router (e.g. prepareRouter's), shown next to the table.
    void showError(const QString& message);

    QTableWidget* table() const { return m_table; }
    QComboBox* defaultPicker() const { return m_default; }
    QComboBox* conditionPicker(int row) const;
    QComboBox* targetPicker(int row) const;
    void addRule(const QString& name, switchyard::routing::Rule::Condition condition,
                 const QString& value, int target); // target: a tier index, or -1 for canned

signals:
    void rulesChanged();

private:
    struct RowData {
        QString name;
        int condition = 0;
        QString value;
        int target = 0;
    };
    RowData readRow(int row) const;
    void writeRow(int row, const RowData& data);
    void fillTargets(QComboBox* combo, int target) const;
    void moveRow(int delta);
    void changed();
    void validate();

    QTableWidget* m_table;
    QComboBox* m_default;
    QLabel* m_error;
    QStringList m_tiers;
    QString m_validation;
    bool m_updating = false;
    bool m_seeded = false;
};
