// Requests as the prompt-cache simulator sees them: prompts turned into segments with marks
// and estimated tokens, and the trace interning tags and accounts.
#include "cache_test_fixtures.h"

#include "cache/request_trace.h"
#include "prompts/prompt.h"
#include "prompts/token_estimate.h"

#include <QtTest>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace switchyard;
using namespace switchyard::cache_fixtures;

class TestRequestTrace : public QObject {
    Q_OBJECT

private slots:
    // Prompts become segments in provider order, with marks and estimated tokens.
    void traceFromPrompt() {
        Prompt prompt;
        prompt.id = "p1";
        prompt.toolsJson = R"([{"name":"lookup"}])";
        prompt.system = {{"You are terse.", false, {}}, {"Policy text here.", true, "1h"}};
        prompt.messages = {{"user", {{"Hi there", false, {}}}},
                           {"assistant", {{"Hello.", true, {}}}},
                           {"user", {{"Refund my order", false, {}}, {"Order 7", false, {}}}}};
        prompt.tags = {"support"};
        prompt.timestampMs = 1795000000000;
        const TokenizerFamily family = TokenizerFamily::Claude;
        const TraceRequest request = traceRequestFromPrompt(prompt, family);
        QCOMPARE(request.segments.size(), size_t{7});
        const std::vector<SegmentKind> kinds = {
            SegmentKind::Tools,   SegmentKind::System,   SegmentKind::System,  SegmentKind::History,
            SegmentKind::History, SegmentKind::UserTurn, SegmentKind::UserTurn};
        for (size_t k = 0; k < kinds.size(); ++k)
            QVERIFY(request.segments[k].kind == kinds[k]);
        QVERIFY(request.segments[2].checkpoint == CheckpointMark::OneHour);
        QVERIFY(request.segments[4].checkpoint == CheckpointMark::DefaultTtl);
        QVERIFY(request.segments[1].checkpoint == CheckpointMark::None);
        // A block that opens no message carries no framing: its tokens are its text's estimate.
        QCOMPARE(request.segments[2].tokens, estimateTokens("Policy text here.", family));
        QCOMPARE(request.segments[6].tokens, estimateTokens("Order 7", family));
        // Claude framing: 3 per request (first segment), 3 per message, 346 for tool use.
        QCOMPARE(request.segments[0].tokens, estimateTokens(prompt.toolsJson, family) + 3 + 346);
        QCOMPARE(request.segments[1].tokens, estimateTokens("You are terse.", family) + 3);
        QCOMPARE(request.segments[3].tokens, estimateTokens("Hi there", family) + 3);
        int64_t total = 0;
        for (const TraceSegment& segment : request.segments)
            total += segment.tokens;
        QVERIFY(std::abs(total - estimatePromptTokens(prompt, family)) <= 2);
        QCOMPARE(*request.timestampMs, qint64(1795000000000));

        // The same text as a system block and as a user block is not the same prefix.
        Prompt other = prompt;
        other.messages[0].content[0].text = "Policy text here.";
        const TraceRequest second = traceRequestFromPrompt(other, family);
        QCOMPARE(second.segments[2].contentHash, request.segments[2].contentHash);
        QVERIFY(second.segments[3].contentHash != request.segments[2].contentHash);
    }

    void traceInternsTagsAndAccounts() {
        TraceRequest a = systemThenUser(0, 10, 1);
        a.tags = {"x", "y"};
        a.account = "acme";
        TraceRequest b = systemThenUser(1, 10, 1);
        b.tags = {"x", "y"};
        RequestTrace trace = traceOf({a, b});
        QCOMPARE(trace.tagSetId(0), trace.tagSetId(1));
        QCOMPARE(trace.tagSet(trace.tagSetId(0)), (std::vector<std::string>{"x", "y"}));
        QVERIFY(trace.accountId(0) != trace.accountId(1));
        QCOMPARE(QString::fromStdString(trace.accountName(trace.accountId(0))),
                 QStringLiteral("acme"));
        QCOMPARE(trace.promptTokens(0), qint64(11));
    }
};

QTEST_GUILESS_MAIN(TestRequestTrace)
#include "tst_request_trace.moc"
