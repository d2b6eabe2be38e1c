#pragma once

// A comparison matrix of the size the Compare page must stay smooth at: 100,000 prompts × 6
// models, answers of a few hundred characters, scores, costs and latencies that vary, a few
// failed calls and missing answers, tags from a small set.

#include "compare/compare_matrix.h"

#include <random>
#include <string>
#include <vector>

namespace bench_compare {

inline switchyard::compare::CompareMatrix makeMatrix(size_t prompts = 100'000, size_t models = 6) {
    using namespace switchyard::compare;
    std::vector<MatrixColumn> columns;
    for (size_t m = 0; m < models; ++m)
        columns.push_back({"model-" + std::to_string(m), "model-" + std::to_string(m), 1,
                           static_cast<int64_t>(m + 1), 0.1 * static_cast<double>(1 << m)});
    CompareMatrix matrix(std::move(columns));
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::vector<std::string> tags{"billing", "support", "sales", "legal", "ops"};
    std::string answer;
    for (size_t p = 0; p < prompts; ++p) {
        matrix.addRow(static_cast<int64_t>(p + 1), static_cast<int64_t>(p + 1),
                      "p" + std::to_string(p),
                      "Question " + std::to_string(p) + ": how many widgets ship this week?",
                      {tags[p % tags.size()]});
        for (size_t m = 0; m < models; ++m) {
            const double draw = unit(random);
            CellInput cell;
            if (draw < 0.01)
                continue; // missing
            if (draw < 0.02) {
                cell.state = CellState::Failed;
                cell.errorClass = "rate_limit";
            } else {
                cell.score = unit(random) < 0.5 + 0.08 * static_cast<double>(m) ? 1.0 : 0.0;
                cell.costUsd = 0.0001 * static_cast<double>(1 << m) * (0.5 + unit(random));
                cell.latencyMs = 200.0 + 2000.0 * unit(random);
                answer = "Let us count: " + std::to_string(p % 97) + " crates of " +
                         std::to_string(m + 3) + " widgets each, shipped over five days, so the " +
                         "total this week is " + std::to_string((p % 97) * (m + 3)) +
                         " widgets. The answer is " + std::to_string((p % 97) * (m + 3)) + ".";
                cell.answer = answer;
            }
            matrix.setCell(p, m, cell);
        }
    }
    return matrix;
}

} // namespace bench_compare
