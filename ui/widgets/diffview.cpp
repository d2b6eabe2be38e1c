#include "diffview.h"

#include "common/line_diff.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>

DiffView::DiffView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

DiffView::Counts DiffView::showDiff(const QString& before, const QString& after) {
    using switchyard::DiffLine;
    const auto diff = switchyard::diffLines(before.toStdString(), after.toStdString());
    clear();
    QTextCursor cursor(document());
    QTextBlockFormat removed;
    removed.setBackground(QColor(0xfd, 0xe2, 0xe1));
    QTextBlockFormat added;
    added.setBackground(QColor(0xdc, 0xf5, 0xe0));
    const QTextBlockFormat kept;
    QTextCharFormat keptText;
    keptText.setForeground(palette().color(QPalette::PlaceholderText));
    const QTextCharFormat changedText;
    bool first = true;
    for (const DiffLine& line : diff) {
        if (!first)
            cursor.insertBlock();
        first = false;
        const bool same = line.kind == DiffLine::Kind::Same;
        cursor.setBlockFormat(same ? kept : line.kind == DiffLine::Kind::Added ? added : removed);
        const QString prefix = same                                 ? QStringLiteral("  ")
                               : line.kind == DiffLine::Kind::Added ? QStringLiteral("+ ")
                                                                    : QStringLiteral("- ");
        cursor.insertText(prefix + QString::fromStdString(line.text),
                          same ? keptText : changedText);
    }
    moveCursor(QTextCursor::Start);
    const auto counts = switchyard::countChanges(diff);
    return {counts.added, counts.removed};
}
