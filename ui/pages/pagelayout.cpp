#include "pagelayout.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace pagelayout {

QHBoxLayout* addHeader(QVBoxLayout* page, const QString& title, const QString& question) {
    auto* header = new QHBoxLayout;
    auto* titleLabel = new QLabel(title);
    QFont titleFont = titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    titleLabel->setFont(titleFont);
    titleLabel->setObjectName(QStringLiteral("pageTitle"));
    header->addWidget(titleLabel);
    header->addStretch(1);
    page->addLayout(header);
    auto* questionLabel = new QLabel(question);
    questionLabel->setWordWrap(true);
    page->addWidget(questionLabel);
    return header;
}

QSplitter* makeSplitter(Qt::Orientation orientation, const char* name, QWidget* parent) {
    auto* splitter = new QSplitter(orientation, parent);
    splitter->setObjectName(QLatin1String(name));
    splitter->setChildrenCollapsible(false);
    return splitter;
}

} // namespace pagelayout
