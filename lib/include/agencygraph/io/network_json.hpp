// The network as JSON for scripts: documents, tasks, agencies with their counts and metrics, links with
// their tasks, clusters. Schema "agencygraph-network/1", documented in docs/exports.md.
#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/provenance.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io {

struct NetworkJsonOptions {
  const std::vector<std::optional<Point>>* positions = nullptr;  // adds "x", "y" to agencies
  // Full: "tasks" with their texts, agencies' and links' "tasks" index it; Ids: the same without the
  // texts; None: no "tasks" anywhere.
  Provenance provenance = Provenance::Full;
};

nlohmann::ordered_json network_to_json(const AgencyNetwork& network, const AgencyMetrics& metrics,
                                       const NetworkJsonOptions& options = {});

// The document as text: one space of indent per level, invalid UTF-8 replaced, newline at the end.
std::string dump_json(const nlohmann::ordered_json& document);

// The same bytes as dump_json(network_to_json(...)), written one element at a time: the tree of a
// national network takes gigabytes (5 GB at 3,000 documents), the elements a few kilobytes each.
void write_network_json(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                        const NetworkJsonOptions& options = {});

}  // namespace agencygraph::io
