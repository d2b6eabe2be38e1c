#pragma once

#include "prompts/prompt_variant.h"
#include "rowstablemodel.h"
#include "store/records.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

// One run of the workspace as the past-runs table lists it, read on a worker.
struct PastRun {
    switchyard::RunInfo info;
    std::string setName;
    std::vector<std::string> models; // the run's identity for provider runs, else its results'
    int64_t results = 0;
    int64_t failed = 0;
    double costUsd = 0.0;
    // The parameters a provider run was made with: selecting it restores them.
    std::optional<int64_t> maxTokens;
    std::optional<double> temperature;
    std::map<std::string, switchyard::PromptVariant> variants; // model reference -> its variant
};

// The workspace's runs, newest first: id, name, set, models, status, results, cost, created.
class RunsModel : public RowsTableModel<PastRun> {
    Q_OBJECT

public:
    enum Column { Id, Name, Set, Models, Status, Results, Cost, Created, ColumnCount };

    explicit RunsModel(QObject* parent = nullptr);

    // The row of a run, -1 when it is not listed.
    int rowOfRun(int64_t runId) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
