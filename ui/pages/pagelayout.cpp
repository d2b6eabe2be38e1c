#include "pagelayout.h"

#include "widgets/statcard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
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

void addCards(QVBoxLayout* page, std::initializer_list<StatCard*> cards) {
    auto* row = new QHBoxLayout;
    for (StatCard* card : cards)
        row->addWidget(card);
    page->addLayout(row);
}

StatusRow addStatusRow(QVBoxLayout* page, QWidget* parent) {
    auto* row = new QHBoxLayout;
    StatusRow out{new QLabel(parent), new QProgressBar(parent)};
    out.message->setWordWrap(true);
    out.progress->setRange(0, 1000);
    out.progress->setMaximumWidth(240);
    out.progress->setVisible(false);
    row->addWidget(out.message, 1);
    row->addWidget(out.progress);
    page->addLayout(row);
    return out;
}

QSplitter* makeSplitter(Qt::Orientation orientation, const char* name, QWidget* parent) {
    auto* splitter = new QSplitter(orientation, parent);
    splitter->setObjectName(QLatin1String(name));
    splitter->setChildrenCollapsible(false);
    return splitter;
}

} // namespace pagelayout
