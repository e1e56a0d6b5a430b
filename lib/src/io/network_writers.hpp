// The GraphML, CSV and JSON network writers with an explicit thread count for formatting their rows
// (the public functions use the hardware's concurrency). Any count gives the same bytes; tests compare them.
#pragma once

#include <ostream>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_json.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io::detail {

// threads 0: the hardware's concurrency; 1: everything on the calling thread.
void write_graphml(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                   const GraphmlOptions& options, unsigned threads);
void write_nodes_csv(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                     const GraphmlOptions& options, unsigned threads);
void write_edges_csv(std::ostream& out, const AgencyNetwork& network, unsigned threads,
                     Provenance provenance = Provenance::Full);
void write_network_json(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                        const NetworkJsonOptions& options, unsigned threads);

}  // namespace agencygraph::io::detail
