#include "store/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace switchyard::sql {

namespace {

// How long a connection waits for another's write lock before it gives up. Long enough for any
// batch this program commits; a holder that takes longer is stuck, or a very large import.
constexpr int kBusyTimeoutMs = 30'000;

// SQLite's message, except for a lock held by someone else past the timeout: then what happened
// and what to do, since "database is locked" tells a user neither.
std::string describeFailure(sqlite3* db, int rc) {
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return "the workspace is busy: another process (a run, an import, the GUI) has been "
               "writing to it for more than " +
               std::to_string(kBusyTimeoutMs / 1000) +
               " s; nothing was written by this step, try again when it has finished";
    return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}

Error sqliteError(sqlite3* db, int rc, std::string_view context) {
    return Error{"", 0, "", std::string(context) + ": " + describeFailure(db, rc)};
}

} // namespace

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bindBlob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindUncopied(int index, std::string_view value) {
    sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Expected<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = sqliteError(m_db, rc, "database error");
    sqlite3_reset(m_stmt);
    return error;
}

Status Statement::run() {
    auto stepped = step();
    if (!stepped)
        return stepped.error();
    sqlite3_reset(m_stmt);
    return success();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    if (!text)
        return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::string Statement::columnBlob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    if (!bytes)
        return {};
    return std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Expected<Database> Database::open(const std::string& path, Access access) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (access) {
    case Access::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Access::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Access::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error{path, 0, "", std::string("cannot open: ") + sqlite3_errstr(rc)};
        sqlite3_close(handle);
        return error;
    }
    sqlite3_busy_timeout(handle, kBusyTimeoutMs);
    sqlite3_extended_result_codes(handle, 1);
    Database db;
    db.m_db = handle;
    db.m_path = path;
    db.m_fileId = noteWorkspaceOpened(path);
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_fileId(std::exchange(other.m_fileId, std::nullopt)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        noteWorkspaceClosed(m_fileId);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_fileId = std::exchange(other.m_fileId, std::nullopt);
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(m_db);
    noteWorkspaceClosed(m_fileId);
}

Expected<Statement> Database::prepare(std::string_view sql) const {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc, "cannot prepare statement");
    return Statement(m_db, stmt);
}

Status Database::exec(std::string_view sql) const {
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const bool busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
        Error error{m_path, 0, "", busy || !message ? describeFailure(m_db, rc) : message};
        sqlite3_free(message);
        return error;
    }
    return success();
}

Expected<int64_t> Database::queryInt(std::string_view sql) const {
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->columnInt(0) : int64_t{0};
}

int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

Transaction::Transaction(const Database& db) : m_db(db) {}

Transaction::~Transaction() {
    if (m_open)
        (void)m_db.exec("ROLLBACK");
}

Status Transaction::begin() {
    auto status = m_db.exec("BEGIN IMMEDIATE");
    m_open = status.ok();
    return status;
}

Status Transaction::commit() {
    auto status = m_db.exec("COMMIT");
    if (status)
        m_open = false;
    return status;
}

} // namespace switchyard::sql
