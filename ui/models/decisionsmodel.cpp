#include "decisionsmodel.h"

#include "uiformat.h"

#include <QLocale>

#include <cmath>

using namespace switchyard::routing;
// The table's column of the same name hides the type inside the class.
using VerdictKind = switchyard::routing::Verdict;

namespace {

// Enough explained rows for several screens of scrolling; beyond it the cache starts over.
constexpr size_t kMaxCachedRows = 4096;

QString quality(float value) {
    return std::isfinite(value) ? QLocale().toString(value, 'f', 3) : QStringLiteral("—");
}

} // namespace

DecisionsModel::DecisionsModel(QObject* parent) : QAbstractTableModel(parent) {}

void DecisionsModel::setLab(std::shared_ptr<const RouterLab> lab,
                            std::shared_ptr<const ReplayData> data,
                            std::vector<QString> tierLabels) {
    beginResetModel();
    m_data = std::move(data);
    m_lab = std::move(lab);
    m_tierLabels = std::move(tierLabels);
    m_thresholds.clear();
    m_wrong.clear();
    m_cache.clear();
    endResetModel();
}

void DecisionsModel::clear() {
    setLab(nullptr, nullptr, {});
}

void DecisionsModel::setThresholds(std::vector<double> thresholds, std::vector<size_t> wrongRows) {
    m_cache.clear();
    if (m_wrongOnly || m_thresholds.empty()) {
        // The rows themselves change.
        beginResetModel();
        m_thresholds = std::move(thresholds);
        m_wrong = std::move(wrongRows);
        endResetModel();
        return;
    }
    m_thresholds = std::move(thresholds);
    m_wrong = std::move(wrongRows);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void DecisionsModel::setWrongOnly(bool wrongOnly) {
    if (wrongOnly == m_wrongOnly)
        return;
    beginResetModel();
    m_wrongOnly = wrongOnly;
    endResetModel();
}

int DecisionsModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_lab || m_thresholds.empty())
        return 0;
    return static_cast<int>(m_wrongOnly ? m_wrong.size() : m_lab->table().rows());
}

int DecisionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

size_t DecisionsModel::tableRow(int row) const {
    return m_wrongOnly ? m_wrong[static_cast<size_t>(row)] : static_cast<size_t>(row);
}

const DecisionDetail* DecisionsModel::detailAt(int row) const {
    if (row < 0 || row >= rowCount())
        return nullptr;
    const size_t tableRow = this->tableRow(row);
    auto found = m_cache.find(tableRow);
    if (found == m_cache.end()) {
        if (m_cache.size() >= kMaxCachedRows)
            m_cache.clear();
        found = m_cache.emplace(tableRow, m_lab->explain(m_thresholds, tableRow)).first;
    }
    return &found->second;
}

QString DecisionsModel::tierLabel(int tier) const {
    if (tier < 0)
        return tr("canned answer");
    return static_cast<size_t>(tier) < m_tierLabels.size() ? m_tierLabels[static_cast<size_t>(tier)]
                                                           : QString::number(tier);
}

QString DecisionsModel::verdictText(VerdictKind verdict) const {
    switch (verdict) {
    case VerdictKind::Right:
        return tr("right");
    case VerdictKind::Overpaid:
        return tr("overpaid");
    case VerdictKind::Underpowered:
        return tr("underpowered");
    case VerdictKind::NoneMeetsBar:
        return tr("no tier meets the bar");
    }
    return {};
}

QString DecisionsModel::tooltip(const DecisionDetail& detail) const {
    return tr("%1 went to %2: %3.\nIts answer: quality %4 for %5.\nBest affordable choice: %6 "
              "(quality %7 for %8). Verdict: %9.")
        .arg(QString::fromStdString(detail.promptId), tierLabel(detail.tier),
             QString::fromStdString(detail.reason), quality(detail.quality),
             uiformat::money(detail.costUsd), tierLabel(detail.bestTier),
             quality(detail.bestQuality), uiformat::money(detail.bestCostUsd),
             verdictText(detail.verdict));
}

QVariant DecisionsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Cost || index.column() == Quality
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    const DecisionDetail* detail = detailAt(index.row());
    if (!detail)
        return {};
    if (role == Qt::ToolTipRole)
        return tooltip(*detail);
    const bool raw = role == SortRole;
    switch (index.column()) {
    case Prompt:
        return QString::fromStdString(detail->promptId);
    case Tier:
        return raw ? QVariant(detail->tier) : QVariant(tierLabel(detail->tier));
    case Reason:
        return QString::fromStdString(detail->reason);
    case Cost:
        return raw ? QVariant(detail->costUsd) : QVariant(uiformat::money(detail->costUsd));
    case Quality:
        return raw ? QVariant(std::isfinite(detail->quality) ? detail->quality : -1.0f)
                   : QVariant(quality(detail->quality));
    case Best:
        if (raw)
            return detail->bestTier;
        return tr("%1 (%2, %3)")
            .arg(tierLabel(detail->bestTier), uiformat::money(detail->bestCostUsd),
                 quality(detail->bestQuality));
    case Verdict:
        return raw ? QVariant(static_cast<int>(detail->verdict))
                   : QVariant(verdictText(detail->verdict));
    }
    return {};
}

QVariant DecisionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Prompt:
        return tr("Prompt");
    case Tier:
        return tr("Routed to");
    case Reason:
        return tr("Why");
    case Cost:
        return tr("Cost");
    case Quality:
        return tr("Quality");
    case Best:
        return tr("Best affordable choice");
    case Verdict:
        return tr("Verdict");
    }
    return {};
}
