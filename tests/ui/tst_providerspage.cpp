// The Providers page, offscreen, on a providers.yaml in a temporary folder ($SWITCHYARD_PROVIDERS):
// the rows a user sees, add / edit / remove through the form dialog with the file read back,
// a bad file's error with its line, "Test connection" against the local test server (real HTTP,
// real faults), keys that never reach the file or the screen, and the keychain-unavailable
// notice (this test runs without a D-Bus session on purpose; tst_keychain has the real one).
#include "keychain.h"
#include "mainwindow.h"
#include "modaldriver.h"
#include "models/providersmodel.h"
#include "pages/providerspage.h"
#include "providers/providers_file.h"
#include "providerscontroller.h"
#include "providersdialogs.h"
#include "test_server.h"
#include "workspacecontroller.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QtTest>

#include <memory>

using namespace switchyard;
using switchyard::testing::Fault;
using switchyard::testing::TestServer;

namespace {

// Recognisable fake keys: none of them may appear in the saved file or anywhere on the page.
const char* kAnthropicKey = "sk-ant-FAKE-page-key-4b1d";
const char* kOpenAiKey = "sk-proj-FAKE-page-key-9e2c";
const char* kWrongKey = "sk-proj-WRONG-page-key-77aa";

void setText(QWidget* dialog, const char* key, const QString& text) {
    if (auto* line = dialog->findChild<QLineEdit*>(QLatin1String(key)))
        line->setText(text);
    else if (auto* lines = dialog->findChild<QPlainTextEdit*>(QLatin1String(key)))
        lines->setPlainText(text);
    else
        qFatal("no field %s", key);
}

void clickSave(QWidget* dialog) {
    modaldriver::findButton(dialog, QStringLiteral("Save"))->click();
}

// Everything the page shows: labels, buttons, and every role of every cell.
QString visibleText(QWidget* page, QAbstractItemModel* model) {
    QStringList texts;
    const auto labels = page->findChildren<QLabel*>();
    for (const QLabel* label : labels)
        texts << label->text() << label->toolTip();
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            for (const int role : {Qt::DisplayRole, Qt::ToolTipRole})
                texts << model->index(row, column).data(role).toString();
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestProvidersPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    WorkspaceController* m_workspace = nullptr;
    MainWindow* m_window = nullptr;
    ProvidersPage* m_page = nullptr;
    QString m_path;
    QString m_original; // the file as first written

    ProvidersController* controller() const { return m_page->providersController(); }

    ProvidersFile savedFile() const {
        auto file = loadProvidersFile(m_path.toStdString());
        if (!file)
            qFatal("%s", file.error().toString().c_str());
        return *file;
    }

    QString fileText() const {
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    QString cell(const QString& provider, int column) const {
        return m_page->model()->index(m_page->model()->rowOf(provider), column).data().toString();
    }

    QPushButton* button(const QString& text) const {
        QPushButton* found = modaldriver::findButton(m_page, text);
        if (!found)
            qFatal("no button %s", qPrintable(text));
        return found;
    }

private slots:
    void initTestCase();
    void cleanupTestCase() { delete m_window; }
    void showsProviders();
    void neverShowsOrSavesAKey();
    void keychainUnavailableSaysWhereTheKeyGoes();
    void testConnection_data();
    void testConnection();
    void addsEditsAndRemoves();
    void findsLocalServers();
    void badFileShowsItsLine();
    void screenshot();
};

void TestProvidersPage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
    QCoreApplication::setApplicationName(QStringLiteral("SwitchyardProvidersTest"));
    QSettings().clear();
    // No session bus, whatever the machine has: the keychain is unavailable here by design, and
    // a developer's own keychain is never touched by this test.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir.filePath("no-bus").toUtf8());
    qunsetenv("DISPLAY");
    // Bedrock resolution sees no AWS credentials at all: its key is "missing".
    for (const char* name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                             "AWS_PROFILE", "AWS_BEARER_TOKEN_BEDROCK", "AWS_REGION"})
        qunsetenv(name);
    qputenv("AWS_SHARED_CREDENTIALS_FILE", m_dir.filePath("aws-credentials").toUtf8());
    qputenv("AWS_CONFIG_FILE", m_dir.filePath("aws-config").toUtf8());
    qputenv("TEST_ANTHROPIC_KEY", kAnthropicKey);
    qputenv("TEST_OPENAI_KEY", kOpenAiKey);
    qputenv("WRONG_OPENAI_KEY", kWrongKey);

