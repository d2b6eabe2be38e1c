// The Providers page's "Find Local Servers": inference servers on this machine, found on a
// worker (core: providers/local_servers.h) and added to the providers file once the user agrees.
#include "providerscontroller.h"
#include "providerspage.h"

#include <QMessageBox>
#include <QPushButton>

using namespace switchyard;

void ProvidersPage::findLocalServers(std::vector<LocalServerProbe> probes) {
    if (m_controller->loadError()) {
        showMessage(tr("The providers file does not parse: fix it before adding to it."));
        return;
    }
    m_findLocal->setEnabled(false);
    showMessage(tr("Looking for Ollama, llama.cpp and vLLM on this machine…"));
    m_controller->detectLocalServers(std::move(probes));
}

void ProvidersPage::offerLocalServers(const LocalServerScan& scan) {
    m_findLocal->setEnabled(true);
    if (scan.found.empty()) {
        QStringList absent;
        for (const std::string& line : scan.absent)
            absent << QString::fromStdString(line);
        showMessage(
            tr("No local inference server answered: %1.").arg(absent.join(QStringLiteral("; "))));
        return;
    }
    QStringList lines;
    int models = 0;
    for (const LocalServer& server : scan.found) {
        lines << tr("%1 at %2: %n model(s)", "", int(server.models.size()))
                     .arg(QString::fromStdString(server.kind),
                          QString::fromStdString(server.baseUrl));
        models += int(server.models.size());
    }
    std::vector<LocalServer> found = scan.found;
    m_localQuestion =
        new QMessageBox(QMessageBox::Question, tr("Local servers"),
                        tr("Add %n local server(s) to the providers file?", "", int(found.size())),
                        QMessageBox::Yes | QMessageBox::No, this);
    m_localQuestion->setInformativeText(
        lines.join(QLatin1Char('\n')) +
        tr("\n\nThey are called like OpenAI, with no key. A provider of the same name is "
           "replaced. Price their %n model(s) by what the machine costs with switchyard-cli "
           "local-servers --workspace W --hardware-usd-hour USD once they have answered a few "
           "prompts.",
           "", models));
    m_localQuestion->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_localQuestion, &QMessageBox::finished, this, [this, found](int result) {
        m_localQuestion = nullptr;
        if (result != QMessageBox::Yes)
            return;
        if (const Status added = m_controller->addLocalServers(found); !added) {
            showMessage(tr("Not saved: %1").arg(QString::fromStdString(added.error().toString())));
            return;
        }
        selectProvider(QString::fromStdString(localServerProvider(found.front()).name));
        showMessage(tr("Added %n local server(s) and saved %1.", "", int(found.size()))
                        .arg(m_controller->path()));
    });
    m_localQuestion->open();
}
