// RouterLabPage, continued: the decisions table, its filters and the selected decision's
// detail. Layout and wiring are in routerlabpage.cpp.
#include "routerlabpage.h"

#include "pagelayout.h"

#include "models/decisionsmodel.h"
#include "uiformat.h"
#include "widgets/tableview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

using namespace switchyard::routing;

QWidget* RouterLabPage::buildDecisions() {
    auto* widget = new QWidget(this);
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit(widget);
    m_search->setPlaceholderText(tr("Search prompt id"));
    m_search->setClearButtonEnabled(true);
    m_wrongOnly = new QCheckBox(tr("Router wrong only"), widget);
    m_wrongOnly->setToolTip(tr("Only the prompts the router overpaid for (a cheaper tier's answer "
                               "met the bar) or underpowered (its answer missed the bar, another "
                               "tier's met it)"));
    m_wrongCount = new QLabel(widget);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_wrongOnly);
    filters->addWidget(m_wrongCount, 1);
    layout->addLayout(filters);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_decisions);
    proxy->setSortRole(DecisionsModel::SortRole);
    proxy->setFilterKeyColumn(DecisionsModel::Prompt);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_decisionsView = makeTableView(proxy, widget);
    // Unsorted until the user asks: sorting explains every row, the table's rows are lazy.
    m_decisionsView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_decisionsView->setSortingEnabled(true);
    auto* header = m_decisionsView->horizontalHeader();
    header->resizeSection(DecisionsModel::Prompt, 80);
    header->resizeSection(DecisionsModel::Tier, 140);
    header->resizeSection(DecisionsModel::Reason, 280);
    header->resizeSection(DecisionsModel::Cost, 80);
    header->resizeSection(DecisionsModel::Quality, 65);
    header->resizeSection(DecisionsModel::Best, 230);
    m_detail = new QTextBrowser(widget);
    m_detail->setPlaceholderText(tr("Select a decision to see the prompt, every tier's answer "
                                    "quality and cost, and why the router chose as it did."));
    auto* split = pagelayout::makeSplitter(Qt::Horizontal, "routerLabDecisionsSplitter", widget);
    split->addWidget(m_decisionsView);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_search, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_wrongOnly, &QCheckBox::toggled, m_decisions, &DecisionsModel::setWrongOnly);
    connect(m_decisionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showDetail(current.row()); });
    connect(proxy, &QAbstractItemModel::modelReset, m_detail, &QTextBrowser::clear);
    return widget;
}

void RouterLabPage::showDetail(int proxyRow) {
    auto* proxy = static_cast<QSortFilterProxyModel*>(m_decisionsView->model());
    const int row = proxy->mapToSource(proxy->index(proxyRow, 0)).row();
    const DecisionDetail* detail = m_decisions->detailAt(row);
    const RouterLab* lab = m_decisions->lab();
    if (!detail || !lab) {
        m_detail->clear();
        return;
    }
    const TierTable& table = lab->table();
    const size_t tableRow = m_decisions->tableRow(row);
    const std::string& text = table.data().promptTexts[table.promptIndex()[tableRow]];
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p>")
                       .arg(QString::fromStdString(detail->promptId).toHtmlEscaped(),
                            QString::fromStdString(text.substr(0, 1500)).toHtmlEscaped());
    html += tr("<p><b>Routed to %1</b>: %2</p>")
                .arg(m_decisions->tierLabel(detail->tier).toHtmlEscaped(),
                     QString::fromStdString(detail->reason).toHtmlEscaped());
    html += QStringLiteral("<table cellpadding='3'><tr><th align='left'>%1</th><th>%2</th>"
                           "<th>%3</th></tr>")
                .arg(tr("Tier"), tr("Quality"), tr("Cost of its call"));
    for (size_t k = 0; k < table.tierCount(); ++k) {
        const float quality = table.quality(k)[tableRow];
        const bool chosen = static_cast<int>(k) == detail->tier;
        html += QStringLiteral("<tr><td>%1%2</td><td align='right'>%3</td>"
                               "<td align='right'>%4</td></tr>")
                    .arg(m_decisions->tierLabel(static_cast<int>(k)).toHtmlEscaped(),
                         chosen ? QStringLiteral(" ◀") : QString(),
                         std::isfinite(quality) ? QLocale().toString(quality, 'f', 3)
                                                : QStringLiteral("—"),
                         uiformat::money(table.callCost(k)[tableRow]));
    }
    html += QStringLiteral("</table>");
    html += tr("<p>Best affordable choice: <b>%1</b>. Verdict: <b>%2</b> (quality bar %3).</p>")
                .arg(m_decisions->tierLabel(detail->bestTier).toHtmlEscaped(),
                     m_decisions->index(row, DecisionsModel::Verdict).data().toString(),
                     QLocale().toString(table.options().qualityBar, 'f', 2));
    m_detail->setHtml(html);
}
