#pragma once

// Driving modal dialogs from a test: exec() blocks, so the test queues what to do with the
// dialog before the click that opens it.

#include <QApplication>
#include <QPushButton>
#include <QTimer>

#include <functional>

namespace modaldriver {

// Runs `fill` on the next modal dialog as soon as it is open.
inline void whenModalOpens(std::function<void(QWidget*)> fill) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, fill]() {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            fill(modal);
        }
    });
    timer->start();
}

// The button among `parent`'s children with this text (mnemonic '&' ignored), or nullptr.
inline QPushButton* findButton(const QWidget* parent, const QString& text) {
    const auto buttons = parent->findChildren<QPushButton*>();
    for (QPushButton* button : buttons)
        if (button->text().remove(QLatin1Char('&')) == text)
            return button;
    return nullptr;
}

} // namespace modaldriver
