// The network as a DOT file for Graphviz and pygraphviz/NetworkX: labels, the map's style (colours,
// shapes, widths) so that `dot -Ksfdp -Tsvg` gives a similar picture, and every GraphML attribute as a
// DOT attribute. Every ID is double-quoted; labels and attribute values are Graphviz escStrings (a
// backslash is written \\, & as &amp; in labels), control characters become spaces.
#pragma once

#include <ostream>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io {

void write_dot(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
               const GraphmlOptions& options = {});

}  // namespace agencygraph::io
