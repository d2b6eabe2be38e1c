#include "providersdialogs.h"
#include "uiformat.h"

#include "charts/chartpalette.h"
#include "providers/anthropic.h"
#include "providers/openai.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

using namespace switchyard;

namespace {

QLineEdit* lineEdit(const char* key, const std::string& text, QWidget* parent) {
    auto* edit = new QLineEdit(uiformat::text(text), parent);
    edit->setObjectName(QLatin1String(key));
    return edit;
}

QDoubleSpinBox* numberBox(const char* key, double min, double max, int decimals,
                          const QString& suffix, QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(key));
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    return box;
}

} // namespace

ProviderDialog::ProviderDialog(const ProviderConfig& initial, bool adding, Validator validator,
                               QWidget* parent)
    : QDialog(parent), m_validator(std::move(validator)) {
    setWindowTitle(adding ? tr("Add provider")
                          : tr("Edit provider %1").arg(uiformat::text(initial.name)));
    auto* layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(m_form);

    m_name = lineEdit("name", initial.name, this);
    m_name->setPlaceholderText(tr("prefixes model references: NAME/model"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const ProviderKind kind : {ProviderKind::OpenAi, ProviderKind::Anthropic,
                                    ProviderKind::Bedrock, ProviderKind::LocalStudent})
        m_kind->addItem(uiformat::text(providerKindName(kind)), static_cast<int>(kind));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(initial.kind)));
    m_baseUrl = lineEdit("base_url", initial.baseUrl, this);
    m_apiKeyEnv = lineEdit("api_key_env", initial.apiKeyEnv, this);
    m_apiKeyHeader = lineEdit("api_key_header", initial.apiKeyHeader, this);
    m_apiKeyHeader->setPlaceholderText(tr("Authorization: Bearer (Azure: api-key)"));
    m_region = lineEdit("region", initial.region, this);
    m_region->setPlaceholderText(tr("from AWS_REGION, AWS_DEFAULT_REGION or the profile"));
    m_endpointUrl = lineEdit("endpoint_url", initial.endpointUrl, this);
    m_endpointUrl->setPlaceholderText(tr("optional: VPC endpoint, proxy or test server"));
    m_profile = lineEdit("profile", initial.profile, this);
    m_profile->setPlaceholderText(tr("environment keys, then AWS_PROFILE or default"));
    m_models = new QPlainTextEdit(this);
    m_models->setObjectName(QStringLiteral("models"));
    QStringList models;
    for (const auto& model : initial.models)
        models << uiformat::text(model);
    m_models->setPlainText(models.join(QLatin1Char('\n')));
    m_models->setPlaceholderText(tr("one model id per line; the first is used to test"));
    m_models->setMinimumHeight(fontMetrics().lineSpacing() * 5);

    const ProviderLimits& limits = initial.limits;
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setRange(1, 4096);
    m_concurrency->setValue(limits.concurrency);
    m_requestsPerMinute = numberBox("requests_per_minute", 0, 1e9, 2, tr(" req/min"), this);
    m_requestsPerMinute->setSpecialValueText(tr("no limit"));
    m_requestsPerMinute->setValue(limits.requestsPerMinute);
    m_tokensPerMinute = numberBox("tokens_per_minute", 0, 1e12, 0, tr(" tok/min"), this);
    m_tokensPerMinute->setSpecialValueText(tr("no limit"));
    m_tokensPerMinute->setValue(limits.tokensPerMinute);
    m_connectTimeout = numberBox("connect_timeout_s", 0.01, 600, 2, tr(" s"), this);
    m_connectTimeout->setValue(static_cast<double>(limits.connectTimeoutMs) / 1000.0);
    m_timeout = numberBox("timeout_s", 0.01, 86400, 2, tr(" s"), this);
    m_timeout->setValue(static_cast<double>(limits.timeoutMs) / 1000.0);
    m_maxAttempts = new QSpinBox(this);
    m_maxAttempts->setObjectName(QStringLiteral("max_attempts"));
    m_maxAttempts->setRange(1, 20);
    m_maxAttempts->setValue(limits.maxAttempts);

    m_form->addRow(tr("Name"), m_name);
    m_form->addRow(tr("Kind"), m_kind);
    m_form->addRow(tr("Base URL"), m_baseUrl);
    m_form->addRow(tr("API key variable"), m_apiKeyEnv);
    m_form->addRow(tr("API key header"), m_apiKeyHeader);
    m_form->addRow(tr("AWS region"), m_region);
    m_form->addRow(tr("Endpoint URL"), m_endpointUrl);
    m_form->addRow(tr("AWS profile"), m_profile);
    m_form->addRow(tr("Models"), m_models);
    m_form->addRow(tr("Concurrency"), m_concurrency);
    m_form->addRow(tr("Requests per minute"), m_requestsPerMinute);
    m_form->addRow(tr("Tokens per minute"), m_tokensPerMinute);
    m_form->addRow(tr("Connect timeout"), m_connectTimeout);
    m_form->addRow(tr("Request timeout"), m_timeout);
    m_form->addRow(tr("Attempts per call"), m_maxAttempts);

    auto* keyNote = new QLabel(tr("Keys are never stored in this file: name the environment "
                                  "variable that holds the key, an AWS profile, or use "
                                  "\"Set Key in Keychain…\" on the page."),
                               this);
    keyNote->setWordWrap(true);
    layout->addWidget(keyNote);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("validationError"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, chartpalette::bad());
    m_error->setPalette(errorPalette);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProviderDialog::showKindFields);
    showKindFields();
    setMinimumWidth(560);
}

