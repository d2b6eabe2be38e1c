// Golden sets: marking needs an expected answer on every prompt, each distinct content becomes a
// version with its SHA-256, the same content keeps its version, a change shows until the set
// is marked again, and unmarking keeps the versions.
#include "store/workspace.h"
#include "workbench/golden_ops.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace switchyard;

namespace {

Prompt question(const std::string& id, std::optional<std::string> expected) {
    Prompt prompt;
    prompt.id = id;
    prompt.messages = {{"user", {{"What is " + id + "?", false, ""}}}};
    prompt.expected = std::move(expected);
    return prompt;
}

} // namespace

class TestGolden : public QObject {
    Q_OBJECT

private slots:
    void versionsFollowTheContent() {
        QTemporaryDir dir;
        auto workspace = Workspace::open(dir.filePath("w.sqlite").toStdString());
        QVERIFY(workspace);
        Workspace& w = **workspace;
        const int64_t setId = *w.createPromptSet("benchmark", "test");
        const std::vector<Prompt> first{question("a", "1"), question("b", "2")};
        QVERIFY(w.appendPrompts(setId, first, "b.jsonl"));

        auto status = workbench::goldenStatus(w, setId);
        QVERIFY(status);
        QVERIFY(!status->golden);
        QVERIFY(!status->currentVersion);
        QCOMPARE(status->currentSha256.size(), size_t{64});

        auto marked = workbench::markGolden(w, setId);
        QVERIFY2(marked, marked ? "" : marked.error().toString().c_str());
        QVERIFY(marked->golden);
        QCOMPARE(marked->currentVersion, std::optional<int>(1));
        QCOMPARE(marked->versions.size(), size_t{1});
        QCOMPARE(marked->versions[0].prompts, int64_t{2});
        QCOMPARE(marked->versions[0].contentSha256, status->currentSha256);
        QCOMPARE(w.promptSets()[0].goldenVersion, 1);

        // The same content marked again is the same version.
        QCOMPARE(workbench::markGolden(w, setId)->versions.size(), size_t{1});

        // A prompt added: the set is still golden, but no longer version 1.
        const std::vector<Prompt> more{question("c", "3")};
        QVERIFY(w.appendPrompts(setId, more, "c.jsonl"));
        auto changed = workbench::goldenStatus(w, setId);
        QVERIFY(changed->golden);
        QVERIFY(!changed->currentVersion);
        QVERIFY(changed->currentSha256 != status->currentSha256);
        auto second = workbench::markGolden(w, setId);
        QCOMPARE(second->currentVersion, std::optional<int>(2));
        QCOMPARE(second->versions.back().prompts, int64_t{3});

        // Without an expected answer a prompt cannot be part of a benchmark.
        const std::vector<Prompt> open{question("d", std::nullopt)};
        QVERIFY(w.appendPrompts(setId, open, "d.jsonl"));
        auto refused = workbench::markGolden(w, setId);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.find("'d'") != std::string::npos);
        QCOMPARE(workbench::goldenStatus(w, setId)->versions.size(), size_t{2});

        auto unmarked = workbench::unmarkGolden(w, setId);
        QVERIFY(unmarked);
        QVERIFY(!unmarked->golden);
        QCOMPARE(unmarked->versions.size(), size_t{2}); // the history stays
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
