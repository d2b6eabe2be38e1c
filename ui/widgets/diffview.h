#pragma once

#include <QPlainTextEdit>

// A file as it was and as it would be now, line by line (core's diffLines): removed lines on a
// red ground with "-", added ones on a green ground with "+", kept ones plain. Colour is never
// the only cue: the prefixes say the same for a reader who cannot tell the grounds apart.
class DiffView : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit DiffView(QWidget* parent = nullptr);

    struct Counts {
        qint64 added = 0;
        qint64 removed = 0;
    };
    // Shows the differences and returns how many lines each way.
    Counts showDiff(const QString& before, const QString& after);
};
