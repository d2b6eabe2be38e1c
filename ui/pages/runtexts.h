#pragma once

#include "run/runner.h"

#include <QString>

#include <optional>

// The sentences the Runs page says about an estimate, a running run and a finished one. Kept
// apart from the page's layout so each is written (and translated) once.
namespace runtexts {

// "A new run: 10 prompts × 2 models, 20 calls." / "Resumes run 3: 12 results kept, 8 calls."
QString estimateNote(const switchyard::RunEstimate& estimate);
// What the confirmation before sending asks, with the expected and the maximum cost and the cap.
QString confirmationQuestion(const switchyard::RunEstimate& estimate);
QString confirmationDetails(const switchyard::RunEstimate& estimate,
                            std::optional<double> budgetUsd);
// "12 of 20 · 3.4 results/s · 5 s left" for the status row and the status bar.
QString progressLine(const switchyard::RunProgress& progress);
// One line when a run ends: its status, what was recorded and spent, what to do next.
QString summaryLine(const switchyard::RunOutcome& outcome);
QString statusWord(switchyard::RunStatus status);
// A budget cap in money, or "none".
QString capText(std::optional<double> budgetUsd);

} // namespace runtexts
