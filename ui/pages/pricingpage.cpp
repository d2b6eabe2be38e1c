#include "pricingpage.h"

#include "models/cataloguemodel.h"
#include "models/rejectionsmodel.h"
#include "pagelayout.h"
#include "uiformat.h"
#include "widgets/statcard.h"
#include "widgets/tableview.h"
#include "workspacecontroller.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

PricingPage::PricingPage(WorkspaceController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_model(new CatalogueModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_issuesModel(new RejectionsModel(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(page, tr("Pricing"),
                                         tr("What does a million tokens cost on each model? Edit a "
                                            "price to override it in this workspace."));
    auto* revert = new QPushButton(tr("Revert to Catalogue"), this);
    revert->setToolTip(tr("Drop this workspace's edit of the selected model"));
    auto* import = new QPushButton(tr("Import LiteLLM Prices…"), this);
    import->setToolTip(
        tr("Read LiteLLM's model_prices_and_context_window.json to add or update models"));
    header->addWidget(revert);
    header->addWidget(import);
    connect(revert, &QPushButton::clicked, this, &PricingPage::revertSelected);
    connect(import, &QPushButton::clicked, this, &PricingPage::chooseLiteLlmFile);

    auto* cards = new QHBoxLayout;
    m_modelsCard = new StatCard(tr("models priced"), this);
    m_dateCard = new StatCard(tr("catalogue date"), this);
    m_overridesCard = new StatCard(tr("prices edited in this workspace"), this);
    m_spreadCard = new StatCard(tr("output price spread"), this);
    for (auto* card : {m_modelsCard, m_dateCard, m_overridesCard, m_spreadCard})
        cards->addWidget(card);
    page->addLayout(cards);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search model or provider"));
    m_search->setClearButtonEnabled(true);
    page->addWidget(m_search);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table = makeTableView(m_proxy, this);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CatalogueModel::Model, Qt::AscendingOrder);
    m_table->horizontalHeader()->resizeSection(CatalogueModel::Model, 330);
    for (int column = CatalogueModel::Input; column <= CatalogueModel::Context; ++column)
        m_table->horizontalHeader()->resizeSection(column, 100);
    page->addWidget(m_table, 1);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    page->addWidget(m_message);
    m_issuesView = makeTableView(m_issuesModel, this);
    m_issuesView->setMaximumHeight(150);
    m_issuesView->setVisible(false);
    page->addWidget(m_issuesView);

    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_model->setEditHandler([this](const switchyard::ModelPrice& price) {
        if (!m_controller->savePrice(price)) {
            m_message->setText(tr("Another price change is still being applied; try again in a "
                                  "moment."));
            return false;
        }
        m_pendingChange = tr("Saved %1 as a price override of this workspace.")
                              .arg(QString::fromStdString(price.id));
        m_message->setText(tr("Saving %1 and re-pricing the recorded results…")
                               .arg(QString::fromStdString(price.id)));
        return true;
    });
    // Queued: the edit handler runs inside setData, so the table must not reset under it.
    connect(controller, &WorkspaceController::catalogueChanged, this, &PricingPage::refresh,
            Qt::QueuedConnection);
    connect(controller, &WorkspaceController::priceChangeFinished, this,
            &PricingPage::showPriceChange);
    refresh();
}

QString PricingPage::message() const {
    return m_message->text();
}

QString PricingPage::catalogueDate() const {
    return QString::fromStdString(m_controller->catalogue().catalogue.catalogueDate());
}

void PricingPage::refresh() {
    const auto& effective = m_controller->catalogue();
    const auto& models = effective.catalogue.models();
    m_model->setCatalogue(models, effective.overriddenIds);
    m_modelsCard->setValue(uiformat::count(static_cast<int64_t>(models.size())),
                           tr("input, output, cache and batch prices"));
    m_modelsCard->setToolTip(
        tr("Models in the bundled catalogue plus those added in this workspace."));
    m_dateCard->setValue(catalogueDate(), tr("newest price in the catalogue"));
    m_dateCard->setToolTip(tr("Each row carries the date and source of its own price."));
    m_overridesCard->setValue(uiformat::count(static_cast<int64_t>(effective.overriddenIds.size())),
                              tr("shown in bold; stored in the workspace"));
    double cheapest = 0;
    double dearest = 0;
    for (const auto& price : models) {
        if (price.outputUsdPerMTok <= 0)
            continue;
        cheapest =
            cheapest == 0 ? price.outputUsdPerMTok : std::min(cheapest, price.outputUsdPerMTok);
        dearest = std::max(dearest, price.outputUsdPerMTok);
    }
    const double spread = cheapest > 0 ? dearest / cheapest : 0;
    m_spreadCard->setValue(QLocale().toString(spread, 'f', 0) + QStringLiteral("×"),
                           tr("%1 to %2 per million output tokens")
                               .arg(uiformat::money(cheapest), uiformat::money(dearest)));
    m_spreadCard->setToolTip(
        tr("The most expensive model's output price divided by the cheapest's: "
           "the room routing has to save money."));
    if (!m_controller->bundledCatalogueError().isEmpty())
        m_message->setText(m_controller->bundledCatalogueError());
    else if (!effective.problems.empty())
        m_message->setText(tr("%n stored price override(s) could not be read and are not applied.",
                              nullptr, static_cast<int>(effective.problems.size())));
    if (!effective.problems.empty()) {
        m_issuesModel->setRows(effective.problems);
        m_issuesView->setVisible(true);
    }
}

void PricingPage::revertSelected() {
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    const auto* price = m_model->rowAt(current.row());
    if (!price || !m_model->isOverridden(current.row())) {
        m_message->setText(
            tr("Select a model shown in bold (edited in this workspace) to revert it."));
        return;
    }
    const QString id = QString::fromStdString(price->id);
    if (!m_controller->revertPrice(id)) {
        m_message->setText(tr("Another price change is still being applied; try again in a "
                              "moment."));
        return;
    }
    m_pendingChange = tr("%1 is priced from the catalogue again.").arg(id);
    m_message->setText(tr("Reverting %1 and re-pricing the recorded results…").arg(id));
}

void PricingPage::chooseLiteLlmFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import LiteLLM prices"), QString(),
        tr("LiteLLM price file (model_prices_and_context_window.json *.json)"));
    if (!path.isEmpty())
        importLiteLlmFile(path);
}

