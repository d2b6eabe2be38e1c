#include "lintfindingsmodel.h"

#include "uiformat.h"

LintFindingsModel::LintFindingsModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

QVariant LintFindingsModel::data(const QModelIndex& index, int role) const {
    const auto* finding = rowFor(index);
    if (!finding)
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            Qt::AlignVCenter |
            (column == Requests || column == MonthlyCost ? Qt::AlignRight : Qt::AlignLeft));
    if (role == Qt::ToolTipRole) {
        QStringList ids;
        for (const auto& id : finding->samplePromptIds)
            ids << QString::fromStdString(id);
        return tr("%1\n\n%2\n\nExample: %3\nPrompts: %4")
            .arg(QString::fromStdString(finding->title), QString::fromStdString(finding->detail),
                 QString::fromStdString(finding->example), ids.join(QStringLiteral(", ")));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Finding:
        return QString::fromStdString(finding->title);
    case Requests:
        return uiformat::count(finding->affectedRequests);
    case MonthlyCost:
        return finding->monthlyCostUsd ? uiformat::money(*finding->monthlyCostUsd)
                                       : QStringLiteral("—");
    case Fix:
        return (finding->autoFixable ? QString() : tr("(manual) ")) +
               QString::fromStdString(finding->fix);
    }
    return {};
}

QVariant LintFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RowsTableModel::headerData(section, orientation, role);
    switch (section) {
    case Finding:
        return tr("What breaks the prefix");
    case Requests:
        return tr("Requests");
    case MonthlyCost:
        return tr("Cost per month");
    case Fix:
        return tr("Fix");
    }
    return {};
}
