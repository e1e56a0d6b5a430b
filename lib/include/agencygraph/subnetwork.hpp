// Part of an analysed network, for exports a tool can open: the most-burdened agencies and the links
// among them of at least a given weight, with their measures as computed on the whole network (a
// broker keeps the betweenness it has in the whole network, as on a map drawn with --top-agencies).
#pragma once

#include <cstddef>

#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph {

struct PartOptions {
  std::size_t top_agencies = 0;  // keep the N most-burdened agencies, ties in vertex order (0: all)
  double min_weight = 0;         // keep the links of at least this weight between kept agencies
};

struct NetworkPart {
  AgencyNetwork network;  // the kept agencies in their order, their links; every document and task, each
                          // task's units restricted to the kept agencies
  AgencyMetrics metrics;  // the whole network's measures of the kept agencies; modularity and notes as they
                          // were, bridges between kept agencies
  std::size_t agencies_left_out = 0, links_left_out = 0;
};

// Burden ranks as metrics.burden gives it (lead + owner + co/2 when not computed), as the map ranks it.
NetworkPart network_part(const AgencyNetwork& network, const AgencyMetrics& metrics, const PartOptions& options);

}  // namespace agencygraph
