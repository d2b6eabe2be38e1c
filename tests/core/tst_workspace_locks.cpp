// A workspace is shared between processes, and only SQLite may open it: every path of the product
// that opens a workspace must leave the locks this process holds on the file in place, as a
// second process sees them. Also: processes opening one new file at once all get a workspace,
// and a workspace given where a data file belongs is refused without being opened.
#include "policy/policy.h"
#include "pricing/litellm_import.h"
#include "prompts/loader.h"
#include "providers/providers_file.h"
#include "run/runner.h"
#include "store/prompt_import.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <thread>

using namespace switchyard;

namespace {

// Where SQLite's unix VFS takes its shared lock on the database file (sqlite3.c: PENDING_BYTE,
// SHARED_FIRST, SHARED_SIZE). A connection in WAL mode keeps it from its first read until it
// closes.
constexpr off_t kSharedFirst = 0x40000000 + 2;
constexpr off_t kSharedSize = 510;

// Whether another process sees a lock of this process on the database file's shared range: a
// forked child asks the kernel (F_GETLK changes nothing) and answers with its exit code.
bool lockVisibleFromAnotherProcess(const std::string& path) {
    const pid_t child = fork();
    if (child == 0) {
        const int fd = ::open(path.c_str(), O_RDONLY);
        struct flock probe {};
        probe.l_type = F_WRLCK;
        probe.l_whence = SEEK_SET;
        probe.l_start = kSharedFirst;
        probe.l_len = kSharedSize;
        const bool held = fd >= 0 && fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
        _exit(held ? 0 : 1);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

struct OpeningPath {
    const char* name;
    std::function<void(const std::string& path)> open;
    bool keepsLock;
};

// Every way the product opens a workspace file, or might be handed one, and one that does
// what the old header check did, to show the probe catches it.
const std::vector<OpeningPath>& openingPaths() {
    static const std::vector<OpeningPath> paths = {
        {"Workspace::open (create if missing)",
         [](const std::string& path) { (void)Workspace::open(path); }, true},
        {"Workspace::open (existing only)",
         [](const std::string& path) {
             (void)Workspace::open(path, Workspace::OpenMode::ExistingOnly);
         },
         true},
        {"read-only connection",
         [](const std::string& path) {
             auto db = sql::Database::open(path, sql::Database::Access::ReadOnly);
             (void)db->queryInt("SELECT count(*) FROM runs");
         },
         true},
        {"estimate a run",
         [](const std::string& path) {
             RunRequest request;
             request.workspacePath = path;
             request.modelRefs = {"openai/gpt-4o-mini"};
             (void)estimateRun(request);
         },
         true},
        {"the workspace given as a prompt file",
         [](const std::string& path) {
             auto workspace = Workspace::open(path);
             (void)importPromptFile(**workspace, path, "oops", nullptr, {});
         },
         true},
        {"the workspace given as a policy file",
         [](const std::string& path) { (void)loadPolicyFile(path); }, true},
        {"the workspace given as a providers file",
         [](const std::string& path) { (void)loadProvidersFile(path); }, true},
        {"the workspace given as a LiteLLM price file",
         [](const std::string& path) { (void)importLiteLlm(path); }, true},
        {"control: a plain open and close of the file",
         [](const std::string& path) {
             std::ifstream in(path, std::ios::binary);
             char header[16];
             in.read(header, sizeof header);
         },
         false},
    };
    return paths;
}

} // namespace

class TestWorkspaceLocks : public QObject {
    Q_OBJECT

private slots:
    void openingPathsKeepTheLock_data() {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < openingPaths().size(); ++i)
            QTest::newRow(openingPaths()[i].name) << static_cast<int>(i);
    }

    void openingPathsKeepTheLock() {
        QFETCH(int, index);
        const OpeningPath& opening = openingPaths()[static_cast<size_t>(index)];
        QTemporaryDir dir;
        const std::string path = dir.filePath("shared.sqlite").toStdString();
        auto holder = Workspace::open(path);
        QVERIFY(holder.ok());
        (void)(*holder)->promptSets(); // the first read takes the shared lock
        QVERIFY2(lockVisibleFromAnotherProcess(path), "the holder's lock is not visible");

        opening.open(path);

        QCOMPARE(lockVisibleFromAnotherProcess(path), opening.keepsLock);
    }

    void workspaceAsDataFileIsRefusedByName() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("w.sqlite").toStdString();
        {
            auto workspace = Workspace::open(path);
            QVERIFY(workspace.ok());
            auto imported = importPromptFile(**workspace, path, "oops", nullptr, {});
            QVERIFY(!imported.ok());
            QCOMPARE(imported.error().file, path);
            QVERIFY(imported.error().message.find("open Switchyard workspace") !=
                    std::string::npos);
            QVERIFY((*workspace)->promptSets().empty());
        }
        // Closed, it is a file like any other (and not a policy file).
        auto closed = loadPolicyFile(path);
        QVERIFY(!closed.ok());
        QVERIFY(closed.error().message.find("open Switchyard workspace") == std::string::npos);
    }

    void notADatabaseIsRefusedUnchanged() {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.sqlite");
        {
            std::ofstream out(path.toStdString(), std::ios::binary);
            out << "these are my notes, not a database\n";
        }
        auto opened = Workspace::open(path.toStdString());
        QVERIFY(!opened.ok());
        QCOMPARE(QString::fromStdString(opened.error().message),
                 QStringLiteral("not a Switchyard workspace (not an SQLite database)"));
        std::ifstream in(path.toStdString(), std::ios::binary);
        std::string content((std::istreambuf_iterator<char>(in)), {});
        QCOMPARE(content, std::string("these are my notes, not a database\n"));
    }

    // Processes (here: threads with their own connections) that open a new file at the same
    // moment all see the migrations done once.
    void simultaneousFirstOpens() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("new.sqlite").toStdString();
        constexpr int kOpeners = 8;
        std::vector<std::string> errors(kOpeners);
        std::vector<std::thread> threads;
        for (int i = 0; i < kOpeners; ++i)
            threads.emplace_back([&, i] {
                auto workspace = Workspace::open(path);
                if (!workspace)
                    errors[static_cast<size_t>(i)] = workspace.error().toString();
                else if (!(*workspace)->createPromptSet("set " + std::to_string(i), "test"))
                    errors[static_cast<size_t>(i)] = "cannot write";
            });
        for (std::thread& thread : threads)
            thread.join();
        for (const std::string& error : errors)
            QVERIFY2(error.empty(), error.c_str());
        auto workspace = Workspace::open(path);
        QCOMPARE((*workspace)->promptSets().size(), size_t(kOpeners));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceLocks)
#include "tst_workspace_locks.moc"
