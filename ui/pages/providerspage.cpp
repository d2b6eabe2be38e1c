#include "providerspage.h"

#include "charts/chartpalette.h"
#include "keychain.h"
#include "models/providersmodel.h"
#include "models/rejectionsmodel.h"
#include "pagelayout.h"
#include "providerscontroller.h"
#include "providersdialogs.h"
#include "widgets/tableview.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace switchyard;

namespace {

QLabel* wrappingLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void setTone(QLabel* label, bool bad) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     bad ? chartpalette::bad()
                         : QApplication::palette().color(QPalette::WindowText));
    label->setPalette(palette);
}

// Where a key goes when the keychain cannot hold it.
QString environmentHint(const ProviderConfig& config) {
    return config.kind == ProviderKind::Bedrock ? QStringLiteral("AWS_BEARER_TOKEN_BEDROCK")
                                                : QString::fromStdString(config.apiKeyVariable());
}

} // namespace

ProvidersPage::ProvidersPage(QWidget* parent)
    : QWidget(parent), m_controller(new ProvidersController(this)),
      m_model(new ProvidersModel(this)), m_errorModel(new RejectionsModel(this)) {
    auto* page = new QVBoxLayout(this);
    auto* header = pagelayout::addHeader(
        page, tr("Providers"),
        tr("Which providers can Switchyard call, with which models and limits, and does each "
           "one's key work? Keys stay in the environment or the OS keychain, never in the file."));
    m_add = new QPushButton(tr("Add Provider…"), this);
    m_add->setToolTip(tr("Add a provider to the providers file"));
    auto* open = new QPushButton(tr("Open Another File…"), this);
    auto* reload = new QPushButton(tr("Reload"), this);
    reload->setToolTip(tr("Read the file again, after editing it elsewhere"));
    m_findLocal = new QPushButton(tr("Find Local Servers"), this);
    m_findLocal->setToolTip(tr("Look for Ollama (port 11434), llama.cpp (8080) and vLLM (8000) on "
                               "this machine and offer their models as providers with no key"));
    for (QPushButton* button : {m_add, m_findLocal, open, reload})
        header->addWidget(button);
    connect(m_findLocal, &QPushButton::clicked, this, [this]() { findLocalServers(); });
    connect(m_controller, &ProvidersController::localServersDetected, this,
            &ProvidersPage::offerLocalServers);
    connect(m_add, &QPushButton::clicked, this, &ProvidersPage::addProvider);
    connect(open, &QPushButton::clicked, this, &ProvidersPage::chooseFile);
    connect(reload, &QPushButton::clicked, m_controller, &ProvidersController::reload);

    m_path = wrappingLabel(this);
    m_path->setObjectName(QStringLiteral("providersFilePath"));
    page->addWidget(m_path);
    m_keychainNotice = wrappingLabel(this);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    setTone(m_keychainNotice, true);
    page->addWidget(m_keychainNotice);
    m_loadError = wrappingLabel(this);
    setTone(m_loadError, true);
    page->addWidget(m_loadError);
    m_errorView = makeTableView(m_errorModel, this);
    m_errorView->setObjectName(QStringLiteral("providersFileErrors"));
    m_errorView->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    m_errorView->horizontalHeader()->resizeSection(RejectionsModel::File, 220);
    m_errorView->horizontalHeader()->resizeSection(RejectionsModel::Field, 220);
    page->addWidget(m_errorView);

    m_table = makeTableView(m_model, this);
    m_table->setObjectName(QStringLiteral("providersTable"));
    auto* columns = m_table->horizontalHeader();
    columns->resizeSection(ProvidersModel::Name, 110);
    columns->resizeSection(ProvidersModel::Kind, 85);
    columns->resizeSection(ProvidersModel::Endpoint, 200);
    columns->resizeSection(ProvidersModel::Credential, 235);
    columns->resizeSection(ProvidersModel::Key, 75);
    columns->resizeSection(ProvidersModel::Models, 170);
    columns->resizeSection(ProvidersModel::Limits, 360);
    // Details below the table, not beside it: the table keeps the page's full width for its
    // eight columns, and a failure message gets a whole line under it.
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("providersSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(buildDetails());
    splitter->setStretchFactor(0, 1);
    splitter->setCollapsible(0, false);
    splitter->setSizes({600, 200});
    page->addWidget(splitter, 1);

    m_message = wrappingLabel(this);
    m_message->setObjectName(QStringLiteral("providersMessage"));
    page->addWidget(m_message);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProvidersPage::showDetails);
    connect(m_table, &QTableView::doubleClicked, this, &ProvidersPage::editSelected);
    connect(m_controller, &ProvidersController::changed, this, &ProvidersPage::refresh);
    connect(
        m_controller, &ProvidersController::connectionTested, this, [this](const QString& name) {
            const int row = m_model->rowOf(name);
            if (row >= 0)
                showMessage(tr("Connection test of %1: %2")
                                .arg(name, ProvidersModel::connectionText(*m_model->rowAt(row))));
        });
    auto* keychain = m_controller->keychain();
    connect(keychain, &Keychain::keyStored, this,
            [this](const QString& name, const QString& error) {
                showMessage(error.isEmpty()
                                ? tr("The key for %1 is stored in the OS keychain.").arg(name)
                                : tr("The key for %1 was not stored: %2").arg(name, error));
            });
    connect(keychain, &Keychain::keyDeleted, this,
            [this](const QString& name, const QString& error) {
                showMessage(error.isEmpty()
                                ? tr("The key for %1 is removed from the OS keychain.").arg(name)
                                : tr("The key for %1 was not removed: %2").arg(name, error));
            });
}

