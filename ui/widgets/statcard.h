#pragma once

#include <QFrame>

class QLabel;

// A big number (UI.md): the value large, its unit and comparison small below, and a tooltip
// that says how it was computed.
class StatCard : public QFrame {
    Q_OBJECT

public:
    enum class Tone { Neutral, Good, Bad };

    explicit StatCard(const QString& caption, QWidget* parent = nullptr);
    void setValue(const QString& value, const QString& detail, Tone tone = Tone::Neutral);
    QString value() const;
    void setCaption(const QString& caption); // a card whose figure depends on what is known

private:
    QLabel* m_value;
    QLabel* m_caption;
    QLabel* m_detail;
};
