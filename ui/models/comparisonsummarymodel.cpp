#include "comparisonsummarymodel.h"

#include "charts/chartpalette.h"
#include "comparetexts.h"
#include "eval/verdict.h"
#include "uiformat.h"

#include <QBrush>
#include <QLocale>

using namespace switchyard;

ComparisonSummaryModel::ComparisonSummaryModel(QObject* parent) : QAbstractTableModel(parent) {}

void ComparisonSummaryModel::setOutcome(workbench::CompareOutcome outcome) {
    beginResetModel();
    m_outcome = std::move(outcome);
    m_labels.clear();
    for (const auto& [label, figures] : m_outcome.models)
        m_labels.push_back(label);
    endResetModel();
}

std::string ComparisonSummaryModel::label(int row) const {
    return row >= 0 && row < rowCount() ? m_labels[static_cast<size_t>(row)] : std::string();
}

int ComparisonSummaryModel::rowOf(const std::string& label) const {
    const auto found = std::find(m_labels.begin(), m_labels.end(), label);
    return found == m_labels.end() ? -1 : static_cast<int>(found - m_labels.begin());
}

int ComparisonSummaryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_labels.size());
}

int ComparisonSummaryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonSummaryModel::display(const std::string& label, int column) const {
    const workbench::ModelComparison& figures = m_outcome.models.at(label);
    const auto pair = m_outcome.pairwise.find(label);
    const bool paired = pair != m_outcome.pairwise.end();
    switch (column) {
    case Model:
        return QString::fromStdString(label);
    case Scored:
        return uiformat::count(figures.score.n);
    case Mean:
        return figures.score.n > 0 ? comparetexts::meanWithInterval(figures.score) : QString();
    case PassRate:
        return figures.score.n > 0 ? uiformat::percent(figures.score.passRate) : QString();
    case CostPer1k:
        return figures.answers > figures.unpriced ? uiformat::money(figures.costPer1kUsd)
                                                  : tr("unpriced");
    case LatencyP50:
        return figures.latencyP50Ms ? comparetexts::latency(*figures.latencyP50Ms) : QString();
    case LatencyP95:
        return figures.latencyP95Ms ? comparetexts::latency(*figures.latencyP95Ms) : QString();
    case Delta:
        return paired ? comparetexts::deltaWithInterval(pair->second.paired) : tr("baseline");
    case PValue:
        return paired ? comparetexts::pValue(pair->second.paired) : QString();
    case Verdict:
        return paired ? comparetexts::verdict(
                            eval::classifyVerdict(pair->second.paired, pair->second.costRatio))
                      : QString();
    default:
        return {};
    }
}

QVariant ComparisonSummaryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const std::string& label = m_labels[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(label, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Model || index.column() == Verdict
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DecorationRole:
        return index.column() == Model
                   ? QVariant(chartpalette::colorForModel(QString::fromStdString(label)))
                   : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Delta || index.column() == Verdict) {
            const auto pair = m_outcome.pairwise.find(label);
            if (pair != m_outcome.pairwise.end())
                if (const auto tone = comparetexts::deltaTone(pair->second.paired))
                    return QBrush(*tone > 0 ? chartpalette::good() : chartpalette::bad());
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Mean)
            return comparetexts::byTagTooltip(m_outcome.models.at(label).byTag);
        if (index.column() == PValue || index.column() == Delta) {
            const auto pair = m_outcome.pairwise.find(label);
            if (pair != m_outcome.pairwise.end())
                return comparetexts::pairedTooltip(pair->second);
        }
        return {};
    default:
        return {};
    }
}

QVariant ComparisonSummaryModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Model:
        return tr("Model");
    case Scored:
        return tr("Scored");
    case Mean:
        return tr("Mean (95 % CI)");
    case PassRate:
        return tr("Pass rate");
    case CostPer1k:
        return tr("Cost per 1k");
    case LatencyP50:
        return tr("p50");
    case LatencyP95:
        return tr("p95");
    case Delta:
        return tr("Δ points (95 % CI)");
    case PValue:
        return tr("p (test)");
    case Verdict:
        return tr("Verdict");
    default:
        return {};
    }
}
