#pragma once

class QCoreApplication;

// Loads Switchyard's and Qt's own translations for the system locale (German ships first).
void installTranslations(QCoreApplication& app);
