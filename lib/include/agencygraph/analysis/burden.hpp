// Task burden: how much an agency answers for, from its lead, owner and co-responsible task counts.
#pragma once

#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph {

// By vertex index: weights.lead * lead_tasks + weights.owner * owner_tasks + weights.co * co_tasks.
std::vector<double> burden_scores(const AgencyNetwork& network, const BurdenWeights& weights = {});

}  // namespace agencygraph
