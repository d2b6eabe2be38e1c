#pragma once

// Production logs for the traffic tests: Bedrock model-invocation records as S3 and CloudWatch
// deliver them, written as JSON lines or gzip files.

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <string>
#include <vector>

namespace trafficfixtures {

using nlohmann::json;

inline const char* const kHaikuProfile = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/"
                                         "us.anthropic.claude-3-5-haiku-20241022-v1:0";

inline json converseRecord(const std::string& requestId, const std::string& time,
                           const std::string& text, int inputTokens, int outputTokens) {
    json record = {
        {"schemaType", "ModelInvocationLog"},
        {"schemaVersion", "1.0"},
        {"timestamp", time},
        {"accountId", "111122223333"},
        {"identity", {{"arn", "arn:aws:sts::111122223333:assumed-role/SupportBot/session-1"}}},
        {"region", "us-east-1"},
        {"requestId", requestId},
        {"operation", "Converse"},
        {"modelId", kHaikuProfile},
        {"input",
         {{"inputContentType", "application/json"},
          {"inputBodyJson",
           {{"system", json::array({{{"text", "You answer support tickets."}}})},
            {"messages",
             json::array({{{"role", "user"}, {"content", json::array({{{"text", text}}})}}})}}},
          {"inputTokenCount", inputTokens}}},
        {"output",
         {{"outputContentType", "application/json"},
          {"outputBodyJson",
           {{"output",
             {{"message",
               {{"role", "assistant"},
                {"content", json::array({{{"text", "Answer to " + text}}})}}}}},
            {"stopReason", "end_turn"},
            {"metrics", {{"latencyMs", 420}}}}},
          {"outputTokenCount", outputTokens}}},
        {"requestMetadata", {{"workload", "support"}, {"team", "cx"}}}};
    return record;
}

// A conversation `turns` messages long: the same opening, then alternating turns.
inline json conversationRecord(const std::string& requestId, const std::string& time, int turns) {
    json record = converseRecord(requestId, time, "Plan my trip", 500, 50);
    json messages = json::array();
    for (int t = 0; t < turns; ++t)
        messages.push_back(
            {{"role", t % 2 ? "assistant" : "user"},
             {"content", json::array({{{"text", t ? "step " + std::to_string(t)
                                                  : std::string("Plan my trip")}}})}});
    record["input"]["inputBodyJson"]["messages"] = messages;
    record["requestMetadata"]["workload"] = "agent";
    return record;
}

inline std::string isoTime(int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
}

inline QByteArray lines(const std::vector<json>& records) {
    QByteArray out;
    for (const json& record : records)
        out += QByteArray::fromStdString(record.dump()) + "\n";
    return out;
}

inline void writeGzip(const QString& path, const QByteArray& content) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    gzFile file = gzopen(path.toLocal8Bit().constData(), "wb");
    QVERIFY(file);
    QCOMPARE(gzwrite(file, content.constData(), static_cast<unsigned>(content.size())),
             static_cast<int>(content.size()));
    QCOMPARE(gzclose(file), Z_OK);
}

} // namespace trafficfixtures
