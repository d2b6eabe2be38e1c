#include "promptsetsmodel.h"

#include "uiformat.h"

PromptSetsModel::PromptSetsModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

int PromptSetsModel::rowOfSet(int64_t setId) const {
    for (size_t i = 0; i < rows().size(); ++i)
        if (rows()[i].id == setId)
            return static_cast<int>(i);
    return -1;
}

QVariant PromptSetsModel::data(const QModelIndex& index, int role) const {
    const auto* row = rowFor(index);
    if (!row)
        return {};
    const auto& set = *row;
    if (role == Qt::TextAlignmentRole && index.column() == Prompts)
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    if (role == Qt::ToolTipRole)
        return tr("%1: %2 prompts, imported %3 from %4")
            .arg(QString::fromStdString(set.name), uiformat::count(set.promptCount),
                 QString::fromStdString(set.createdAt), QString::fromStdString(set.source));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return QString::fromStdString(set.name);
    case Prompts:
        return uiformat::count(set.promptCount);
    case Benchmark:
        return set.golden ? tr("golden, marked v%1").arg(set.goldenVersion) : QString();
    case Source:
        return QString::fromStdString(set.source);
    }
    return {};
}

QVariant PromptSetsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Prompt set");
    case Prompts:
        return tr("Prompts");
    case Benchmark:
        return tr("Benchmark");
    case Source:
        return tr("Source file");
    }
    return {};
}
