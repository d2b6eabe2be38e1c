#pragma once

// A student: a fastText supervised classifier (Debian's libfasttext) trained in-process on
// texts labelled by a teacher, predicting a label and its probability. Its bytes (what the
// workspace stores) are a first line "switchyard-student 1", a line of JSON (labels, options),
// then fastText's own model file.

#include "common/cancel.h"
#include "common/expected.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fasttext {
class FastText;
}

namespace switchyard::student {

// fastText's supervised defaults, sized for a desktop: 2^17 hash buckets for word n-grams
// (fastText's 2M would take 400 MB at 50 dimensions) and one thread per training, so k folds can
// train side by side.
struct StudentOptions {
    int epochs = 25;
    double learningRate = 0.5;
    int dimension = 32;
    int wordNgrams = 2;
    int minCount = 1;
    int buckets = 131072;
    int charNgramMin = 0; // 0: no character n-grams (words and word n-grams only)
    int charNgramMax = 0;
    int threads = 1;
    int seed = 7;

    bool operator==(const StudentOptions&) const = default;
};
Status checkStudentOptions(const StudentOptions& options);

struct StudentPrediction {
    int32_t label = -1; // index into StudentModel::labels()
    double probability = 0.0;
};

// The words fastText sees of a text: lower-cased, punctuation split off, one line.
std::string studentTokens(std::string_view text);
// How many of them: a student's usage, input tokens, counts these.
int64_t studentTokenCount(std::string_view text);

class StudentModel {
public:
    // labels[i] indexes labelNames. Fails on no examples, fewer than two labels, or a cancel.
    // Progress is reported in thousandths.
    static Expected<StudentModel>
    train(std::span<const std::string_view> texts, std::span<const int32_t> labels,
          std::vector<std::string> labelNames, const StudentOptions& options,
          const CancelToken* cancel = nullptr, const Progress& progress = {});
    static Expected<StudentModel> fromBytes(std::string_view bytes, const std::string& source);

    std::string toBytes() const;
    StudentPrediction predict(std::string_view text) const;
    const std::vector<std::string>& labels() const { return m_labels; }
    const StudentOptions& options() const { return m_options; }

private:
    std::shared_ptr<fasttext::FastText> m_model;
    std::vector<std::string> m_labels;
    std::vector<int32_t> m_labelOfModelLabel; // fastText's label id -> index into m_labels
    StudentOptions m_options;

    Status indexLabels();
};

} // namespace switchyard::student
