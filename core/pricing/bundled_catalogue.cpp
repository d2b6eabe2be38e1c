#include "pricing/bundled_catalogue.h"

#include "pricing/catalogue.h"

namespace switchyard {

namespace detail {
// Defined in the generated bundled_catalogue_data.cpp: the file's bytes and a terminating 0.
extern const unsigned char kBundledCatalogueBytes[];
} // namespace detail

const char* bundledCatalogueJson() {
    return reinterpret_cast<const char*>(detail::kBundledCatalogueBytes);
}

std::string_view bundledCatalogueName() {
    return "bundled catalogue.json";
}

Expected<Catalogue> bundledCatalogue() {
    return Catalogue::fromJson(bundledCatalogueJson(), std::string(bundledCatalogueName()));
}

} // namespace switchyard