    switchyard::testing::TestServerOptions options;
    options.anthropicKey = kAnthropicKey;
    options.openAiKey = kOpenAiKey;
    options.stallMs = 800;
    m_server = std::make_unique<TestServer>(options);
    QVERIFY(m_server->start());
    const QString base = QString::fromStdString(m_server->baseUrl());

    m_path = m_dir.filePath("providers.yaml");
    m_original = QStringLiteral("# the team's providers\n"
                                "providers:\n"
                                "  - name: local-openai\n"
                                "    kind: openai\n"
                                "    base_url: %1/v1\n"
                                "    api_key_env: TEST_OPENAI_KEY\n"
                                "    models: [gpt-4o-mini, gpt-4o]\n"
                                "    concurrency: 4\n"
                                "    requests_per_minute: 60\n"
                                "  - name: claude\n"
                                "    kind: anthropic\n"
                                "    base_url: %1\n"
                                "    api_key_env: TEST_ANTHROPIC_KEY\n"
                                "    models: [claude-haiku-4-5]\n"
                                "  - name: wrong-key\n"
                                "    kind: openai\n"
                                "    base_url: %1/v1\n"
                                "    api_key_env: WRONG_OPENAI_KEY\n"
                                "    models: [gpt-4o-mini]\n"
                                "  - name: bedrock\n"
                                "    kind: bedrock\n"
                                "    region: us-east-1\n"
                                "    models: [anthropic.claude-3-5-haiku-20241022-v1:0]\n")
                     .arg(base);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_original.toUtf8());
    file.close();
    qputenv("SWITCHYARD_PROVIDERS", m_path.toUtf8());

    m_workspace = new WorkspaceController(this);
    m_window = new MainWindow(m_workspace);
    m_window->resize(1600, 1000);
    m_window->show();
    m_page = m_window->providersPage();
    QVERIFY(m_page);
    for (int i = 0; i < m_window->pageCount(); ++i)
        if (m_window->page(i) == m_page)
            m_window->showPage(i);
    QVERIFY(m_page->isVisible());
    // The keychain answers asynchronously; here it answers "no D-Bus".
    QTRY_VERIFY(controller()->keychain()->state() != Keychain::State::Unknown);
}

void TestProvidersPage::showsProviders() {
    auto* model = m_page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(controller()->path(), m_path);
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("providersFilePath"))
                ->text()
                .contains(QDir::toNativeSeparators(m_path)));
    const QString base = QString::fromStdString(m_server->baseUrl());

    QCOMPARE(cell("local-openai", ProvidersModel::Kind), QStringLiteral("openai"));
    QCOMPARE(cell("local-openai", ProvidersModel::Endpoint), base + "/v1");
    QCOMPARE(cell("local-openai", ProvidersModel::Credential),
             QStringLiteral("environment TEST_OPENAI_KEY"));
    QCOMPARE(cell("local-openai", ProvidersModel::Key), QStringLiteral("set"));
    QCOMPARE(cell("local-openai", ProvidersModel::Models), QStringLiteral("gpt-4o-mini (+1 more)"));
    QCOMPARE(cell("local-openai", ProvidersModel::Limits),
             QStringLiteral("4 concurrent · 60 req/min · timeout 120 s (connect 10 s) · 4 "
                            "attempt(s)"));
    QCOMPARE(cell("local-openai", ProvidersModel::Connection), QStringLiteral("not tested"));
    QCOMPARE(cell("claude", ProvidersModel::Kind), QStringLiteral("anthropic"));
    QCOMPARE(cell("claude", ProvidersModel::Credential),
             QStringLiteral("environment TEST_ANTHROPIC_KEY"));
    QCOMPARE(cell("bedrock", ProvidersModel::Endpoint), QStringLiteral("us-east-1"));
    QCOMPARE(cell("bedrock", ProvidersModel::Credential),
             QStringLiteral("AWS environment or default profile"));
    QCOMPARE(cell("bedrock", ProvidersModel::Key), QStringLiteral("missing"));
    const QModelIndex bedrockKey =
        model->index(model->rowOf(QStringLiteral("bedrock")), ProvidersModel::Key);
    QVERIFY2(bedrockKey.data(Qt::ToolTipRole).toString().contains("no AWS credentials"),
             qPrintable(bedrockKey.data(Qt::ToolTipRole).toString()));

    m_page->selectProvider(QStringLiteral("local-openai"));
    QCOMPARE(m_page->findChild<QLabel*>(QStringLiteral("detailKey"))->text(),
             QStringLiteral("set, from environment TEST_OPENAI_KEY"));
}

