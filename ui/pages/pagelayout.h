#pragma once

#include <QString>
#include <Qt>

#include <initializer_list>

class QBoxLayout;
class QLabel;
class QProgressBar;
class StatCard;
class QHBoxLayout;
class QSplitter;
class QVBoxLayout;
class QWidget;

// The header every page starts with (UI.md): title, primary and secondary actions on the right,
// one line saying what the page answers. Returns the row the actions go into.
namespace pagelayout {

QHBoxLayout* addHeader(QVBoxLayout* page, const QString& title, const QString& question);
// The row of big numbers under the header (UI.md: at most four).
void addCards(QVBoxLayout* page, std::initializer_list<StatCard*> cards);

// The line under a page's content: what happened, and the progress of long work (permille,
// hidden until work runs).
struct StatusRow {
    QLabel* message = nullptr;
    QProgressBar* progress = nullptr;
};
StatusRow addStatusRow(QVBoxLayout* page, QWidget* parent);

// A splitter whose panes never collapse to nothing, named so that MainWindow persists its sizes.
QSplitter* makeSplitter(Qt::Orientation orientation, const char* name, QWidget* parent);

} // namespace pagelayout
