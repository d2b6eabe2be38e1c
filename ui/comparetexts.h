#pragma once

#include "eval/paired_stats.h"
#include "eval/verdict.h"
#include "workbench/eval_ops.h"

#include <QString>

#include <map>
#include <optional>
#include <string>

// How the Compare page words its figures, in the user's language: a mean with its interval,
// a difference in points, a p-value with the test that gave it, the verdict.
namespace comparetexts {

QString meanWithInterval(const switchyard::workbench::ScoreSummary& summary);
QString latency(double ms);
// "−2.1 (−3.4 to −0.8)" in points.
QString deltaWithInterval(const switchyard::eval::PairedComparison& paired);
// "0.003 (McNemar exact)", "< 0.0001 (paired permutation)".
QString pValue(const switchyard::eval::PairedComparison& paired);
// The number alone: "p = 0.003", "p < 0.0001".
QString pValueNumber(const switchyard::eval::PairedComparison& paired);
QString testName(switchyard::eval::PairedTest test);
QString verdict(const switchyard::eval::Verdict& verdict);
// +1 measurably better, -1 measurably worse, empty otherwise: what the page colours.
std::optional<int> deltaTone(const switchyard::eval::PairedComparison& paired);
// n, the test, the smallest difference the set can see, and the prompts a 1- or 2-point drop
// would need.
QString pairedTooltip(const switchyard::workbench::PairwiseVerdict& verdict);
// Quality per tag, one line each: "billing: 0.812 (0.780 to 0.840), n 312".
QString byTagTooltip(const std::map<std::string, switchyard::workbench::ScoreSummary>& byTag);

} // namespace comparetexts
