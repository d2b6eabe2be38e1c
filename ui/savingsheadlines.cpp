#include "savingsheadlines.h"

#include "charts/savingscharts.h"
#include "uiformat.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace switchyard;
using switchyard::workbench::SavingsOutcome;

namespace {

// A translation context lupdate can see for the strings below.
struct SavingsHeadlines {
    Q_DECLARE_TR_FUNCTIONS(SavingsHeadlines)
};

QString joinedLevers(const std::vector<report::Lever>& levers) {
    QStringList names;
    for (report::Lever lever : levers)
        names << savingscharts::leverTitle(lever);
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return SavingsHeadlines::tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

QString qualityPhrase(const workbench::SavingsQuality& quality) {
    const eval::Verdict& verdict = quality.verdict;
    switch (verdict.kind) {
    case eval::VerdictKind::Worse:
        return SavingsHeadlines::tr("quality %1 points lower").arg(verdict.points, 0, 'f', 1);
    case eval::VerdictKind::Better:
        return SavingsHeadlines::tr("quality %1 points higher").arg(verdict.points, 0, 'f', 1);
    case eval::VerdictKind::NotMeasurablyDifferent: {
        const auto& ci = quality.paired.ci95;
        const double within = ci ? 100.0 * std::max(std::abs(ci->first), std::abs(ci->second)) : 0;
        return SavingsHeadlines::tr("quality within %1 points").arg(within, 0, 'f', 1);
    }
    case eval::VerdictKind::TooFewPrompts:
        break;
    }
    return SavingsHeadlines::tr("too few prompts to measure the change in quality");
}

} // namespace

namespace savingsheadlines {

QString waterfall(const SavingsOutcome& outcome) {
    const report::Waterfall& waterfall = outcome.waterfall;
    const QString baseline = QString::fromStdString(outcome.quality.baselineModel);
    if (waterfall.savingsUsd() < 0.0)
        return SavingsHeadlines::tr("The policy costs %1 more than sending every request to %2, %3")
            .arg(uiformat::percent(-waterfall.savingsPct() / 100.0), baseline,
                 qualityPhrase(outcome.quality));
    const std::vector<report::Lever> levers = report::leversThatSave(waterfall);
    if (levers.empty())
        return SavingsHeadlines::tr("The policy saves nothing against sending every request to %1")
            .arg(baseline);
    return SavingsHeadlines::tr("%1 cut the bill by %2, %3")
        .arg(joinedLevers(levers), uiformat::percent(waterfall.savingsPct() / 100.0),
             qualityPhrase(outcome.quality));
}

QString projection(const SavingsOutcome& outcome) {
    const double month = outcome.monthFactor();
    QString text = SavingsHeadlines::tr("At %1 requests a month the policy costs %2 instead of %3")
                       .arg(uiformat::count(static_cast<int64_t>(outcome.requestsPerMonth)),
                            uiformat::money(outcome.waterfall.finalUsd * month),
                            uiformat::money(outcome.waterfall.baselineUsd * month));
    if (outcome.breakEven && outcome.breakEven->kind == report::BreakEvenKind::Crossing)
        text +=
            SavingsHeadlines::tr("; provisioned throughput pays off above %1 requests a month")
                .arg(uiformat::count(static_cast<int64_t>(outcome.breakEven->requestsPerMonth)));
    return text;
}

QString tiers(const SavingsOutcome& outcome) {
    const auto& spend = outcome.tierSpend;
    double total = 0.0;
    size_t top = 0;
    for (size_t k = 0; k < spend.size(); ++k) {
        total += spend[k].spendUsd;
        if (spend[k].spendUsd > spend[top].spendUsd)
            top = k;
    }
    if (!(total > 0.0) || top >= outcome.context.policy.tiers.size())
        return SavingsHeadlines::tr("Spend per tier");
    const PolicyTier& tier = outcome.context.policy.tiers[top];
    const double requests = static_cast<double>(spend[top].requests) /
                            static_cast<double>(std::max<int64_t>(1, outcome.waterfall.requests));
    return SavingsHeadlines::tr("The %1 tier serves %2 of requests and takes %3 of the spend")
        .arg(QString::fromStdString(tier.name), uiformat::percent(requests),
             uiformat::percent(spend[top].spendUsd / total));
}

} // namespace savingsheadlines
