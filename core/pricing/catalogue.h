#pragma once

#include "common/expected.h"
#include "pricing/model_price.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace switchyard {

// The prices of every model Switchyard can cost, loaded from JSON (the bundled
// resources/pricing/catalogue.json, a user's file, or a LiteLLM import merged in).
//
// File shape: {"catalogue_date": "YYYY-MM-DD", "currency": "USD", "models": [ENTRY...]} where
// ENTRY is the schema of modelPriceToJson (model_price_json.h). Unknown keys are ignored so
// newer files load in older builds.
class Catalogue {
public:
    // Validates every entry; the first error names its path ("models[12].input_usd_per_mtok").
    static Expected<Catalogue> fromJson(std::string_view text, std::string sourceName = {});
    static Expected<Catalogue> fromFile(const std::string& path);
    std::string toJson() const;

    // Resolves a model reference, in this order:
    //   1. an id or alias, exactly ("gpt-4o-mini", "mistralai/Mixtral-8x7B-Instruct-v0.1");
    //   2. the same after the first '/', so REFs "provider/model" work whatever the provider is
    //      called in the providers file ("bedrock/anthropic.claude-...", "my-openai/gpt-4o");
    //   3. a Bedrock inference profile ("us.", "eu.", "apac.", "au.", "jp.", "ca.", "global.")
    //      stripped to its base Bedrock model. Geographic profiles of a model with a
    //      geoProfileMultiplier resolve to a variant carrying that premium. An exact entry for the
    //      profile id (from a LiteLLM import, say) wins over this rule at step 1. "us-gov." is
    //      deliberately not stripped: GovCloud prices differ and must be listed.
    // Returns nullptr when nothing matches. The pointer is valid until the catalogue changes.
    const ModelPrice* find(std::string_view modelRef) const;
    // find() as a value: an unknown model is an error naming the reference.
    Expected<const ModelPrice*> lookup(std::string_view modelRef) const;
    // Exact id only (no alias, prefix or provider resolution): what merging and editing need.
    const ModelPrice* findId(std::string_view id) const;

    // Adds the model, or replaces the one with the same id. Returns true when it replaced one.
    // Every name keeps meaning one model: the new id takes its name over from another model's
    // alias, and the new model's aliases that already name another model are dropped.
    bool upsert(ModelPrice price);

    const std::vector<ModelPrice>& models() const { return m_models; }
    bool empty() const { return m_models.empty(); }

    // The explicit top-level "catalogue_date" if the file had one, else the newest priceDate.
    std::string catalogueDate() const;
    void setCatalogueDate(std::string date) { m_catalogueDate = std::move(date); }
    const std::string& sourceName() const { return m_sourceName; }

private:
    void indexModel(size_t index);
    void unindexModel(size_t index);
    void rebuildIndex();
    const ModelPrice* findExact(std::string_view name) const;
    const ModelPrice* findProfile(std::string_view name) const;

    std::vector<ModelPrice> m_models;
    std::unordered_map<std::string, size_t> m_byName; // ids and aliases -> index in m_models
    // Premium-priced copies for geographic inference profiles, keyed by base id.
    std::unordered_map<std::string, ModelPrice> m_geoVariants;
    std::string m_catalogueDate;
    std::string m_sourceName;
};

} // namespace switchyard
