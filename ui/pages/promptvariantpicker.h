#pragma once

#include "prompts/prompt_variant.h"

#include <QGroupBox>

#include <map>
#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

// The Runs page's prompt variants: a variants file (prompts/variants_file.h) and, for each
// checked model, the variant its prompts are sent with, or the prompts as stored. Describes
// RunSettings::variants; holds nothing else.
class PromptVariantPicker : public QGroupBox {
    Q_OBJECT

public:
    explicit PromptVariantPicker(QWidget* parent = nullptr);

    // One row per model, keeping each model's choice.
    void setModels(const std::vector<std::string>& modelRefs);
    // Reads a variants file; false (with the reason shown, naming file, line and field) when it
    // cannot be used, and the variants offered before stay.
    bool loadFile(const QString& path);
    // A past run's pairing: its variants are offered and chosen as it sent them.
    void applyRun(qint64 runId, const std::map<std::string, switchyard::PromptVariant>& variants);
    std::map<std::string, switchyard::PromptVariant> variants() const;

    QTableWidget* table() const { return m_table; }
    QLabel* sourceLabel() const { return m_source; }

signals:
    void changed();

private:
    void chooseFile();
    void offer(std::vector<switchyard::PromptVariant> variants, const QString& source);
    void rebuildRows(const std::map<std::string, std::string>& chosen);
    std::map<std::string, std::string> chosenNames() const;

    QLabel* m_source;
    QPushButton* m_open;
    QPushButton* m_clear;
    QTableWidget* m_table;
    std::vector<switchyard::PromptVariant> m_variants;
    std::vector<std::string> m_models;
};
