// nodes.csv and edges.csv in the shape Gephi's spreadsheet import expects (Id, Label; Source, Target,
// Type, Id, Weight) and pandas reads as is; the other columns as in GraphML (docs/exports.md).
// RFC 4180 with a UTF-8 byte order mark, through io/csv.hpp.
#pragma once

#include <ostream>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io {

// `options` supplies the map's colour, size and x/y columns when given.
void write_nodes_csv(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                     const GraphmlOptions& options = {});
// Type is "Directed" for lead -> co and "Undirected" for symmetric links.
void write_edges_csv(std::ostream& out, const AgencyNetwork& network, Provenance provenance = Provenance::Full);

}  // namespace agencygraph::io
