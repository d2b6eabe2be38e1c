#include "routing/model_order.h"

#include <algorithm>
#include <cmath>

namespace switchyard::routing {

std::vector<RunModelFigures> modelsCheapestFirst(const ReplayData& data) {
    std::vector<RunModelFigures> models;
    for (const ModelColumn& column : data.models) {
        RunModelFigures model;
        model.modelRef = column.modelRef;
        double sum = 0.0;
        int64_t priced = 0;
        for (size_t i = 0; i < column.costUsd.size(); ++i) {
            if (std::isfinite(column.costUsd[i])) {
                sum += column.costUsd[i];
                ++priced;
            } else if (column.status[i] != static_cast<uint8_t>(CellStatus::Missing)) {
                ++model.unpriced;
            }
        }
        model.meanCostUsd = priced > 0 ? sum / static_cast<double>(priced) : 0.0;
        model.scored = std::count_if(column.quality.begin(), column.quality.end(),
                                     [](float quality) { return std::isfinite(quality); });
        model.hasLabels = std::any_of(column.label.begin(), column.label.end(),
                                      [](int8_t label) { return label != kNoLabel; });
        models.push_back(std::move(model));
    }
    std::stable_sort(models.begin(), models.end(),
                     [](const RunModelFigures& a, const RunModelFigures& b) {
                         if ((a.unpriced > 0) != (b.unpriced > 0))
                             return b.unpriced > 0;
                         return a.meanCostUsd < b.meanCostUsd;
                     });
    return models;
}

std::vector<std::string> orderCheapestFirst(const ReplayData& data,
                                            const std::vector<std::string>& models) {
    std::vector<std::string> ordered;
    for (const RunModelFigures& figures : modelsCheapestFirst(data))
        if (std::find(models.begin(), models.end(), figures.modelRef) != models.end())
            ordered.push_back(figures.modelRef);
    for (const std::string& model : models)
        if (std::find(ordered.begin(), ordered.end(), model) == ordered.end())
            ordered.push_back(model);
    return ordered;
}

} // namespace switchyard::routing
