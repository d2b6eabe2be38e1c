// Every item model under QAbstractItemModelTester, on real workspace data.
#include "models/cataloguemodel.h"
#include "models/checkpointstatsmodel.h"
#include "models/lintfindingsmodel.h"
#include "models/promptsetsmodel.h"
#include "models/prompttablemodel.h"
#include "models/rejectionsmodel.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace switchyard;

class TestModels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    int64_t m_setId = 0;
    static constexpr int kPrompts = 10000;

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto ws = Workspace::open(m_dir.filePath(QStringLiteral("w.sqlite")).toStdString());
        QVERIFY(ws.ok());
        m_workspace = std::move(ws).value();
        m_setId = *m_workspace->createPromptSet("big", "generated");
        std::vector<Prompt> prompts;
        for (int i = 0; i < kPrompts; ++i) {
            Prompt prompt;
            prompt.id = "q" + std::to_string(i);
            prompt.messages.push_back(
                {"user", {{"Question number " + std::to_string(i), false, ""}}});
            if (i % 3 == 0)
                prompt.tags = {"triage"};
            prompts.push_back(std::move(prompt));
        }
        QVERIFY(m_workspace->appendPrompts(m_setId, prompts, "generated").ok());
    }

    void promptTableIsLazyAndConsistent() {
        PromptTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSet(m_workspace.get(), m_setId);
        // Every read is on a worker: the count, then each chunk as its rows are asked for.
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE(model.rowCount(), kPrompts);
        // The last row is reachable without reading every row before it.
        QTRY_COMPARE(model.index(kPrompts - 1, PromptTableModel::Id).data().toString(),
                     QStringLiteral("q9999"));
        QTRY_COMPARE(model.index(0, PromptTableModel::Prompt).data().toString(),
                     QStringLiteral("Question number 0"));
        QTRY_COMPARE(model.ordinalAt(5000), int64_t{5001});
        // Walk every chunk so the cache evicts; rows stay right after eviction.
        for (int row = 0; row < kPrompts; row += PromptTableModel::kChunkRows)
            QTRY_COMPARE(model.index(row, PromptTableModel::Id).data().toString(),
                         QStringLiteral("q%1").arg(row));
        QTRY_COMPARE(model.index(17, PromptTableModel::Id).data().toString(),
                     QStringLiteral("q17"));

        // Searches run on a worker; the table switches to the matches when they arrive.
        QSignalSpy finished(&model, &PromptTableModel::searchFinished);
        auto search = [&](const QString& text) {
            model.setSearch(text);
            QVERIFY(model.searching());
            QVERIFY(finished.wait(10000));
            QVERIFY(!model.searching());
        };
        search(QStringLiteral("triage"));
        QCOMPARE(model.rowCount(), (kPrompts + 2) / 3);
        QTRY_COMPARE(model.index(1, PromptTableModel::Id).data().toString(), QStringLiteral("q3"));
        QTRY_COMPARE(model.index(3332, PromptTableModel::Id).data().toString(),
                     QStringLiteral("q9996"));
        search(QStringLiteral("number 12"));
        QCOMPARE(model.rowCount(), 111); // 12, 120-129, 1200-1299
        QTRY_COMPARE(model.index(110, PromptTableModel::Id).data().toString(),
                     QStringLiteral("q1299"));
        search(QStringLiteral("100%"));
        QCOMPARE(model.rowCount(), 0);
        // A newer search makes an older one stale: only the last result is shown.
        model.setSearch(QStringLiteral("triage"));
        search(QStringLiteral("number 99"));
        QTest::qWait(200);
        QCOMPARE(model.rowCount(), 111); // 99, 990-999, 9900-9999
        QTRY_COMPARE(model.index(0, PromptTableModel::Id).data().toString(), QStringLiteral("q99"));
        model.setSearch({});
        QTRY_COMPARE(model.rowCount(), kPrompts);
        model.setSet(nullptr, 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void promptSetsModel() {
        PromptSetsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(m_workspace->promptSets());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, PromptSetsModel::Name).data().toString(), QStringLiteral("big"));
        QCOMPARE(model.index(0, PromptSetsModel::Prompts).data().toString(),
                 QLocale().toString(kPrompts));
        QCOMPARE(model.rowOfSet(m_setId), 0);
    }

    void rejectionsModel() {
        RejectionsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{"/data/a.jsonl", 12, "tags", "must be an array"},
                       {"/data/b.csv", 0, "", "file is empty"}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, RejectionsModel::File).data().toString(),
                 QStringLiteral("a.jsonl"));
        QCOMPARE(model.index(0, RejectionsModel::Line).data().toLongLong(), 12LL);
        QVERIFY(!model.index(1, RejectionsModel::Line).data().isValid());
        QCOMPARE(model.index(0, RejectionsModel::Reason).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("/data/a.jsonl:12: field 'tags': must be an array"));
    }

    void cacheLabModels() {
        LintFindingsModel findings;
        CheckpointStatsModel checkpoints;
        TagStatsModel tags;
        QAbstractItemModelTester t1(&findings,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&checkpoints,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&tags, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LintFinding finding;
        finding.title = "timestamp in system block 1";
        finding.affectedRequests = 1200;
        finding.monthlyCostUsd = 84.5;
        finding.fix = "Move the timestamp after the checkpoint.";
        finding.autoFixable = true;
        LintFinding manual = finding;
        manual.monthlyCostUsd.reset();
        manual.autoFixable = false;
        findings.setRows({finding, manual});
        QCOMPARE(findings.index(0, LintFindingsModel::Requests).data().toString(),
                 QStringLiteral("1,200"));
        QCOMPARE(findings.index(0, LintFindingsModel::MonthlyCost).data().toString(),
                 QStringLiteral("$84.50"));
        QCOMPARE(findings.index(1, LintFindingsModel::MonthlyCost).data().toString(),
                 QStringLiteral("—"));
        QVERIFY(findings.index(1, LintFindingsModel::Fix)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("(manual)")));
        checkpoints.setRows({{"after system", 90, 10, 8, 2, 1800000, 20000}});
        QCOMPARE(checkpoints.index(0, CheckpointStatsModel::Hits).data().toString(),
                 QStringLiteral("90"));
        QCOMPARE(checkpoints.index(0, CheckpointStatsModel::ReadTokens).data().toString(),
                 QStringLiteral("1.8 M"));
        tags.setRows({{"", 10, 5000, 2500, 0, 0.5, 0.01, 0.02}});
        QCOMPARE(tags.index(0, TagStatsModel::Tag).data().toString(), QStringLiteral("(untagged)"));
        QCOMPARE(tags.index(0, TagStatsModel::Chr).data().toString(), QStringLiteral("50.0 %"));
    }

    void catalogueModelEditsGoThroughHandler() {
        CatalogueModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Qt::UserRole);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelPrice cheap;
        cheap.id = "small";
        cheap.provider = "openai";
        cheap.inputUsdPerMTok = 0.035;
        cheap.outputUsdPerMTok = 0.14;
        ModelPrice dear = cheap;
        dear.id = "large";
        dear.inputUsdPerMTok = 15;
        dear.outputUsdPerMTok = 75;
        model.setCatalogue({cheap, dear}, {"large"});
        QCOMPARE(model.index(0, CatalogueModel::Input).data().toString(), QStringLiteral("$0.035"));
        QCOMPARE(model.index(1, CatalogueModel::Output).data().toString(),
                 QStringLiteral("$75.00"));
        QVERIFY(model.isOverridden(1));
        QVERIFY(!model.isOverridden(0));
        proxy.sort(CatalogueModel::Output, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, CatalogueModel::Model).data().toString(), QStringLiteral("large"));

        std::vector<ModelPrice> saved;
        model.setEditHandler([&saved](const ModelPrice& price) {
            saved.push_back(price);
            return true;
        });
        QVERIFY(model.setData(model.index(0, CatalogueModel::Input), QStringLiteral("$0.05")));
        QCOMPARE(saved.size(), size_t{1});
        QCOMPARE(saved[0].inputUsdPerMTok, 0.05);
        QCOMPARE(saved[0].outputUsdPerMTok, 0.14);
        QVERIFY(!model.setData(model.index(0, CatalogueModel::Model), QStringLiteral("x")));
        QVERIFY(!model.setData(model.index(0, CatalogueModel::Batch), QStringLiteral("-0.5")));
        QCOMPARE(saved.size(), size_t{1});
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
