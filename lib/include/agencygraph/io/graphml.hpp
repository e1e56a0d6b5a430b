// GraphML for Gephi, NetworkX, igraph and yEd: every key typed (attr.type), node `label`, edge `weight`,
// the counts and metrics as attributes, and, when the map is given, Gephi's visual attributes (`r`,
// `g`, `b` integers, `size`, `x`, `y`) so that Gephi opens with the map's picture. Text is XML-escaped
// with XML-illegal control characters removed. Attribute list: docs/exports.md.
#pragma once

#include <optional>
#include <ostream>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/map_style.hpp"
#include "agencygraph/io/provenance.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io {

struct GraphmlOptions {
  const MapStyle* style = nullptr;                                // the map: colours, sizes, DOT attributes
  const std::vector<std::optional<Point>>* positions = nullptr;  // by vertex index
  std::string title;                                              // graph-level `title`; empty: map_title
  // Colours and sizes without a MapStyle (node_looks); when null they come from `style`, if any.
  const std::vector<NodeLook>* looks = nullptr;
  // How agencies' and links' `tasks` cite tasks (provenance.hpp). Ids refer to a tasks table that the
  // caller writes beside the file (write_tasks_csv).
  Provenance provenance = Provenance::Full;

  const std::vector<NodeLook>* node_looks() const { return looks ? looks : style ? &style->looks : nullptr; }
};

// The agency graph, directed (lead -> co); co_lead and peer links are symmetric, stored once with
// `symmetric` true (NetworkX cannot read GraphML's per-edge directed="false" in a directed graph).
void write_graphml(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                   const GraphmlOptions& options = {});

// The two-mode task–agency graph, undirected: task nodes ("t<index>", type "task") and agency nodes
// (their stable ids, type "agency"); an edge per (task, unit) with its `role`: lead, co or owner.
void write_two_mode_graphml(std::ostream& out, const AgencyNetwork& network);

}  // namespace agencygraph::io
