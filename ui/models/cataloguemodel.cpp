#include "cataloguemodel.h"

#include "uiformat.h"

#include <QFont>
#include <QLocale>

using switchyard::ModelPrice;

namespace {

bool isEditable(int column) {
    switch (column) {
    case CatalogueModel::Input:
    case CatalogueModel::Output:
    case CatalogueModel::CacheRead:
    case CatalogueModel::CacheWrite5m:
    case CatalogueModel::CacheWrite1h:
    case CatalogueModel::Batch:
    case CatalogueModel::MinCacheable:
    case CatalogueModel::Checkpoints:
    case CatalogueModel::Context:
        return true;
    default:
        return false;
    }
}

QString multiplier(double value) {
    return value > 0 ? QLocale().toString(value, 'g', 4) + QStringLiteral("×")
                     : QStringLiteral("—");
}

QString perMTok(double usd) {
    return uiformat::money(usd);
}

} // namespace

CatalogueModel::CatalogueModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

void CatalogueModel::setCatalogue(std::vector<ModelPrice> models,
                                  std::set<std::string> overridden) {
    m_overridden = std::move(overridden);
    setRows(std::move(models));
}

bool CatalogueModel::isOverridden(int row) const {
    const auto* price = rowAt(row);
    return price && m_overridden.count(price->id) > 0;
}

QVariant CatalogueModel::displayValue(const ModelPrice& price, int column) const {
    const QLocale locale;
    switch (column) {
    case Model:
        return QString::fromStdString(price.id);
    case Provider:
        return QString::fromStdString(price.provider);
    case Input:
        return perMTok(price.inputUsdPerMTok);
    case Output:
        return perMTok(price.outputUsdPerMTok);
    case CacheRead:
        return price.supportsCaching ? multiplier(price.cacheReadMultiplier) : QStringLiteral("—");
    case CacheWrite5m:
        return price.supportsCaching ? multiplier(price.cacheWrite5mMultiplier)
                                     : QStringLiteral("—");
    case CacheWrite1h:
        return multiplier(price.cacheWrite1hMultiplier);
    case Batch:
        return multiplier(price.batchMultiplier);
    case MinCacheable:
        return price.minCacheableTokens > 0 ? uiformat::count(price.minCacheableTokens)
                                            : QStringLiteral("—");
    case Checkpoints:
        return price.maxCacheCheckpoints > 0 ? QString::number(price.maxCacheCheckpoints)
                                             : QStringLiteral("—");
    case Context:
        return price.contextWindow > 0 ? uiformat::tokens(price.contextWindow)
                                       : QStringLiteral("—");
    case PriceDate:
        return QString::fromStdString(price.priceDate);
    case Source:
        return QString::fromStdString(price.source);
    }
    return {};
}

// The raw number behind a cell: what sorting compares and what an editor starts from.
QVariant CatalogueModel::sortValue(const ModelPrice& price, int column) const {
    switch (column) {
    case Input:
        return price.inputUsdPerMTok;
    case Output:
        return price.outputUsdPerMTok;
    case CacheRead:
        return price.cacheReadMultiplier;
    case CacheWrite5m:
        return price.cacheWrite5mMultiplier;
    case CacheWrite1h:
        return price.cacheWrite1hMultiplier;
    case Batch:
        return price.batchMultiplier;
    case MinCacheable:
        return QVariant::fromValue<qlonglong>(price.minCacheableTokens);
    case Checkpoints:
        return QVariant::fromValue<qlonglong>(price.maxCacheCheckpoints);
    case Context:
        return QVariant::fromValue<qlonglong>(price.contextWindow);
    default:
        return displayValue(price, column);
    }
}

QVariant CatalogueModel::data(const QModelIndex& index, int role) const {
    const ModelPrice* row = rowFor(index);
    if (!row)
        return {};
    const ModelPrice& price = *row;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(price, column);
    case Qt::EditRole: {
        // Text, so the default editor is a line edit that keeps every digit ($0.035 stays).
        const QVariant raw = sortValue(price, column);
        return raw.typeId() == QMetaType::Double ? QLocale().toString(raw.toDouble(), 'g', 12)
                                                 : raw.toString();
    }
    case Qt::UserRole:
        return sortValue(price, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::AlignVCenter |
            (column >= Input && column <= Context ? Qt::AlignRight : Qt::AlignLeft));
    case Qt::FontRole:
        if (m_overridden.count(price.id)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip =
            tr("%1 · %2 · priced %3 from %4")
                .arg(QString::fromStdString(price.displayName.empty() ? price.id
                                                                      : price.displayName),
                     QString::fromStdString(price.provider),
                     QString::fromStdString(price.priceDate), QString::fromStdString(price.source));
        if (m_overridden.count(price.id))
            tip += QLatin1Char('\n') + tr("Edited in this workspace (shown in bold).");
        for (const auto& note : price.notes)
            tip += QLatin1Char('\n') + QString::fromStdString(note);
        return tip;
    }
    }
    return {};
}

bool CatalogueModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        !isEditable(index.column()) || !m_onEdit)
        return false;
    bool ok = false;
    QString text = value.toString();
    text.remove(QLatin1Char('$')).remove(QStringLiteral("×"));
    double parsed = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        parsed = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok || parsed < 0)
        return false;
    ModelPrice edited = *rowAt(index.row());
    switch (index.column()) {
    case Input:
        edited.inputUsdPerMTok = parsed;
        break;
    case Output:
        edited.outputUsdPerMTok = parsed;
        break;
    case CacheRead:
        edited.cacheReadMultiplier = parsed;
        break;
    case CacheWrite5m:
        edited.cacheWrite5mMultiplier = parsed;
        break;
    case CacheWrite1h:
        edited.cacheWrite1hMultiplier = parsed;
        break;
    case Batch:
        edited.batchMultiplier = parsed;
        break;
    case MinCacheable:
        edited.minCacheableTokens = static_cast<int64_t>(parsed);
        break;
    case Checkpoints:
        edited.maxCacheCheckpoints = static_cast<int64_t>(parsed);
        break;
    case Context:
        edited.contextWindow = static_cast<int64_t>(parsed);
        break;
    }
    // The handler saves the override; the controller then reloads every row from the result.
    return m_onEdit(edited);
}

Qt::ItemFlags CatalogueModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable(index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant CatalogueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CacheRead:
            return tr("Price of a cache hit, as a multiple of the input price");
        case CacheWrite5m:
            return tr(
                "Price of writing the cache with a 5-minute TTL, as a multiple of the input price");
        case CacheWrite1h:
            return tr(
                "Price of writing the cache with a 1-hour TTL, as a multiple of the input price");
        case Batch:
            return tr("Batch tier price as a multiple of the standard price (— = no batch tier)");
        case MinCacheable:
            return tr("Smallest prompt prefix the provider caches, in tokens");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Model:
        return tr("Model");
    case Provider:
        return tr("Provider");
    case Input:
        return tr("Input $/MTok");
    case Output:
        return tr("Output $/MTok");
    case CacheRead:
        return tr("Cache read");
    case CacheWrite5m:
        return tr("Cache write 5m");
    case CacheWrite1h:
        return tr("Cache write 1h");
    case Batch:
        return tr("Batch");
    case MinCacheable:
        return tr("Min. cacheable");
    case Checkpoints:
        return tr("Checkpoints");
    case Context:
        return tr("Context");
    case PriceDate:
        return tr("Price date");
    case Source:
        return tr("Source");
    }
    return {};
}