void TestProvidersPage::neverShowsOrSavesAKey() {
    // Resolvable keys are shown as "set" and where they come from, never as themselves.
    const QString shown = visibleText(m_page, m_page->model());
    for (const char* key : {kAnthropicKey, kOpenAiKey, kWrongKey})
        QVERIFY2(!shown.contains(QLatin1String(key)), key);
    // A save writes names of variables, no value (the file is checked again after every edit).
    m_page->selectProvider(QStringLiteral("claude"));
    const ProviderConfig claude = *controller()->file().find("claude");
    QVERIFY(controller()->saveProvider(QStringLiteral("claude"), claude).ok());
    const QString saved = fileText();
    QVERIFY(saved.contains(QStringLiteral("api_key_env: TEST_ANTHROPIC_KEY")));
    for (const char* key : {kAnthropicKey, kOpenAiKey, kWrongKey})
        QVERIFY2(!saved.contains(QLatin1String(key)), key);
}

void TestProvidersPage::keychainUnavailableSaysWhereTheKeyGoes() {
    QCOMPARE(controller()->keychain()->state(), Keychain::State::Unavailable);
    auto* notice = m_page->findChild<QLabel*>(QStringLiteral("keychainNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().startsWith(
                 QStringLiteral("OS keychain unavailable: set the key in the environment "
                                "variable TEST_OPENAI_KEY, TEST_ANTHROPIC_KEY, WRONG_OPENAI_KEY, "
                                "AWS_BEARER_TOKEN_BEDROCK.")),
             qPrintable(notice->text()));
    m_page->selectProvider(QStringLiteral("bedrock"));
    QVERIFY(!button(QStringLiteral("Set Key in Keychain…"))->isEnabled());
    QCOMPARE(m_page->keychainNotice(),
             QStringLiteral("OS keychain unavailable: set the key in the environment variable "
                            "AWS_BEARER_TOKEN_BEDROCK"));
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("detailKey"))
                ->text()
                .endsWith(m_page->keychainNotice()));
}

void TestProvidersPage::testConnection_data() {
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("fault");     // switchyard::testing::Fault for the next request
    QTest::addColumn<QString>("shown"); // the start of what the Connection column says

    QTest::newRow("openai-compatible OK") << "local-openai" << int(Fault::None) << "OK · ";
    QTest::newRow("anthropic OK") << "claude" << int(Fault::None) << "OK · ";
    QTest::newRow("wrong key: 401, the echoed key redacted")
        << "wrong-key" << int(Fault::None)
        << "auth (HTTP 401 invalid_api_key): Incorrect API key provided: [redacted].";
    QTest::newRow("anthropic 429 is shown, not retried")
        << "claude" << int(Fault::RateLimited)
        << "rate_limit (HTTP 429 rate_limit_error): Too many requests";
    QTest::newRow("openai 429") << "local-openai" << int(Fault::RateLimited)
                                << "rate_limit (HTTP 429 rate_limit_exceeded)";
    QTest::newRow("slow answer, waited for off the GUI thread")
        << "claude" << int(Fault::Stall) << "OK · ";
    QTest::newRow("no key: nothing is sent")
        << "bedrock" << int(Fault::None) << "provider 'bedrock': no AWS credentials";
}

