#include "pricing/litellm_import.h"

#include "common/open_workspaces.h"
#include "pricing/catalogue.h"
#include "pricing/detail/model_price_json_value.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

namespace switchyard {

namespace {

using nlohmann::json;

// LiteLLM stores dollars per token as binary fractions (3e-06 * 1e6 == 2.9999999999999996);
// rounding to a billionth of a dollar per MTok gives back the published figure.
double perMTok(double usdPerToken) {
    return std::round(usdPerToken * kTokensPerMTok * 1e9) / 1e9;
}

double ratio(double numerator, double denominator) {
    return std::round(numerator / denominator * 1e12) / 1e12;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string mapProvider(const std::string& litellmProvider) {
    if (litellmProvider == "bedrock" || litellmProvider == "bedrock_converse")
        return "bedrock";
    if (litellmProvider == "text-completion-openai")
        return "openai";
    if (litellmProvider.starts_with("vertex_ai"))
        return "vertex_ai";
    return litellmProvider;
}

// Families group versions in the UI; an unknown one stays empty rather than guessed wrong.
std::string guessFamily(std::string_view id) {
    const std::string name = lower(id);
    auto has = [&](std::string_view part) { return name.find(part) != std::string::npos; };
    if (has("claude")) {
        for (std::string_view tier : {"haiku", "sonnet", "opus"}) {
            if (has(tier))
                return "claude-" + std::string(tier);
        }
        return "claude";
    }
    if (has("nova"))
        return "nova";
    if (has("llama"))
        return "llama";
    for (std::string_view mistral :
         {"mixtral", "mistral", "ministral", "magistral", "codestral", "pixtral", "devstral"}) {
        if (has(mistral))
            return "mistral";
    }
    for (std::string_view gpt : {"gpt-4o", "gpt-4.1", "gpt-5", "gpt-4", "gpt-3.5"}) {
        if (has(gpt))
            return std::string(gpt);
    }
    const std::string base = name.substr(name.rfind('/') + 1);
    if (base.size() >= 2 && base[0] == 'o' && base[1] >= '1' && base[1] <= '9')
        return "o-series";
    for (std::string_view other : {"gemini", "command", "deepseek", "qwen", "grok"}) {
        if (has(other))
            return std::string(other);
    }
    return {};
}

bool isChatMode(std::string_view mode) {
    return mode == "chat" || mode == "completion" || mode == "responses";
}

// Reads the typed fields of one entry; the first malformed one flags the whole entry, because
// a price read around a broken field could be wrong in ways nobody would notice.
class EntryReader {
public:
    EntryReader(const std::string& key, const json& entry) : m_key(key), m_entry(entry) {}

    const std::optional<ImportIssue>& flag() const { return m_flag; }
    void raise(std::string field, std::string reason) {
        if (!m_flag)
            m_flag = ImportIssue{m_key, std::move(field), std::move(reason)};
    }

    std::optional<double> number(const std::string& field) {
        auto it = m_entry.find(field);
        if (it == m_entry.end() || it->is_null())
            return std::nullopt;
        if (!it->is_number()) {
            raise(field, "expected a number");
            return std::nullopt;
        }
        const double value = it->get<double>();
        if (!std::isfinite(value) || value < 0.0) {
            raise(field, "expected a non-negative number");
            return std::nullopt;
        }
        return value;
    }

    int64_t count(const std::string& field) {
        const auto value = number(field);
        return value ? static_cast<int64_t>(*value) : 0;
    }

    std::optional<std::string> text(const std::string& field) {
        auto it = m_entry.find(field);
        if (it == m_entry.end() || it->is_null())
            return std::nullopt;
        if (!it->is_string()) {
            raise(field, "expected a string");
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    bool boolean(const std::string& field) {
        auto it = m_entry.find(field);
        if (it == m_entry.end() || it->is_null())
            return false;
        if (!it->is_boolean()) {
            raise(field, "expected true or false");
            return false;
        }
        return it->get<bool>();
    }

private:
    const std::string& m_key;
    const json& m_entry;
    std::optional<ImportIssue> m_flag;
};

// Why an entry without a per-token price has none, for the report.
std::string missingPriceReason(const json& entry) {
    if (entry.contains("tiered_pricing"))
        return "missing (the entry is priced by tiered_pricing, which is not modeled)";
    for (const auto& [key, value] : entry.items()) {
        if (key.starts_with("input_cost_per_") && !key.starts_with("input_cost_per_token"))
            return "missing (the entry is priced by " + key + ", not per token)";
    }
    return "missing";
}

// The lowest "above <N>k tokens" threshold that has an input price: LiteLLM's form of
// Anthropic's (and OpenAI's) long-context pricing.
std::optional<int64_t> lowestLongContextThousands(const json& entry, std::vector<int64_t>& all) {
    constexpr std::string_view prefix = "input_cost_per_token_above_";
    constexpr std::string_view suffix = "k_tokens";
    for (const auto& [key, value] : entry.items()) {
        std::string_view name = key;
        if (!name.starts_with(prefix) || !name.ends_with(suffix))
            continue;
        const std::string_view digits =
            name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
        if (digits.empty() || digits.size() > 6 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        all.push_back(std::stoll(std::string(digits)));
    }
    if (all.empty())
        return std::nullopt;
    std::sort(all.begin(), all.end());
    return all.front();
}

struct Outcome {
    std::optional<ModelPrice> price;
    std::optional<ImportIssue> flagged;
    std::optional<ImportIssue> skipped;
};

Outcome skip(const std::string& key, std::string field, std::string reason) {
    return {{}, {}, ImportIssue{key, std::move(field), std::move(reason)}};
}

Outcome flag(ImportIssue issue) {
    return {{}, std::move(issue), {}};
}

Outcome readEntry(const std::string& key, const json& entry, const std::string& sourceName,
                  const std::string& snapshotDate) {
    if (key == "sample_spec")
        return skip(key, {}, "LiteLLM's documentation of the fields, not a model");
    if (!entry.is_object())
        return skip(key, {}, "not a model entry: the value is a " + std::string(entry.type_name()));
    if (!entry.contains("litellm_provider") && !entry.contains("mode") &&
        !entry.contains("input_cost_per_token") && !entry.contains("output_cost_per_token"))
        return skip(key, {}, "not a model entry: no litellm_provider, mode or per-token price");

    EntryReader read(key, entry);
    const std::string mode = read.text("mode").value_or("chat");
    if (read.flag())
        return flag(*read.flag());
    if (!isChatMode(mode))
        return skip(key, "mode", "mode '" + mode + "' is not billed per chat token: not imported");

    const std::string provider = mapProvider(read.text("litellm_provider").value_or(""));
    const auto input = read.number("input_cost_per_token");
    const auto output = read.number("output_cost_per_token");
    const auto cacheRead = read.number("cache_read_input_token_cost");
    const auto cacheWrite = read.number("cache_creation_input_token_cost");
    const auto cacheWrite1h = read.number("cache_creation_input_token_cost_above_1hr");
    const bool cachingAdvertised = read.boolean("supports_prompt_caching");
    const int64_t contextWindow = read.count("max_input_tokens");
    const int64_t maxOutput = read.count("max_output_tokens");
    const auto minCacheable = read.number("prompt_cache_min_tokens");
    const auto upstreamSource = read.text("source");
    if (read.flag())
        return flag(*read.flag());
    if (!input)
        return flag({key, "input_cost_per_token", missingPriceReason(entry)});
    if (!output)
        return flag({key, "output_cost_per_token", missingPriceReason(entry)});
    if (*input == 0.0)
        return flag({key, "input_cost_per_token", "is 0: unpriced, not free"});
    if (*output == 0.0)
        return flag({key, "output_cost_per_token", "is 0: unpriced, not free"});

    ModelPrice price;
    price.id = key;
    price.provider = provider;
    price.family = guessFamily(key);
    price.displayName = key;
    price.inputUsdPerMTok = perMTok(*input);
    price.outputUsdPerMTok = perMTok(*output);
    const bool additive =
        provider == "anthropic" || provider == "bedrock" ||
        (provider == "vertex_ai" && lower(key).find("claude") != std::string::npos);
    price.semantics = additive ? UsageSemantics::CacheAdditive : UsageSemantics::CacheSubset;
    price.supportsCaching = cachingAdvertised || cacheRead || cacheWrite;
    if (cacheRead)
        price.cacheReadMultiplier = ratio(*cacheRead, *input);
    if (cacheWrite)
        price.cacheWrite5mMultiplier = ratio(*cacheWrite, *input);
    if (cacheWrite1h)
        price.cacheWrite1hMultiplier = ratio(*cacheWrite1h, *input);
    if (price.supportsCaching) {
        price.maxCacheCheckpoints = additive ? 4 : 0;
        if (minCacheable) {
            price.minCacheableTokens = static_cast<int64_t>(*minCacheable);
        } else {
            price.minCacheableTokens = 1024;
            price.notes.push_back("minimum cacheable prompt not in LiteLLM: assumed 1024 tokens");
        }
        if (!cacheRead)
            price.notes.push_back("caching advertised without a cache-read price: cache reads "
                                  "billed as plain input");
    }

    // One multiplier per tier can only describe a tier that scales input and output alike.
    struct Tier {
        const char* suffix;
        double ModelPrice::*multiplier;
    };
    for (const Tier& tier :
         {Tier{"batches", &ModelPrice::batchMultiplier}, Tier{"flex", &ModelPrice::flexMultiplier},
          Tier{"priority", &ModelPrice::priorityMultiplier}}) {
        const auto tierInput = read.number(std::string("input_cost_per_token_") + tier.suffix);
        const auto tierOutput = read.number(std::string("output_cost_per_token_") + tier.suffix);
        if (!tierInput && !tierOutput)
            continue;
        if (!tierInput || !tierOutput) {
            price.notes.push_back(std::string(tier.suffix) +
                                  ": only one of the input and output prices is given; tier not "
                                  "imported");
            continue;
        }
        const double inputRatio = ratio(*tierInput, *input);
        const double outputRatio = ratio(*tierOutput, *output);
        if (std::abs(inputRatio - outputRatio) > 1e-6 * std::max(inputRatio, outputRatio)) {
            price.notes.push_back(std::string(tier.suffix) + ": input x" + json(inputRatio).dump() +
                                  " but output x" + json(outputRatio).dump() +
                                  "; tier not imported");
            continue;
        }
        price.*tier.multiplier = inputRatio;
    }

    std::vector<int64_t> thresholds;
    if (auto thousands = lowestLongContextThousands(entry, thresholds)) {
        const std::string suffix = "_above_" + std::to_string(*thousands) + "k_tokens";
        const auto inputAbove = read.number("input_cost_per_token" + suffix);
        const auto outputAbove = read.number("output_cost_per_token" + suffix);
        price.longContext.thresholdTokens = *thousands * 1000;
        price.longContext.inputUsdPerMTok = perMTok(inputAbove.value_or(*input));
        price.longContext.outputUsdPerMTok = perMTok(outputAbove.value_or(*output));
        if (!outputAbove)
            price.notes.push_back("no output price above " + std::to_string(*thousands) +
                                  "k tokens: standard output price used");
        if (thresholds.size() > 1)
            price.notes.push_back("further long-context tiers above " +
                                  std::to_string(thresholds[1]) + "k tokens not modeled");
    }
    if (read.flag())
        return flag(*read.flag());

    price.contextWindow = contextWindow;
    price.maxOutputTokens = maxOutput;
    price.source = upstreamSource.value_or("LiteLLM model_prices_and_context_window.json");
    price.priceDate = snapshotDate;
    price.notes.push_back("imported from LiteLLM (" + sourceName + ")");
    return {std::move(price), {}, {}};
}

} // namespace

std::string ImportIssue::toString() const {
    std::string out = "\"" + model + "\"";
    if (!field.empty())
        out += "." + field;
    return out + ": " + reason;
}

Expected<LiteLlmImport> importLiteLlmText(std::string_view text, const std::string& sourceName) {
    auto parsed = detail::parseJson(text, sourceName);
    if (!parsed)
        return parsed.error();
    const json& root = *parsed;
    if (!root.is_object())
        return Error{sourceName, 0, {}, "expected a JSON object of model entries"};

    LiteLlmImport result;
    result.totalEntries = root.size();
    if (auto it = root.find("last_updated"); it != root.end() && it->is_string()) {
        const std::string stamp = it->get<std::string>().substr(0, 10);
        if (detail::isIsoDate(stamp))
            result.snapshotDate = stamp;
    }
    for (const auto& [key, entry] : root.items()) {
        Outcome outcome = readEntry(key, entry, sourceName, result.snapshotDate);
        if (outcome.price)
            result.models.push_back(std::move(*outcome.price));
        else if (outcome.flagged)
            result.flagged.push_back(std::move(*outcome.flagged));
        else
            result.skipped.push_back(std::move(*outcome.skipped));
    }
    return result;
}

Expected<LiteLlmImport> importLiteLlm(const std::string& path) {
    auto text = readUserTextFile(path, "the LiteLLM price file");
    if (!text)
        return text.error();
    return importLiteLlmText(*text, path);
}

MergeCounts LiteLlmImport::mergeInto(Catalogue& catalogue) const {
    MergeCounts counts;
    for (const ModelPrice& imported : models) {
        const ModelPrice* existing = catalogue.findId(imported.id);
        if (!existing) {
            catalogue.upsert(imported);
            ++counts.added;
            continue;
        }
        ModelPrice merged = *existing;
        merged.inputUsdPerMTok = imported.inputUsdPerMTok;
        merged.outputUsdPerMTok = imported.outputUsdPerMTok;
        merged.supportsCaching = imported.supportsCaching;
        merged.cacheReadMultiplier = imported.cacheReadMultiplier;
        merged.cacheWrite5mMultiplier = imported.cacheWrite5mMultiplier;
        merged.cacheWrite1hMultiplier = imported.cacheWrite1hMultiplier;
        merged.batchMultiplier = imported.batchMultiplier;
        merged.flexMultiplier = imported.flexMultiplier;
        merged.priorityMultiplier = imported.priorityMultiplier;
        merged.longContext = imported.longContext;
        if (imported.contextWindow > 0)
            merged.contextWindow = imported.contextWindow;
        if (imported.maxOutputTokens > 0)
            merged.maxOutputTokens = imported.maxOutputTokens;
        if (merged.minCacheableTokens == 0)
            merged.minCacheableTokens = imported.minCacheableTokens;
        if (merged.maxCacheCheckpoints == 0)
            merged.maxCacheCheckpoints = imported.maxCacheCheckpoints;
        merged.source = imported.source;
        merged.priceDate = imported.priceDate;
        merged.notes = imported.notes;
        catalogue.upsert(std::move(merged));
        ++counts.updated;
    }
    return counts;
}

} // namespace switchyard
