#pragma once

#include <QString>

class QBoxLayout;
class QHBoxLayout;
class QVBoxLayout;
class QWidget;

// The header every page starts with (UI.md): title, primary and secondary actions on the right,
// one line saying what the page answers. Returns the row the actions go into.
namespace pagelayout {

QHBoxLayout* addHeader(QVBoxLayout* page, const QString& title, const QString& question);

} // namespace pagelayout
