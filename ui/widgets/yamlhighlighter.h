#pragma once

#include <QSyntaxHighlighter>

// Colours YAML for reading (UI.md: the palette's text roles): comments, keys, quoted strings,
// numbers and literals. Line by line: a policy file has no construct spanning lines that changes
// a line's meaning (literal blocks are shown as plain text).
class YamlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;
};
