#include "providers/http.h"

#include <cctype>
#include <charconv>

namespace switchyard {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool unreserved(unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

} // namespace

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

const std::string* findHeader(const std::vector<HttpHeader>& headers, std::string_view name) {
    for (const auto& header : headers)
        if (equalsIgnoreCase(header.name, name))
            return &header.value;
    return nullptr;
}

const std::string* HttpResponse::header(std::string_view name) const {
    return findHeader(headers, name);
}

void setHeader(std::vector<HttpHeader>& headers, std::string_view name, std::string value) {
    std::erase_if(headers, [name](const HttpHeader& h) { return equalsIgnoreCase(h.name, name); });
    headers.push_back({std::string(name), std::move(value)});
}

std::string percentEncode(std::string_view text, bool keepSlash) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c) || (keepSlash && c == '/')) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

bool parseUrl(std::string_view url, UrlParts& parts) {
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos)
        return false;
    parts = {};
    for (const char c : url.substr(0, schemeEnd))
        parts.scheme += lower(c);
    if (parts.scheme != "http" && parts.scheme != "https")
        return false;
    std::string_view rest = url.substr(schemeEnd + 3);
    const auto authorityEnd = rest.find_first_of("/?#");
    const std::string_view authority = rest.substr(0, authorityEnd);
    rest = authorityEnd == std::string_view::npos ? std::string_view() : rest.substr(authorityEnd);
    if (authority.empty() || authority.find('@') != std::string_view::npos)
        return false;

    std::string_view host = authority;
    std::string_view portText;
    if (authority.front() == '[') { // IPv6 literal
        const auto close = authority.find(']');
        if (close == std::string_view::npos)
            return false;
        host = authority.substr(0, close + 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':')
                return false;
            portText = authority.substr(close + 2);
        }
    } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        portText = authority.substr(colon + 1);
    }
    if (host.empty())
        return false;
    for (const char c : host)
        parts.host += lower(c);
    if (!portText.empty()) {
        const auto [end, ec] =
            std::from_chars(portText.data(), portText.data() + portText.size(), parts.port);
        if (ec != std::errc() || end != portText.data() + portText.size() || parts.port <= 0 ||
            parts.port > 65535)
            return false;
    }
    const int defaultPort = parts.scheme == "https" ? 443 : 80;
    parts.hostPort = parts.host;
    if (parts.port != 0 && parts.port != defaultPort)
        parts.hostPort += ":" + std::to_string(parts.port);

    rest = rest.substr(0, rest.find('#'));
    const auto queryStart = rest.find('?');
    parts.path = std::string(rest.substr(0, queryStart));
    if (parts.path.empty())
        parts.path = "/";
    if (queryStart != std::string_view::npos)
        parts.query = std::string(rest.substr(queryStart + 1));
    return true;
}

} // namespace switchyard
