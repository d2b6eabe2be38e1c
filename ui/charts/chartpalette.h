#pragma once

#include <QColor>
#include <QString>

// One colour per model, the same on every page (UI.md): the Okabe-Ito palette, which stays
// distinguishable for the common forms of colour blindness. A model keeps its colour for the
// whole session, in the order models are first asked for.
namespace chartpalette {

QColor colorForModel(const QString& modelRef);
// Series that are not models (workloads, tiers): the same palette in order, so each of a chart's
// series differs without taking a model's colour away.
QColor seriesColor(int index);
QColor baseline(); // grey, for all-strong / all-cheap / random reference lines
QColor good();     // savings, cache hits
QColor bad();      // losses, misses
QColor neutral();  // writes, in-between states

} // namespace chartpalette
