// Local students: a fastText model's bytes with the figures it was judged by.
#include "common/clock.h"
#include "store/workspace.h"

namespace switchyard {

namespace {

// Columns: name, teacher, run_id, examples, labels_json, evaluation_json, model_sha256,
// created_at.
StoredStudent studentOfRow(const sql::Statement& stmt) {
    StoredStudent student;
    student.name = stmt.columnText(0);
    student.teacher = stmt.columnText(1);
    if (!stmt.columnIsNull(2))
        student.runId = stmt.columnInt(2);
    student.examples = stmt.columnInt(3);
    student.labelsJson = stmt.columnText(4);
    student.evaluationJson = stmt.columnText(5);
    student.modelSha256 = stmt.columnText(6);
    student.createdAt = stmt.columnText(7);
    return student;
}

constexpr const char* kColumns = "name, teacher, run_id, examples, labels_json, evaluation_json,"
                                 " model_sha256, created_at";

} // namespace

Status Workspace::saveStudent(const StoredStudent& student) {
    auto stmt = m_db.prepare(
        "INSERT INTO students (name, teacher, run_id, examples, labels_json, evaluation_json,"
        " model, model_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(name) DO UPDATE SET teacher = excluded.teacher, run_id = excluded.run_id,"
        " examples = excluded.examples, labels_json = excluded.labels_json,"
        " evaluation_json = excluded.evaluation_json, model = excluded.model,"
        " model_sha256 = excluded.model_sha256, created_at = excluded.created_at");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, student.name)
        .bind(2, student.teacher)
        .bind(3, student.runId)
        .bind(4, student.examples)
        .bind(5, student.labelsJson)
        .bind(6, student.evaluationJson)
        .bindBlob(7, student.model)
        .bind(8, student.modelSha256)
        .bind(9, student.createdAt.empty() ? utcNowIso8601() : student.createdAt);
    return stmt->run();
}

std::optional<StoredStudent> Workspace::student(const std::string& name) const {
    auto stmt =
        m_db.prepare(std::string("SELECT ") + kColumns + ", model FROM students WHERE name = ?");
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, name);
    if (!stmt->next())
        return std::nullopt;
    StoredStudent student = studentOfRow(*stmt);
    student.model = stmt->columnBlob(8);
    return student;
}

std::vector<StoredStudent> Workspace::students() const {
    std::vector<StoredStudent> out;
    auto stmt = m_db.prepare(std::string("SELECT ") + kColumns +
                             " FROM students ORDER BY created_at DESC, id DESC");
    if (!stmt)
        return out;
    while (stmt->next())
        out.push_back(studentOfRow(*stmt));
    return out;
}

} // namespace switchyard
