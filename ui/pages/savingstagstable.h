#pragma once

#include "report/attribution.h"

#include <QStringList>
#include <QTableWidget>

#include <vector>

// Spend attributed by tag (workload, team, environment, cost centre): a month of each tag's
// requests at baseline and under the policy, its cost per request, the share each tier served
// and the cache hit ratio. Sortable; numbers in the formats of the charts.
class SavingsTagsTable : public QTableWidget {
    Q_OBJECT

public:
    explicit SavingsTagsTable(QWidget* parent = nullptr);

    // `tierNames` label the tier-share column; amounts are scaled by `monthFactor`.
    void setAttribution(const std::vector<switchyard::report::TagAttribution>& tags,
                        const QStringList& tierNames, double monthFactor);
};
