#pragma once

// The files this process has open through SQLite. Only SQLite may open such a file: closing any
// other descriptor of it drops every POSIX lock the process holds on the file, and another
// process then writes under SQLite's feet (SQLite's "How To Corrupt An SQLite Database File",
// 2.2). The store notes each connection it opens; every reader of user-named files asks here
// before it opens a path, so a workspace given by mistake as a prompt, results, policy or price
// file is refused instead of read.

#include "common/expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace switchyard {

// Store only: a connection opened on `path` (its identity, kept for the close, since the file
// may be renamed or gone by then), and closed.
using WorkspaceFileId = std::pair<uint64_t, uint64_t>; // device, inode
std::optional<WorkspaceFileId> noteWorkspaceOpened(const std::string& path);
void noteWorkspaceClosed(const std::optional<WorkspaceFileId>& id);

// An error naming the file when it is a workspace this process has open (compared by device
// and inode, from stat: nothing is opened to find out).
Status refuseOpenWorkspace(const std::string& path);

// The whole of a text file the user named (a policy, providers or price file), refusing a
// workspace this process has open. `what` names it in errors ("the policy file").
Expected<std::string> readUserTextFile(const std::string& path, std::string_view what);

// The first `size` bytes of a file, read only when no connection of this process has it open;
// no connection can open it while they are read. For telling "not a database" from "a damaged
// database" before SQLite is asked.
struct FileHeader {
    enum class State { Read, OpenHere, Unreadable };
    State state = State::Unreadable;
    std::string bytes; // State::Read: what the file starts with (shorter if the file is)
};
FileHeader readHeaderOfUnopenedFile(const std::string& path, size_t size);

} // namespace switchyard
