#include "comparedetailhtml.h"

#include "compare/word_diff.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

using namespace switchyard;

namespace {

struct CompareDetail {
    Q_DECLARE_TR_FUNCTIONS(CompareDetail)
};

// Marks: text only the left answer has (struck, red) and only the right one has (green).
const char* const kRemovedStyle = "background-color:#f6d5d1;text-decoration:line-through;";
const char* const kAddedStyle = "background-color:#d3ecd9;";

QString escaped(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                QStringLiteral("<br>"));
}

// The two answers with their differences marked, each on its own side.
std::pair<QString, QString> markedPair(const std::vector<compare::DiffPiece>& diff) {
    QString leftHtml;
    QString rightHtml;
    for (const compare::DiffPiece& piece : diff) {
        const QString text = escaped(piece.text);
        switch (piece.kind) {
        case compare::DiffPiece::Kind::Same:
            leftHtml += text;
            rightHtml += text;
            break;
        case compare::DiffPiece::Kind::Removed:
            leftHtml += QStringLiteral("<span style=\"%1\">%2</span>")
                            .arg(QLatin1String(kRemovedStyle), text);
            break;
        case compare::DiffPiece::Kind::Added:
            rightHtml += QStringLiteral("<span style=\"%1\">%2</span>")
                             .arg(QLatin1String(kAddedStyle), text);
            break;
        }
    }
    return {leftHtml, rightHtml};
}

QString answerBody(const DetailAnswer& answer, const QString& marked) {
    const ResultDetail& result = answer.detail.result;
    if (!answer.cell || answer.cell->state == compare::CellState::Missing)
        return QStringLiteral("<i>%1</i>").arg(CompareDetail::tr("No result for this prompt."));
    if (answer.cell->state == compare::CellState::Failed)
        return QStringLiteral("<i>%1</i>")
            .arg(CompareDetail::tr("The call failed (%1): %2")
                     .arg(QString::fromStdString(result.errorClass).toHtmlEscaped(),
                          QString::fromStdString(result.errorMessage).toHtmlEscaped()));
    return marked;
}

QString scoresHtml(const DetailAnswer& answer) {
    const auto& scores = answer.detail.result.scores;
    if (scores.empty())
        return QStringLiteral("<i>%1</i>").arg(CompareDetail::tr("Not scored."));
    QStringList items;
    for (const ResultDetail::Score& score : scores) {
        QString item = QStringLiteral("<b>%1</b> %2")
                           .arg(QString::fromStdString(score.scorer).toHtmlEscaped(),
                                QLocale().toString(score.score, 'f', 3));
        if (!score.detail.empty())
            item += QStringLiteral(" — ") + escaped(score.detail);
        items << item;
    }
    return items.join(QStringLiteral("<br>"));
}

} // namespace

QString comparisonDetailHtml(const compare::CompareMatrix& matrix, size_t row,
                             const std::vector<DetailAnswer>& answers,
                             const std::vector<compare::DiffPiece>& diff) {
    if (row >= matrix.rowCount() || answers.empty())
        return {};
    const workbench::CellDetail& first = answers.front().detail;
    QString html = QStringLiteral("<h3>%1</h3>")
                       .arg(QString::fromStdString(matrix.row(row).key).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(escaped(first.prompt));
    if (first.expected)
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(CompareDetail::tr("Expected:"), escaped(*first.expected));
    QString left = escaped(first.result.output);
    QString right = answers.size() > 1 ? escaped(answers[1].detail.result.output) : QString();
    if (answers.size() > 1 && !diff.empty())
        std::tie(left, right) = markedPair(diff);
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" "
                           "border=\"1\" style=\"border-collapse:collapse;\"><tr>");
    for (size_t i = 0; i < answers.size() && i < 2; ++i)
        html += QStringLiteral("<th align=\"left\" width=\"50%\">%1</th>")
                    .arg(answers[i].label.toHtmlEscaped());
    html += QStringLiteral("</tr><tr>");
    for (size_t i = 0; i < answers.size() && i < 2; ++i)
        html += QStringLiteral("<td valign=\"top\">%1</td>")
                    .arg(answerBody(answers[i], i == 0 ? left : right));
    html += QStringLiteral("</tr><tr>");
    for (size_t i = 0; i < answers.size() && i < 2; ++i)
        html += QStringLiteral("<td valign=\"top\">%1</td>").arg(scoresHtml(answers[i]));
    html += QStringLiteral("</tr></table>");
    if (answers.size() > 1)
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg(CompareDetail::tr("Struck in red: words only the left answer has; in "
                                           "green: words only the right one has."));
    return html;
}
