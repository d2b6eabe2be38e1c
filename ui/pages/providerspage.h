#pragma once

#include "providers/local_servers.h"

#include <QWidget>

class ProvidersController;
class ProvidersModel;
class RejectionsModel;
class QFormLayout;
class QGroupBox;
class QLabel;
class QMessageBox;
class QPushButton;
class QTableView;

// Connect: which providers Switchyard can call (providers.yaml), with which models and limits,
// whether each one's key resolves (never showing it), keys kept in the OS keychain, and a
// one-token "Test connection" per provider. Opens, when first shown, $SWITCHYARD_PROVIDERS, else
// ~/.config/switchyard/providers.yaml: the file switchyard-cli reads too.
class ProvidersPage : public QWidget {
    Q_OBJECT

public:
    explicit ProvidersPage(QWidget* parent = nullptr);

    ProvidersController* providersController() const { return m_controller; }
    ProvidersModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString message() const;
    QString keychainNotice() const;

    void openFile(const QString& path);
    void selectProvider(const QString& name);
    QString selectedProvider() const;
    // The actions behind the buttons, on the selected provider; the dialogs are modal.
    void addProvider();
    void editSelected();
    void removeSelected();
    void setKeyForSelected();
    void testSelected();
    // Probes the loopback ports of Ollama, llama.cpp and vLLM on a worker; when some answer,
    // asks (localServersQuestion, not modal) whether to add them to the file.
    void findLocalServers(
        std::vector<switchyard::LocalServerProbe> probes = switchyard::defaultLocalServerProbes());
    QMessageBox* localServersQuestion() const { return m_localQuestion; }

signals:
    void statusMessage(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildDetails();
    void refresh();
    void showDetails();
    void showMessage(const QString& text);
    void chooseFile();
    void offerLocalServers(const switchyard::LocalServerScan& scan);

    ProvidersController* m_controller;
    ProvidersModel* m_model;
    RejectionsModel* m_errorModel;
    QTableView* m_table;
    QTableView* m_errorView;
    QLabel* m_path;
    QLabel* m_keychainNotice;
    QLabel* m_loadError;
    QLabel* m_message;
    QGroupBox* m_details;
    QFormLayout* m_detailsForm;
    QLabel* m_detailKind;
    QLabel* m_detailEndpoint;
    QLabel* m_detailKey;
    QLabel* m_detailModels;
    QLabel* m_detailLimits;
    QLabel* m_detailConnection;
    QPushButton* m_add;
    QPushButton* m_test;
    QPushButton* m_edit;
    QPushButton* m_setKey;
    QPushButton* m_remove;
    QPushButton* m_findLocal;
    QMessageBox* m_localQuestion = nullptr;
};
