#include "runestimatemodel.h"

#include "charts/chartpalette.h"
#include "uiformat.h"

using switchyard::ModelEstimate;

RunEstimateModel::RunEstimateModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

QVariant RunEstimateModel::data(const QModelIndex& index, int role) const {
    const ModelEstimate* row = rowFor(index);
    if (!row)
        return {};
    const QString ref = QString::fromStdString(row->modelRef);
    if (role == Qt::DecorationRole && index.column() == Model)
        return chartpalette::colorForModel(ref);
    if (role == Qt::TextAlignmentRole && index.column() != Model)
        return QVariant::fromValue(Qt::AlignVCenter | Qt::AlignRight);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ExpectedOutput:
            return row->outputFromHistory
                       ? tr("The mean of this model's %1 recorded answers, per call")
                             .arg(uiformat::count(row->outputHistory))
                       : tr("%1 of max tokens per call: fewer than %2 recorded answers of "
                            "this model to go by")
                             .arg(uiformat::percent(switchyard::kDefaultOutputFraction),
                                  uiformat::count(switchyard::kMinOutputHistory));
        case MaxCost:
            return tr("Every call using max tokens, with %1 more input than estimated: what a "
                      "budget cap reserves")
                .arg(uiformat::percent(switchyard::kBudgetInputMargin - 1.0));
        case InputTokens:
            return tr("Estimated with the model family's tokenizer");
        default:
            return ref;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Model:
        return ref;
    case Calls:
        return uiformat::count(row->calls);
    case InputTokens:
        return uiformat::tokens(row->inputTokens);
    case ExpectedOutput:
        return uiformat::tokens(row->expectedOutputTokens);
    case MaxOutput:
        return uiformat::tokens(row->maxOutputTokens);
    case ExpectedCost:
        return uiformat::money(row->expectedCostUsd);
    case MaxCost:
        return uiformat::money(row->maxCostUsd);
    }
    return {};
}

QVariant RunEstimateModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Model:
        return tr("Model");
    case Calls:
        return tr("Calls");
    case InputTokens:
        return tr("Input tokens");
    case ExpectedOutput:
        return tr("Expected output");
    case MaxOutput:
        return tr("Max output");
    case ExpectedCost:
        return tr("Expected cost");
    case MaxCost:
        return tr("Max cost");
    }
    return {};
}
