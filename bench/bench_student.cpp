// The local student: training time on 50,000 labelled tickets and predictions per second on one
// core, with the options train-student uses by default.
#include "student/student_model.h"

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

namespace {

using namespace switchyard::student;

struct Tickets {
    std::vector<std::string> texts;
    std::vector<int32_t> labels;
    std::vector<std::string> names;
};

// Tickets of 12 queues, 20-40 words each: filler, a product name and two words of the queue.
const Tickets& tickets() {
    static const Tickets data = [] {
        Tickets out;
        std::mt19937 random(1);
        std::vector<std::string> vocabulary;
        for (int w = 0; w < 3000; ++w)
            vocabulary.push_back("w" + std::to_string(w));
        for (int q = 0; q < 12; ++q)
            out.names.push_back("queue-" + std::to_string(q));
        for (int i = 0; i < 50'000; ++i) {
            const auto label = static_cast<int32_t>(random() % 12);
            std::string text;
            const int words = 20 + static_cast<int>(random() % 21);
            for (int w = 0; w < words; ++w) {
                text += (w % 9 == 4) ? "cue" + std::to_string(label) + "x" +
                                           std::to_string(random() % 6)
                                     : vocabulary[random() % vocabulary.size()];
                text += ' ';
            }
            out.texts.push_back(std::move(text));
            out.labels.push_back(label);
        }
        return out;
    }();
    return data;
}

std::vector<std::string_view> views() {
    return {tickets().texts.begin(), tickets().texts.end()};
}

void BM_StudentTrain50k(benchmark::State& state) {
    const auto texts = views();
    for (auto _ : state) {
        auto model = StudentModel::train(texts, tickets().labels, tickets().names, {});
        if (!model) {
            state.SkipWithError(model.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(model->labels().size());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(texts.size()));
}
BENCHMARK(BM_StudentTrain50k)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_StudentPredict(benchmark::State& state) {
    const auto texts = views();
    static const auto model = StudentModel::train(texts, tickets().labels, tickets().names, {});
    if (!model) {
        state.SkipWithError(model.error().message.c_str());
        return;
    }
    size_t next = 0;
    int64_t agreed = 0;
    for (auto _ : state) {
        const StudentPrediction prediction = model->predict(texts[next]);
        agreed += prediction.label == tickets().labels[next] ? 1 : 0;
        next = (next + 1) % texts.size();
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["training_agreement"] =
        static_cast<double>(agreed) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_StudentPredict);

} // namespace
