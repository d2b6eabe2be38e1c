// What the Compare page shows once a comparison is loaded: the cards and the verdict for the
// chosen model, the summary table, the chart, the filtered matrix, and a cell's detail.
#include "comparepage.h"

#include "charts/comparecharts.h"
#include "charts/exportablechartview.h"
#include "comparetexts.h"
#include "models/comparematrixmodel.h"
#include "models/comparisonsummarymodel.h"
#include "uiformat.h"
#include "widgets/statcard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>

using namespace switchyard;

namespace {
constexpr int kSearchDelayMs = 300;
} // namespace

QWidget* ComparePage::buildFilters() {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(row);
    m_search->setPlaceholderText(tr("Search prompts and answers"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    m_disagree = new QCheckBox(tr("Models disagree"), row);
    m_disagree->setToolTip(tr("Prompts some model passes and another fails (unscored: whose "
                              "answers differ)"));
    m_cheapestFails = new QCheckBox(tr("Cheapest fails, a dearer one passes"), row);
    m_errors = new QCheckBox(tr("Failed calls"), row);
    m_tag = new QComboBox(row);
    m_tag->setToolTip(tr("Only prompts with this tag"));
    m_sortKey = new QComboBox(row);
    m_sortKey->addItem(tr("Sort cells by score"), int(compare::SortKey::Score));
    m_sortKey->addItem(tr("Sort cells by cost"), int(compare::SortKey::Cost));
    m_sortKey->addItem(tr("Sort cells by latency"), int(compare::SortKey::Latency));
    m_shown = new QLabel(row);
    layout->addWidget(m_search, 1);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_disagree, m_cheapestFails, m_errors,
                                                           m_tag, m_sortKey, m_shown})
        layout->addWidget(widget);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this]() {
        if (m_search->text().trimmed().isEmpty() || !m_view) {
            m_compare->dropSearch();
            m_hits.reset();
            applyFilters();
            return;
        }
        std::vector<int64_t> runs{m_view->runId};
        if (m_view->baselineRunId)
            runs.push_back(*m_view->baselineRunId);
        m_compare->search(m_view->setId, runs, m_search->text().trimmed());
    });
    for (QCheckBox* box : {m_disagree, m_cheapestFails, m_errors})
        connect(box, &QCheckBox::toggled, this, &ComparePage::applyFilters);
    connect(m_tag, &QComboBox::activated, this, &ComparePage::applyFilters);
    connect(m_sortKey, &QComboBox::activated, this, [this]() {
        m_matrix->setCellSortKey(static_cast<compare::SortKey>(m_sortKey->currentData().toInt()));
    });
    return row;
}

void ComparePage::showView(const std::shared_ptr<const ComparisonView>& view) {
    m_view = view;
    setBusy(false);
    m_detail->clear();
    m_detailColumn = 0;
    m_hits.reset();
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);

    // What the run's answers are scored by, the one shown first.
    m_scorer->clear();
    for (const std::string& scorer : view->scorers)
        m_scorer->addItem(QString::fromStdString(scorer));
    m_scorer->setCurrentText(QString::fromStdString(view->outcome.scorer));
    m_scorer->setEnabled(m_scorer->count() > 1);

    m_tag->clear();
    m_tag->addItem(tr("Any tag"), -1);
    for (size_t i = 0; i < view->matrix->tags().size(); ++i)
        m_tag->addItem(QString::fromStdString(view->matrix->tags()[i]), static_cast<int>(i));
    m_tag->setEnabled(m_tag->count() > 1);

    m_matrix->setMatrix(view->matrix);
    m_summary->setOutcome(view->outcome);
    applyFilters();
    showOutcome();
    // The bar moved while this comparison loaded: its verdicts are of the old one.
    if (view->passBar != m_bar->value())
        m_compare->rejudge(choice());
    const QString set = QString::fromStdString(view->setName);
    if (!view->golden)
        m_message->setText(tr("Prompt set '%1'.").arg(set));
    else if (view->goldenVersion)
        m_message->setText(
            tr("Measured on golden set '%1', version %2.").arg(set).arg(*view->goldenVersion));
    else
        m_message->setText(tr("Golden set '%1' changed since version %2: mark it again to make "
                              "this content a version.")
                               .arg(set)
                               .arg(view->lastGoldenVersion));
    if (view->outcome.scorer.empty())
        m_message->setText(tr("These answers have no scores yet: Re-score scores them against "
                              "the prompts' expected answers."));
}

