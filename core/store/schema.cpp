#include "store/schema.h"

#include "store/priced_results_migration.h"
#include "store/usage_migration.h"

#include <array>
#include <string>

namespace switchyard::schema {

namespace {

// Migration N brings a file from version N-1 to N. Never edit a released step: add a new one.
constexpr std::array<const char*, 9> kMigrations = {
    // 1: the initial workspace.
    R"sql(
CREATE TABLE prompt_sets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL DEFAULT '',
    synthetic INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE prompts (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES prompt_sets(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    prompt_key TEXT NOT NULL,
    messages_json TEXT NOT NULL,
    preview TEXT NOT NULL,
    expected TEXT,
    tags_json TEXT NOT NULL DEFAULT '[]',
    timestamp_ms INTEGER,
    UNIQUE (set_id, ordinal),
    UNIQUE (set_id, prompt_key)
);
CREATE TABLE providers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    config_json TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE models (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    provider_id INTEGER REFERENCES providers(id),
    model_name TEXT NOT NULL
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    set_id INTEGER REFERENCES prompt_sets(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    synthetic INTEGER NOT NULL DEFAULT 0,
    params_json TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE TABLE results (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    model_id INTEGER NOT NULL REFERENCES models(id),
    output TEXT,
    input_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens INTEGER NOT NULL DEFAULT 0,
    cache_write_tokens INTEGER NOT NULL DEFAULT 0,
    latency_ms REAL,
    cost_usd REAL,
    error_class TEXT,
    error_message TEXT,
    attempts INTEGER NOT NULL DEFAULT 1,
    UNIQUE (run_id, model_id, prompt_id)
);
CREATE TABLE scores (
    id INTEGER PRIMARY KEY,
    result_id INTEGER NOT NULL REFERENCES results(id) ON DELETE CASCADE,
    scorer TEXT NOT NULL,
    score REAL NOT NULL,
    detail TEXT,
    UNIQUE (result_id, scorer)
);
CREATE TABLE policies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    yaml TEXT NOT NULL,
    created_at TEXT NOT NULL
);
)sql",
    // 2: import reports survive a restart, users' price edits live with the workspace, and each
    // prompt carries its input-token estimate (NULL for prompts imported before version 2).
    R"sql(
CREATE TABLE import_rejections (
    id INTEGER PRIMARY KEY,
    set_id INTEGER REFERENCES prompt_sets(id) ON DELETE CASCADE,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    field TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL
);
CREATE INDEX import_rejections_by_set ON import_rejections(set_id);
ALTER TABLE prompts ADD COLUMN est_tokens INTEGER;
CREATE TABLE price_overrides (
    model_id TEXT PRIMARY KEY,
    price_json TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
)sql",
    // 3: the provider runner. Answers kept for identical requests (the response cache, keyed by
    // a hash of the request as sent), and the lookups a resume makes: a set's runs, a model's
    // results.
    R"sql(
CREATE TABLE response_cache (
    request_hash TEXT PRIMARY KEY,
    model_ref TEXT NOT NULL,
    output TEXT NOT NULL,
    input_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    cache_read_tokens INTEGER NOT NULL DEFAULT 0,
    cache_write_tokens INTEGER NOT NULL DEFAULT 0,
    cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0,
    stop_reason TEXT NOT NULL DEFAULT '',
    priced_model TEXT NOT NULL DEFAULT '',
    latency_ms REAL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX runs_by_set ON runs(set_id, kind);
CREATE INDEX results_by_model ON results(model_id);
)sql",
    // 4: one runner per run. A run being executed holds a lease (who, where, since when, last
    // heartbeat), and a run's spend is kept across its invocations so a budget caps the run, not
    // one invocation. Runs recorded before carry the cost of their paid answers (attempts > 0).
    R"sql(
ALTER TABLE runs ADD COLUMN spent_usd REAL NOT NULL DEFAULT 0;
UPDATE runs SET spent_usd = (SELECT coalesce(sum(cost_usd), 0) FROM results
                             WHERE results.run_id = runs.id AND results.attempts > 0)
 WHERE kind = 'provider';
CREATE TABLE run_leases (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    token TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    started_at TEXT NOT NULL,
    heartbeat_ms INTEGER NOT NULL
);
)sql",
    // 5: input_tokens counts every input token, cached ones included, for every provider
    // (pricing/usage.h). The rows to change depend on the catalogue: migrateCachedInputTokens.
    R"sql(
-- no schema change
)sql",
    // 6: prices move recorded figures. A result remembers the catalogue entry its cost came
    // from (NULL: the cost is as recorded and stays), and its 1-hour cache writes, so a price
    // change can re-price it exactly. Which older rows were priced by the catalogue:
    // markCataloguePricedResults.
    R"sql(
ALTER TABLE results ADD COLUMN priced_model TEXT;
ALTER TABLE results ADD COLUMN cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0;
)sql",
    // 7: golden sets. A set marked golden is the benchmark model changes are measured
    // against; each distinct content it was marked with is a version, kept with its hash.
    R"sql(
ALTER TABLE prompt_sets ADD COLUMN golden INTEGER NOT NULL DEFAULT 0;
CREATE TABLE golden_versions (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES prompt_sets(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    prompts INTEGER NOT NULL,
    content_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (set_id, version)
);
)sql",
    // 8: local students. A fastText classifier trained on a teacher's answers, with the
    // cross-validated figures it was judged by, served in-process as a provider.
    R"sql(
CREATE TABLE students (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    teacher TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    examples INTEGER NOT NULL,
    labels_json TEXT NOT NULL,
    evaluation_json TEXT NOT NULL,
    model BLOB NOT NULL,
    model_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL
);
)sql",
    // 9: a result keeps the probability a model gave its own answer (a local student's label
    // probability), the confidence a cascade escalates on.
    R"sql(
ALTER TABLE results ADD COLUMN confidence REAL;
)sql",
};

Status applyStep(const sql::Database& db, int version) {
    sql::Transaction transaction(db);
    if (auto status = transaction.begin(); !status)
        return status;
    // Two processes opening a new or old file at once both read the old version before either
    // takes the write lock: the second finds the step done once it holds the lock.
    auto current = db.queryInt("PRAGMA user_version");
    if (!current)
        return current.error();
    if (*current >= version)
        return success();
    if (auto status = db.exec(kMigrations[static_cast<size_t>(version - 1)]); !status)
        return Error{db.path(), 0, "",
                     "migration to version " + std::to_string(version) +
                         " failed: " + status.error().message};
    if (version == 5) {
        if (auto status = migrateCachedInputTokens(db); !status)
            return Error{db.path(), 0, "",
                         "migration to version 5 failed: " + status.error().message};
    }
    if (version == 6) {
        if (auto status = markCataloguePricedResults(db); !status)
            return Error{db.path(), 0, "",
                         "migration to version 6 failed: " + status.error().message};
    }
    if (version == 1) {
        if (auto status = db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            !status)
            return status;
    }
    if (auto status = db.exec("PRAGMA user_version = " + std::to_string(version)); !status)
        return status;
    return transaction.commit();
}

} // namespace

int currentVersion() {
    return static_cast<int>(kMigrations.size());
}

Status migrate(const sql::Database& db) {
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    for (int next = static_cast<int>(*version) + 1; next <= currentVersion(); ++next)
        if (auto status = applyStep(db, next); !status)
            return status;
    return success();
}

Status createAtVersion(const sql::Database& db, int version) {
    for (int next = 1; next <= version && next <= currentVersion(); ++next)
        if (auto status = applyStep(db, next); !status)
            return status;
    return success();
}

} // namespace switchyard::schema
