#include "savingstagstable.h"

#include "uiformat.h"
#include "widgets/numberitem.h"

#include <QHeaderView>

using namespace switchyard::report;

namespace {

enum TagColumn { Tag, TagRequests, Baseline, Spend, PerRequest, Tiers, Chr, TagColumnCount };

QTableWidgetItem* sortableNumber(const QString& text, double value) {
    return new NumberItem(text, value);
}

} // namespace

SavingsTagsTable::SavingsTagsTable(QWidget* parent) : QTableWidget(0, TagColumnCount, parent) {
    setObjectName(QStringLiteral("savingsTags"));
    setHorizontalHeaderLabels({tr("Tag"), tr("Requests a month"), tr("Baseline a month"),
                               tr("Policy a month"), tr("Per request"), tr("Tier share"),
                               tr("Cache hit ratio")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setToolTip(tr("A request counts toward each of its tags, so tags can add up to more than "
                  "the total"));
}

void SavingsTagsTable::setAttribution(const std::vector<TagAttribution>& tags,
                                      const QStringList& tierNames, double monthFactor) {
    setSortingEnabled(false);
    setRowCount(static_cast<int>(tags.size()));
    for (size_t i = 0; i < tags.size(); ++i) {
        const TagAttribution& tag = tags[i];
        const int row = static_cast<int>(i);
        QStringList shares;
        for (size_t k = 0; k < tag.tierShare.size() && k < size_t(tierNames.size()); ++k)
            if (tag.tierShare[k] > 0.0)
                shares << QStringLiteral("%1 %2").arg(tierNames[int(k)],
                                                      uiformat::percent(tag.tierShare[k]));
        if (tag.cannedShare > 0.0)
            shares << tr("canned %1").arg(uiformat::percent(tag.cannedShare));
        const double requests = static_cast<double>(tag.requests) * monthFactor;
        setItem(row, Tag,
                new QTableWidgetItem(tag.tag.empty() ? tr("(untagged)")
                                                     : QString::fromStdString(tag.tag)));
        setItem(row, TagRequests,
                sortableNumber(uiformat::count(static_cast<int64_t>(requests)), requests));
        setItem(row, Baseline,
                sortableNumber(uiformat::money(tag.baselineUsd * monthFactor), tag.baselineUsd));
        setItem(row, Spend,
                sortableNumber(uiformat::money(tag.spendUsd * monthFactor), tag.spendUsd));
        setItem(row, PerRequest,
                sortableNumber(uiformat::money(tag.costPerRequestUsd()), tag.costPerRequestUsd()));
        setItem(row, Tiers, new QTableWidgetItem(shares.join(QStringLiteral(", "))));
        setItem(row, Chr,
                sortableNumber(tag.chr ? uiformat::percent(*tag.chr) : QStringLiteral("—"),
                               tag.chr.value_or(-1.0)));
    }
    setSortingEnabled(true);
    sortItems(Spend, Qt::DescendingOrder); // who spends most first
}
