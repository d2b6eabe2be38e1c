#include "routing/evaluation.h"

#include "common/clock.h"
#include "store/workspace.h"

#include <algorithm>

namespace switchyard::routing {

Expected<std::unique_ptr<RouterLab>>
RouterLab::create(const ReplayData& data, const std::vector<std::string>& tierModels,
                  const RouterConfig& config, TableOptions options, const CancelToken* cancel,
                  const Progress& progress) {
    options.accounting = accountingFor(config.kind);
    if (config.kind == RouterKind::Classifier)
        options.preRouterModel = config.classifierModel;
    auto table = TierTable::build(data, tierModels, options);
    if (!table)
        return table.error();
    std::unique_ptr<RouterLab> lab(new RouterLab(std::move(table).value(), config));
    auto signal = prepareRouter(lab->m_table, lab->m_config, cancel, progress);
    if (!signal)
        return signal.error();
    lab->m_signal = std::move(signal).value();
    return lab;
}

std::vector<std::string> RouterLab::notes() const {
    std::vector<std::string> notes;
    if (m_table.data().synthetic)
        notes.push_back("synthetic demo data: not a measurement of real models");
    for (const IncompleteCounts& counts : m_table.incomplete()) {
        std::string note = counts.modelRef + ":";
        if (counts.missing)
            note += " " + std::to_string(counts.missing) + " missing";
        if (counts.failed)
            note += " " + std::to_string(counts.failed) + " failed";
        if (counts.unscored)
            note += " " + std::to_string(counts.unscored) + " unscored";
        note += m_table.options().incomplete == IncompleteResults::Exclude
                    ? " (those prompts are excluded)"
                    : " (counted as failures)";
        notes.push_back(note);
    }
    if (m_table.excludedPrompts() > 0)
        notes.push_back(std::to_string(m_table.excludedPrompts()) +
                        " prompts excluded for incomplete results");
    for (const std::string& note : m_signal.notes)
        notes.push_back(note);
    if (m_signal.crossValidation)
        notes.push_back(m_signal.crossValidation->note);
    return notes;
}

RoutingPolicy RouterLab::configuration(const std::string& name,
                                       std::span<const double> thresholds) const {
    std::vector<std::string> models;
    for (size_t k = 0; k < m_table.tierCount(); ++k)
        models.push_back(m_table.tierModel(k));
    RoutingPolicy policy = newPolicy(name, m_config.kind, models);
    policy.router = m_config;
    if (m_config.kind != RouterKind::Rules)
        policy.router.thresholds.assign(thresholds.begin(), thresholds.end());
    policy.table = m_table.options();
    policy.scorer = m_table.data().scorer;
    policy.confidenceScorer = m_table.data().confidenceScorer;
    return policy;
}

RoutingPolicy RouterLab::toPolicy(const std::string& name, std::span<const double> thresholds,
                                  const std::string& catalogueDate) {
    RoutingPolicy policy = configuration(name, thresholds);
    recordEvidence(policy, m_table.data(), evaluate(thresholds), catalogueDate);
    return policy;
}

PolicyEvaluation RouterLab::evaluate(std::span<const double> thresholds,
                                     std::vector<uint8_t>* decisions) {
    PolicyEvaluation evaluation;
    evaluation.figures = replay(thresholds, decisions);
    evaluation.crossValidation = m_signal.crossValidation;
    evaluation.notes = notes();
    return evaluation;
}

Expected<PolicyEvaluation> evaluatePolicy(const ReplayData& data, const RoutingPolicy& policy,
                                          const CancelToken* cancel, const Progress& progress) {
    auto lab =
        RouterLab::create(data, tierModels(policy), policy.router, policy.table, cancel, progress);
    if (!lab)
        return lab.error();
    return (*lab)->evaluate(policy.router.thresholds);
}

void recordEvidence(RoutingPolicy& policy, const ReplayData& data,
                    const PolicyEvaluation& evaluation, const std::string& catalogueDate) {
    const ReplayFigures& figures = evaluation.figures;
    PolicyEvidence evidence;
    evidence.promptSet = data.setName;
    evidence.prompts = figures.requests;
    evidence.run = data.runName;
    evidence.runId = data.runId;
    evidence.synthetic = data.synthetic;
    evidence.scorer = data.scorer;
    evidence.baseline = figures.baseline.modelRef;
    evidence.costPer1kUsd = figures.costPer1kUsd;
    evidence.costUsd = figures.costUsd;
    evidence.quality = figures.quality;
    evidence.qualityCi95 = figures.qualityCi95;
    evidence.passRate = figures.passRate;
    evidence.savingsPct = figures.savingsPct;
    evidence.latencyP50Ms = figures.latencyP50Ms;
    evidence.latencyP95Ms = figures.latencyP95Ms;
    evidence.tierShare = figures.tierShare;
    evidence.catalogueDate = catalogueDate;
    evidence.evaluatedAt = utcNowIso8601();
    if (evaluation.crossValidation)
        evidence.crossValidationAuc = evaluation.crossValidation->auc;
    policy.evidence = std::move(evidence);
    if (policy.created.empty())
        policy.created = utcNowIso8601();
}

Expected<int64_t> findRunWithModels(const Workspace& workspace,
                                    const std::vector<std::string>& models,
                                    const std::string& promptSet) {
    std::optional<int64_t> setId;
    if (!promptSet.empty()) {
        setId = workspace.findPromptSet(promptSet);
        if (!setId)
            return Error{workspace.path(), 0, "prompt_set", "no prompt set '" + promptSet + "'"};
    }
    const std::vector<RunInfo> runs = workspace.runs();
    std::string seen;
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        if (setId && run->setId != setId)
            continue;
        std::vector<std::string> refs;
        for (const auto& [id, ref] : workspace.runModels(run->id))
            refs.push_back(ref);
        if (std::all_of(models.begin(), models.end(), [&refs](const std::string& model) {
                return std::find(refs.begin(), refs.end(), model) != refs.end();
            }))
            return run->id;
        std::string list;
        for (const std::string& ref : refs)
            list += (list.empty() ? "" : ", ") + ref;
        seen += "\n  run " + std::to_string(run->id) + " '" + run->name + "': " + list;
    }
    std::string wanted;
    for (const std::string& model : models)
        wanted += (wanted.empty() ? "" : ", ") + model;
    return Error{workspace.path(), 0, "models",
                 "no run" + (promptSet.empty() ? std::string() : " of set '" + promptSet + "'") +
                     " has results for every model (" + wanted + ")" +
                     (seen.empty() ? std::string(": the workspace has no runs") : ":" + seen)};
}

} // namespace switchyard::routing
