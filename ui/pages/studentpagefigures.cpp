// What the Student page shows of a student: the big numbers, the reliability chart, the
// confusion matrix, the per-threshold and per-label tables, and its answer to typed text.
#include "charts/chartpalette.h"
#include "charts/chartsetup.h"
#include "charts/exportablechartview.h"
#include "studentpage.h"
#include "uiformat.h"
#include "widgets/statcard.h"

#include <QChart>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QPen>
#include <QPushButton>
#include <QScatterSeries>
#include <QSlider>
#include <QTableWidget>
#include <QValueAxis>

#include <algorithm>

using namespace switchyard;

namespace {

QTableWidgetItem* studentNumberCell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString optionalStudentPercent(const std::optional<double>& value) {
    return value ? uiformat::percent(*value) : QStringLiteral("–");
}

} // namespace

void StudentPage::showStudent(const std::shared_ptr<const StudentView>& student) {
    m_shown = student;
    m_runSet->setEnabled(m_shown && m_shown->saved && !m_students->training());
    showCards();
    showReliability();
    showTables();
    showTry();
    if (m_shown && m_name->text().isEmpty())
        m_name->setPlaceholderText(m_shown->name);
}

void StudentPage::showCards() {
    const double threshold = m_threshold->value() / 10.0;
    m_thresholdLabel->setText(QLocale().toString(threshold, 'f', 1));
    if (!m_shown) {
        for (StatCard* card : {m_agreementCard, m_costCard, m_savingsCard, m_speedCard})
            card->setValue(QStringLiteral("–"), tr("train a student or pick a saved one"));
        return;
    }
    const auto& e = m_shown->figures.evaluation;
    const auto& readiness = m_shown->figures.readiness;
    m_agreementCard->setValue(uiformat::percent(e.agreement),
                              tr("95 % CI %1 – %2 · %3 prompts, %4-fold")
                                  .arg(uiformat::percent(e.agreementCi95.first),
                                       uiformat::percent(e.agreementCi95.second),
                                       uiformat::count(e.examples))
                                  .arg(e.folds));
    m_agreementCard->setToolTip(
        tr("How often the student's label equals the teacher's on prompts it was not trained on "
           "(k-fold cross-validation; identical prompts share a fold), with the Wilson 95 % "
           "interval.%1")
            .arg(e.referenceAccuracy
                     ? tr(" Against the %1 reference answers: student %2, teacher %3.")
                           .arg(uiformat::count(e.referenceExamples),
                                uiformat::percent(*e.referenceAccuracy),
                                optionalStudentPercent(e.teacherReferenceAccuracy))
                     : QString()));
    const bool cheaper = readiness.teacherCostPer1kUsd &&
                         readiness.studentCostPer1kUsd < *readiness.teacherCostPer1kUsd;
    m_costCard->setValue(uiformat::money(readiness.studentCostPer1kUsd),
                         readiness.teacherCostPer1kUsd
                             ? tr("vs %1 the teacher's recorded cost")
                                   .arg(uiformat::money(*readiness.teacherCostPer1kUsd))
                             : tr("the teacher's calls were not priced"),
                         cheaper ? StatCard::Tone::Good : StatCard::Tone::Neutral);
    m_costCard->setToolTip(
        tr("The hardware's %1 per hour spread over the measured %2 "
           "predictions per second of one thread.")
            .arg(uiformat::money(readiness.hardwareUsdPerHour),
                 uiformat::count(std::llround(m_shown->figures.predictionsPerSecond))));
    const auto point =
        std::find_if(readiness.points.begin(), readiness.points.end(),
                     [&](const auto& p) { return std::abs(p.threshold - threshold) < 1e-9; });
    if (point != readiness.points.end() && point->monthlySavingsUsd) {
        m_savingsCard->setValue(
            uiformat::money(*point->monthlySavingsUsd),
            tr("keeps %1 at %2 agreement · %3 requests")
                .arg(uiformat::percent(point->keptShare), optionalStudentPercent(point->agreement),
                     uiformat::count(readiness.requestsPerMonth)),
            *point->monthlySavingsUsd >= 0 ? StatCard::Tone::Good : StatCard::Tone::Bad);
        m_savingsCard->setToolTip(
            tr("The student answers every request; answers below probability %1 go on to the "
               "teacher. Saving = kept share × the teacher's cost − the student's cost, per month "
               "at the request rate. Agreement of the kept answers is out-of-fold.")
                .arg(QLocale().toString(threshold, 'f', 1)));
    } else {
        m_savingsCard->setValue(QStringLiteral("–"), tr("the teacher's calls were not priced"));
    }
    m_speedCard->setValue(uiformat::count(std::llround(m_shown->figures.predictionsPerSecond)),
                          tr("one thread · trained in %1 s")
                              .arg(QLocale().toString(m_shown->figures.trainSeconds, 'f', 1)));
}

