#pragma once

// Every student saved in a workspace can be run as "student/NAME" without touching the
// providers file: the runner, its estimate and the Runs page add a built-in local-student
// provider named "student". A providers-file entry of that name (any kind) wins.

#include "providers/provider.h"
#include "providers/providers_file.h"

#include <string>
#include <string_view>

namespace switchyard {

class Workspace;

inline constexpr std::string_view kSavedStudentsProvider = "student";

ProvidersFile withSavedStudents(ProvidersFile file, const Workspace& workspace);

// Reads students from the workspace file at `workspacePath`, on its own connection, so it may
// be called from any thread.
StudentSource savedStudentSource(std::string workspacePath);

} // namespace switchyard
