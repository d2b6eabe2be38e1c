// One workspace, many processes, as users and CI share it: switchyard-cli processes started at
// once (imports, runs, replays, a cache simulation, a policy save) beside a reader polling the
// file as the GUI does; two runs of the same run; and runs killed with SIGKILL at random moments
// and resumed. The file must stay intact, every result must be there exactly once, and no answer
// may be paid twice unless its call was in flight at the kill.
#include "cli_run_fixture.h"
#include "store/sqlite.h"
#include "store/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <atomic>
#include <csignal>
#include <map>
#include <thread>

using namespace cli_run_test;
using switchyard::testing::Fault;

namespace {

const QString kOpenAi = QStringLiteral("openai/gpt-4o-mini");
const QString kAnthropic = QStringLiteral("anthropic/claude-haiku-4-5");

// Answers the server gave with 200 and a body, per (wire format, question number): what a
// provider bills.
std::map<std::pair<std::string, int>, int> paidAnswers(const TestServer& server) {
    static const QRegularExpression question(QStringLiteral("Question (\\d+):"));
    std::map<std::pair<std::string, int>, int> paid;
    for (const auto& request : server.requests()) {
        if (request.status != 200 || !request.rejection.empty() || !request.fault.empty())
            continue;
        const auto match = question.match(QString::fromStdString(request.body));
        if (match.hasMatch())
            ++paid[{request.format, match.captured(1).toInt()}];
    }
    return paid;
}

int paidTwice(const std::map<std::pair<std::string, int>, int>& paid) {
    int extra = 0;
    for (const auto& [pair, answers] : paid)
        extra += answers - 1;
    return extra;
}

QStringList runOf(const QString& workspace, const QString& providers, const QString& models) {
    return {"run",         "--workspace", workspace,      "--set", "questions", "--models", models,
            "--providers", providers,     "--max-tokens", "50",    "--yes",     "--json"};
}

std::string integrityCheck(const QString& workspace) {
    auto db = switchyard::sql::Database::open(workspace.toStdString(),
                                              switchyard::sql::Database::Access::ReadOnly);
    if (!db)
        return db.error().toString();
    auto stmt = db->prepare("PRAGMA integrity_check");
    if (!stmt || !stmt->next())
        return "integrity_check did not run";
    return stmt->columnText(0);
}

// (successful results, all results) of a run.
std::pair<int64_t, int64_t> resultCounts(const QString& workspace, int64_t runId) {
    auto db = switchyard::sql::Database::open(workspace.toStdString(),
                                              switchyard::sql::Database::Access::ReadOnly);
    auto stmt = db->prepare("SELECT count(*) FILTER (WHERE error_class IS NULL), count(*)"
                            " FROM results WHERE run_id = ?");
    stmt->bind(1, runId);
    stmt->next();
    return {stmt->columnInt(0), stmt->columnInt(1)};
}

int64_t newestRunId(const QString& workspace) {
    auto db = switchyard::sql::Database::open(workspace.toStdString(),
                                              switchyard::sql::Database::Access::ReadOnly);
    auto id = db->queryInt("SELECT coalesce(max(id), 0) FROM runs");
    return id ? *id : 0;
}

// Recorded results of two catalogue models for the prompts q0..q(count-1), with scores.
QString writeResultsFile(const QTemporaryDir& dir, const QString& name, int count) {
    QByteArray lines;
    for (int i = 0; i < count; ++i)
        for (const auto& [model, passesOfTen] : {std::pair("gpt-4o-mini", 6), {"gpt-4o", 8}})
            lines += QString("{\"prompt_id\": \"q%1\", \"model\": \"%2\", \"score\": %3, "
                             "\"input_tokens\": %4, \"output_tokens\": 40}\n")
                         .arg(i)
                         .arg(model)
                         .arg(i % 10 < passesOfTen ? 1 : 0)
                         .arg(200 + i)
                         .toUtf8();
    const QString path = dir.filePath(name);
    writeFile(path, lines);
    return path;
}

QJsonObject jsonOf(const QByteArray& out) {
    return QJsonDocument::fromJson(out).object();
}

} // namespace

class TestCliWorkspaceSharing : public QObject {
    Q_OBJECT

private slots:
    void twoRunnersOfOneRun();
    void killedRunsPayOnlyWhatWasInFlight();
    void manyProcessesOneWorkspace();
};