void StudentPage::showReliability() {
    QChart* chart = m_reliability->chart();
    chartsetup::clear(chart);
    chart->setTitle(tr("Reliability: does its probability mean what it says?"));
    auto* diagonal = new QLineSeries(chart);
    diagonal->setName(tr("perfectly calibrated"));
    diagonal->append(0, 0);
    diagonal->append(100, 100);
    QPen dashed(chartpalette::baseline());
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    diagonal->setPen(dashed);
    chart->addSeries(diagonal);
    auto* observed = new QLineSeries(chart);
    auto* points = new QScatterSeries(chart);
    const QColor color = chartpalette::seriesColor(0);
    observed->setName(m_shown ? tr("%1, out-of-fold").arg(m_shown->name) : tr("no student yet"));
    observed->setPen(QPen(color, 2.5));
    points->setColor(color);
    points->setBorderColor(color);
    points->setMarkerSize(9);
    if (m_shown)
        for (const auto& bin : m_shown->figures.evaluation.reliability)
            if (bin.examples > 0) {
                observed->append(bin.meanProbability * 100.0, bin.agreement * 100.0);
                points->append(bin.meanProbability * 100.0, bin.agreement * 100.0);
            }
    chart->addSeries(observed);
    chart->addSeries(points);
    auto* x = new QValueAxis(chart);
    x->setRange(0, 100);
    x->setTitleText(tr("Student's probability for its label (%)"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto* y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setTitleText(tr("Agreement with the teacher (%)"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    chart->legend()->markers(points).first()->setVisible(false);
}

void StudentPage::showTables() {
    m_confusion->clear();
    m_perLabel->clear();
    m_thresholds->clear();
    m_perTag->clear();
    if (!m_shown) {
        m_confusion->setRowCount(0);
        m_perLabel->setRowCount(0);
        m_thresholds->setRowCount(0);
        m_perTag->setRowCount(0);
        return;
    }
    const auto& e = m_shown->figures.evaluation;
    QStringList labels;
    for (const std::string& label : e.labels)
        labels << uiformat::text(label);
    m_confusion->setRowCount(labels.size());
    m_confusion->setColumnCount(labels.size());
    m_confusion->setHorizontalHeaderLabels(labels);
    m_confusion->setVerticalHeaderLabels(labels);
    m_confusion->verticalHeader()->setVisible(true);
    for (size_t row = 0; row < e.confusion.size(); ++row) {
        int64_t total = 0;
        for (int64_t count : e.confusion[row])
            total += count;
        for (size_t column = 0; column < e.confusion[row].size(); ++column) {
            const int64_t count = e.confusion[row][column];
            auto* item = studentNumberCell(uiformat::count(count));
            const double share = total > 0 ? static_cast<double>(count) / total : 0.0;
            QColor tint = row == column ? chartpalette::good() : chartpalette::bad();
            tint.setAlphaF(row == column ? 0.15 + 0.5 * share : std::min(0.65, 2.0 * share));
            item->setBackground(tint);
            item->setToolTip(tr("%1 prompts the teacher labelled \"%2\" and the student \"%3\" "
                                "(%4 of the row)")
                                 .arg(uiformat::count(count), labels[int(row)], labels[int(column)],
                                      uiformat::percent(share)));
            m_confusion->setItem(int(row), int(column), item);
        }
    }
    m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_perLabel->setColumnCount(5);
    m_perLabel->setHorizontalHeaderLabels(
        {tr("Label"), tr("Teacher gave it"), tr("Student gave it"), tr("Precision"), tr("Recall")});
    m_perLabel->setRowCount(int(e.perLabel.size()));
    for (size_t i = 0; i < e.perLabel.size(); ++i) {
        const auto& label = e.perLabel[i];
        m_perLabel->setItem(int(i), 0, new QTableWidgetItem(uiformat::text(label.label)));
        m_perLabel->setItem(int(i), 1, studentNumberCell(uiformat::count(label.support)));
        m_perLabel->setItem(int(i), 2, studentNumberCell(uiformat::count(label.predicted)));
        m_perLabel->setItem(int(i), 3, studentNumberCell(optionalStudentPercent(label.precision)));
        m_perLabel->setItem(int(i), 4, studentNumberCell(optionalStudentPercent(label.recall)));
    }
    m_perLabel->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    const auto& points = m_shown->figures.readiness.points;
    m_thresholds->setColumnCount(4);
    m_thresholds->setHorizontalHeaderLabels({tr("Probability ≥"), tr("Student keeps"),
                                             tr("Agreement of kept answers"),
                                             tr("Saved per month")});
    m_thresholds->setRowCount(int(points.size()));
    for (size_t i = 0; i < points.size(); ++i) {
        const auto& point = points[i];
        m_thresholds->setItem(int(i), 0,
                              studentNumberCell(QLocale().toString(point.threshold, 'f', 1)));
        m_thresholds->setItem(int(i), 1, studentNumberCell(uiformat::percent(point.keptShare)));
        m_thresholds->setItem(int(i), 2,
                              studentNumberCell(optionalStudentPercent(point.agreement)));
        m_thresholds->setItem(int(i), 3,
                              studentNumberCell(point.monthlySavingsUsd
                                                    ? uiformat::money(*point.monthlySavingsUsd)
                                                    : QStringLiteral("–")));
    }
    m_thresholds->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_thresholds->selectRow(m_threshold->value());

    // Per tag, at the chosen threshold: a workload may be ready while the whole set is not.
    const auto& byTag = m_shown->figures.readinessByTag;
    const size_t step = size_t(m_threshold->value());
    m_perTag->setColumnCount(6);
    m_perTag->setHorizontalHeaderLabels({tr("Tag"), tr("Prompts"), tr("Label entropy (bits)"),
                                         tr("Student keeps"), tr("Agreement of kept answers"),
                                         tr("Saved per month")});
    m_perTag->setRowCount(int(byTag.size()));
    int row = 0;
    for (const auto& [tag, readiness] : byTag) {
        m_perTag->setItem(row, 0, new QTableWidgetItem(uiformat::text(tag)));
        m_perTag->setItem(row, 1, studentNumberCell(uiformat::count(readiness.examples)));
        m_perTag->setItem(
            row, 2, studentNumberCell(QLocale().toString(readiness.labelEntropyBits, 'f', 2)));
        if (step < readiness.points.size()) {
            const auto& point = readiness.points[step];
            m_perTag->setItem(row, 3, studentNumberCell(uiformat::percent(point.keptShare)));
            m_perTag->setItem(row, 4, studentNumberCell(optionalStudentPercent(point.agreement)));
            m_perTag->setItem(row, 5,
                              studentNumberCell(point.monthlySavingsUsd
                                                    ? uiformat::money(*point.monthlySavingsUsd)
                                                    : QStringLiteral("–")));
        }
        ++row;
    }
    m_perTag->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

void StudentPage::showTry() {
    if (!m_shown || !m_shown->model) {
        m_tryAnswer->setText(tr("Train or pick a student first."));
        return;
    }
    const QString text = m_try->text();
    if (text.trimmed().isEmpty()) {
        m_tryAnswer->setText(tr("Type a request to see the label %1 gives it.").arg(m_shown->name));
        return;
    }
    const student::StudentPrediction prediction = m_shown->model->predict(text.toStdString());
    if (prediction.label < 0) {
        m_tryAnswer->setText(tr("No label: the request has no words to read."));
        return;
    }
    const double threshold = m_threshold->value() / 10.0;
    m_tryAnswer->setText(
        tr("%1 · probability %2 · %3")
            .arg(uiformat::text(m_shown->model->labels()[size_t(prediction.label)]),
                 uiformat::percent(prediction.probability),
                 prediction.probability >= threshold
                     ? tr("kept")
                     : tr("escalated to %1").arg(m_shown->teacher)));
}
