#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace switchyard {

// A credential value. It converts to nothing and prints as nothing: the only way to the text is
// reveal(), which the code that puts it into an HTTP header calls, and nothing else should.
class Secret {
public:
    Secret() = default;
    explicit Secret(std::string value) : m_value(std::move(value)) {}

    const std::string& reveal() const { return m_value; }
    bool empty() const { return m_value.empty(); }

    bool operator==(const Secret&) const = default;

private:
    std::string m_value;
};

// Removes every occurrence of each secret (and the key a provider echoes back after
// "API key provided:") from text that is about to leave the provider layer: error messages,
// anything a caller may log, store or export. Secrets shorter than 4 characters are ignored.
std::string redactSecrets(std::string text, const std::vector<std::string>& secrets);

} // namespace switchyard
