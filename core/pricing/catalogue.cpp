#include "pricing/catalogue.h"

#include "common/open_workspaces.h"
#include "pricing/detail/model_price_json_value.h"

#include <algorithm>
#include <array>
#include <optional>

namespace switchyard {

namespace {

using nlohmann::json;

struct ProfilePrefix {
    std::string_view prefix;
    bool geographic; // false for "global.", which is billed at the base price
};

// Bedrock cross-region inference profiles. "us-gov." is left out on purpose: GovCloud has its own
// prices, and a wrong guess is worse than "unknown model".
constexpr std::array<ProfilePrefix, 7> kProfilePrefixes{{
    {"us.", true},
    {"eu.", true},
    {"apac.", true},
    {"au.", true},
    {"jp.", true},
    {"ca.", true},
    {"global.", false},
}};

// The premium-priced copy of a model that geographic profiles resolve to.
ModelPrice geoVariant(const ModelPrice& base) {
    ModelPrice variant = base;
    const double factor = base.geoProfileMultiplier;
    variant.inputUsdPerMTok *= factor;
    variant.outputUsdPerMTok *= factor;
    variant.longContext.inputUsdPerMTok *= factor;
    variant.longContext.outputUsdPerMTok *= factor;
    variant.geoProfileMultiplier = 1.0;
    variant.displayName += " (geographic inference profile)";
    variant.notes.push_back("price of a geographic inference profile: base price x " +
                            json(factor).dump());
    return variant;
}

} // namespace

Expected<Catalogue> Catalogue::fromJson(std::string_view text, std::string sourceName) {
    auto parsed = detail::parseJson(text, sourceName);
    if (!parsed)
        return parsed.error();
    const json& root = *parsed;
    if (!root.is_object())
        return Error{sourceName, 0, {}, "expected a JSON object with a \"models\" array"};

    Catalogue catalogue;
    catalogue.m_sourceName = sourceName;
    if (auto it = root.find("catalogue_date"); it != root.end() && !it->is_null()) {
        if (!it->is_string() || !detail::isIsoDate(it->get<std::string>()))
            return Error{sourceName, 0, "catalogue_date", "expected a date as YYYY-MM-DD"};
        catalogue.m_catalogueDate = it->get<std::string>();
    }
    if (auto it = root.find("currency"); it != root.end() && !it->is_null()) {
        // Every price is in dollars; a file in another currency must not be read as dollars.
        if (!it->is_string() || it->get<std::string>() != "USD")
            return Error{sourceName, 0, "currency", "expected \"USD\""};
    }
    auto models = root.find("models");
    if (models == root.end() || !models->is_array())
        return Error{sourceName, 0, "models", "expected an array of models"};

    // Which entry claimed each id or alias, so a clash names both entries.
    std::unordered_map<std::string, std::string> claimedBy;
    for (size_t i = 0; i < models->size(); ++i) {
        const std::string path = "models[" + std::to_string(i) + "]";
        auto price = detail::modelPriceFromValue((*models)[i], path, sourceName);
        if (!price)
            return price.error();
        // A name that means two models would make lookups depend on file order.
        auto claim = [&](const std::string& name, const std::string& field) -> Status {
            auto [it, inserted] = claimedBy.emplace(name, path);
            if (!inserted)
                return Error{sourceName, 0, path + "." + field,
                             "'" + name + "' already names " + it->second};
            return success();
        };
        if (auto status = claim(price->id, "id"); !status)
            return status.error();
        for (size_t a = 0; a < price->aliases.size(); ++a) {
            const std::string field = "aliases[" + std::to_string(a) + "]";
            if (auto status = claim(price->aliases[a], field); !status)
                return status.error();
        }
        catalogue.upsert(std::move(price).value());
    }
    return catalogue;
}

Expected<Catalogue> Catalogue::fromFile(const std::string& path) {
    auto text = readUserTextFile(path, "the pricing catalogue");
    if (!text)
        return text.error();
    return fromJson(*text, path);
}

std::string Catalogue::toJson() const {
    nlohmann::ordered_json root;
    if (!m_catalogueDate.empty())
        root["catalogue_date"] = m_catalogueDate;
    root["currency"] = "USD";
    root["models"] = nlohmann::ordered_json::array();
    for (const auto& model : m_models)
        root["models"].push_back(detail::modelPriceToValue(model));
    return root.dump(2) + "\n";
}

const ModelPrice* Catalogue::findExact(std::string_view name) const {
    auto it = m_byName.find(std::string(name));
    return it == m_byName.end() ? nullptr : &m_models[it->second];
}

const ModelPrice* Catalogue::findProfile(std::string_view name) const {
    for (const auto& [prefix, geographic] : kProfilePrefixes) {
        if (!name.starts_with(prefix))
            continue;
        const ModelPrice* base = findExact(name.substr(prefix.size()));
        // Only Bedrock has inference profiles; "us.gpt-4o" is not an OpenAI model.
        if (!base || base->provider != "bedrock")
            return nullptr;
        if (geographic) {
            if (auto it = m_geoVariants.find(base->id); it != m_geoVariants.end())
                return &it->second;
        }
        return base;
    }
    return nullptr;
}

const ModelPrice* Catalogue::find(std::string_view modelRef) const {
    if (const ModelPrice* exact = findExact(modelRef))
        return exact;
    std::string_view model = modelRef;
    if (auto slash = modelRef.find('/'); slash != std::string_view::npos) {
        model = modelRef.substr(slash + 1);
        if (const ModelPrice* exact = findExact(model))
            return exact;
    }
    if (const ModelPrice* profile = findProfile(modelRef))
        return profile;
    return model.size() != modelRef.size() ? findProfile(model) : nullptr;
}

Expected<const ModelPrice*> Catalogue::lookup(std::string_view modelRef) const {
    if (const ModelPrice* price = find(modelRef))
        return price;
    return Error{m_sourceName,
                 0,
                 {},
                 "unknown model '" + std::string(modelRef) +
                     "': not in the pricing catalogue (add a price or import a catalogue)"};
}

const ModelPrice* Catalogue::findId(std::string_view id) const {
    auto it = m_byName.find(std::string(id));
    if (it == m_byName.end() || m_models[it->second].id != id)
        return nullptr;
    return &m_models[it->second];
}

void Catalogue::indexModel(size_t index) {
    const ModelPrice& model = m_models[index];
    // An id always beats an alias of another model; among aliases the first entry keeps it.
    m_byName[model.id] = index;
    for (const auto& alias : model.aliases) {
        auto it = m_byName.find(alias);
        if (it == m_byName.end())
            m_byName.emplace(alias, index);
    }
    if (model.geoProfileMultiplier != 1.0)
        m_geoVariants.insert_or_assign(model.id, geoVariant(model));
}

void Catalogue::unindexModel(size_t index) {
    const ModelPrice& model = m_models[index];
    for (const auto& alias : model.aliases) {
        auto it = m_byName.find(alias);
        if (it != m_byName.end() && it->second == index)
            m_byName.erase(it);
    }
    m_geoVariants.erase(model.id);
}

void Catalogue::rebuildIndex() {
    m_byName.clear();
    m_geoVariants.clear();
    for (size_t i = 0; i < m_models.size(); ++i)
        m_byName.emplace(m_models[i].id, i);
    for (size_t i = 0; i < m_models.size(); ++i)
        indexModel(i);
}

bool Catalogue::upsert(ModelPrice price) {
    // Each name means one model, so the catalogue always saves as a file it can load again: an
    // explicit id takes its name over from another model's alias, and an alias that already
    // names another model is dropped.
    std::optional<size_t> replaced;
    bool aliasTakenOver = false;
    if (auto it = m_byName.find(price.id); it != m_byName.end()) {
        if (m_models[it->second].id == price.id) {
            replaced = it->second;
        } else {
            std::erase(m_models[it->second].aliases, price.id);
            aliasTakenOver = true;
        }
    }
    std::vector<std::string> aliases;
    for (auto& alias : price.aliases) {
        auto owner = m_byName.find(alias);
        const bool taken = owner != m_byName.end() && owner->second != replaced;
        if (!taken && alias != price.id &&
            std::find(aliases.begin(), aliases.end(), alias) == aliases.end())
            aliases.push_back(std::move(alias));
    }
    price.aliases = std::move(aliases);

    if (replaced) {
        const bool sameAliases = m_models[*replaced].aliases == price.aliases;
        if (sameAliases)
            unindexModel(*replaced);
        m_models[*replaced] = std::move(price);
        if (sameAliases)
            indexModel(*replaced);
        else
            rebuildIndex();
        return true;
    }
    m_models.push_back(std::move(price));
    if (aliasTakenOver)
        rebuildIndex();
    else
        indexModel(m_models.size() - 1);
    return false;
}

std::string Catalogue::catalogueDate() const {
    if (!m_catalogueDate.empty())
        return m_catalogueDate;
    std::string newest;
    for (const auto& model : m_models)
        newest = std::max(newest, model.priceDate); // ISO dates sort as text
    return newest;
}

} // namespace switchyard