void ProvidersPage::showEvent(QShowEvent* event) {
    // Opened when first shown, not at construction: a window that never visits this page (a
    // test of another page) reads neither the user's providers file nor the keychain.
    m_controller->openDefault();
    QWidget::showEvent(event);
}

QWidget* ProvidersPage::buildDetails() {
    m_details = new QGroupBox(this);
    auto* layout = new QHBoxLayout(m_details);
    m_detailsForm = new QFormLayout;
    m_detailsForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_detailKind = wrappingLabel(m_details);
    m_detailEndpoint = wrappingLabel(m_details);
    m_detailKey = wrappingLabel(m_details);
    m_detailKey->setObjectName(QStringLiteral("detailKey"));
    m_detailModels = wrappingLabel(m_details);
    m_detailLimits = wrappingLabel(m_details);
    m_detailConnection = wrappingLabel(m_details);
    m_detailConnection->setObjectName(QStringLiteral("detailConnection"));
    m_detailsForm->addRow(tr("Kind"), m_detailKind);
    m_detailsForm->addRow(tr("Endpoint"), m_detailEndpoint);
    m_detailsForm->addRow(tr("Key"), m_detailKey);
    m_detailsForm->addRow(tr("Models"), m_detailModels);
    m_detailsForm->addRow(tr("Limits"), m_detailLimits);
    m_detailsForm->addRow(tr("Connection"), m_detailConnection);
    layout->addLayout(m_detailsForm, 1);
    auto* actions = new QVBoxLayout;
    layout->addLayout(actions);

    m_test = new QPushButton(tr("Test Connection"), m_details);
    m_test->setShortcut(QKeySequence(tr("Ctrl+T")));
    m_test->setToolTip(tr("Send \"ping\" with max_tokens 1 to the first model: one real call, "
                          "a fraction of a cent (Ctrl+T)"));
    m_edit = new QPushButton(tr("Edit…"), m_details);
    m_edit->setToolTip(tr("Change the provider's settings, models and limits"));
    m_setKey = new QPushButton(tr("Set Key in Keychain…"), m_details);
    m_remove = new QPushButton(tr("Remove"), m_details);
    m_remove->setToolTip(tr("Remove the provider from the file (its keychain entry stays)"));
    for (QPushButton* button : {m_test, m_edit, m_setKey, m_remove})
        actions->addWidget(button);
    actions->addStretch(1);
    connect(m_test, &QPushButton::clicked, this, &ProvidersPage::testSelected);
    connect(m_edit, &QPushButton::clicked, this, &ProvidersPage::editSelected);
    connect(m_setKey, &QPushButton::clicked, this, &ProvidersPage::setKeyForSelected);
    connect(m_remove, &QPushButton::clicked, this, &ProvidersPage::removeSelected);
    return m_details;
}

