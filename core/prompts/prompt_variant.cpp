#include "prompts/prompt_variant.h"

#include <algorithm>
#include <cctype>

namespace switchyard {

namespace {

bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

std::string_view trimSpaces(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

// Walks a template: `literal` for the text between variables, `variable` for each name.
template <typename Literal, typename Variable>
Status walkTemplate(std::string_view text, Literal&& literal, Variable&& variable) {
    size_t at = 0;
    for (;;) {
        const size_t open = text.find("{{", at);
        if (open == std::string_view::npos) {
            literal(text.substr(at));
            return success();
        }
        literal(text.substr(at, open - at));
        const size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            return Error{"", 0, "",
                         "'{{' at character " + std::to_string(open + 1) +
                             " is never closed with '}}'"};
        const std::string_view name = trimSpaces(text.substr(open + 2, close - open - 2));
        if (name.empty() || !std::all_of(name.begin(), name.end(), isNameChar))
            return Error{"", 0, "",
                         "'{{" + std::string(text.substr(open + 2, close - open - 2)) +
                             "}}' is not a variable: use letters, digits, '_', '-' or '.'"};
        if (auto status = variable(name); !status)
            return status;
        at = close + 2;
    }
}

// One block with the text, carrying the checkpoint of the last block it replaces.
std::vector<ContentBlock> replacedBlocks(const std::vector<ContentBlock>& old, std::string text) {
    if (text.empty())
        return {};
    ContentBlock block;
    block.text = std::move(text);
    if (!old.empty()) {
        block.cacheCheckpoint = old.back().cacheCheckpoint;
        block.cacheTtl = old.back().cacheTtl;
    }
    return {std::move(block)};
}

Expected<std::string> render(const PromptVariant& variant, const char* part, std::string_view text,
                             const Prompt& prompt) {
    std::string out;
    auto status = walkTemplate(
        text, [&](std::string_view literal) { out += literal; },
        [&](std::string_view name) -> Status {
            if (name == "prompt")
                out += prompt.lastUserText();
            else if (name == "system")
                out += prompt.systemText();
            else if (name == "id")
                out += prompt.id;
            else if (auto it = prompt.fields.find(std::string(name)); it != prompt.fields.end())
                out += it->second;
            else
                return Error{"", 0, "variants." + variant.name + "." + part,
                             "prompt '" + prompt.id + "' has no field '" + std::string(name) +
                                 "' for the variable {{" + std::string(name) + "}} of variant '" +
                                 variant.name + "'"};
            return success();
        });
    if (!status)
        return status.error();
    return out;
}

} // namespace

Expected<std::vector<std::string>> templateVariables(std::string_view text) {
    std::vector<std::string> names;
    auto status = walkTemplate(
        text, [](std::string_view) {},
        [&](std::string_view name) -> Status {
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.emplace_back(name);
            return success();
        });
    if (!status)
        return status.error();
    return names;
}

std::string modelWithVariant(const std::string& modelRef, const PromptVariant& variant) {
    return modelRef + "+" + variant.name;
}

Status checkVariant(const PromptVariant& variant) {
    if (variant.name.empty() || !std::all_of(variant.name.begin(), variant.name.end(), isNameChar))
        return Error{"", 0, "name",
                     "variant name '" + variant.name +
                         "' must be non-empty and use letters, digits, '_', '-' or '.'"};
    if (!variant.system && !variant.user)
        return Error{"", 0, "variants." + variant.name,
                     "variant '" + variant.name +
                         "' sets neither a system prompt nor a user template"};
    for (const auto& [part, text] :
         {std::pair{"system", &variant.system}, std::pair{"user", &variant.user}}) {
        if (!*text)
            continue;
        if (auto names = templateVariables(**text); !names) {
            Error error = names.error();
            error.field = "variants." + variant.name + "." + part;
            return error;
        }
    }
    return success();
}

Expected<Prompt> applyVariant(const PromptVariant& variant, const Prompt& prompt) {
    Prompt out = prompt;
    if (variant.system) {
        auto text = render(variant, "system", *variant.system, prompt);
        if (!text)
            return text.error();
        out.system = replacedBlocks(prompt.system, std::move(*text));
    }
    if (variant.user) {
        auto last = std::find_if(out.messages.rbegin(), out.messages.rend(),
                                 [](const Message& message) { return message.role == "user"; });
        if (last == out.messages.rend())
            return Error{"", 0, "variants." + variant.name + ".user",
                         "prompt '" + prompt.id + "' has no user turn for variant '" +
                             variant.name + "' to fill"};
        auto text = render(variant, "user", *variant.user, prompt);
        if (!text)
            return text.error();
        last->content = replacedBlocks(last->content, std::move(*text));
        if (last->content.empty())
            return Error{"", 0, "variants." + variant.name + ".user",
                         "variant '" + variant.name + "' leaves prompt '" + prompt.id +
                             "' with an empty user turn"};
    }
    return out;
}

} // namespace switchyard
