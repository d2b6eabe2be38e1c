#pragma once

#include <QColor>
#include <QString>

// One colour per model, the same on every page (UI.md): the Okabe-Ito palette, which stays
// distinguishable for the common forms of colour blindness. A model keeps its colour for the
// whole session, in the order models are first asked for.
namespace chartpalette {

QColor colorForModel(const QString& modelRef);
QColor baseline(); // grey, for all-strong / all-cheap / random reference lines
QColor good();     // savings, cache hits
QColor bad();      // losses, misses
QColor neutral();  // writes, in-between states

} // namespace chartpalette
