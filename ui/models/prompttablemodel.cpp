#include "prompttablemodel.h"

#include "readjob.h"
#include "store/workspace.h"
#include "uiformat.h"

#include <QDateTime>

#include <algorithm>
#include <functional>
#include <limits>

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
    ++m_generation; // chunks and counts still on their way belong to what was shown before
    m_chunks.clear();
    m_recent.clear();
    m_pendingChunks.clear();
    m_matches.reset();
    m_pendingSearch = 0;
    m_rowCount = 0;
    endResetModel();
    if (!m_workspace || m_setId == 0)
        return;
    if (!m_search.empty()) {
        startSearch();
        return;
    }
    const int generation = m_generation;
    const int64_t setId = m_setId;
    runReadJob<int64_t>(
        m_workspace->path(), this,
        [setId](const switchyard::Workspace& workspace) { return workspace.promptCount(setId); },
        [this, generation](std::optional<int64_t> count) {
            if (generation != m_generation || !count || *count == 0)
                return;
            beginResetModel();
            m_rowCount =
                static_cast<int>(std::min<int64_t>(*count, std::numeric_limits<int>::max()));
            endResetModel();
        });
}

void PromptTableModel::startSearch() {
    const int job = ++m_searchJob;
    m_pendingSearch = job;
    const int64_t setId = m_setId;
    const std::string search = m_search;
    runReadJob<std::vector<int64_t>>(
        m_workspace->path(), this,
        [setId, search](const switchyard::Workspace& workspace) {
            return workspace.searchPromptOrdinals(setId, search);
        },
        [this, job](std::optional<std::vector<int64_t>> ordinals) {
            if (job != m_pendingSearch)
                return; // a newer search or another set replaced this one
            beginResetModel();
            ++m_generation;
            m_pendingSearch = 0;
            m_chunks.clear();
            m_recent.clear();
            m_pendingChunks.clear();
            m_matches = ordinals ? std::move(*ordinals) : std::vector<int64_t>{};
            m_rowCount = static_cast<int>(
                std::min<size_t>(m_matches->size(), std::numeric_limits<int>::max()));
            endResetModel();
            emit searchFinished(m_rowCount);
        });
}

const switchyard::PromptRow* PromptTableModel::rowAt(int row) const {
    if (row < 0 || row >= m_rowCount || !m_workspace)
        return nullptr;
    const int chunk = row / kChunkRows;
    const auto found = m_chunks.find(chunk);
    if (found == m_chunks.end()) {
        const_cast<PromptTableModel*>(this)->requestChunk(chunk);
        return nullptr; // shown once its chunk has been read
    }
    if (m_recent.front() != chunk) {
        m_recent.remove(chunk);
        m_recent.push_front(chunk);
    }
    const size_t offset = static_cast<size_t>(row % kChunkRows);
    return offset < found->second.size() ? &found->second[offset] : nullptr;
}

void PromptTableModel::requestChunk(int chunk) {
    if (!m_pendingChunks.insert(chunk).second)
        return;
    // Ordinals of a set are 1..N without gaps, so a chunk is a keyset range; the matches of a
    // search give the range of theirs.
    const int64_t first = int64_t{chunk} * kChunkRows;
    std::function<std::vector<switchyard::PromptRow>(const switchyard::Workspace&)> query;
    const int64_t setId = m_setId;
    if (m_matches) {
        const size_t last = std::min(m_matches->size(), static_cast<size_t>(first + kChunkRows));
        const int64_t from = (*m_matches)[static_cast<size_t>(first)];
        const int64_t to = (*m_matches)[last - 1];
        query = [setId, from, to, search = m_search](const switchyard::Workspace& workspace) {
            return workspace.promptRowsBetween(setId, from, to, search);
        };
    } else {
        query = [setId, first](const switchyard::Workspace& workspace) {
            return workspace.promptRows(setId, first, kChunkRows);
        };
    }
    const int generation = m_generation;
    runReadJob<std::vector<switchyard::PromptRow>>(
        m_workspace->path(), this, query,
        [this, generation, chunk](std::optional<std::vector<switchyard::PromptRow>> rows) {
            if (generation != m_generation)
                return;
            m_pendingChunks.erase(chunk);
            if (!rows)
                return;
            m_chunks[chunk] = std::move(*rows);
            m_recent.push_front(chunk);
            if (m_recent.size() > kMaxCachedChunks) {
                m_chunks.erase(m_recent.back());
                m_recent.pop_back();
            }
            const int firstRow = chunk * kChunkRows;
            const int lastRow = std::min(m_rowCount, firstRow + kChunkRows) - 1;
            if (lastRow >= firstRow)
                emit dataChanged(index(firstRow, 0), index(lastRow, ColumnCount - 1));
        });
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
