#pragma once

// What the policy reader's pieces share: typed reads of YAML nodes that fail with the field's
// path and line. yaml-cpp reports through exceptions; PolicyError and YAML::Exception stay
// inside core/policy and become Error values at its public functions.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace switchyard::policy_yaml {

struct PolicyError {
    std::string path;
    std::string message;
    int64_t line = 0;
};

[[noreturn]] void fail(const YAML::Node& node, const std::string& path, const std::string& message);

std::string text(const YAML::Node& node, const std::string& path);
double number(const YAML::Node& node, const std::string& path, double min, double max);
int64_t integer(const YAML::Node& node, const std::string& path, int64_t min, int64_t max);
bool boolean(const YAML::Node& node, const std::string& path);
// A list of strings; a single string counts as a list of one.
std::vector<std::string> texts(const YAML::Node& node, const std::string& path);
// One of `allowed`, else an error listing them.
std::string oneOf(const YAML::Node& node, const std::string& path,
                  std::initializer_list<const char*> allowed);

// A mapping whose keys are all in `known`: "PATH.KEY: unknown key, did you mean 'X'?" when a
// known key is a few edits away, else the list of known keys. `path` is the mapping's own path
// ("" for the top level).
void requireMapping(const YAML::Node& node, const std::string& path,
                    std::initializer_list<const char*> known);

std::string childPath(const std::string& path, const std::string& key);

} // namespace switchyard::policy_yaml
