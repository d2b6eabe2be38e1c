#include "common/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace switchyard {

Status writeFileAtomically(const std::string& path, std::string_view text,
                           const std::string& what) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path())
        fs::create_directories(target.parent_path(), ec);
    if (ec)
        return Error{path, 0, "", "cannot create its folder: " + ec.message()};
    std::string temporary = path + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        return Error{path, 0, "", "cannot write next to " + what};
    // mkstemp makes the file private (0600); keep the old file's mode, else the usual 0644.
    struct stat old {};
    ::fchmod(fd, ::stat(path.c_str(), &old) == 0 ? old.st_mode & 07777 : 0644);
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0)
            break;
        written += static_cast<size_t>(n);
    }
    const bool flushed = written == text.size() && ::fsync(fd) == 0;
    if (::close(fd) != 0 || !flushed) {
        ::unlink(temporary.c_str());
        return Error{path, 0, "", "writing " + what + " failed (disk full?)"};
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        return Error{path, 0, "", "cannot replace " + what};
    }
    return success();
}

} // namespace switchyard
