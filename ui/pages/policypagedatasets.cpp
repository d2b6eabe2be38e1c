// The Policies page's batch and dataset formats: what they write, and writing them on a worker
// with the workbench operations switchyard-cli export calls.
#include "policypage.h"

#include "batch/batch_format.h"
#include "uiformat.h"
#include "workbench/batch_ops.h"
#include "workbench/distill_ops.h"
#include "workspacecontroller.h"

#include <QCoreApplication>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QThreadPool>

using namespace switchyard;

namespace {

const QLatin1String kDistillPrefix("distill-");

} // namespace

bool PolicyPage::isDatasetFormat() const {
    const QString name = formatName();
    return name.startsWith(kDistillPrefix) || batchFormatFromName(name.toStdString()).has_value();
}

void PolicyPage::showDatasetExport(const RoutingPolicy& policy) {
    const QString name = formatName();
    const QString set = policy.evidence ? uiformat::text(policy.evidence->promptSet) : QString();
    const QString teacher = uiformat::text(policy.tiers.back().model);
    QStringList lines;
    if (name.startsWith(kDistillPrefix)) {
        const bool openai = name.endsWith(QLatin1String("openai"));
        lines << tr("Writes the answers of %1, this policy's strongest tier, in the run it was "
                    "evaluated on (%2), as %3.")
                     .arg(teacher,
                          policy.evidence ? uiformat::text(policy.evidence->run) : tr("none"),
                          openai ? tr("OpenAI fine-tuning JSONL")
                                 : tr("a Bedrock model-distillation dataset "
                                      "(bedrock-conversation-2024, single-turn records for a "
                                      "Claude student)"))
              << tr("Each record is checked against the format's rules; failed and empty answers "
                    "and prompts the student cannot take are left out and counted.")
              << tr("Other targets and students: switchyard-cli export --format distill --target "
                    "--student.");
    } else {
        lines << tr("Writes the prompts of set '%1' as batch input, each request sent to the tier "
                    "this policy routes it to (a rule's canned answer calls no model; a cascade "
                    "calls its first tier).")
                     .arg(set)
              << (mixesModels(*batchFormatFromName(name.toStdString()))
                      ? tr("One request body for every model.")
                      : tr("One file per tier model: a job of this provider runs one model."))
              << tr("The export is recorded as a run awaiting its results: File ▸ Import Batch "
                    "Results… reads the job's output back into it, priced at batch rates.");
    }
    m_preview->setPlainText(lines.join(QStringLiteral("\n\n")));
    m_warningsNote->setText(tr("Written from the workspace's recorded data, not the policy "
                               "file alone."));
}

void PolicyPage::exportDataset(const QString& path) {
    const int row = m_list->currentRow();
    const std::string policy = m_policies[static_cast<size_t>(row)].record.name;
    const QString name = formatName();
    const std::string workspacePath = m_workspace->path().toStdString();
    QPointer<PolicyPage> guard(this);
    QThreadPool::globalInstance()->start([=]() {
        QString summary;
        QString written;
        QString failure;
        if (name.startsWith(kDistillPrefix)) {
            workbench::DistillExportRequest request;
            request.workspacePath = workspacePath;
            request.outPath = path.toStdString();
            request.policy = policy;
            request.target = name.mid(kDistillPrefix.size()).toStdString();
            auto outcome = workbench::exportDistillDataset(request);
            if (outcome) {
                written = uiformat::text(outcome->written);
                summary = tr("Wrote %n answer(s) of %1 to %2", "", int(outcome->examples))
                              .arg(uiformat::text(outcome->teacher), written);
            } else {
                failure = uiformat::text(outcome.error().toString());
            }
        } else {
            workbench::BatchExportRequest request;
            request.workspacePath = workspacePath;
            request.format = name.toStdString();
            request.outPath = path.toStdString();
            request.policy = policy;
            auto outcome = workbench::exportBatch(request);
            if (outcome) {
                written = uiformat::text(outcome->files.front());
                summary = tr("Wrote %n request(s) in %1 file(s), run '%2' awaits the results", "",
                             int(outcome->records))
                              .arg(outcome->files.size())
                              .arg(uiformat::text(outcome->runName));
            } else {
                failure = uiformat::text(outcome.error().toString());
            }
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, summary, written, failure]() {
                if (!guard)
                    return;
                if (!failure.isEmpty()) {
                    emit guard->exportFailed(failure);
                    return;
                }
                emit guard->exported(written, QString());
                emit guard->statusMessage(summary);
            },
            Qt::QueuedConnection);
    });
}
