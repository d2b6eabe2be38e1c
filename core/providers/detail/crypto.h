#pragma once

#include <array>
#include <string>
#include <string_view>

namespace switchyard::detail {

using Digest = std::array<unsigned char, 32>;

Digest sha256(std::string_view data);
Digest hmacSha256(std::string_view key, std::string_view data);
std::string hex(const Digest& digest);
inline std::string sha256Hex(std::string_view data) {
    return hex(sha256(data));
}

inline std::string_view asView(const Digest& digest) {
    return {reinterpret_cast<const char*>(digest.data()), digest.size()};
}

} // namespace switchyard::detail
