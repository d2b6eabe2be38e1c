#pragma once

// Who this process is, and whether another one still lives: what a run lease records and checks.

#include <cstdint>
#include <string>

namespace switchyard {

int64_t currentProcessId();
// The machine's host name; "localhost" when it cannot be read.
std::string currentHostName();
// True when a process with this id exists on this machine (a zombie counts until reaped).
bool processAlive(int64_t pid);
// Milliseconds since the Unix epoch, from the wall clock: comparable between processes.
int64_t epochNowMs();

} // namespace switchyard
