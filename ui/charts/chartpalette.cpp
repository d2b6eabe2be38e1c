#include "chartpalette.h"

#include <QHash>
#include <QMutex>

#include <array>

namespace chartpalette {

namespace {

// Okabe & Ito (2008), without black, which is kept for text and axes.
constexpr std::array<QRgb, 7> kOkabeIto = {
    0xFF0072B2, // blue
    0xFFE69F00, // orange
    0xFF009E73, // bluish green
    0xFFCC79A7, // reddish purple
    0xFF56B4E9, // sky blue
    0xFFD55E00, // vermillion
    0xFFF0E442, // yellow
};

} // namespace

QColor colorForModel(const QString& modelRef) {
    static QMutex mutex;
    static QHash<QString, int> assigned;
    QMutexLocker lock(&mutex);
    auto found = assigned.find(modelRef);
    if (found == assigned.end())
        found = assigned.insert(modelRef, static_cast<int>(assigned.size()));
    return QColor::fromRgba(kOkabeIto[static_cast<size_t>(found.value()) % kOkabeIto.size()]);
}

QColor seriesColor(int index) {
    return QColor::fromRgba(kOkabeIto[static_cast<size_t>(index) % kOkabeIto.size()]);
}

QColor baseline() {
    return QColor(0x99, 0x99, 0x99);
}
QColor good() {
    return QColor::fromRgba(kOkabeIto[2]);
}
QColor bad() {
    return QColor::fromRgba(kOkabeIto[5]);
}
QColor neutral() {
    return QColor::fromRgba(kOkabeIto[1]);
}

} // namespace chartpalette
