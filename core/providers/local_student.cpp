#include "providers/local_student.h"

#include "providers/detail/crypto.h"
#include "student/student_model.h"

#include <nlohmann/json.hpp>

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
    : Provider(std::move(config), {}) {
    for (const std::string& name : this->config().models) {
        Loaded& loaded = m_students[name];
        auto stored = students(name);
        if (!stored) {
            loaded.problem = stored.error().message;
            continue;
        }
        if (!*stored) {
            loaded.problem = "the workspace holds no student named '" + name +
                             "' (train one on the Student page or with switchyard-cli "
                             "train-student --save " +
                             name + ")";
            continue;
        }
        const StoredStudent& student = **stored;
        if (detail::sha256Hex(student.model) != student.modelSha256) {
            loaded.problem = "student '" + name +
                             "' does not match its recorded SHA-256: the workspace copy was "
                             "altered; train it again";
            continue;
        }
        auto model = student::StudentModel::fromBytes(student.model, "student '" + name + "'");
        if (!model) {
            loaded.problem = model.error().message;
            continue;
        }
        loaded.model = std::make_shared<const student::StudentModel>(std::move(*model));
        loaded.sha256 = student.modelSha256;
    }
}

Status LocalStudentProvider::checkModel(std::string_view model) const {
    const auto found = m_students.find(model);
    if (found == m_students.end())
        return Error{"", 0, "model",
                     "provider '" + name() + "' does not list student '" + std::string(model) +
                         "'"};
    if (!found->second.model)
        return Error{"", 0, "model", found->second.problem};
    return success();
}

Expected<HttpRequest> LocalStudentProvider::buildRequest(std::string_view model,
                                                         const Prompt& prompt,
                                                         const CallParams&) const {
    if (auto ready = checkModel(model); !ready)
        return ready.error();
    const auto found = m_students.find(model);
    HttpRequest request;
    request.url = std::string(kScheme) + percentEncode(model) + "@" + found->second.sha256;
    request.body = nlohmann::json{{"text", prompt.lastUserText()}}.dump();
    return request;
}

HttpResponse LocalStudentProvider::answerInProcess(std::string_view model,
                                                   const HttpRequest& request) const {
    const auto found = m_students.find(model);
    if (found == m_students.end() || !found->second.model)
        return jsonResponse(404, {{"error", "no student '" + std::string(model) + "'"}});
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("text") || !body["text"].is_string())
        return jsonResponse(400, {{"error", "the request holds no text"}});
    const std::string& text = body["text"].get_ref<const std::string&>();
    const student::StudentModel& student = *found->second.model;
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
