#include "store/workspace.h"

#include "common/clock.h"
#include "common/open_workspaces.h"
#include "prompts/prompt_json.h"
#include "prompts/token_estimate.h"
#include "store/schema.h"

#include <filesystem>

namespace switchyard {

namespace {

constexpr size_t kPreviewChars = 300;

// Validates a file before anything writes to it: SQLite opened read-only never changes a file,
// so every "this is not yours" answer leaves the user's file exactly as it was.
//
// Another connection of this process may hold POSIX locks on the file, and closing any other
// descriptor of it would drop them all (SQLite's "How To Corrupt An SQLite Database File",
// section 2.2). So the header is read directly only while no connection of this process has the
// file open (common/open_workspaces.h); otherwise only SQLite reads it, which shares one
// descriptor per file between its connections.
Status checkExistingFile(const std::string& path, bool& isBlank) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return Error{path, 0, "", "cannot read: " + ec.message()};
    if (size == 0) {
        isBlank = true;
        return success();
    }
    const FileHeader header = readHeaderOfUnopenedFile(path, 16);
    if (header.state == FileHeader::State::Read &&
        header.bytes != std::string("SQLite format 3\0", 16))
        return Error{path, 0, "", "not a Switchyard workspace (not an SQLite database)"};
    auto db = sql::Database::open(path, sql::Database::Access::ReadOnly);
    if (!db)
        return db.error();
    // One read transaction, so a workspace another connection is creating at this moment is seen
    // before its first migration or after it, never between (tables there, id not yet read).
    if (auto status = db->exec("BEGIN"); !status)
        return Error{path, 0, "",
                     "corrupt or unreadable workspace (" + status.error().message + ")"};
    auto appId = db->queryInt("PRAGMA application_id");
    auto version = db->queryInt("PRAGMA user_version");
    auto tables = db->queryInt("SELECT count(*) FROM sqlite_master");
    (void)db->exec("COMMIT");
    if (!appId || !version || !tables) {
        const Error& cause = !appId ? appId.error() : !version ? version.error() : tables.error();
        return Error{path, 0, "", "corrupt or unreadable workspace (" + cause.message + ")"};
    }
    if (*appId == 0 && *tables == 0) {
        isBlank = true;
        return success();
    }
    if (*appId != schema::kApplicationId)
        return Error{path, 0, "",
                     "not a Switchyard workspace (an SQLite database of another "
                     "application)"};
    if (*version > schema::currentVersion())
        return Error{path, 0, "",
                     "written by a newer Switchyard (workspace version " +
                         std::to_string(*version) + ", this build reads up to " +
                         std::to_string(schema::currentVersion()) + "); the file was not changed"};
    return success();
}

std::string truncatedPreview(const std::string& text) {
    if (text.size() <= kPreviewChars)
        return text;
    size_t cut = kPreviewChars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // never split a UTF-8 sequence
    return text.substr(0, cut) + "…";
}

} // namespace

Workspace::Workspace(sql::Database db) : m_db(std::move(db)) {}

Workspace::~Workspace() = default;

Expected<std::unique_ptr<Workspace>> Workspace::open(const std::string& path, OpenMode mode) {
    const bool exists = std::filesystem::exists(path);
    if (!exists && mode == OpenMode::ExistingOnly)
        return Error{path, 0, "", "no such workspace"};
    if (exists) {
        bool isBlank = false;
        if (auto status = checkExistingFile(path, isBlank); !status)
            return status.error();
    }
    auto db = sql::Database::open(path, sql::Database::Access::ReadWriteCreate);
    if (!db)
        return db.error();
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON",
                               "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"}) {
        if (auto status = db->exec(pragma); !status)
            return status.error();
    }
    if (auto status = schema::migrate(*db); !status)
        return status.error();
    return std::unique_ptr<Workspace>(new Workspace(std::move(db).value()));
}

int Workspace::schemaVersion() const {
    auto version = m_db.queryInt("PRAGMA user_version");
    return version ? static_cast<int>(*version) : 0;
}

