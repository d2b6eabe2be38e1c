#pragma once

#include "common/cancel.h"
#include "common/expected.h"
#include "policy/policy.h"
#include "routing/replay.h"
#include "routing/replay_data.h"
#include "routing/sweep.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace switchyard {
class Workspace;
}

namespace switchyard::routing {

struct PolicyEvaluation {
    ReplayFigures figures;
    std::optional<CrossValidationReport> crossValidation;
    std::vector<std::string> notes;
};

// A router configuration ready to replay: its table, its signal and a Replayer, built once per
// configuration. This is what a page keeps between slider moves (one per worker thread):
//   auto lab = RouterLab::create(data, tiers, config, options);   // model picker, router kind
//   lab->replay(thresholds, &decisions);                          // every slider move
//   lab->sweep();                                                 // the curve, on demand
class RouterLab {
public:
    static Expected<std::unique_ptr<RouterLab>>
    create(const ReplayData& data, const std::vector<std::string>& tierModels,
           const RouterConfig& config, TableOptions options, const CancelToken* cancel = nullptr,
           const Progress& progress = {});

    ReplayFigures replay(std::span<const double> thresholds,
                         std::vector<uint8_t>* decisions = nullptr) {
        return m_replayer.replay(m_signal, thresholds, decisions);
    }
    SweepResult sweep(const SweepOptions& options = {}) const {
        return routing::sweep(m_table, m_signal, options);
    }
    DecisionDetail explain(std::span<const double> thresholds, size_t row) const {
        return explainDecision(m_table, m_signal, thresholds, row, &m_config);
    }
    // A replay at `thresholds` with what explains it: cross-validation and notes. `decisions`
    // as replay's, for callers that also need each row's tier.
    PolicyEvaluation evaluate(std::span<const double> thresholds,
                              std::vector<uint8_t>* decisions = nullptr);
    // This configuration at `thresholds` as a policy, without evidence: what
    // workbench::savePolicy evaluates and saves ("Save as Policy…").
    RoutingPolicy configuration(const std::string& name, std::span<const double> thresholds) const;
    // The same with the evidence of a replay at `thresholds`.
    RoutingPolicy toPolicy(const std::string& name, std::span<const double> thresholds,
                           const std::string& catalogueDate);

    const TierTable& table() const { return m_table; }
    const RouterSignal& signal() const { return m_signal; }
    const RouterConfig& config() const { return m_config; }

    RouterLab(const RouterLab&) = delete; // the replayer refers to the table it holds
    RouterLab& operator=(const RouterLab&) = delete;
    // What the page says beside the figures: exclusions, unlabelled prompts, cross-validation,
    // synthetic data.
    std::vector<std::string> notes() const;

private:
    RouterLab(TierTable table, RouterConfig config)
        : m_table(std::move(table)), m_config(std::move(config)), m_replayer(m_table) {}

    TierTable m_table;
    RouterConfig m_config;
    RouterSignal m_signal;
    Replayer m_replayer;
};

// One policy over loaded data: its figures at its thresholds.

Expected<PolicyEvaluation> evaluatePolicy(const ReplayData& data, const RoutingPolicy& policy,
                                          const CancelToken* cancel = nullptr,
                                          const Progress& progress = {});

// Writes what the evaluation showed into policy.evidence ("Save as policy").
void recordEvidence(RoutingPolicy& policy, const ReplayData& data,
                    const PolicyEvaluation& evaluation, const std::string& catalogueDate);

// The run to evaluate on: the newest run with results for every model, in the prompt set named
// (any set when empty). The error lists what the workspace has.
Expected<int64_t> findRunWithModels(const Workspace& workspace,
                                    const std::vector<std::string>& models,
                                    const std::string& promptSet = {});

} // namespace switchyard::routing
