#pragma once

#include <QGroupBox>

#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

// The Traffic page's what-ifs on the recorded requests: prompt caching simulated on one model's
// requests at their real arrival times (workbench::trafficCacheWhatIf), and a saved policy
// applied to the recorded prompts (workbench::trafficRoutingWhatIf), with the cost of the
// sample run that would measure the cheaper tiers' quality and a button that saves the sample
// as a prompt set. Each runs on a worker; switchyard-cli traffic --cache-model / --policy print
// the same figures.
class TrafficWhatIfPanel : public QGroupBox {
    Q_OBJECT

public:
    explicit TrafficWhatIfPanel(QWidget* parent = nullptr);

    // The traffic the what-ifs replay, and the models and saved policies to choose from.
    void setTraffic(const QString& workspacePath, const QString& setName,
                    const std::vector<std::string>& models);
    void setPolicies(const QStringList& policies);
    void clear();

    void simulateCaching();
    void applyPolicy();
    void saveSample();

    QComboBox* modelPicker() const { return m_model; }
    QComboBox* policyPicker() const { return m_policy; }
    QLabel* cacheResult() const { return m_cacheResult; }
    QLabel* routingResult() const { return m_routingResult; }

signals:
    void cacheSimulated(bool ok);
    void policyApplied(bool ok);
    void sampleSaved(bool ok, const QString& setName);

private:
    QString m_workspacePath;
    QString m_setName;
    QComboBox* m_model;
    QPushButton* m_simulate;
    QLabel* m_cacheResult;
    QComboBox* m_policy;
    QSpinBox* m_sampleSize;
    QPushButton* m_apply;
    QLabel* m_routingResult;
    QPushButton* m_saveSample;
    int m_job = 0;
};
