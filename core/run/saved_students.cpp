#include "run/saved_students.h"

#include "store/workspace.h"

namespace switchyard {

ProvidersFile withSavedStudents(ProvidersFile file, const Workspace& workspace) {
    if (file.find(kSavedStudentsProvider))
        return file;
    ProviderConfig provider;
    provider.name = std::string(kSavedStudentsProvider);
    provider.kind = ProviderKind::LocalStudent;
    for (const StoredStudent& student : workspace.students())
        provider.models.push_back(student.name);
    if (provider.models.empty())
        return file;
    // A call counts as in flight until its result is committed: answers that take microseconds
    // need many in flight to fill each group commit. A failure is never worth a second attempt.
    provider.limits.concurrency = 64;
    provider.limits.maxAttempts = 1;
    file.providers.push_back(std::move(provider));
    return file;
}

StudentSource savedStudentSource(std::string workspacePath) {
    return [path = std::move(workspacePath)](
               const std::string& name) -> Expected<std::optional<StoredStudent>> {
        auto workspace = Workspace::open(path, Workspace::OpenMode::ExistingOnly);
        if (!workspace)
            return workspace.error();
        return (*workspace)->student(name);
    };
}

} // namespace switchyard