void ProvidersPage::openFile(const QString& path) {
    m_message->clear();
    m_controller->open(path);
}

void ProvidersPage::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open providers file"), QFileInfo(m_controller->path()).absolutePath(),
        tr("Providers files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void ProvidersPage::refresh() {
    const QString selected = selectedProvider();
    m_model->setRows(m_controller->rows());
    const int row = m_model->rowOf(selected);
    m_table->setCurrentIndex(m_model->index(row >= 0 ? row : 0, 0));

    const QString path = QDir::toNativeSeparators(m_controller->path());
    m_path->setText(m_controller->fileExists()
                        ? tr("File: %1").arg(path)
                        : tr("File: %1 (not created yet: the first change saves it)").arg(path));
    const auto& error = m_controller->loadError();
    m_loadError->setVisible(error.has_value());
    m_errorView->setVisible(error.has_value());
    m_errorModel->setRows(error ? std::vector<Error>{*error} : std::vector<Error>{});
    if (error)
        m_loadError->setText(tr("This file could not be read and is left untouched: %1. Fix it "
                                "in an editor and press Reload, or open another file.")
                                 .arg(QString::fromStdString(error->toString())));
    m_add->setEnabled(!error);

    const Keychain* keychain = m_controller->keychain();
    QStringList variables;
    for (const auto& shown : m_model->rows())
        if (shown.key != ProviderRow::Key::NotNeeded && !environmentHint(shown.config).isEmpty() &&
            !variables.contains(environmentHint(shown.config)))
            variables << environmentHint(shown.config);
    const bool unavailable = keychain->state() == Keychain::State::Unavailable;
    m_keychainNotice->setVisible(unavailable);
    if (unavailable)
        m_keychainNotice->setText(
            (variables.isEmpty()
                 ? tr("OS keychain unavailable: keys can only come from the environment.")
                 : tr("OS keychain unavailable: set the key in the environment variable %1.")
                       .arg(variables.join(QStringLiteral(", ")))) +
            QLatin1Char(' ') + tr("(The keychain said: %1)").arg(keychain->unavailableReason()));
    if (m_model->rowCount() == 0 && !error)
        m_message->setText(tr("No providers yet: Add Provider… describes one (an OpenAI-"
                              "compatible server, Anthropic, Bedrock), or open an existing file."));
    showDetails();
}

void ProvidersPage::showDetails() {
    const ProviderRow* row = m_model->rowAt(m_table->currentIndex().row());
    const bool editable = row && !m_controller->loadError();
    m_details->setTitle(row ? QString::fromStdString(row->config.name)
                            : tr("No provider selected"));
    for (QPushButton* button : {m_edit, m_remove})
        button->setEnabled(editable);
    const bool unavailable = m_controller->keychain()->state() == Keychain::State::Unavailable;
    m_setKey->setEnabled(row && row->key != ProviderRow::Key::NotNeeded && !unavailable);
    m_setKey->setToolTip(unavailable ? keychainNotice()
                                     : tr("Store this provider's key in the OS keychain"));
    m_test->setEnabled(row && !row->testing && row->config.kind != ProviderKind::LocalStudent);
    for (QLabel* label : {m_detailKind, m_detailEndpoint, m_detailKey, m_detailModels,
                          m_detailLimits, m_detailConnection})
        label->clear();
    if (!row)
        return;
    const ProviderConfig& config = row->config;
    m_detailKind->setText(QString::fromStdString(std::string(providerKindName(config.kind))));
    m_detailEndpoint->setText(ProvidersModel::endpointText(config));
    QString key = tr("%1, from %2").arg(ProvidersModel::keyText(*row), row->credentialSource);
    if (row->key == ProviderRow::Key::Missing)
        key += QStringLiteral("\n") + (unavailable ? keychainNotice() : row->credentialDetail);
    m_detailKey->setText(key);
    setTone(m_detailKey, row->key == ProviderRow::Key::Missing);
    QStringList models;
    for (const auto& model : config.models)
        models << QString::fromStdString(model);
    m_detailModels->setText(models.join(QStringLiteral(", ")));
    m_detailLimits->setText(ProvidersModel::limitsText(config.limits));
    m_detailConnection->setText(ProvidersModel::connectionText(*row));
    setTone(m_detailConnection, row->test && !row->test->ok && !row->testing);
}

