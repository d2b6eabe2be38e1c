#pragma once

#include "common/expected.h"
#include "store/sqlite.h"

namespace switchyard::schema {

// 'SWYD': marks a SQLite file as a Switchyard workspace (PRAGMA application_id).
inline constexpr int64_t kApplicationId = 0x53575944;
// The version this build writes. PRAGMA user_version holds a file's version.
int currentVersion();

// Applies every migration from the file's version up to currentVersion(), each in its own
// transaction, so a failure leaves the file at the last complete version.
Status migrate(const sql::Database& db);

// Brings an empty database to exactly `version`; tests use it to make old files to migrate.
Status createAtVersion(const sql::Database& db, int version);

} // namespace switchyard::schema
