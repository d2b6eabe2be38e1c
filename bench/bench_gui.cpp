// The Compare page's matrix view at 100,000 prompts × 6 models, offscreen: the time to draw one
// frame of the table after a scroll step, after a jump to a random place, and after a sort by a
// column, as a user sees them (QT_QPA_PLATFORM=offscreen; run: ./bench/bench_gui).
#include "compare_fixture.h"
#include "models/comparematrixmodel.h"
#include "widgets/tableview.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QHeaderView>
#include <QPixmap>
#include <QScrollBar>
#include <QTableView>

#include <memory>
#include <random>

namespace {

struct View {
    CompareMatrixModel model;
    QTableView* table = nullptr;

    View() {
        model.setMatrix(std::make_shared<const switchyard::compare::CompareMatrix>(
            bench_compare::makeMatrix()));
        table = makeTableView(&model, nullptr);
        table->setSelectionBehavior(QAbstractItemView::SelectItems);
        table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table->verticalHeader()->setDefaultSectionSize(2 * table->fontMetrics().lineSpacing() + 8);
        table->horizontalHeader()->setDefaultSectionSize(260);
        table->resize(1200, 700);
        table->show();
    }
    ~View() { delete table; }

    // One frame: everything the viewport shows, painted.
    void draw() {
        QPixmap frame(table->viewport()->size());
        table->viewport()->render(&frame);
        benchmark::DoNotOptimize(frame.cacheKey());
    }
};

View& view() {
    static View shared;
    return shared;
}

void BM_FrameAfterScrollStep(benchmark::State& state) {
    QScrollBar* bar = view().table->verticalScrollBar();
    int value = bar->maximum() / 2;
    for (auto _ : state) {
        value = value + bar->singleStep() * 3 > bar->maximum() ? 0 : value + bar->singleStep() * 3;
        bar->setValue(value);
        view().draw();
    }
}
BENCHMARK(BM_FrameAfterScrollStep)->Unit(benchmark::kMillisecond);

void BM_FrameAfterJump(benchmark::State& state) {
    std::mt19937 random(7);
    QScrollBar* bar = view().table->verticalScrollBar();
    std::uniform_int_distribution<int> anywhere(0, bar->maximum());
    for (auto _ : state) {
        bar->setValue(anywhere(random));
        view().draw();
    }
}
BENCHMARK(BM_FrameAfterJump)->Unit(benchmark::kMillisecond);

void BM_SortAndFrame(benchmark::State& state) {
    bool descending = false;
    for (auto _ : state) {
        view().model.sort(4, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        descending = !descending;
        view().draw();
    }
}
BENCHMARK(BM_SortAndFrame)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