void TestCliWorkspaceSharing::twoRunnersOfOneRun() {
    Keys keys;
    TestServerOptions options = serverOptions(keys);
    // 150 prompts x 2 providers at 4 calls in flight each: about 6 s, long enough for a second
    // and a third process to start while it runs, even under the sanitizers.
    options.latencyMs = 150;
    TestServer server(options);
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    const QString workspace = makeWorkspace(dir, 150);
    const QString providers = writeProviders(dir, server, 4);
    const QStringList arguments = runOf(workspace, providers, kOpenAi + "," + kAnthropic);

    QProcess first;
    first.start(QStringLiteral(SWITCHYARD_CLI_PATH), arguments);
    QVERIFY(first.waitForStarted());
    for (int i = 0; i < 500 && server.requestCount() < 8; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    QVERIFY(server.requestCount() >= 8);

    // The same command two seconds later, as in the report: refused, naming the first process.
    const CliRun second = runCli(arguments);
    QCOMPARE(second.exitCode, 1);
    const QByteArray holder =
        "is being executed by process " + QByteArray::number(first.processId());
    QVERIFY2(second.err.contains(holder), second.err.constData());
    QVERIFY(second.err.contains("--wait"));

    // With --wait it continues the same run once the first is done, and sends nothing.
    QProcess waiting;
    waiting.start(QStringLiteral(SWITCHYARD_CLI_PATH), QStringList(arguments) << "--wait");
    QVERIFY(waiting.waitForStarted());
    QCOMPARE(first.state(), QProcess::Running); // else there is nothing to wait for
    QVERIFY(first.waitForFinished(60'000));
    QVERIFY(waiting.waitForFinished(60'000));
    QCOMPARE(first.exitCode(), 0);
    QVERIFY2(waiting.exitCode() == 0, waiting.readAllStandardError().constData());
    const QJsonObject firstJson = jsonOf(first.readAllStandardOutput());
    const QJsonObject waitedJson = jsonOf(waiting.readAllStandardOutput());
    QCOMPARE(waitedJson["run_id"].toInt(), firstJson["run_id"].toInt());
    QCOMPARE(waitedJson["calls"].toInt(), 0);

    QCOMPARE(integrityCheck(workspace), std::string("ok"));
    const auto paid = paidAnswers(server);
    QCOMPARE(paid.size(), size_t(300));
    QCOMPARE(paidTwice(paid), 0);
    QCOMPARE(resultCounts(workspace, firstJson["run_id"].toInt()),
             std::make_pair(int64_t(300), int64_t(300)));
}

void TestCliWorkspaceSharing::killedRunsPayOnlyWhatWasInFlight() {
    Keys keys;
    TestServerOptions options = serverOptions(keys);
    options.latencyMs = 15;
    options.threads = 32;
    TestServer server(options);
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    constexpr int kPrompts = 100;
    constexpr int kConcurrency = 4; // per provider; two providers
    constexpr int kIterations = 20;
    const QString providers = writeProviders(dir, server, kConcurrency);
    QRandomGenerator random(20261206);
    int totalPaidTwice = 0;
    int mostPaidTwice = 0;
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        QTemporaryDir runDir;
        const QString workspace = makeWorkspace(runDir, kPrompts);
        const QStringList arguments = runOf(workspace, providers, kOpenAi + "," + kAnthropic);
        server.reset();
        server.failNext(Fault::ServerError, static_cast<int>(random.bounded(4)));
        server.failNext(Fault::None, static_cast<int>(random.bounded(40)));
        server.failNext(Fault::Unavailable, static_cast<int>(random.bounded(3)));

        QProcess victim;
        victim.start(QStringLiteral(SWITCHYARD_CLI_PATH), arguments);
        QVERIFY(victim.waitForStarted());
        std::this_thread::sleep_for(std::chrono::milliseconds(40 + random.bounded(500)));
        victim.kill(); // SIGKILL
        QVERIFY(victim.waitForFinished(10'000));

        const CliRun resumed = runCli(arguments);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const CliRun retried = runCli(QStringList(arguments) << "--retry-failed");
        QVERIFY2(retried.exitCode == 0, retried.err.constData());

        const int64_t runId = newestRunId(workspace);
        QCOMPARE(resultCounts(workspace, runId),
                 std::make_pair(int64_t(2 * kPrompts), int64_t(2 * kPrompts)));
        QCOMPARE(integrityCheck(workspace), std::string("ok"));
        const auto paid = paidAnswers(server);
        QCOMPARE(paid.size(), size_t(2 * kPrompts));
        const int twice = paidTwice(paid);
        QVERIFY2(twice <= 2 * kConcurrency,
                 qPrintable(QString("iteration %1: %2 answers paid twice, more than the %3 calls "
                                    "that can be in flight")
                                .arg(iteration)
                                .arg(twice)
                                .arg(2 * kConcurrency)));
        totalPaidTwice += twice;
        mostPaidTwice = std::max(mostPaidTwice, twice);
    }
    qInfo("%d kills: %d answers paid twice in all, at most %d at one kill (bound: %d in flight)",
          kIterations, totalPaidTwice, mostPaidTwice, 2 * kConcurrency);
}

void TestCliWorkspaceSharing::manyProcessesOneWorkspace() {
    Keys keys;
    TestServerOptions options = serverOptions(keys);
    options.latencyMs = 5;
    TestServer server(options);
    QVERIFY(server.start());
    QTemporaryDir dir;
    useKeys(keys, dir.path());
    constexpr int kPrompts = 80;
    const QString workspace = makeWorkspace(dir, kPrompts);
    const QString providers = writeProviders(dir, server, 4);
    const CliRun recorded =
        runCli({"import-results", writeResultsFile(dir, "r1.jsonl", kPrompts), "--workspace",
                workspace, "--set", "questions", "--run", "recorded", "--json"});
    QVERIFY2(recorded.exitCode == 0, recorded.err.constData());
    const QString recordedRun = QString::number(jsonOf(recorded.out)["run_id"].toInt());
    QByteArray extra;
    for (int i = 0; i < 20'000; ++i)
        extra += QString("{\"id\": \"x%1\", \"prompt\": \"Extra prompt %1\"}\n").arg(i).toUtf8();
    writeFile(dir.filePath("extra.jsonl"), extra);

    const QString models = "gpt-4o-mini,gpt-4o";
    const std::vector<QStringList> commands = {
        {"import", dir.filePath("extra.jsonl"), "--workspace", workspace, "--set", "extra"},
        runOf(workspace, providers, kOpenAi),
        runOf(workspace, providers, kAnthropic),
        {"import-results", writeResultsFile(dir, "r2.jsonl", kPrompts), "--workspace", workspace,
         "--set", "questions", "--run", "recorded again"},
        {"sweep", "--workspace", workspace, "--router", "random", "--models", models, "--run",
         recordedRun, "--points", "200", "--json"},
        {"policy", "--workspace", workspace, "--router", "random", "--models", models, "--run",
         recordedRun, "--save", "stress", "--json"},
        {"cache", "--workspace", workspace, "--set", "questions", "--model",
         "claude-sonnet-4-5-20250929", "--json"},
    };

    // The GUI's side: a reader polling the file the way the window does, until the rest end.
    std::atomic<bool> done{false};
    std::atomic<int64_t> reads{0};
    std::string readerError;
    std::thread reader([&] {
        auto opened = switchyard::Workspace::open(workspace.toStdString(),
                                                  switchyard::Workspace::OpenMode::ExistingOnly);
        if (!opened) {
            readerError = opened.error().toString();
            return;
        }
        auto db = switchyard::sql::Database::open(workspace.toStdString(),
                                                  switchyard::sql::Database::Access::ReadOnly);
        while (!done.load()) {
            (void)(*opened)->dataVersion();
            (void)(*opened)->changeStamp();
            for (const auto& run : (*opened)->runs())
                (void)(*opened)->runResultTotals(run.id);
            auto count = db->queryInt("SELECT count(*) FROM results");
            if (!count) {
                readerError = count.error().toString();
                return;
            }
            ++reads;
        }
    });

    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QStringList& command : commands) {
        processes.push_back(std::make_unique<QProcess>());
        processes.back()->start(QStringLiteral(SWITCHYARD_CLI_PATH), command);
    }
    for (size_t i = 0; i < processes.size(); ++i) {
        QProcess& process = *processes[i];
        QVERIFY(process.waitForFinished(120'000));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(commands[i].join(' ') + ": " + process.readAllStandardError()));
    }
    done = true;
    reader.join();
    QVERIFY2(readerError.empty(), readerError.c_str());
    QVERIFY(reads.load() > 0);

    QCOMPARE(integrityCheck(workspace), std::string("ok"));
    auto opened = switchyard::Workspace::open(workspace.toStdString());
    QVERIFY(opened.ok());
    switchyard::Workspace& store = **opened;
    int providerRuns = 0;
    for (const auto& run : store.runs()) {
        const int64_t expected = run.kind == "provider" ? kPrompts : 2 * kPrompts;
        QCOMPARE(resultCounts(workspace, run.id), std::make_pair(expected, expected));
        if (run.kind == "provider") {
            QCOMPARE(run.status, std::string("complete"));
            ++providerRuns;
        }
    }
    QCOMPARE(providerRuns, 2);
    QCOMPARE(store.runs().size(), size_t(4));
    QCOMPARE(store.promptCount(*store.findPromptSet("extra")), int64_t(20'000));
    QVERIFY(store.policy("stress").has_value());
    const auto paid = paidAnswers(server);
    QCOMPARE(paid.size(), size_t(2 * kPrompts));
    QCOMPARE(paidTwice(paid), 0);
}

QTEST_GUILESS_MAIN(TestCliWorkspaceSharing)
#include "tst_cli_workspace_sharing.moc"