void ComparePage::showOutcome() {
    const workbench::CompareOutcome& outcome = m_summary->outcome();
    // The baseline picker lists the comparison's columns; empty data is the default.
    const QString chosen = m_baseline->currentData().toString();
    m_baseline->clear();
    m_baseline->addItem(tr("Dearest (default)"), QString());
    for (const auto& [label, figures] : outcome.models)
        m_baseline->addItem(QString::fromStdString(label), QString::fromStdString(label));
    m_baseline->setCurrentIndex(std::max(0, m_baseline->findData(chosen)));

    QStringList summaries;
    if (m_view)
        for (const compare::MatrixColumn& column : m_view->matrix->columns()) {
            const auto found = outcome.models.find(column.label);
            if (found == outcome.models.end()) {
                summaries << QString();
                continue;
            }
            const workbench::ModelComparison& figures = found->second;
            QString summary =
                figures.score.n > 0
                    ? tr("mean %1").arg(QLocale().toString(figures.score.mean, 'f', 3))
                    : tr("unscored");
            if (figures.answers > figures.unpriced)
                summary += QStringLiteral(" · ") +
                           tr("%1 per 1k").arg(uiformat::money(figures.costPer1kUsd));
            summaries << summary;
        }
    m_matrix->setColumnSummaries(summaries);
    comparecharts::fillQualityAgainstCost(m_chart->chart(), outcome);

    // The model the cards judge: kept when still there, else the cheapest compared one.
    if (!outcome.pairwise.count(m_candidate)) {
        m_candidate.clear();
        // The cheapest priced one; an unpriced model has no cost to be cheap with.
        double cheapest = 0.0;
        for (const auto& [label, verdict] : outcome.pairwise) {
            const workbench::ModelComparison& figures = outcome.models.at(label);
            const double cost = figures.priced() ? figures.costPer1kUsd : INFINITY;
            if (m_candidate.empty() || cost < cheapest) {
                m_candidate = label;
                cheapest = cost;
            }
        }
    }
    const int row = m_summary->rowOf(m_candidate);
    if (row >= 0)
        m_summaryView->selectRow(row);
    showCandidate();
}

void ComparePage::showCandidate() {
    const workbench::CompareOutcome& outcome = m_summary->outcome();
    const auto pair = outcome.pairwise.find(m_candidate);
    if (pair == outcome.pairwise.end()) {
        for (StatCard* card : {m_qualityCard, m_deltaCard, m_costCard, m_evidenceCard})
            card->setValue(QStringLiteral("—"), tr("select a compared model in the table"));
        m_verdict->setText(outcome.models.size() < 2
                               ? tr("One model only: nothing to compare it with.")
                               : tr("Select a model in the table to judge it against the "
                                    "baseline."));
        return;
    }
    const workbench::PairwiseVerdict& verdict = pair->second;
    const workbench::ModelComparison& figures = outcome.models.at(m_candidate);
    const QString candidate = QString::fromStdString(m_candidate);
    const QString baseline = QString::fromStdString(verdict.vs);
    m_qualityCard->setValue(
        figures.score.n > 0 ? QLocale().toString(figures.score.mean, 'f', 3) : QStringLiteral("—"),
        figures.score.ci95
            ? tr("%1 · 95 % CI %2 to %3 · n %4")
                  .arg(candidate, QLocale().toString(figures.score.ci95->first, 'f', 3),
                       QLocale().toString(figures.score.ci95->second, 'f', 3),
                       uiformat::count(figures.score.n))
            : tr("%1 · n %2").arg(candidate, uiformat::count(figures.score.n)));
    m_qualityCard->setToolTip(tr("Mean score of %1 by %2; interval: bootstrap, 10,000 resamples")
                                  .arg(candidate, QString::fromStdString(outcome.scorer)));
    const auto tone = comparetexts::deltaTone(verdict.paired);
    m_deltaCard->setValue(
        verdict.paired.n > 0
            ? tr("%1 points").arg(QLocale().toString(verdict.paired.deltaMean * 100.0, 'f', 1))
            : QStringLiteral("—"),
        tr("vs %1 · %2").arg(baseline, comparetexts::deltaWithInterval(verdict.paired)),
        !tone       ? StatCard::Tone::Neutral
        : *tone > 0 ? StatCard::Tone::Good
                    : StatCard::Tone::Bad);
    m_deltaCard->setToolTip(comparetexts::pairedTooltip(verdict));
    const double saving = 1.0 - verdict.costRatio;
    const bool bothPriced = figures.priced() && outcome.models.at(verdict.vs).priced();
    if (!bothPriced)
        m_costCard->setValue(figures.priced() ? uiformat::money(figures.costPer1kUsd)
                                              : tr("unpriced"),
                             tr("no price to compare with %1").arg(baseline));
    else
        m_costCard->setValue(uiformat::money(figures.costPer1kUsd),
                             tr("%1 vs %2")
                                 .arg(saving >= 0 ? tr("−%1").arg(uiformat::percent(saving))
                                                  : tr("+%1").arg(uiformat::percent(-saving)),
                                      baseline),
                             saving > 0   ? StatCard::Tone::Good
                             : saving < 0 ? StatCard::Tone::Bad
                                          : StatCard::Tone::Neutral);
    m_costCard->setToolTip(tr("Cost of %1's priced answers per 1,000; %2 answers left unpriced")
                               .arg(candidate, uiformat::count(figures.unpriced)));
    m_evidenceCard->setValue(
        verdict.paired.pValue ? comparetexts::pValueNumber(verdict.paired) : QStringLiteral("—"),
        verdict.paired.minimumDetectable
            ? tr("%1 · sees %2 points or more")
                  .arg(comparetexts::testName(verdict.paired.test),
                       QLocale().toString(*verdict.paired.minimumDetectable * 100.0, 'f', 1))
            : comparetexts::testName(verdict.paired.test));
    m_evidenceCard->setToolTip(comparetexts::pairedTooltip(verdict));
    m_verdict->setText(
        tr("<b>%1</b> against %2 on %3 prompts: <b>%4</b>.")
            .arg(candidate.toHtmlEscaped(), baseline.toHtmlEscaped(),
                 uiformat::count(verdict.paired.n),
                 comparetexts::verdict(eval::classifyVerdict(verdict.paired, verdict.costRatio))));
}

