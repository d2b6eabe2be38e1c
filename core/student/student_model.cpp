#include "student/student_model.h"

#include "common/process.h"

#include <fasttext/fasttext.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace switchyard::student {

namespace {

constexpr std::string_view kMagicLine = "switchyard-student 1";
constexpr std::string_view kLabelPrefix = "__label__";
// The first two 32-bit words of a fastText 0.9 model file.
constexpr int32_t kFastTextMagic = 793712314;
constexpr int32_t kFastTextVersion = 12;

constexpr std::string_view kScratchPrefix = "switchyard-student-";

// Scratch files of processes that were killed before they could remove theirs: each name
// carries its process id ("switchyard-student-train-PID-RANDOM"), so a process that is gone is
// known. Swept whenever a scratch file is made: a directory listing, next to a training.
void removeOrphanedScratchFiles(const std::filesystem::path& folder) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kScratchPrefix, 0) != 0)
            continue;
        const size_t pidEnd = name.rfind('-');
        const size_t pidStart = pidEnd == std::string::npos ? pidEnd : name.rfind('-', pidEnd - 1);
        if (pidStart == std::string::npos || pidStart + 1 >= pidEnd)
            continue;
        int64_t pid = 0;
        const char* first = name.data() + pidStart + 1;
        const auto parsed = std::from_chars(first, name.data() + pidEnd, pid);
        if (parsed.ec != std::errc() || parsed.ptr != name.data() + pidEnd || pid <= 0 ||
            processAlive(pid))
            continue;
        std::error_code ignored;
        std::filesystem::remove(entry.path(), ignored);
    }
}

// A file of its own in the temporary folder, removed with this object: fastText trains from a
// file and saves to one.
class ScratchFile {
public:
    explicit ScratchFile(std::string_view what) {
        const std::filesystem::path folder = std::filesystem::temp_directory_path();
        removeOrphanedScratchFiles(folder);
        std::random_device entropy;
        m_path = folder / (std::string(kScratchPrefix) + std::string(what) + "-" +
                           std::to_string(currentProcessId()) + "-" + std::to_string(entropy()) +
                           std::to_string(entropy()));
    }
    ~ScratchFile() {
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

nlohmann::json optionsJson(const StudentOptions& o) {
    return {{"epochs", o.epochs},
            {"learning_rate", o.learningRate},
            {"dimension", o.dimension},
            {"word_ngrams", o.wordNgrams},
            {"min_count", o.minCount},
            {"buckets", o.buckets},
            {"char_ngram_min", o.charNgramMin},
            {"char_ngram_max", o.charNgramMax},
            {"threads", o.threads},
            {"seed", o.seed}};
}

StudentOptions optionsFromJson(const nlohmann::json& j) {
    StudentOptions o;
    o.epochs = j.at("epochs").get<int>();
    o.learningRate = j.at("learning_rate").get<double>();
    o.dimension = j.at("dimension").get<int>();
    o.wordNgrams = j.at("word_ngrams").get<int>();
    o.minCount = j.at("min_count").get<int>();
    o.buckets = j.at("buckets").get<int>();
    o.charNgramMin = j.at("char_ngram_min").get<int>();
    o.charNgramMax = j.at("char_ngram_max").get<int>();
    o.threads = j.at("threads").get<int>();
    o.seed = j.at("seed").get<int>();
    return o;
}

} // namespace

Status checkStudentOptions(const StudentOptions& o) {
    if (o.epochs < 1 || o.epochs > 1000)
        return Error{"", 0, "epochs", "epochs must be from 1 to 1000"};
    if (!(o.learningRate > 0.0 && o.learningRate <= 10.0))
        return Error{"", 0, "learning_rate", "learning_rate must be above 0 and at most 10"};
    if (o.dimension < 2 || o.dimension > 1000)
        return Error{"", 0, "dimension", "dimension must be from 2 to 1000"};
    if (o.wordNgrams < 1 || o.wordNgrams > 5)
        return Error{"", 0, "word_ngrams", "word_ngrams must be from 1 to 5"};
    if (o.minCount < 1)
        return Error{"", 0, "min_count", "min_count must be at least 1"};
    if (o.buckets < 1024 || o.buckets > 10'000'000)
        return Error{"", 0, "buckets", "buckets must be from 1,024 to 10,000,000"};
    if (o.charNgramMin < 0 || o.charNgramMax < o.charNgramMin || o.charNgramMax > 8)
        return Error{"", 0, "char_ngram_max",
                     "character n-grams must satisfy 0 <= char_ngram_min <= char_ngram_max <= 8"};
    if (o.threads < 1 || o.threads > 64)
        return Error{"", 0, "threads", "threads must be from 1 to 64"};
    return success();
}

std::string studentTokens(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isspace(byte) || byte == 0) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else if (std::ispunct(byte)) {
            // Punctuation is a token of its own ("refund?" and "refund" are one word).
            if (!out.empty() && out.back() != ' ')
                out += ' ';
            out += c;
            out += ' ';
        } else {
            out += static_cast<char>(std::tolower(byte));
        }
    }
    // A word that looks like a label would be read as one.
    for (size_t at = out.find(kLabelPrefix); at != std::string::npos;
         at = out.find(kLabelPrefix, at))
        out.replace(at, kLabelPrefix.size(), "label");
    return out;
}

