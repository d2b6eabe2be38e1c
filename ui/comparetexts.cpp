#include "comparetexts.h"

#include "uiformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

using namespace switchyard;

namespace comparetexts {

namespace {

struct CompareTexts {
    Q_DECLARE_TR_FUNCTIONS(CompareTexts)
};

QString signedPoints(double fraction) {
    const double points = fraction * 100.0;
    return (points > 0   ? QStringLiteral("+")
            : points < 0 ? QStringLiteral("−")
                         : QString()) +
           QLocale().toString(std::abs(points), 'f', 1);
}

QString decimal(double value, int decimals) {
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

QString meanWithInterval(const workbench::ScoreSummary& summary) {
    if (!summary.ci95)
        return decimal(summary.mean, 3);
    return CompareTexts::tr("%1 (%2 to %3)")
        .arg(decimal(summary.mean, 3), decimal(summary.ci95->first, 3),
             decimal(summary.ci95->second, 3));
}

QString latency(double ms) {
    return ms >= 1000.0 ? CompareTexts::tr("%1 s").arg(decimal(ms / 1000.0, 1))
                        : CompareTexts::tr("%1 ms").arg(decimal(ms, 0));
}

QString deltaWithInterval(const eval::PairedComparison& paired) {
    if (paired.n == 0)
        return CompareTexts::tr("no shared prompts");
    if (!paired.ci95)
        return signedPoints(paired.deltaMean);
    return CompareTexts::tr("%1 (%2 to %3)")
        .arg(signedPoints(paired.deltaMean), signedPoints(paired.ci95->first),
             signedPoints(paired.ci95->second));
}

QString testName(eval::PairedTest test) {
    switch (test) {
    case eval::PairedTest::McNemarExact:
        return CompareTexts::tr("McNemar exact");
    case eval::PairedTest::Permutation:
        return CompareTexts::tr("paired permutation");
    case eval::PairedTest::PairedZ:
        return CompareTexts::tr("paired z");
    case eval::PairedTest::None:
        break;
    }
    return CompareTexts::tr("no test");
}

namespace {

QString pValueFigure(double p) {
    return p < 1e-4 ? QStringLiteral("< ") + decimal(0.0001, 4) : decimal(p, 4);
}

} // namespace

QString pValue(const eval::PairedComparison& paired) {
    if (!paired.pValue)
        return QString();
    return CompareTexts::tr("%1 (%2)").arg(pValueFigure(*paired.pValue), testName(paired.test));
}

QString pValueNumber(const eval::PairedComparison& paired) {
    if (!paired.pValue)
        return QString();
    return *paired.pValue < 1e-4 ? CompareTexts::tr("p < %1").arg(decimal(0.0001, 4))
                                 : CompareTexts::tr("p = %1").arg(decimal(*paired.pValue, 4));
}

QString verdict(const eval::Verdict& verdict) {
    const QString points = decimal(verdict.points, 1);
    switch (verdict.kind) {
    case eval::VerdictKind::Worse:
        return verdict.cheaper ? CompareTexts::tr("cheaper and worse by %1 points").arg(points)
                               : CompareTexts::tr("worse by %1 points").arg(points);
    case eval::VerdictKind::Better:
        return verdict.cheaper ? CompareTexts::tr("cheaper and better by %1 points").arg(points)
                               : CompareTexts::tr("better by %1 points").arg(points);
    case eval::VerdictKind::NotMeasurablyDifferent:
        return verdict.cheaper ? CompareTexts::tr("cheaper and not measurably worse")
                               : CompareTexts::tr("not measurably different");
    case eval::VerdictKind::TooFewPrompts:
        break;
    }
    return verdict.unseenBelowPoints
               ? CompareTexts::tr("not enough prompts to tell (differences under %1 points go "
                                  "unseen)")
                     .arg(decimal(*verdict.unseenBelowPoints, 1))
               : CompareTexts::tr("not enough prompts to tell");
}

std::optional<int> deltaTone(const eval::PairedComparison& paired) {
    const int sign = eval::verdictSign(eval::classifyVerdict(paired, 1.0));
    return sign == 0 ? std::nullopt : std::optional<int>(sign);
}

QString pairedTooltip(const workbench::PairwiseVerdict& verdict) {
    const eval::PairedComparison& paired = verdict.paired;
    QString text = CompareTexts::tr("Against %1 on the %2 prompts both answered with a score. "
                                    "Interval: paired bootstrap, 10,000 resamples, seeded. "
                                    "Test: %3.")
                       .arg(QString::fromStdString(verdict.vs), uiformat::count(paired.n),
                            testName(paired.test));
    if (paired.test == eval::PairedTest::McNemarExact)
        text += QLatin1Char(' ') +
                CompareTexts::tr("Only %1 passed %2 times, only this model %3 times.")
                    .arg(QString::fromStdString(verdict.vs))
                    .arg(paired.baselineOnly)
                    .arg(paired.candidateOnly);
    if (paired.minimumDetectable)
        text += QLatin1Char(' ') + CompareTexts::tr("This set detects differences of %1 points "
                                                    "or more (80 % power).")
                                       .arg(decimal(*paired.minimumDetectable * 100.0, 1));
    if (paired.pairsForOnePoint && paired.pairsForTwoPoints)
        text += QLatin1Char(' ') +
                CompareTexts::tr("Seeing a 1-point drop needs about %1 prompts, a 2-point drop "
                                 "about %2.")
                    .arg(uiformat::count(*paired.pairsForOnePoint),
                         uiformat::count(*paired.pairsForTwoPoints));
    return text;
}

QString byTagTooltip(const std::map<std::string, workbench::ScoreSummary>& byTag) {
    if (byTag.empty())
        return CompareTexts::tr("The prompts have no tags.");
    QStringList lines{CompareTexts::tr("Quality per tag:")};
    for (const auto& [tag, summary] : byTag)
        lines << CompareTexts::tr("%1: %2, n %3")
                     .arg(QString::fromStdString(tag), meanWithInterval(summary),
                          uiformat::count(summary.n));
    return lines.join(QLatin1Char('\n'));
}

} // namespace comparetexts
