#pragma once

#include <QString>

#include <cstdint>
#include <string_view>

// Number formats shared by every page (UI.md): money as $1,234.56 (small values $0.0042),
// percentages as 42.0 %, token counts as 1.2 M, in the user's locale.
namespace uiformat {

QString money(double usd);
QString percent(double fraction);
QString count(int64_t value);
QString tokens(int64_t value);
QString timestamp(int64_t epochMs);
// Elapsed or remaining time: "45 s", "3 min 20 s", "2 h 05 min" (seconds rounded).
QString duration(double seconds);
// UTF-8 text from core as a QString (core's strings and string_views are UTF-8).
QString text(std::string_view utf8);

} // namespace uiformat
