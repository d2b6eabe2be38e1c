// Amazon Bedrock CreatePromptRouter request body. Bedrock's prompt router chooses between two
// models of one family with its own quality predictor: it can hold a two-tier policy on Bedrock,
// not the policy's router, and anything else is refused with the reason.
#include "policy/detail/gateway_targets.h"

#include <nlohmann/json.hpp>

#include <cctype>

namespace switchyard::detail {

namespace {

// Cross-region inference profiles prefix the model id with a geography ("us.anthropic...");
// a router's models are foundation models.
std::string foundationModelId(const std::string& model, std::vector<std::string>& warnings) {
    for (const char* geography : {"us.", "eu.", "apac.", "us-gov.", "global."}) {
        const std::string prefix = geography;
        if (model.rfind(prefix, 0) == 0) {
            warnings.push_back("model '" + model +
                               "' is an inference profile: the router names its foundation "
                               "model '" +
                               model.substr(prefix.size()) + "'");
            return model.substr(prefix.size());
        }
    }
    return model;
}

// "anthropic" of "anthropic.claude-3-haiku-20240307-v1:0".
std::string familyOf(const std::string& modelId) {
    return modelId.substr(0, modelId.find('.'));
}

// Names match ([0-9a-zA-Z][ _-]?)+ and are at most 64 characters.
std::string routerName(const std::string& policyName) {
    std::string name;
    for (char c : policyName) {
        const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
        if (alnum)
            name += c;
        else if (!name.empty() && std::isalnum(static_cast<unsigned char>(name.back())))
            name += '-';
        if (name.size() == 64)
            break;
    }
    while (!name.empty() && name.back() == '-')
        name.pop_back();
    return name.empty() ? std::string("switchyard-router") : name;
}

} // namespace

Expected<GatewayExport> exportBedrockRouter(const RoutingPolicy& policy,
                                            const GatewayExportOptions& options) {
    GatewayExport result;
    const auto targets = gatewayTargets(policy, options, result.warnings);
    if (targets.size() != 2)
        return Error{"", 0, "tiers",
                     "a Bedrock prompt router chooses between exactly two models; the policy "
                     "has " +
                         std::to_string(targets.size()) + " tiers"};
    std::vector<std::string> ids;
    for (const GatewayTarget& target : targets) {
        if (target.kind != "bedrock")
            return Error{"", 0, "tiers",
                         "tier '" + target.tier + "' is served by '" + target.kind +
                             "': a Bedrock prompt router routes between Bedrock models only"};
        ids.push_back(foundationModelId(target.model, result.warnings));
    }
    if (familyOf(ids[0]) != familyOf(ids[1]))
        return Error{"", 0, "tiers",
                     "a Bedrock prompt router routes within one model family; '" + ids[0] +
                         "' is " + familyOf(ids[0]) + " and '" + ids[1] + "' is " +
                         familyOf(ids[1])};
    const double difference = options.responseQualityDifference.value_or(0.0);
    if (difference < 0.0 || difference > 100.0)
        return Error{"", 0, "quality_difference",
                     "responseQualityDifference must be between 0 and 100 points"};

    const auto arn = [&](const std::string& id) {
        return "arn:aws:bedrock:" + options.region + "::foundation-model/" + id;
    };
    nlohmann::ordered_json request;
    request["promptRouterName"] = routerName(policy.name);
    request["description"] =
        ("Switchyard policy '" + policy.name + "': " + targets[0].tier + " and " + targets[1].tier)
            .substr(0, 200);
    request["models"] = {{{"modelArn", arn(ids[0])}}, {{"modelArn", arn(ids[1])}}};
    // When the router cannot decide, the stronger model answers: never worse than today.
    request["fallbackModel"] = {{"modelArn", arn(ids[1])}};
    request["routingCriteria"] = {{"responseQualityDifference", difference}};

    result.warnings.push_back(
        "Bedrock routes with its own quality predictor, not the policy's " +
        std::string(routing::routerKindName(policy.router.kind)) +
        " router: its share of cheap answers, cost and quality differ from Switchyard's replay; "
        "measure them on a run of the router");
    if (!options.responseQualityDifference)
        result.warnings.push_back(
            "responseQualityDifference is 0 (the cheaper model only where Bedrock predicts no "
            "loss): set --quality-difference to the points of quality you accept to lose");
    warnUnexpressed(policy, "Bedrock", false, result.warnings);
    result.text = request.dump(2) + "\n";
    return result;
}

} // namespace switchyard::detail
