#pragma once

#include "store/records.h"

#include <QAbstractTableModel>

#include <list>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace switchyard {
class Workspace;
}

// The prompts of one set, read from the store in chunks as rows become visible. Every read runs
// on a worker thread (readjob.h): the count arrives as a model reset, a chunk's rows fill in with
// dataChanged, and until then its cells are empty. rowCount() is the whole set, so the scroll
// bar is honest at a million rows, while memory holds only the most recently used chunks. A
// search scans the set on a worker and, when it arrives, the table shows the matches
// (searchFinished); a newer search or set makes anything older stale.
class PromptTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Ordinal, Id, Prompt, Turns, Tokens, Expected, Tags, Arrival, ColumnCount };
    static constexpr int kChunkRows = 256;
    static constexpr size_t kMaxCachedChunks = 64;

    explicit PromptTableModel(QObject* parent = nullptr);

    // Shows a set (0: none). The workspace must outlive the model or be reset with setSet(0).
    void setSet(const switchyard::Workspace* workspace, int64_t setId);
    // Case-insensitive search over id, text and tags; empty shows everything.
    void setSearch(const QString& text);
    bool searching() const { return m_pendingSearch != 0; }
    int64_t setId() const { return m_setId; }
    int64_t ordinalAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void searchFinished(int matches);

private:
    const switchyard::PromptRow* rowAt(int row) const;
    void reload();
    void startSearch();
    void requestChunk(int chunk);

    const switchyard::Workspace* m_workspace = nullptr;
    int64_t m_setId = 0;
    std::string m_search;
    std::optional<std::vector<int64_t>> m_matches; // ordinals matching m_search, once known
    int m_searchJob = 0;
    int m_pendingSearch = 0; // job id still running, 0 when none
    int m_rowCount = 0;
    // chunk index → rows; m_recent orders chunks by last use for eviction.
    mutable std::unordered_map<int, std::vector<switchyard::PromptRow>> m_chunks;
    mutable std::list<int> m_recent;
    std::set<int> m_pendingChunks; // being read
    int m_generation = 0;          // moves on whenever the rows shown change
};