QString ProvidersPage::keychainNotice() const {
    const ProviderRow* row = m_model->rowAt(m_table->currentIndex().row());
    const QString variable = row ? environmentHint(row->config) : QString();
    return variable.isEmpty()
               ? tr("OS keychain unavailable: keys can only come from the environment.")
               : tr("OS keychain unavailable: set the key in the environment variable %1")
                     .arg(variable);
}

QString ProvidersPage::message() const {
    return m_message->text();
}

void ProvidersPage::showMessage(const QString& text) {
    m_message->setText(text);
    emit statusMessage(text);
}

void ProvidersPage::selectProvider(const QString& name) {
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, 0));
}

QString ProvidersPage::selectedProvider() const {
    const ProviderRow* row = m_model->rowAt(m_table->currentIndex().row());
    return row ? QString::fromStdString(row->config.name) : QString();
}

void ProvidersPage::addProvider() {
    ProviderConfig initial;
    initial.kind = ProviderKind::OpenAi;
    ProviderDialog dialog(
        initial, true,
        [this](const ProviderConfig& config) { return m_controller->validateEdit({}, config); },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ProviderConfig config = dialog.config();
    if (const Status saved = m_controller->saveProvider({}, config); !saved) {
        showMessage(tr("Not saved: %1").arg(QString::fromStdString(saved.error().toString())));
        return;
    }
    selectProvider(QString::fromStdString(config.name));
    showMessage(tr("Added %1 and saved %2.")
                    .arg(QString::fromStdString(config.name), m_controller->path()));
}

void ProvidersPage::editSelected() {
    const QString name = selectedProvider();
    const ProviderConfig* current = m_controller->file().find(name.toStdString());
    if (!current || m_controller->loadError())
        return;
    ProviderDialog dialog(
        *current, false,
        [this, name](const ProviderConfig& config) {
            return m_controller->validateEdit(name, config);
        },
        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ProviderConfig config = dialog.config();
    if (const Status saved = m_controller->saveProvider(name, config); !saved) {
        showMessage(tr("Not saved: %1").arg(QString::fromStdString(saved.error().toString())));
        return;
    }
    selectProvider(QString::fromStdString(config.name));
    showMessage(
        tr("Saved %1 to %2.").arg(QString::fromStdString(config.name), m_controller->path()));
}

void ProvidersPage::removeSelected() {
    const QString name = selectedProvider();
    if (name.isEmpty() || m_controller->loadError())
        return;
    if (QMessageBox::question(this, tr("Remove provider"),
                              tr("Remove %1 from %2? Runs can then no longer call its models.")
                                  .arg(name, m_controller->path())) != QMessageBox::Yes)
        return;
    if (const Status saved = m_controller->removeProvider(name); !saved) {
        showMessage(tr("Not removed: %1").arg(QString::fromStdString(saved.error().toString())));
        return;
    }
    showMessage(tr("Removed %1 and saved %2.").arg(name, m_controller->path()));
}

void ProvidersPage::setKeyForSelected() {
    const ProviderRow* row = m_model->rowAt(m_table->currentIndex().row());
    if (!row)
        return;
    const QString name = QString::fromStdString(row->config.name);
    Keychain* keychain = m_controller->keychain();
    KeyDialog dialog(name, environmentHint(row->config), keychain->hasKey(name), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.removeRequested())
        keychain->deleteKey(name);
    else
        keychain->storeKey(name, dialog.key());
    showMessage(tr("Talking to the OS keychain…"));
}

void ProvidersPage::testSelected() {
    const QString name = selectedProvider();
    if (name.isEmpty())
        return;
    showMessage(tr("Testing %1: one \"ping\" with max_tokens 1…").arg(name));
    m_controller->testConnection(name);
}
