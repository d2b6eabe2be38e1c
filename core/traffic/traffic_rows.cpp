#include "traffic/traffic_rows.h"

namespace switchyard {

std::string workloadOfTags(const std::vector<std::string>& tags) {
    for (std::string_view key : {"workload:", "identity:", "team:"})
        for (const std::string& tag : tags)
            if (tag.size() > key.size() && tag.compare(0, key.size(), key) == 0)
                return tag.substr(key.size());
    return kUntaggedWorkload;
}

} // namespace switchyard
