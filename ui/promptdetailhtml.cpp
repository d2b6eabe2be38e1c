#include "promptdetailhtml.h"

#include "uiformat.h"

#include <QCoreApplication>

namespace {

// Gives the free functions below a translation context lupdate can see.
struct PromptDetail {
    Q_DECLARE_TR_FUNCTIONS(PromptDetail)

public:
    static QString blocksHtml(const std::vector<switchyard::ContentBlock>& blocks);
    static QString html(const switchyard::Prompt& prompt);
};

QString section(const QString& title, const QString& body) {
    return QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4>%2").arg(title, body);
}

} // namespace

QString PromptDetail::blocksHtml(const std::vector<switchyard::ContentBlock>& blocks) {
    QString html;
    for (const auto& block : blocks) {
        html += QStringLiteral("<div style='white-space:pre-wrap'>%1</div>")
                    .arg(QString::fromStdString(block.text).toHtmlEscaped());
        if (block.cacheCheckpoint) {
            const QString ttl = block.cacheTtl.empty() ? QStringLiteral("5m")
                                                       : QString::fromStdString(block.cacheTtl);
            html += QStringLiteral("<p style='color:#0072B2'><b>▲ %1</b></p>")
                        .arg(tr("cache checkpoint (TTL %1)").arg(ttl));
        }
    }
    return html;
}

QString PromptDetail::html(const switchyard::Prompt& prompt) {
    QString html =
        QStringLiteral("<h3>%1</h3>").arg(QString::fromStdString(prompt.id).toHtmlEscaped());
    QStringList facts;
    facts << tr("shape: %1").arg(QString::fromLatin1(switchyard::shapeName(prompt.shape)));
    if (prompt.timestampMs)
        facts << tr("arrived %1 UTC").arg(uiformat::timestamp(*prompt.timestampMs));
    if (!prompt.tags.empty()) {
        QStringList tags;
        for (const auto& tag : prompt.tags)
            tags << QString::fromStdString(tag).toHtmlEscaped();
        facts << tr("tags: %1").arg(tags.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("<p><i>%1</i></p>").arg(facts.join(QStringLiteral(" · ")));
    if (!prompt.toolsJson.empty())
        html += section(tr("Tools"),
                        QStringLiteral("<pre>%1</pre>")
                            .arg(QString::fromStdString(prompt.toolsJson).toHtmlEscaped()));
    if (!prompt.system.empty())
        html += section(tr("System"), blocksHtml(prompt.system));
    for (const auto& message : prompt.messages) {
        const QString role = message.role == "assistant" ? tr("Assistant") : tr("User");
        html += section(role, blocksHtml(message.content));
    }
    if (prompt.expected)
        html += section(tr("Expected answer"),
                        QStringLiteral("<div style='white-space:pre-wrap'>%1</div>")
                            .arg(QString::fromStdString(*prompt.expected).toHtmlEscaped()));
    return html;
}

QString promptDetailHtml(const switchyard::Prompt& prompt) {
    return PromptDetail::html(prompt);
}
