#include "providers/local_student.h"

#include "providers/detail/crypto.h"
#include "student/student_model.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace switchyard {

namespace {

constexpr std::string_view kScheme = "local-student://";

HttpResponse jsonResponse(int status, const nlohmann::json& body) {
    HttpResponse response;
    response.status = status;
    response.headers.push_back({"content-type", "application/json"});
    response.body = body.dump();
    return response;
}

} // namespace

LocalStudentProvider::LocalStudentProvider(ProviderConfig config, const StudentSource& students)
    : Provider(std::move(config), {}), m_source(students) {}

const LocalStudentProvider::Loaded& LocalStudentProvider::loaded(std::string_view model) const {
    std::lock_guard lock(m_mutex);
    if (const auto found = m_students.find(model); found != m_students.end())
        return found->second;
    const std::string name(model);
    Loaded& loaded = m_students[name];
    const auto& listed = config().models;
    if (std::find(listed.begin(), listed.end(), name) == listed.end()) {
        loaded.problem = "provider '" + this->name() + "' does not list student '" + name + "'";
        return loaded;
    }
    auto stored = m_source(name);
    if (!stored) {
        loaded.problem = stored.error().message;
        return loaded;
    }
    if (!*stored) {
        loaded.problem = "the workspace holds no student named '" + name +
                         "' (train one on the Student page or with switchyard-cli "
                         "train-student --save " +
                         name + ")";
        return loaded;
    }
    const StoredStudent& student = **stored;
    if (detail::sha256Hex(student.model) != student.modelSha256) {
        loaded.problem = "student '" + name +
                         "' does not match its recorded SHA-256: the workspace copy was "
                         "altered; train it again";
        return loaded;
    }
    auto parsed = student::StudentModel::fromBytes(student.model, "student '" + name + "'");
    if (!parsed) {
        loaded.problem = parsed.error().message;
        return loaded;
    }
    loaded.model = std::make_shared<const student::StudentModel>(std::move(*parsed));
    loaded.sha256 = student.modelSha256;
    return loaded;
}

Status LocalStudentProvider::checkModel(std::string_view model) const {
    const Loaded& student = loaded(model);
    if (!student.model)
        return Error{"", 0, "model", student.problem};
    return success();
}

Expected<HttpRequest> LocalStudentProvider::buildRequest(std::string_view model,
                                                         const Prompt& prompt,
                                                         const CallParams&) const {
    const Loaded& student = loaded(model);
    if (!student.model)
        return Error{"", 0, "model", student.problem};
    HttpRequest request;
    request.url = std::string(kScheme) + percentEncode(model) + "@" + student.sha256;
    request.body = nlohmann::json{{"text", prompt.lastUserText()}}.dump();
    return request;
}

HttpResponse LocalStudentProvider::answerInProcess(std::string_view model,
                                                   const HttpRequest& request) const {
    const Loaded& loadedStudent = loaded(model);
    if (!loadedStudent.model)
        return jsonResponse(404, {{"error", loadedStudent.problem}});
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("text") || !body["text"].is_string())
        return jsonResponse(400, {{"error", "the request holds no text"}});
    const std::string& text = body["text"].get_ref<const std::string&>();
    const student::StudentModel& student = *loadedStudent.model;
    const int64_t words = student::studentTokenCount(text);
    // fastText would still answer from its end-of-line token alone: a guess, not a reading.
    if (words == 0)
        return jsonResponse(400, {{"error", "the prompt has no words to classify"}});
    const student::StudentPrediction prediction = student.predict(text);
    if (prediction.label < 0)
        return jsonResponse(500, {{"error", "the student gave no label"}});
    return jsonResponse(200, {{"label", student.labels()[static_cast<size_t>(prediction.label)]},
                              {"probability", prediction.probability},
                              {"input_tokens", words}});
}

CallResult LocalStudentProvider::parseResponse(std::string_view model,
                                               const HttpResponse& response) const {
    CallResult result;
    result.pricedModel = std::string(model);
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (!body.is_object()) {
        result.error = CallFailure{FailureClass::BadResponse,          response.status, "",
                                   "the student's answer is not JSON", false,           {}};
        return result;
    }
    if (response.status != 200) {
        // A student that is not loaded or a prompt without words: sending it again cannot help.
        result.error = CallFailure{FailureClass::InvalidRequest,
                                   response.status,
                                   "",
                                   body.value("error", std::string("the student failed")),
                                   false,
                                   {}};
        return result;
    }
    result.text = body.value("label", std::string());
    result.confidence = body.value("probability", 0.0);
    result.usage.input = body.value("input_tokens", int64_t{0});
    result.usage.output = 1;
    result.usageReported = true;
    result.stopReason = "label";
    return result;
}

} // namespace switchyard
