#pragma once

#include "common/expected.h"
#include "providers/providers_file.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// Adds or edits one provider. Only the fields of the chosen kind are shown. OK runs the
// validator (the providers file's own checks, so the dialog and a hand-written file agree); on an
// error the dialog stays open, names the field by its label and its key in the file, and puts
// the cursor there. Every input's objectName is its key in providers.yaml.
class ProviderDialog : public QDialog {
    Q_OBJECT

public:
    using Validator = std::function<switchyard::Status(const switchyard::ProviderConfig&)>;

    ProviderDialog(const switchyard::ProviderConfig& initial, bool adding, Validator validator,
                   QWidget* parent = nullptr);

    // What the form says, with the fields of other kinds left empty.
    switchyard::ProviderConfig config() const;
    QString errorText() const;

    void accept() override;

private:
    void showKindFields();
    void showError(const switchyard::Error& error);
    QWidget* input(const QString& key) const;

    Validator m_validator;
    QFormLayout* m_form;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_baseUrl;
    QLineEdit* m_apiKeyEnv;
    QLineEdit* m_apiKeyHeader;
    QLineEdit* m_region;
    QLineEdit* m_endpointUrl;
    QLineEdit* m_profile;
    QPlainTextEdit* m_models;
    QSpinBox* m_concurrency;
    QDoubleSpinBox* m_requestsPerMinute;
    QDoubleSpinBox* m_tokensPerMinute;
    QDoubleSpinBox* m_connectTimeout;
    QDoubleSpinBox* m_timeout;
    QSpinBox* m_maxAttempts;
    QLabel* m_error;
};

// "Set key in keychain…": a password field for one provider's key, and a way to remove a key
// stored before. The key goes to the OS keychain only, never to the providers file.
class KeyDialog : public QDialog {
    Q_OBJECT

public:
    KeyDialog(const QString& provider, const QString& variable, bool hasStoredKey,
              QWidget* parent = nullptr);

    QString key() const;
    bool removeRequested() const { return m_remove; }
    QLineEdit* keyField() const { return m_key; }

private:
    QLineEdit* m_key;
    bool m_remove = false;
};