void PricingPage::importLiteLlmFile(const QString& path) {
    if (!m_controller->importLiteLlm(path)) {
        m_message->setText(tr("Another price change is still being applied; try again in a "
                              "moment."));
        return;
    }
    m_pendingChange.clear();
    m_liteLlmPath = path;
    m_message->setText(tr("Importing LiteLLM prices from %1…").arg(path));
}

void PricingPage::showPriceChange(const PriceChangeResult& result) {
    if (result.error) {
        m_message->setText(
            tr("Prices unchanged: %1").arg(QString::fromStdString(result.error->toString())));
        refresh(); // the table shows the stored prices again
        return;
    }
    QString text = m_pendingChange;
    if (const auto& imported = result.liteLlm) {
        std::vector<switchyard::Error> issues;
        for (const auto& issue : imported->flagged)
            issues.push_back({m_liteLlmPath.toStdString(), 0,
                              issue.model + (issue.field.empty() ? "" : "." + issue.field),
                              issue.reason});
        m_issuesModel->setRows(std::move(issues));
        m_issuesView->setVisible(!imported->flagged.empty());
        text = tr("LiteLLM import: %1 models priced and saved to this workspace, %2 flagged "
                  "(no usable price, not imported, listed below), %3 skipped (not chat "
                  "models), of %4 entries.")
                   .arg(uiformat::count(static_cast<int64_t>(imported->models.size())),
                        uiformat::count(static_cast<int64_t>(imported->flagged.size())),
                        uiformat::count(static_cast<int64_t>(imported->skipped.size())),
                        uiformat::count(static_cast<int64_t>(imported->totalEntries)));
    }
    m_message->setText(text + QLatin1Char(' ') + repricingSummary(result.outcome));
}

QString PricingPage::repricingSummary(const switchyard::workbench::PriceChangeOutcome& outcome) {
    const auto& repriced = outcome.repriced;
    QString text = repriced.changed == 0
                       ? tr("No recorded cost changed.")
                       : tr("%1 recorded results re-priced; the Runs, Router Lab and Cache Lab "
                            "figures use the new costs.")
                             .arg(uiformat::count(repriced.changed));
    if (repriced.unpriced > 0)
        text += QLatin1Char(' ') + tr("%1 results have no price now and show no cost.")
                                       .arg(uiformat::count(repriced.unpriced));
    if (outcome.keptAsRecorded > 0)
        text += QLatin1Char(' ') + tr("%1 results keep the cost they were recorded with (given by "
                                      "their file, or recorded before "
                                      "costs followed prices).")
                                       .arg(uiformat::count(outcome.keptAsRecorded));
    return text;
}
