#include "common/open_workspaces.h"

#include <sys/stat.h>

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <utility>

namespace switchyard {

namespace {

using FileIdentity = WorkspaceFileId;

struct Registry {
    std::mutex mutex;
    std::map<FileIdentity, int> connections; // identity -> open workspace connections
};

Registry& registry() {
    static Registry instance;
    return instance;
}

bool identityOf(const std::string& path, FileIdentity& identity) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return false;
    identity = {static_cast<uint64_t>(info.st_dev), static_cast<uint64_t>(info.st_ino)};
    return true;
}

} // namespace

std::optional<WorkspaceFileId> noteWorkspaceOpened(const std::string& path) {
    FileIdentity identity;
    if (!identityOf(path, identity))
        return std::nullopt;
    std::lock_guard lock(registry().mutex);
    ++registry().connections[identity];
    return identity;
}

void noteWorkspaceClosed(const std::optional<WorkspaceFileId>& id) {
    if (!id)
        return;
    std::lock_guard lock(registry().mutex);
    auto it = registry().connections.find(*id);
    if (it != registry().connections.end() && --it->second <= 0)
        registry().connections.erase(it);
}

Status refuseOpenWorkspace(const std::string& path) {
    FileIdentity identity;
    if (!identityOf(path, identity))
        return success();
    std::lock_guard lock(registry().mutex);
    if (registry().connections.count(identity))
        return Error{path, 0, "",
                     "this is an open Switchyard workspace, not a file to read: pick a prompt, "
                     "results, policy or price file"};
    return success();
}

Expected<std::string> readUserTextFile(const std::string& path, std::string_view what) {
    if (auto refused = refuseOpenWorkspace(path); !refused)
        return refused.error();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{path, 0, "", "cannot open " + std::string(what)};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

FileHeader readHeaderOfUnopenedFile(const std::string& path, size_t size) {
    FileHeader header;
    FileIdentity identity;
    if (!identityOf(path, identity))
        return header;
    std::lock_guard lock(registry().mutex); // no connection opens the file until we are done
    if (registry().connections.count(identity)) {
        header.state = FileHeader::State::OpenHere;
        return header;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return header;
    header.bytes.resize(size);
    in.read(header.bytes.data(), static_cast<std::streamsize>(size));
    header.bytes.resize(static_cast<size_t>(in.gcount()));
    header.state = FileHeader::State::Read;
    return header;
}

} // namespace switchyard