Expected<StudentModel> StudentModel::train(std::span<const std::string_view> texts,
                                           std::span<const int32_t> labels,
                                           std::vector<std::string> labelNames,
                                           const StudentOptions& options, const CancelToken* cancel,
                                           const Progress& progress) {
    if (texts.size() != labels.size())
        return Error{"", 0, "", "texts and labels differ in length"};
    if (texts.empty())
        return Error{"", 0, "", "no examples to train on"};
    if (labelNames.size() < 2)
        return Error{"", 0, "", "a student needs at least two labels to tell apart"};
    if (auto status = checkStudentOptions(options); !status)
        return status.error();

    if (cancel && cancel->cancelled())
        return Error{"", 0, "", "cancelled"};
    ScratchFile input("train");
    {
        std::ofstream out(input.path(), std::ios::binary);
        for (size_t i = 0; i < texts.size(); ++i) {
            if (labels[i] < 0 || static_cast<size_t>(labels[i]) >= labelNames.size())
                return Error{"", 0, "", "example " + std::to_string(i) + " has no label"};
            out << kLabelPrefix << labels[i] << ' ' << studentTokens(texts[i]) << '\n';
        }
        if (!out.flush())
            return Error{input.path().string(), 0, "", "cannot write the training examples"};
    }
    fasttext::Args args;
    args.input = input.path().string();
    args.model = fasttext::model_name::sup;
    args.loss = fasttext::loss_name::softmax;
    args.epoch = options.epochs;
    args.lr = options.learningRate;
    args.dim = options.dimension;
    args.wordNgrams = options.wordNgrams;
    args.minCount = options.minCount;
    args.bucket = options.buckets;
    args.minn = options.charNgramMin;
    args.maxn = options.charNgramMax;
    args.thread = options.threads;
    args.seed = options.seed;
    args.verbose = 0;

    StudentModel model;
    model.m_model = std::make_shared<fasttext::FastText>();
    model.m_labels = std::move(labelNames);
    model.m_options = options;
    fasttext::FastText& fastText = *model.m_model;
    try {
        fastText.train(args, [&](float done, float, double, double, int64_t) {
            if (cancel && cancel->cancelled())
                fastText.abort();
            if (progress)
                progress(static_cast<int64_t>(done * 1000.0f), 1000);
        });
    } catch (const fasttext::FastText::AbortError&) {
        return Error{"", 0, "", "cancelled"};
    } catch (const std::exception& e) {
        return Error{"", 0, "", std::string("fastText could not train: ") + e.what()};
    }
    if (auto status = model.indexLabels(); !status)
        return status.error();
    return model;
}

