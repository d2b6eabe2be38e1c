#pragma once

#include <QString>
#include <QWidget>

namespace switchyard::workbench {
struct PriceChangeOutcome;
}
struct PriceChangeResult;
class CatalogueModel;
class RejectionsModel;
class StatCard;
class WorkspaceController;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// Price: what every model costs per million tokens, with cache and batch multipliers, editable
// per workspace, extendable from a LiteLLM price file.
class PricingPage : public QWidget {
    Q_OBJECT

public:
    explicit PricingPage(WorkspaceController* controller, QWidget* parent = nullptr);

    QString catalogueDate() const;
    QTableView* table() const { return m_table; }
    QLineEdit* searchBox() const { return m_search; }
    CatalogueModel* catalogueModel() const { return m_model; }
    QString message() const;
    // Starts the import; the page reports it when it has been applied.
    void importLiteLlmFile(const QString& path);

private:
    void refresh();
    void chooseLiteLlmFile();
    void revertSelected();
    void showPriceChange(const PriceChangeResult& result);
    static QString repricingSummary(const switchyard::workbench::PriceChangeOutcome& outcome);

    WorkspaceController* m_controller;
    CatalogueModel* m_model;
    QSortFilterProxyModel* m_proxy;
    RejectionsModel* m_issuesModel;
    QTableView* m_table;
    QTableView* m_issuesView;
    QLineEdit* m_search;
    QLabel* m_message;
    StatCard* m_modelsCard;
    StatCard* m_dateCard;
    StatCard* m_overridesCard;
    StatCard* m_spreadCard;
    QString m_pendingChange; // what the running change will have done, said when it has
    QString m_liteLlmPath;   // the LiteLLM file being imported, for its issues
};
