#include "prompttablemodel.h"

#include "store/workspace.h"
#include "uiformat.h"

#include <QDateTime>

#include <algorithm>

PromptTableModel::PromptTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PromptTableModel::setSet(const switchyard::Workspace* workspace, int64_t setId) {
    m_workspace = workspace;
    m_setId = setId;
    reload();
}

void PromptTableModel::setSearch(const QString& text) {
    const std::string search = text.trimmed().toStdString();
    if (search == m_search)
        return;
    m_search = search;
    reload();
}

void PromptTableModel::reload() {
    beginResetModel();
    m_chunks.clear();
    m_recent.clear();
    m_rowCount = 0;
    if (m_workspace && m_setId != 0) {
        const int64_t count = m_search.empty() ? m_workspace->promptCount(m_setId)
                                               : m_workspace->searchPromptCount(m_setId, m_search);
        m_rowCount = static_cast<int>(std::min<int64_t>(count, std::numeric_limits<int>::max()));
    }
    endResetModel();
}

const switchyard::PromptRow* PromptTableModel::rowAt(int row) const {
    if (row < 0 || row >= m_rowCount || !m_workspace)
        return nullptr;
    const int chunk = row / kChunkRows;
    auto found = m_chunks.find(chunk);
    if (found == m_chunks.end()) {
        // Ordinals of a set are 1..N without gaps, so a chunk is a keyset range; a search has
        // no such key and pages by offset.
        auto rows = m_search.empty()
                        ? m_workspace->promptRows(m_setId, int64_t{chunk} * kChunkRows, kChunkRows)
                        : m_workspace->searchPromptRows(m_setId, m_search,
                                                        int64_t{chunk} * kChunkRows, kChunkRows);
        found = m_chunks.emplace(chunk, std::move(rows)).first;
        m_recent.push_front(chunk);
        if (m_recent.size() > kMaxCachedChunks) {
            m_chunks.erase(m_recent.back());
            m_recent.pop_back();
        }
    } else if (m_recent.front() != chunk) {
        m_recent.remove(chunk);
        m_recent.push_front(chunk);
    }
    const size_t offset = static_cast<size_t>(row % kChunkRows);
    return offset < found->second.size() ? &found->second[offset] : nullptr;
}

int64_t PromptTableModel::ordinalAt(int row) const {
    const auto* prompt = rowAt(row);
    return prompt ? prompt->ordinal : 0;
}

int PromptTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rowCount;
}

int PromptTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromptTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto* prompt = rowAt(index.row());
    if (!prompt)
        return {};
    if (role == Qt::TextAlignmentRole) {
        const bool numeric =
            index.column() == Ordinal || index.column() == Turns || index.column() == Tokens;
        return QVariant::fromValue(Qt::AlignVCenter | (numeric ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Ordinal:
        return QVariant::fromValue<qlonglong>(prompt->ordinal);
    case Id:
        return QString::fromStdString(prompt->id);
    case Prompt: {
        const QString text = QString::fromStdString(prompt->preview);
        return role == Qt::ToolTipRole ? text
                                       : QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    }
    case Turns:
        return prompt->turnCount;
    case Tokens:
        return prompt->estTokens ? uiformat::count(*prompt->estTokens) : QString();
    case Expected:
        return prompt->expected ? QString::fromStdString(*prompt->expected) : QString();
    case Tags: {
        QStringList tags;
        for (const auto& tag : prompt->tags)
            tags << QString::fromStdString(tag);
        return tags.join(QStringLiteral(", "));
    }
    case Arrival:
        return prompt->timestampMs ? uiformat::timestamp(*prompt->timestampMs) : QString();
    }
    return {};
}

QVariant PromptTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Ordinal:
        return tr("#");
    case Id:
        return tr("ID");
    case Prompt:
        return tr("Prompt (last user turn)");
    case Turns:
        return tr("Messages");
    case Tokens:
        return tr("≈ Tokens");
    case Expected:
        return tr("Expected");
    case Tags:
        return tr("Tags");
    case Arrival:
        return tr("Arrival (UTC)");
    }
    return {};
}