void TestProvidersPage::testConnection() {
    QFETCH(QString, provider);
    QFETCH(int, fault);
    QFETCH(QString, shown);
    m_server->reset();
    if (fault != int(Fault::None))
        m_server->failNext(Fault(fault));
    m_page->selectProvider(provider);
    QSignalSpy tested(controller(), &ProvidersController::connectionTested);
    QTest::mouseClick(button(QStringLiteral("Test Connection")), Qt::LeftButton);
    // The click returned before the answer: the call runs on a worker.
    if (fault == int(Fault::Stall))
        QCOMPARE(cell(provider, ProvidersModel::Connection), QStringLiteral("testing…"));
    QVERIFY(tested.wait(20000));
    QCOMPARE(tested.first().first().toString(), provider);

    const QString text = cell(provider, ProvidersModel::Connection);
    QVERIFY2(text.startsWith(shown), qPrintable(text));
    QCOMPARE(m_page->findChild<QLabel*>(QStringLiteral("detailConnection"))->text(), text);
    QVERIFY2(m_page->message().contains(text), qPrintable(m_page->message()));
    for (const char* key : {kAnthropicKey, kOpenAiKey, kWrongKey})
        QVERIFY2(!visibleText(m_page, m_page->model()).contains(QLatin1String(key)), key);

    const auto requests = m_server->requests();
    if (provider == QLatin1String("bedrock")) {
        QCOMPARE(requests.size(), size_t(0));
        return;
    }
    // One attempt, the cheapest possible call: "ping", one output token, the first model.
    QCOMPARE(requests.size(), size_t(1));
    QVERIFY(requests[0].body.find("\"ping\"") != std::string::npos);
    QVERIFY2(requests[0].body.find("\"max_tokens\":1") != std::string::npos,
             requests[0].body.c_str());
    const std::string firstModel = controller()->file().find(provider.toStdString())->models[0];
    QVERIFY(requests[0].body.find("\"" + firstModel + "\"") != std::string::npos);
    if (fault == int(Fault::Stall)) {
        const auto* row = m_page->model()->rowAt(m_page->model()->rowOf(provider));
        QVERIFY(row->test->latencyMs >= m_server->options().stallMs);
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("OK · [0-9,.]+ ms"))));
    }
}

