#include "yamlhighlighter.h"

#include <QRegularExpression>
#include <QTextCharFormat>

namespace {

QTextCharFormat colour(const char* hex, bool bold = false) {
    QTextCharFormat format;
    format.setForeground(QColor(QLatin1String(hex)));
    if (bold)
        format.setFontWeight(QFont::DemiBold);
    return format;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void YamlHighlighter::highlightBlock(const QString& text) {
    // Key at the start of a line or after "- ", then the value's kind; a comment last so that it
    // wins over anything it contains.
    static const QRegularExpression key(
        QStringLiteral("^(\\s*-?\\s*)([^\\s#:'\"][^:#]*?)\\s*:(\\s|$)"));
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'"));
    static const QRegularExpression number(
        QStringLiteral("(?<=[\\s\\[,])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?=[\\s,\\]]|$)"));
    static const QRegularExpression literal(
        QStringLiteral("(?<=[\\s\\[,])(true|false|null|~)(?=[\\s,\\]]|$)"));
    static const QRegularExpression comment(QStringLiteral("(^|\\s)#.*$"));
    static const QTextCharFormat keyFormat = colour("#1f4e8c", true);
    static const QTextCharFormat stringFormat = colour("#2e7d32");
    static const QTextCharFormat numberFormat = colour("#8e44ad");
    static const QTextCharFormat commentFormat = colour("#7a7a7a");

    if (const auto match = key.match(text); match.hasMatch())
        setFormat(match.capturedStart(2), match.capturedLength(2), keyFormat);
    for (const QRegularExpression* pattern : {&number, &literal}) {
        auto it = pattern->globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(match.capturedStart(), match.capturedLength(), numberFormat);
        }
    }
    auto strings = quoted.globalMatch(text);
    while (strings.hasNext()) {
        const auto match = strings.next();
        setFormat(match.capturedStart(), match.capturedLength(), stringFormat);
    }
    if (const auto match = comment.match(text); match.hasMatch())
        setFormat(match.capturedStart(), match.capturedLength(), commentFormat);
}
