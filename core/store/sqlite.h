#pragma once

#include "common/expected.h"
#include "common/open_workspaces.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace switchyard::sql {

// A prepared statement. Binding is 1-based like SQLite's own API; columns are 0-based.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bindBlob(int index, std::string_view bytes);
    // Binds without copying, for hot paths: `value` must outlive the next step()/run().
    Statement& bindUncopied(int index, std::string_view value);
    Statement& bindNull(int index);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Steps once: true while a row is available, false when done. Errors become Error values.
    Expected<bool> step();
    // For read loops: true while a row is available; false when done or on an error.
    bool next() {
        auto stepped = step();
        return stepped.ok() && *stepped;
    }
    // Steps to completion, for statements that return no rows.
    Status run();
    void reset();

    int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::string columnBlob(int column) const;
    bool columnIsNull(int column) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// Owns one connection. The store is the only code that talks to SQLite.
class Database {
public:
    enum class Access { ReadOnly, ReadWrite, ReadWriteCreate };

    static Expected<Database> open(const std::string& path, Access access);

    Database() = default;
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Expected<Statement> prepare(std::string_view sql) const;
    Status exec(std::string_view sql) const;
    // Runs a single-value query such as "PRAGMA user_version".
    Expected<int64_t> queryInt(std::string_view sql) const;
    int64_t lastInsertId() const;
    int changes() const;
    const std::string& path() const { return m_path; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    std::optional<WorkspaceFileId> m_fileId; // noted in common/open_workspaces.h
};

// Commits on commit(), rolls back otherwise, so an early return never leaves half a batch.
class Transaction {
public:
    explicit Transaction(const Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Status begin();
    Status commit();

private:
    const Database& m_db;
    bool m_open = false;
};

} // namespace switchyard::sql