void ProviderDialog::showKindFields() {
    const auto kind = static_cast<ProviderKind>(m_kind->currentData().toInt());
    const bool http = kind == ProviderKind::OpenAi || kind == ProviderKind::Anthropic;
    const bool bedrock = kind == ProviderKind::Bedrock;
    m_form->setRowVisible(m_baseUrl, http);
    m_form->setRowVisible(m_apiKeyEnv, http);
    m_form->setRowVisible(m_apiKeyHeader, kind == ProviderKind::OpenAi);
    for (QWidget* field : {m_region, m_endpointUrl, m_profile})
        m_form->setRowVisible(field, bedrock);
    m_baseUrl->setPlaceholderText(
        tr("%1 when empty")
            .arg(uiformat::text(kind == ProviderKind::Anthropic ? kAnthropicDefaultBaseUrl
                                                                : kOpenAiDefaultBaseUrl)));
    m_apiKeyEnv->setPlaceholderText(
        kind == ProviderKind::Anthropic
            ? tr("ANTHROPIC_API_KEY when empty")
            : tr("OPENAI_API_KEY at the default URL; none for a server of your own"));
}

ProviderConfig ProviderDialog::config() const {
    ProviderConfig config;
    config.name = m_name->text().trimmed().toStdString();
    config.kind = static_cast<ProviderKind>(m_kind->currentData().toInt());
    const auto text = [](const QLineEdit* edit) { return edit->text().trimmed().toStdString(); };
    const bool http = config.kind == ProviderKind::OpenAi || config.kind == ProviderKind::Anthropic;
    if (http) {
        config.baseUrl = text(m_baseUrl);
        config.apiKeyEnv = text(m_apiKeyEnv);
    }
    if (config.kind == ProviderKind::OpenAi)
        config.apiKeyHeader = text(m_apiKeyHeader);
    if (config.kind == ProviderKind::Bedrock) {
        config.region = text(m_region);
        config.endpointUrl = text(m_endpointUrl);
        config.profile = text(m_profile);
    }
    const QStringList lines = m_models->toPlainText().split(QLatin1Char('\n'));
    for (const QString& line : lines)
        if (!line.trimmed().isEmpty())
            config.models.push_back(line.trimmed().toStdString());
    config.limits.concurrency = m_concurrency->value();
    config.limits.requestsPerMinute = m_requestsPerMinute->value();
    config.limits.tokensPerMinute = m_tokensPerMinute->value();
    config.limits.connectTimeoutMs = std::llround(m_connectTimeout->value() * 1000.0);
    config.limits.timeoutMs = std::llround(m_timeout->value() * 1000.0);
    config.limits.maxAttempts = m_maxAttempts->value();
    return config;
}

QString ProviderDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

QWidget* ProviderDialog::input(const QString& key) const {
    return findChild<QWidget*>(key, Qt::FindDirectChildrenOnly);
}

void ProviderDialog::showError(const Error& error) {
    // "providers[2].models[1]" -> "models[1]" for the message, "models" for the input.
    QString field = QString::fromStdString(error.field);
    field = field.mid(field.indexOf(QLatin1Char('.')) + 1);
    const QString key = field.section(QLatin1Char('['), 0, 0);
    QWidget* widget = key.isEmpty() ? nullptr : input(key);
    const QString label = widget && m_form->labelForField(widget)
                              ? qobject_cast<QLabel*>(m_form->labelForField(widget))->text()
                              : QString();
    const QString message = QString::fromStdString(error.message);
    m_error->setText(label.isEmpty() ? message : tr("%1 (%2): %3").arg(label, field, message));
    m_error->setVisible(true);
    if (widget)
        widget->setFocus();
}

void ProviderDialog::accept() {
    const Status status = m_validator ? m_validator(config()) : success();
    if (!status) {
        showError(status.error());
        return;
    }
    QDialog::accept();
}

KeyDialog::KeyDialog(const QString& provider, const QString& variable, bool hasStoredKey,
                     QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Key for %1").arg(provider));
    auto* layout = new QVBoxLayout(this);
    QString text = tr("The key is stored in the OS keychain (service \"Switchyard\", entry "
                      "\"%1\"), never in the providers file.")
                       .arg(provider);
    if (!variable.isEmpty())
        text += QLatin1Char(' ') +
                tr("When the environment variable %1 is set, it is used instead.").arg(variable);
    auto* explanation = new QLabel(text, this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(hasStoredKey ? tr("a key is stored; type a new one to replace it")
                                           : tr("paste the API key"));
    layout->addWidget(m_key);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton* save = buttons->button(QDialogButtonBox::Save);
    save->setEnabled(false);
    if (hasStoredKey) {
        auto* remove =
            buttons->addButton(tr("Remove Stored Key"), QDialogButtonBox::DestructiveRole);
        connect(remove, &QPushButton::clicked, this, [this]() {
            m_remove = true;
            QDialog::accept();
        });
    }
    layout->addWidget(buttons);
    connect(m_key, &QLineEdit::textChanged, save,
            [save](const QString& key) { save->setEnabled(!key.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(480);
}

QString KeyDialog::key() const {
    return m_key->text().trimmed();
}