Expected<int64_t> Workspace::createPromptSet(const std::string& name, const std::string& source,
                                             bool synthetic) {
    if (name.empty())
        return Error{"", 0, "name", "a prompt set needs a name"};
    auto stmt = m_db.prepare(
        "INSERT INTO prompt_sets (name, source, synthetic, created_at) VALUES (?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name).bind(2, source).bind(3, synthetic ? 1 : 0).bind(4, utcNowIso8601());
    if (auto status = stmt->run(); !status)
        return Error{"", 0, "name",
                     "cannot create prompt set '" + name + "': " + status.error().message};
    return m_db.lastInsertId();
}

std::optional<int64_t> Workspace::findPromptSet(const std::string& name) const {
    auto stmt = m_db.prepare("SELECT id FROM prompt_sets WHERE name = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, name);
    if (!stmt->next())
        return std::nullopt;
    return stmt->columnInt(0);
}

std::string Workspace::uniqueSetName(const std::string& base) const {
    std::string name = base.empty() ? std::string("prompts") : base;
    for (int suffix = 2; findPromptSet(name); ++suffix)
        name = base + " (" + std::to_string(suffix) + ")";
    return name;
}

namespace {

// What promptSets() and promptSet() read, with the condition after FROM.
std::vector<PromptSetInfo> readPromptSets(const sql::Database& db, const std::string& where,
                                          std::optional<int64_t> setId) {
    std::vector<PromptSetInfo> sets;
    auto stmt = db.prepare(
        "SELECT s.id, s.name, s.source, s.synthetic, s.created_at,"
        " (SELECT count(*) FROM prompts p WHERE p.set_id = s.id), s.golden,"
        " (SELECT coalesce(max(version), 0) FROM golden_versions g WHERE g.set_id = s.id)"
        " FROM prompt_sets s " +
        where);
    if (!stmt)
        return sets;
    if (setId)
        stmt->bind(1, *setId);
    while (stmt->next()) {
        sets.push_back({stmt->columnInt(0), stmt->columnText(1), stmt->columnText(2),
                        stmt->columnInt(3) != 0, stmt->columnText(4), stmt->columnInt(5),
                        stmt->columnInt(6) != 0, static_cast<int>(stmt->columnInt(7))});
    }
    return sets;
}

} // namespace

std::vector<PromptSetInfo> Workspace::promptSets() const {
    return readPromptSets(m_db, "ORDER BY s.name", std::nullopt);
}

std::optional<PromptSetInfo> Workspace::promptSet(int64_t setId) const {
    auto sets = readPromptSets(m_db, "WHERE s.id = ?", setId);
    return sets.empty() ? std::nullopt : std::optional<PromptSetInfo>(std::move(sets.front()));
}

Status Workspace::deletePromptSet(int64_t setId) {
    auto stmt = m_db.prepare("DELETE FROM prompt_sets WHERE id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, setId);
    return stmt->run();
}

Status Workspace::setPromptSetSource(int64_t setId, const std::string& source) {
    auto stmt = m_db.prepare("UPDATE prompt_sets SET source = ? WHERE id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, source).bind(2, setId);
    return stmt->run();
}

Expected<AppendOutcome> Workspace::appendPrompts(int64_t setId, std::span<const Prompt> prompts,
                                                 const std::string& sourceFile) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status.error();
    AppendOutcome outcome;
    if (auto status = insertPromptRows(setId, prompts, sourceFile, outcome); !status)
        return status.error();
    if (auto status = transaction.commit(); !status)
        return status.error();
    return outcome;
}

Status Workspace::insertPromptRows(int64_t setId, std::span<const Prompt> prompts,
                                   const std::string& sourceFile, AppendOutcome& outcome) {
    auto last = m_db.prepare("SELECT coalesce(max(ordinal), 0) FROM prompts WHERE set_id = ?");
    if (!last)
        return last.error();
    last->bind(1, setId);
    if (auto row = last->step(); !row)
        return row.error();
    int64_t ordinal = last->columnInt(0);

    auto insert = m_db.prepare(
        "INSERT OR IGNORE INTO prompts (set_id, ordinal, prompt_key, messages_json, preview,"
        " expected, tags_json, timestamp_ms, est_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    outcome.rowIds.reserve(outcome.rowIds.size() + prompts.size());
    for (const Prompt& prompt : prompts) {
        const int64_t next = ordinal + 1;
        const std::string key = prompt.id.empty() ? "p" + std::to_string(next) : prompt.id;
        insert->bind(1, setId)
            .bind(2, next)
            .bind(3, key)
            .bind(4, messagesToJson(prompt))
            .bind(5, truncatedPreview(prompt.lastUserText()))
            .bind(6, prompt.expected)
            .bind(7, tagsToJson(prompt.tags))
            .bind(8, prompt.timestampMs)
            .bind(9, estimatePromptTokens(prompt, TokenizerFamily::Generic));
        if (auto status = insert->run(); !status)
            return status;
        if (m_db.changes() == 0) {
            outcome.rowIds.push_back(0);
            outcome.rejected.push_back(Error{sourceFile, prompt.sourceLine, "id",
                                             "duplicate id '" + key + "' in this set"});
            continue;
        }
        outcome.rowIds.push_back(m_db.lastInsertId());
        ordinal = next;
        ++outcome.inserted;
    }
    return success();
}

int64_t Workspace::promptCount(int64_t setId) const {
    auto stmt = m_db.prepare("SELECT count(*) FROM prompts WHERE set_id = ?");
    if (!stmt)
        return 0;
    stmt->bind(1, setId);
    return stmt->next() ? stmt->columnInt(0) : 0;
}

namespace {

// Columns: prompt_key, messages_json, expected, tags_json, timestamp_ms.
Expected<Prompt> promptFromRow(const sql::Statement& stmt) {
    Prompt prompt;
    prompt.id = stmt.columnText(0);
    if (auto status = messagesFromJson(stmt.columnText(1), prompt); !status)
        return status.error();
    if (!stmt.columnIsNull(2))
        prompt.expected = stmt.columnText(2);
    prompt.tags = tagsFromJson(stmt.columnText(3));
    if (!stmt.columnIsNull(4))
        prompt.timestampMs = stmt.columnInt(4);
    return prompt;
}

} // namespace

Expected<Prompt> Workspace::prompt(int64_t setId, int64_t ordinal) const {
    auto stmt = m_db.prepare("SELECT prompt_key, messages_json, expected, tags_json, timestamp_ms"
                             " FROM prompts WHERE set_id = ? AND ordinal = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, setId).bind(2, ordinal);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error{"", 0, "", "no prompt " + std::to_string(ordinal) + " in this set"};
    return promptFromRow(*stmt);
}

Status
Workspace::forEachPrompt(int64_t setId,
                         const std::function<bool(int64_t ordinal, Prompt&& prompt)>& visit) const {
    auto stmt = m_db.prepare("SELECT prompt_key, messages_json, expected, tags_json, timestamp_ms,"
                             " ordinal FROM prompts WHERE set_id = ? ORDER BY ordinal");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, setId);
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return success();
        auto prompt = promptFromRow(*stmt);
        if (!prompt)
            return prompt.error();
        if (!visit(stmt->columnInt(5), std::move(prompt).value()))
            return success();
    }
}

Status Workspace::recordRejections(int64_t setId, std::span<const Error> rejections) {
    sql::Transaction transaction(m_db);
    if (auto status = transaction.begin(); !status)
        return status;
    auto stmt = m_db.prepare(
        "INSERT INTO import_rejections (set_id, file, line, field, message) VALUES (?,?,?,?,?)");
    if (!stmt)
        return stmt.error();
    for (const Error& error : rejections) {
        stmt->bind(1, setId)
            .bind(2, error.file)
            .bind(3, error.line)
            .bind(4, error.field)
            .bind(5, error.message);
        if (auto status = stmt->run(); !status)
            return status;
    }
    return transaction.commit();
}

std::vector<Error> Workspace::rejections(int64_t setId) const {
    std::vector<Error> out;
    auto stmt = m_db.prepare("SELECT file, line, field, message FROM import_rejections"
                             " WHERE set_id = ? ORDER BY id");
    if (!stmt)
        return out;
    stmt->bind(1, setId);
    while (stmt->next()) {
        out.push_back(
            {stmt->columnText(0), stmt->columnInt(1), stmt->columnText(2), stmt->columnText(3)});
    }
    return out;
}

} // namespace switchyard
