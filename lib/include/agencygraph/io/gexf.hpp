// GEXF for Gephi: GEXF 1.2draft (the version Gephi and NetworkX 2.8's read_gexf both read), or 1.3.
// Agencies carry Gephi's visual attributes (viz:color by cluster, viz:size by burden, viz:position from
// the map's layout when one was made), which Gephi applies on import, and every measure as a typed
// attribute. For a corpus spanning several years the graph is dynamic: each agency and link has spells,
// the years it appears in, and yearly values (its burden, the link's weight) as dynamic attributes,
// so that Gephi's timeline plays the network year by year. Attribute list: docs/exports.md.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/map_style.hpp"
#include "agencygraph/io/provenance.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io {

enum class GexfVersion : std::uint8_t { V1_2draft, V1_3 };

struct GexfOptions {
  GexfVersion version = GexfVersion::V1_2draft;
  const std::vector<NodeLook>* looks = nullptr;                   // viz:color and viz:size, by vertex
  const std::vector<std::optional<Point>>* positions = nullptr;  // viz:position, by vertex
  std::string title;                                              // <description>; empty: map_title
  Provenance provenance = Provenance::Full;                       // the `tasks` attribute
  // A dynamic graph when the documents span two years or more (false: always static). Agencies and
  // links only in documents without a year then have no spells (Gephi shows them throughout).
  bool dynamic = true;
  BurdenWeights weights;  // for the yearly burden; the static `burden` comes from the metrics
};

// The agency graph, directed (lead -> co); co-lead and peer links are symmetric, stored once, and marked
// by their `kind` (NetworkX refuses undirected edges in a directed GEXF graph, as GraphML's readers do).
void write_gexf(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                const GexfOptions& options = {});

// Whether write_gexf writes a dynamic graph: the years of the network's documents, ascending and
// distinct, when there are two or more of them and options.dynamic; else empty.
std::vector<int> gexf_years(const AgencyNetwork& network, const GexfOptions& options);

}  // namespace agencygraph::io
