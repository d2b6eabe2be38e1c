#include "uiformat.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace uiformat {

QString money(double usd) {
    const QLocale locale;
    const double magnitude = std::abs(usd);
    // Values under a dollar keep two significant digits, so $0.0042 is not shown as $0.00 and
    // Nova Micro's $0.035 is not rounded to $0.04.
    int decimals = 2;
    if (magnitude > 0 && magnitude < 1)
        decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(magnitude))), 2, 8);
    return QStringLiteral("$") + locale.toString(usd, 'f', decimals);
}

QString percent(double fraction) {
    return QLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString count(int64_t value) {
    return QLocale().toString(static_cast<qlonglong>(value));
}

QString tokens(int64_t value) {
    const QLocale locale;
    const double v = static_cast<double>(value);
    if (std::abs(v) >= 1e9)
        return locale.toString(v / 1e9, 'f', 1) + QStringLiteral(" B");
    if (std::abs(v) >= 1e6)
        return locale.toString(v / 1e6, 'f', 1) + QStringLiteral(" M");
    if (std::abs(v) >= 1e4)
        return locale.toString(v / 1e3, 'f', 1) + QStringLiteral(" k");
    return locale.toString(static_cast<qlonglong>(value));
}

QString timestamp(int64_t epochMs) {
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString duration(double seconds) {
    const auto total = static_cast<int64_t>(std::llround(std::max(0.0, seconds)));
    const int64_t hours = total / 3600;
    const int64_t minutes = total % 3600 / 60;
    if (hours > 0)
        return QStringLiteral("%1 h %2 min")
            .arg(count(hours))
            .arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return QStringLiteral("%1 min %2 s").arg(minutes).arg(total % 60);
    return QStringLiteral("%1 s").arg(total);
}

QString text(std::string_view utf8) {
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

} // namespace uiformat
