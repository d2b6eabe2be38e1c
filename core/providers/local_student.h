#pragma once

// The provider kind local-student: students saved in a workspace (student/student_model.h),
// answered in-process by the transport instead of over HTTP, so runs, resume, cost and Compare
// treat them like any other model. A student answers a prompt's last user message with a label;
// the result carries the label's probability as its confidence.

#include "common/expected.h"
#include "providers/provider.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace switchyard {

namespace student {
class StudentModel;
}

class LocalStudentProvider final : public Provider {
public:
    // Loads a student the config lists when it is first checked or asked (`students` must be
    // callable from any thread): a run loads only the students it uses. One that is missing,
    // altered (its bytes no longer match their SHA-256) or unreadable is kept as the reason,
    // reported by checkModel, so the other students of the provider still run.
    LocalStudentProvider(ProviderConfig config, const StudentSource& students);

    // Fails naming why the student cannot answer (missing, altered, unreadable).
    Status checkModel(std::string_view model) const override;
    // "local-student://NAME@SHA256" with the text the student reads: a retrained student is a
    // different request, so no cached answer of the old one is ever taken for the new one.
    Expected<HttpRequest> buildRequest(std::string_view model, const Prompt& prompt,
                                       const CallParams& params) const override;
    bool inProcess() const override { return true; }
    HttpResponse answerInProcess(std::string_view model, const HttpRequest& request) const override;
    // The label as text, its probability as the confidence; usage counts the words the student
    // read as input and the label as one output token.
    CallResult parseResponse(std::string_view model, const HttpResponse& response) const override;

private:
    struct Loaded {
        std::shared_ptr<const student::StudentModel> model;
        std::string sha256;
        std::string problem; // why there is no model
    };
    const Loaded& loaded(std::string_view model) const; // nullptr model: see `problem`

    StudentSource m_source;
    mutable std::mutex m_mutex;
    mutable std::map<std::string, Loaded, std::less<>> m_students; // by name, once loaded
};

} // namespace switchyard
