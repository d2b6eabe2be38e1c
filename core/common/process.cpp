#include "common/process.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <unistd.h>

namespace switchyard {

int64_t currentProcessId() {
    return static_cast<int64_t>(::getpid());
}

std::string currentHostName() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
        return "localhost";
    return name;
}

bool processAlive(int64_t pid) {
    if (pid <= 0)
        return false;
    // Signal 0 checks existence and permission without delivering anything; EPERM means the
    // process exists but belongs to someone else.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

int64_t epochNowMs() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
}

} // namespace switchyard
