#include "prompts/variants_file.h"

#include "common/atomic_file.h"
#include "common/open_workspaces.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

namespace switchyard {

namespace {

Error errorAt(const std::string& path, const YAML::Node& node, std::string field,
              std::string message) {
    const auto mark = node.Mark();
    return Error{path, mark.line >= 0 ? mark.line + 1 : 0, std::move(field), std::move(message)};
}

Expected<PromptVariant> readVariant(const YAML::Node& node, const std::string& at,
                                    const std::string& path) {
    if (!node.IsMap())
        return errorAt(path, node, at, "expected a mapping with name, and system or user");
    PromptVariant variant;
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        const std::string field = at + "." + key;
        if (key != "name" && key != "system" && key != "user")
            return errorAt(path, entry.first, field, "unknown key (name, system or user)");
        if (!entry.second.IsScalar() && !entry.second.IsNull())
            return errorAt(path, entry.second, field, "expected text");
        const std::string text = entry.second.IsNull() ? std::string() : entry.second.Scalar();
        if (key == "name")
            variant.name = text;
        else if (key == "system")
            variant.system = text;
        else
            variant.user = text;
    }
    if (!node["name"])
        return errorAt(path, node, at + ".name", "missing");
    if (auto status = checkVariant(variant); !status) {
        // checkVariant names "name", "variants.NAME.user" or "variants.NAME"; here the field is
        // where it sits in the file.
        const std::string& field = status.error().field;
        const char* part = field == "name"              ? "name"
                           : field.ends_with(".user")   ? "user"
                           : field.ends_with(".system") ? "system"
                                                        : nullptr;
        return errorAt(path, part ? node[part] : node, part ? at + "." + part : at,
                       status.error().message);
    }
    return variant;
}

} // namespace

Expected<std::vector<PromptVariant>> parseVariantsYaml(std::string_view text,
                                                       const std::string& path) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        return Error{path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", e.msg};
    }
    if (!root || root.IsNull())
        return Error{path, 0, "variants", "the file is empty"};
    if (!root.IsMap())
        return errorAt(path, root, "", "expected a mapping with a 'variants' list");
    for (const auto& entry : root)
        if (entry.first.Scalar() != "variants")
            return errorAt(path, entry.first, entry.first.Scalar(), "unknown key");
    const YAML::Node list = root["variants"];
    if (!list)
        return errorAt(path, root, "variants", "missing");
    if (!list.IsSequence())
        return errorAt(path, list, "variants", "expected a list of variants");
    std::vector<PromptVariant> variants;
    std::set<std::string> names;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = "variants[" + std::to_string(i) + "]";
        auto variant = readVariant(list[i], at, path);
        if (!variant)
            return variant.error();
        if (!names.insert(variant->name).second)
            return errorAt(path, list[i]["name"], at + ".name",
                           "variant '" + variant->name + "' is defined twice");
        variants.push_back(std::move(*variant));
    }
    return variants;
}

Expected<std::vector<PromptVariant>> loadVariantsFile(const std::string& path) {
    auto text = readUserTextFile(path, "the variants file");
    if (!text)
        return text.error();
    return parseVariantsYaml(*text, path);
}

std::string variantsToYaml(const std::vector<PromptVariant>& variants) {
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "variants" << YAML::Value << YAML::BeginSeq;
    for (const PromptVariant& variant : variants) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << variant.name;
        for (const auto& [key, text] :
             {std::pair{"system", &variant.system}, std::pair{"user", &variant.user}})
            if (*text) {
                out << YAML::Key << key << YAML::Value;
                if ((*text)->find('\n') != std::string::npos)
                    out << YAML::Literal;
                out << **text;
            }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
    return "# Switchyard prompt variants. Variables: {{prompt}} (the last user turn), {{system}},\n"
           "# {{id}} and any field of the prompt set's records, e.g. {{tier}}.\n" +
           std::string(out.c_str()) + "\n";
}

Status saveVariantsFile(const std::vector<PromptVariant>& variants, const std::string& path) {
    const std::string text = variantsToYaml(variants);
    auto back = parseVariantsYaml(text, path);
    if (!back)
        return back.error();
    if (*back != variants)
        return Error{path, 0, "variants",
                     "the variants would not read back as written (leading or trailing spaces "
                     "in a literal block)"};
    return writeFileAtomically(path, text, "the variants file");
}

} // namespace switchyard
