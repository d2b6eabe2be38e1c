#pragma once

#include "common/cancel.h"
#include "common/error.h"
#include "common/expected.h"
#include "store/workspace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard {

struct ImportReport {
    std::string file;
    std::string setName;
    int64_t setId = 0;    // 0 when nothing was imported
    int64_t accepted = 0; // prompts now in the set from this file
    int64_t rejectedCount = 0;
    std::vector<Error> rejected; // the first ones, each naming file, line and field
    bool cancelled = false;
};

// Streams a prompt file into the workspace batch by batch, so memory stays bounded and a cancel
// keeps what was already committed. `setName` empty: the file's stem, made unique; an existing
// set named explicitly is appended to. A file that cannot be read at all is an Error and creates
// no set; a file whose every line is bad returns a report with accepted == 0 and no set.
Expected<ImportReport> importPromptFile(Workspace& workspace, const std::string& path,
                                        const std::string& setName,
                                        const CancelToken* cancel = nullptr,
                                        const Progress& progress = {});

} // namespace switchyard