Status StudentModel::indexLabels() {
    const auto dictionary = m_model->getDictionary();
    m_labelOfModelLabel.assign(static_cast<size_t>(dictionary->nlabels()), -1);
    for (int32_t id = 0; id < dictionary->nlabels(); ++id) {
        const std::string name = dictionary->getLabel(id);
        try {
            const int index = std::stoi(name.substr(kLabelPrefix.size()));
            if (index < 0 || static_cast<size_t>(index) >= m_labels.size())
                throw std::out_of_range(name);
            m_labelOfModelLabel[static_cast<size_t>(id)] = index;
        } catch (const std::exception&) {
            return Error{"", 0, "labels", "the model's label '" + name + "' is not one of its own"};
        }
    }
    return success();
}

int64_t studentTokenCount(std::string_view text) {
    const std::string tokens = studentTokens(text);
    int64_t words = 0;
    bool inWord = false;
    for (char c : tokens) {
        if (c != ' ' && !inWord)
            ++words;
        inWord = c != ' ';
    }
    return words;
}

StudentPrediction StudentModel::predict(std::string_view text) const {
    // One stream per thread, reused: fastText reads a line's words from a stream.
    thread_local std::istringstream line;
    line.clear();
    line.str(studentTokens(text) + '\n');
    std::vector<int32_t> words, labels;
    m_model->getDictionary()->getLine(line, words, labels);
    fasttext::Predictions predictions;
    m_model->predict(1, words, predictions);
    if (predictions.empty())
        return {};
    const auto [logProbability, id] = predictions.front();
    // fastText ranks by log(p + 1e-5) (its std_log), so a sure prediction would read 1.00001.
    const double probability = std::clamp(std::exp(logProbability) - 1e-5, 0.0, 1.0);
    return {m_labelOfModelLabel[static_cast<size_t>(id)], probability};
}

std::string StudentModel::toBytes() const {
    ScratchFile file("model");
    m_model->saveModel(file.path().string());
    std::ifstream in(file.path(), std::ios::binary);
    const std::string body{std::istreambuf_iterator<char>(in), {}};
    const nlohmann::json header = {{"labels", m_labels}, {"options", optionsJson(m_options)}};
    return std::string(kMagicLine) + "\n" + header.dump() + "\n" + body;
}

Expected<StudentModel> StudentModel::fromBytes(std::string_view bytes, const std::string& source) {
    auto fail = [&](const std::string& message) { return Error{source, 0, "", message}; };
    const size_t first = bytes.find('\n');
    if (first == std::string_view::npos || bytes.substr(0, first) != kMagicLine)
        return fail("not a Switchyard student (its first line is not '" + std::string(kMagicLine) +
                    "')");
    const size_t second = bytes.find('\n', first + 1);
    if (second == std::string_view::npos)
        return fail("the student ends inside its header");
    StudentModel model;
    try {
        const auto header = nlohmann::json::parse(bytes.substr(first + 1, second - first - 1));
        model.m_labels = header.at("labels").get<std::vector<std::string>>();
        model.m_options = optionsFromJson(header.at("options"));
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("the student's header is not readable: ") + e.what());
    }
    // fastText's file opens with its signature (magic, format version), which its stream reader
    // expects to have been read already.
    const std::string_view body = bytes.substr(second + 1);
    int32_t signature[2] = {0, 0};
    if (body.size() < sizeof(signature))
        return fail("the fastText model is cut short");
    std::memcpy(signature, body.data(), sizeof(signature));
    if (signature[0] != kFastTextMagic || signature[1] != kFastTextVersion)
        return fail("not a fastText " + std::to_string(kFastTextVersion) + " model (signature " +
                    std::to_string(signature[0]) + ", version " + std::to_string(signature[1]) +
                    ")");
    model.m_model = std::make_shared<fasttext::FastText>();
    std::istringstream in{std::string(body.substr(sizeof(signature)))};
    try {
        model.m_model->loadModel(in);
    } catch (const std::exception& e) {
        return fail(std::string("fastText cannot read the model: ") + e.what());
    }
    // fastText does not check its reads: a cut file would load as zeros.
    if (!in || in.peek() != std::char_traits<char>::eof())
        return fail(in ? "the fastText model has bytes after its end"
                       : "the fastText model is cut short");
    if (auto status = model.indexLabels(); !status)
        return fail(status.error().message);
    return model;
}

} // namespace switchyard::student