QString ComparePage::verdictText() const {
    return m_verdict->text();
}

void ComparePage::applyFilters() {
    if (!m_view)
        return;
    compare::MatrixFilter filter;
    filter.passBar = m_bar->value();
    filter.disagreeing = m_disagree->isChecked();
    filter.cheapestFailsDearerPasses = m_cheapestFails->isChecked();
    filter.withErrors = m_errors->isChecked();
    if (const int tag = m_tag->currentData().toInt(); tag >= 0 && m_tag->currentIndex() > 0)
        filter.tag = static_cast<uint16_t>(tag);
    filter.promptIds = m_hits.get();
    m_matrix->setFilter(filter);
    m_shown->setText(tr("%1 of %2 prompts")
                         .arg(uiformat::count(m_matrix->rowCount()),
                              uiformat::count(static_cast<int64_t>(m_view->matrix->rowCount()))));
}

void ComparePage::showRowDetail() {
    const QModelIndex current = m_matrixView->currentIndex();
    if (!m_view || !current.isValid()) {
        m_detail->clear();
        return;
    }
    const size_t row = m_matrix->matrixRow(current.row());
    const compare::CompareMatrix& matrix = *m_view->matrix;
    if (matrix.columnCount() == 0)
        return;
    m_detailColumn = std::min(m_detailColumn, matrix.columnCount() - 1);
    // The chosen column beside what it is judged against: its pairwise partner, else the
    // baseline, else the next column.
    const std::string& label = matrix.columns()[m_detailColumn].label;
    const auto& outcome = m_summary->outcome();
    std::string partner =
        outcome.pairwise.count(label) ? outcome.pairwise.at(label).vs : outcome.baseline;
    std::optional<size_t> other = matrix.columnOfLabel(partner);
    if (!other || *other == m_detailColumn) {
        if (const auto candidate = matrix.columnOfLabel(m_candidate);
            candidate && *candidate != m_detailColumn)
            other = candidate;
        else if (matrix.columnCount() > 1)
            other = (m_detailColumn + 1) % matrix.columnCount();
    }
    std::vector<size_t> columns;
    if (other)
        columns.push_back(*other); // left: what the chosen column is judged against
    columns.push_back(m_detailColumn);
    m_compare->readCells(m_view->setId, m_view->matrix, row, columns);
}
