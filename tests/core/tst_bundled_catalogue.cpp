// The pricing catalogue compiled into the binaries, and the cache mode its models get.
#include "cache/cache_simulator.h"
#include "pricing/bundled_catalogue.h"
#include "pricing/catalogue.h"

#include <QtTest>

#include <fstream>
#include <sstream>
#include <string>

using namespace switchyard;

class TestBundledCatalogue : public QObject {
    Q_OBJECT

private slots:
    // The catalogue embedded at build time is the file in resources/, byte for byte.
    void bundledCatalogueIsEmbedded() {
        std::ifstream file(SWITCHYARD_SOURCE_DIR "/resources/pricing/catalogue.json",
                           std::ios::binary);
        std::stringstream text;
        text << file.rdbuf();
        QCOMPARE(std::string(bundledCatalogueJson()), text.str());
        auto catalogue = Catalogue::fromJson(bundledCatalogueJson(), "bundled");
        QVERIFY(catalogue);
        QVERIFY(catalogue->find("claude-sonnet-4-5"));
        QVERIFY(cacheModeFor(*catalogue->find("claude-sonnet-4-5")) == CacheMode::Explicit);
        QVERIFY(cacheModeFor(*catalogue->find("gpt-4o-mini")) == CacheMode::Automatic);
    }
};

QTEST_GUILESS_MAIN(TestBundledCatalogue)
#include "tst_bundled_catalogue.moc"
