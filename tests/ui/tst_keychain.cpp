// The OS keychain for real: run by with_keyring.sh inside a private D-Bus session with a
// throwaway gnome-keyring, it stores, reads back and deletes a key through qtkeychain, and then
// uses a key kept only in the keychain for a connection test against the local test server,
// the way a user does it on the Providers page. Outside such a private session it skips rather
// than touch the user's own keychain.
#include "keychain.h"
#include "modaldriver.h"
#include "models/providersmodel.h"
#include "pages/providerspage.h"
#include "providerscontroller.h"
#include "providersdialogs.h"
#include "test_server.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

namespace {

const char* kKey = "sk-ant-FAKE-keychain-key-51c0";

// Answers the next modal dialog: `text` into its key field, then the button named `press`.
void answerKeyDialog(const QString& text, const QString& press) {
    modaldriver::whenModalOpens([text, press](QWidget* modal) {
        auto* dialog = qobject_cast<KeyDialog*>(modal);
        QVERIFY(dialog);
        dialog->keyField()->setText(text);
        modaldriver::findButton(dialog, press)->click();
    });
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (qEnvironmentVariable("SWITCHYARD_PRIVATE_KEYRING") != QLatin1String("1"))
            QSKIP("not inside with_keyring.sh's private keyring: the user's own keychain is "
                  "left alone");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SwitchyardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SwitchyardKeychainTest"));
        QSettings().clear();
    }

    void storesReadsAndDeletes() {
        Keychain writer;
        QSignalSpy stored(&writer, &Keychain::keyStored);
        writer.storeKey(QStringLiteral("tst-provider"), QString::fromLatin1(kKey));
        QVERIFY(stored.wait(10000));
        QCOMPARE(stored.first().at(1).toString(), QString()); // no error
        QCOMPARE(writer.state(), Keychain::State::Available);
        QVERIFY(writer.hasKey(QStringLiteral("tst-provider")));

        // Another instance (another start of the app) reads it from the keychain itself.
        Keychain reader;
        QSignalSpy loaded(&reader, &Keychain::keysLoaded);
        reader.loadKeys({QStringLiteral("tst-provider"), QStringLiteral("never-stored")});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(reader.state(), Keychain::State::Available);
        const Keychain::Lookup lookup = reader.lookup();
        QVERIFY(lookup("tst-provider").has_value());
        QCOMPARE(lookup("tst-provider")->reveal(), std::string(kKey));
        QVERIFY(!lookup("never-stored").has_value());
        // Nothing went to qtkeychain's plaintext fallback (QSettings).
        QVERIFY(QSettings().allKeys().isEmpty());

        QSignalSpy deleted(&reader, &Keychain::keyDeleted);
        reader.deleteKey(QStringLiteral("tst-provider"));
        QVERIFY(deleted.wait(10000));
        QCOMPARE(deleted.first().at(1).toString(), QString());
        QVERIFY(!reader.hasKey(QStringLiteral("tst-provider")));
        QVERIFY(lookup("tst-provider").has_value()); // a snapshot taken earlier stays as it was

        Keychain again;
        QSignalSpy reloaded(&again, &Keychain::keysLoaded);
        again.loadKeys({QStringLiteral("tst-provider")});
        QVERIFY(reloaded.wait(10000));
        QVERIFY(!again.hasKey(QStringLiteral("tst-provider")));
    }

    // A key set with "Set Key in Keychain…" is what a connection test (on a worker) sends.
    void keyFromTheKeychainReachesTheProvider() {
        switchyard::testing::TestServerOptions options;
        options.anthropicKey = kKey;
        switchyard::testing::TestServer server(options);
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString path = dir.filePath("providers.yaml");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("providers:\n  - name: claude\n    kind: anthropic\n"
                                  "    base_url: %1\n    api_key_env: SWITCHYARD_TEST_UNSET_KEY\n"
                                  "    models: [claude-haiku-4-5]\n")
                       .arg(QString::fromStdString(server.baseUrl()))
                       .toUtf8());
        file.close();
        qunsetenv("SWITCHYARD_TEST_UNSET_KEY");

        ProvidersPage page;
        page.resize(1200, 800);
        page.openFile(path);
        page.show();
        auto* controller = page.providersController();
        QTRY_VERIFY(!controller->keychain()->loading());
        QCOMPARE(page.model()->index(0, ProvidersModel::Key).data().toString(),
                 QStringLiteral("missing"));

        answerKeyDialog(QString::fromLatin1(kKey), QStringLiteral("Save"));
        QSignalSpy stored(controller->keychain(), &Keychain::keyStored);
        modaldriver::findButton(&page, QStringLiteral("Set Key in Keychain…"))->click();
        QTRY_COMPARE(stored.count(), 1);
        QCOMPARE(page.model()->index(0, ProvidersModel::Key).data().toString(),
                 QStringLiteral("set"));
        QCOMPARE(page.model()->index(0, ProvidersModel::Credential).data().toString(),
                 QStringLiteral("OS keychain"));

        QSignalSpy tested(controller, &ProvidersController::connectionTested);
        page.testSelected();
        QVERIFY(tested.wait(20000));
        const QString outcome =
            page.model()->index(0, ProvidersModel::Connection).data().toString();
        QVERIFY2(outcome.startsWith(QStringLiteral("OK · ")), qPrintable(outcome));

        answerKeyDialog(QString(), QStringLiteral("Remove Stored Key"));
        QSignalSpy deleted(controller->keychain(), &Keychain::keyDeleted);
        modaldriver::findButton(&page, QStringLiteral("Set Key in Keychain…"))->click();
        QTRY_COMPARE(deleted.count(), 1);
        QCOMPARE(page.model()->index(0, ProvidersModel::Key).data().toString(),
                 QStringLiteral("missing"));
    }
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