void TestProvidersPage::addsEditsAndRemoves() {
    const ProvidersFile before = savedFile();

    // Add: a bad URL is refused with the field named, then fixed.
    QString firstError;
    modaldriver::whenModalOpens([&firstError](QWidget* modal) {
        auto* dialog = qobject_cast<ProviderDialog*>(modal);
        QVERIFY(dialog);
        setText(dialog, "name", QStringLiteral("ollama"));
        setText(dialog, "base_url", QStringLiteral("localhost:11434"));
        setText(dialog, "models", QStringLiteral("llama3.2\n\nqwen2.5\n"));
        clickSave(dialog);
        firstError = dialog->errorText();
        setText(dialog, "base_url", QStringLiteral("http://localhost:11434/v1"));
        clickSave(dialog);
    });
    button(QStringLiteral("Add Provider…"))->click();
    QCOMPARE(firstError, QStringLiteral("Base URL (base_url): expected an http:// or https:// "
                                        "URL, got 'localhost:11434'"));
    ProviderConfig ollama;
    ollama.name = "ollama";
    ollama.kind = ProviderKind::OpenAi;
    ollama.baseUrl = "http://localhost:11434/v1";
    ollama.models = {"llama3.2", "qwen2.5"};
    ProvidersFile after = savedFile();
    QCOMPARE(after.providers.size(), before.providers.size() + 1);
    QVERIFY(after.providers.back().sameSettings(ollama));
    QCOMPARE(m_page->model()->rowCount(), 5);
    QCOMPARE(m_page->selectedProvider(), QStringLiteral("ollama"));
    QCOMPARE(cell("ollama", ProvidersModel::Key), QStringLiteral("not needed"));

    // Edit: the model list and a limit; a duplicate model is refused first.
    QString editError;
    modaldriver::whenModalOpens([&editError](QWidget* dialog) {
        setText(dialog, "models", QStringLiteral("llama3.2\nqwen2.5\nllama3.2"));
        clickSave(dialog);
        editError = qobject_cast<ProviderDialog*>(dialog)->errorText();
        setText(dialog, "models", QStringLiteral("llama3.2\nqwen2.5\nphi4"));
        dialog->findChild<QSpinBox*>(QStringLiteral("concurrency"))->setValue(2);
        clickSave(dialog);
    });
    button(QStringLiteral("Edit…"))->click();
    QCOMPARE(editError, QStringLiteral("Models (models[2]): model 'llama3.2' is listed twice"));
    ollama.models.push_back("phi4");
    ollama.limits.concurrency = 2;
    after = savedFile();
    QVERIFY(after.find("ollama")->sameSettings(ollama));
    QCOMPARE(cell("ollama", ProvidersModel::Models), QStringLiteral("llama3.2 (+2 more)"));

    // Remove, after confirming: the file is back to the original providers.
    modaldriver::whenModalOpens([](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    button(QStringLiteral("Remove"))->click();
    after = savedFile();
    QCOMPARE(after.providers.size(), before.providers.size());
    for (size_t i = 0; i < before.providers.size(); ++i)
        QVERIFY(after.providers[i].sameSettings(before.providers[i]));
    QCOMPARE(m_page->model()->rowCount(), 4);
    for (const char* key : {kAnthropicKey, kOpenAiKey, kWrongKey})
        QVERIFY2(!fileText().contains(QLatin1String(key)), key);
}

// A local server answering Ollama's listing is offered, added on "Yes" as a keyless openai-kind
// provider replacing the one of the same name; a closed port is only reported.
void TestProvidersPage::findsLocalServers() {
    testing::TestServerOptions options;
    options.listedModels = {"llama3.2:latest", "phi4-mini:latest"};
    options.ollamaTags = true;
    TestServer ollama(options);
    QVERIFY(ollama.start());
    TestServer gone;
    QVERIFY(gone.start());
    const int closedPort = gone.port();
    gone.stop();

    m_page->findLocalServers({{"ollama", ollama.port()}, {"vllm", closedPort}});
    QTRY_VERIFY_WITH_TIMEOUT(m_page->localServersQuestion(), 10000);
    QVERIFY(m_page->localServersQuestion()->informativeText().contains(
        QString::fromStdString(ollama.baseUrl())));
    m_page->localServersQuestion()->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!m_page->localServersQuestion());
    const ProvidersFile saved = savedFile();
    int named = 0;
    for (const ProviderConfig& provider : saved.providers)
        if (provider.name == "ollama") {
            ++named;
            QCOMPARE(provider.kind, ProviderKind::OpenAi);
            QCOMPARE(provider.baseUrl, ollama.baseUrl() + "/v1");
            QCOMPARE(provider.models,
                     (std::vector<std::string>{"llama3.2:latest", "phi4-mini:latest"}));
            QVERIFY(provider.apiKeyVariable().empty());
        }
    QCOMPARE(named, 1);
    QCOMPARE(m_page->selectedProvider(), QStringLiteral("ollama"));

    // Nothing listening: said so, nothing offered.
    m_page->findLocalServers({{"vllm", closedPort}});
    QTRY_VERIFY_WITH_TIMEOUT(m_page->message().startsWith(QStringLiteral("No local inference")),
                             10000);
    QVERIFY(!m_page->localServersQuestion());
    QVERIFY(
        controller()->removeProvider(QStringLiteral("ollama")).ok()); // as the tests after expect
}

void TestProvidersPage::badFileShowsItsLine() {
    const QString badPath = m_dir.filePath("bad.yaml");
    const QByteArray bad = "providers:\n  - name: a\n    kind: openai\n    models: [m]\n"
                           "  - name: b\n    kind: bedrock\n    regoin: us-east-1\n"
                           "    models: [m]\n";
    QFile file(badPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bad);
    file.close();

    m_page->openFile(badPath);
    QCOMPARE(m_page->model()->rowCount(), 0);
    const QString shown = visibleText(m_page, m_page->model());
    QVERIFY2(shown.contains(badPath + ":7: field 'providers[1].regoin': unknown key"),
             qPrintable(shown));
    auto* errors = m_page->findChild<QTableView*>(QStringLiteral("providersFileErrors"));
    QVERIFY(errors->isVisible());
    QCOMPARE(errors->model()->index(0, 1).data().toLongLong(), 7);
    QCOMPARE(errors->model()->index(0, 2).data().toString(), QStringLiteral("providers[1].regoin"));
    // Nothing can overwrite the broken file from here.
    QVERIFY(!button(QStringLiteral("Add Provider…"))->isEnabled());
    QVERIFY(!controller()->saveProvider({}, ProviderConfig{}).ok());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bad);

    m_page->openFile(m_path);
    QVERIFY(!errors->isVisible());
    QCOMPARE(m_page->model()->rowCount(), 4);
}

void TestProvidersPage::screenshot() {
    // A realistic state: three providers tested (one with a wrong key), one key missing.
    for (const QString& provider :
         {QStringLiteral("claude"), QStringLiteral("local-openai"), QStringLiteral("wrong-key")}) {
        m_page->selectProvider(provider);
        QSignalSpy tested(controller(), &ProvidersController::connectionTested);
        m_page->testSelected();
        QVERIFY(tested.wait(20000));
    }
    const QString dir = qEnvironmentVariable("SWITCHYARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("providers.png"))));
}

QTEST_MAIN(TestProvidersPage)
#include "tst_providerspage.moc"
