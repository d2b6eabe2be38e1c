#pragma once

#include "common/expected.h"

#include <string>
#include <string_view>

namespace switchyard {

// Writes `text` to `path` so that a reader sees the old file or the new one, never a part: a
// temporary file beside it, flushed to disk, renamed over it. Creates the folder; keeps the old
// file's permissions (else 0644). `what` names the file in errors ("the providers file").
Status writeFileAtomically(const std::string& path, std::string_view text, const std::string& what);

} // namespace switchyard
