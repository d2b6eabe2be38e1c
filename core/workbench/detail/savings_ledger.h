#pragma once

// The per-request ledger a policy's replay gives the savings model (report/waterfall.h): the
// baseline's and the served tier's recorded costs, local-student tiers priced against the call
// they replace, and batch prices for the requests the policy sends as batch work.

#include "policy/policy.h"
#include "pricing/catalogue.h"
#include "report/waterfall.h"
#include "routing/evaluation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace switchyard::workbench::detail {

struct SavingsLedger {
    std::vector<report::RequestLedger> requests; // one per table row
    std::vector<double> servedQuality;           // the answer served (canned: its quality)
    std::vector<double> baselineQuality;         // NaN when the baseline has no scored answer
    // The tier whose model's call is priced by the levers after routing (a student's teacher),
    // -1 for a canned answer.
    std::vector<int> pricedTier;
    std::vector<std::string> notes;
};

// `studentTiers[k]`: tier k is a local student. Its requests are priced at the next tier up until
// the student step; a student as the last tier has nothing to replace and is priced as a tier.
SavingsLedger buildLedger(const routing::RouterLab& lab, const std::vector<uint8_t>& decisions,
                          const std::vector<bool>& studentTiers);

// Sets the batch price of the requests tagged with one of the policy's batch tags; a served model
// without that tier stays on demand, and a note says so.
void applyBatch(SavingsLedger& ledger, const routing::TierTable& table, const BatchSection& batch,
                const Catalogue& catalogue);

} // namespace switchyard::workbench::detail
