#include "policy/detail/policy_yaml.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace switchyard::policy_yaml {

namespace {

size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

void fail(const YAML::Node& node, const std::string& path, const std::string& message) {
    throw PolicyError{path, message, node.IsDefined() ? node.Mark().line + 1 : 0};
}

std::string childPath(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

std::string text(const YAML::Node& node, const std::string& path) {
    if (!node.IsScalar())
        fail(node, path, "must be a string");
    return node.as<std::string>();
}

double number(const YAML::Node& node, const std::string& path, double min, double max) {
    double value = 0.0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value))
        fail(node, path, "must be a number");
    if (value < min || value > max) {
        std::ostringstream range;
        range << "must be from " << min << " to " << max;
        fail(node, path, range.str());
    }
    return value;
}

int64_t integer(const YAML::Node& node, const std::string& path, int64_t min, int64_t max) {
    int64_t value = 0;
    if (!node.IsScalar() || !YAML::convert<int64_t>::decode(node, value))
        fail(node, path, "must be a whole number");
    if (value < min || value > max)
        fail(node, path, "must be from " + std::to_string(min) + " to " + std::to_string(max));
    return value;
}

bool boolean(const YAML::Node& node, const std::string& path) {
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
        fail(node, path, "must be true or false");
    return value;
}

std::vector<std::string> texts(const YAML::Node& node, const std::string& path) {
    std::vector<std::string> out;
    if (node.IsSequence()) {
        for (size_t i = 0; i < node.size(); ++i)
            out.push_back(text(node[i], path + "[" + std::to_string(i) + "]"));
    } else {
        out.push_back(text(node, path));
    }
    return out;
}

std::string oneOf(const YAML::Node& node, const std::string& path,
                  std::initializer_list<const char*> allowed) {
    const std::string value = text(node, path);
    std::string names;
    for (const char* name : allowed) {
        if (value == name)
            return value;
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    fail(node, path, "must be one of " + names);
}

void requireMapping(const YAML::Node& node, const std::string& path,
                    std::initializer_list<const char*> known) {
    if (!node.IsMap())
        fail(node, path.empty() ? std::string("(top level)") : path, "must be a mapping");
    for (const auto& entry : node) {
        const std::string key = entry.first.as<std::string>();
        if (std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
            continue;
        std::string nearest;
        size_t best = std::max<size_t>(2, key.size() / 3) + 1;
        for (const char* candidate : known) {
            const size_t distance = editDistance(key, candidate);
            if (distance < best) {
                best = distance;
                nearest = candidate;
            }
        }
        std::string message = "unknown key";
        if (!nearest.empty()) {
            message += ", did you mean '" + nearest + "'?";
        } else {
            message += " (known:";
            for (const char* candidate : known)
                message += std::string(" ") + candidate;
            message += ")";
        }
        fail(entry.first, childPath(path, key), message);
    }
}

} // namespace switchyard::policy_yaml
