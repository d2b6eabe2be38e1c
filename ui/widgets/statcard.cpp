#include "statcard.h"

#include <QLabel>
#include <QVBoxLayout>

StatCard::StatCard(const QString& caption, QWidget* parent)
    : QFrame(parent), m_value(new QLabel(this)), m_caption(new QLabel(caption, this)),
      m_detail(new QLabel(this)) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("statCard"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_value->setFont(big);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_caption->setFont(small);
    m_detail->setFont(small);
    m_detail->setWordWrap(true);
    QPalette muted = m_detail->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_detail->setPalette(muted);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(2);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addWidget(m_detail);
}

void StatCard::setValue(const QString& value, const QString& detail, Tone tone) {
    m_value->setText(value);
    m_detail->setText(detail);
    QPalette palette = m_value->palette();
    switch (tone) {
    case Tone::Good:
        palette.setColor(QPalette::WindowText, QColor(0x00, 0x9E, 0x73)); // Okabe-Ito green
        break;
    case Tone::Bad:
        palette.setColor(QPalette::WindowText, QColor(0xD5, 0x5E, 0x00)); // Okabe-Ito vermillion
        break;
    case Tone::Neutral:
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
        break;
    }
    m_value->setPalette(palette);
}

QString StatCard::value() const {
    return m_value->text();
}

void StatCard::setCaption(const QString& caption) {
    m_caption->setText(caption);
}
