#pragma once

#include <QString>
#include <Qt>

class QBoxLayout;
class QHBoxLayout;
class QSplitter;
class QVBoxLayout;
class QWidget;

// The header every page starts with (UI.md): title, primary and secondary actions on the right,
// one line saying what the page answers. Returns the row the actions go into.
namespace pagelayout {

QHBoxLayout* addHeader(QVBoxLayout* page, const QString& title, const QString& question);
// A splitter whose panes never collapse to nothing, named so that MainWindow persists its sizes.
QSplitter* makeSplitter(Qt::Orientation orientation, const char* name, QWidget* parent);

} // namespace pagelayout
