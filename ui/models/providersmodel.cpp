#include "providersmodel.h"

#include "charts/chartpalette.h"
#include "providers/anthropic.h"
#include "providers/openai.h"
#include "uiformat.h"

#include <QLocale>
#include <QStringList>

using switchyard::ProviderConfig;
using switchyard::ProviderKind;
using switchyard::ProviderLimits;

namespace {

QString seconds(int64_t milliseconds) {
    return QLocale().toString(static_cast<double>(milliseconds) / 1000.0, 'g', 6);
}

} // namespace

ProvidersModel::ProvidersModel(QObject* parent) : RowsTableModel(ColumnCount, parent) {}

int ProvidersModel::rowOf(const QString& name) const {
    for (int row = 0; row < rowCount(); ++row)
        if (rowAt(row)->config.name == name.toStdString())
            return row;
    return -1;
}

QString ProvidersModel::endpointText(const ProviderConfig& config) {
    switch (config.kind) {
    case ProviderKind::Bedrock: {
        const QString region = config.region.empty() ? tr("region from the AWS configuration")
                                                     : uiformat::text(config.region);
        return config.endpointUrl.empty()
                   ? region
                   : region + QStringLiteral(" · ") + uiformat::text(config.endpointUrl);
    }
    case ProviderKind::Anthropic:
        return config.baseUrl.empty()
                   ? tr("%1 (default)").arg(uiformat::text(switchyard::kAnthropicDefaultBaseUrl))
                   : uiformat::text(config.baseUrl);
    case ProviderKind::OpenAi:
        return config.baseUrl.empty()
                   ? tr("%1 (default)").arg(uiformat::text(switchyard::kOpenAiDefaultBaseUrl))
                   : uiformat::text(config.baseUrl);
    case ProviderKind::LocalStudent:
        return tr("in-process");
    }
    return {};
}

QString ProvidersModel::keyText(const ProviderRow& row) {
    switch (row.key) {
    case ProviderRow::Key::Set:
        return tr("set");
    case ProviderRow::Key::Missing:
        return tr("missing");
    case ProviderRow::Key::NotNeeded:
        return tr("not needed");
    }
    return {};
}

QString ProvidersModel::limitsText(const ProviderLimits& limits) {
    QStringList parts;
    parts << tr("%n concurrent", nullptr, limits.concurrency);
    if (limits.requestsPerMinute > 0)
        parts << tr("%1 req/min").arg(QLocale().toString(limits.requestsPerMinute, 'g', 9));
    if (limits.tokensPerMinute > 0)
        parts
            << tr("%1 tok/min").arg(uiformat::tokens(static_cast<int64_t>(limits.tokensPerMinute)));
    parts << tr("timeout %1 s (connect %2 s)")
                 .arg(seconds(limits.timeoutMs), seconds(limits.connectTimeoutMs));
    parts << tr("%n attempt(s)", nullptr, limits.maxAttempts);
    return parts.join(QStringLiteral(" · "));
}

QString ProvidersModel::connectionText(const ProviderRow& row) {
    if (row.testing)
        return tr("testing…");
    if (!row.test)
        return tr("not tested");
    if (row.test->ok && row.test->latencyMs < 1)
        return tr("OK · < 1 ms");
    if (row.test->ok)
        return tr("OK · %1 ms").arg(uiformat::count(row.test->latencyMs));
    return uiformat::text(row.test->message);
}

QVariant ProvidersModel::data(const QModelIndex& index, int role) const {
    const auto* row = rowFor(index);
    if (!row)
        return {};
    const ProviderConfig& config = row->config;
    if (role == Qt::ForegroundRole) {
        if (index.column() == Key && row->key == ProviderRow::Key::Missing)
            return chartpalette::bad();
        if (index.column() == Connection && row->test && !row->testing)
            return row->test->ok ? chartpalette::good() : chartpalette::bad();
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Key:
            return row->credentialDetail.isEmpty()
                       ? tr("The key is read from: %1").arg(row->credentialSource)
                       : row->credentialDetail;
        case Models: {
            QStringList models;
            for (const auto& model : config.models)
                models << uiformat::text(model);
            return models.join(QLatin1Char('\n'));
        }
        case Connection:
            return row->test ? tr("\"ping\" with max_tokens 1 to %1, one attempt")
                                   .arg(uiformat::text(row->test->model))
                             : QVariant();
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return uiformat::text(config.name);
    case Kind:
        return uiformat::text(switchyard::providerKindName(config.kind));
    case Endpoint:
        return endpointText(config);
    case Credential:
        return row->credentialSource;
    case Key:
        return keyText(*row);
    case Models: {
        const QString first =
            config.models.empty() ? QString() : uiformat::text(config.models.front());
        return config.models.size() <= 1
                   ? first
                   : tr("%1 (+%2 more)").arg(first).arg(config.models.size() - 1);
    }
    case Limits:
        return limitsText(config.limits);
    case Connection:
        return connectionText(*row);
    }
    return {};
}

QVariant ProvidersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Provider");
    case Kind:
        return tr("Kind");
    case Endpoint:
        return tr("Endpoint");
    case Credential:
        return tr("Key from");
    case Key:
        return tr("Key");
    case Models:
        return tr("Models");
    case Limits:
        return tr("Limits");
    case Connection:
        return tr("Connection test");
    }
    return {};
}
