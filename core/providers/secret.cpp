#include "providers/secret.h"

#include <cctype>

namespace switchyard {

namespace {

constexpr std::string_view kRedacted = "[redacted]";

// OpenAI-style "Incorrect API key provided: sk-abc***************wxyz." shows part of the key.
void redactEchoedKey(std::string& text) {
    static constexpr std::string_view kMarkers[] = {
        "API key provided:", "api key provided:", "API Key provided:"};
    for (const auto marker : kMarkers) {
        size_t at = 0;
        while ((at = text.find(marker, at)) != std::string::npos) {
            size_t begin = at + marker.size();
            while (begin < text.size() && text[begin] == ' ')
                ++begin;
            size_t end = begin;
            while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
                   text[end] != '"' && text[end] != ',')
                ++end;
            if (end > begin && text[end - 1] == '.')
                --end;
            text.replace(begin, end - begin, kRedacted);
            at = begin + kRedacted.size();
        }
    }
}

} // namespace

std::string redactSecrets(std::string text, const std::vector<std::string>& secrets) {
    for (const auto& secret : secrets) {
        if (secret.size() < 4)
            continue;
        size_t at = 0;
        while ((at = text.find(secret, at)) != std::string::npos) {
            text.replace(at, secret.size(), kRedacted);
            at += kRedacted.size();
        }
    }
    redactEchoedKey(text);
    return text;
}

} // namespace switchyard
