// write_network_json with an explicit thread count for formatting its elements (the public function
// uses the hardware's concurrency). Any count gives the same bytes; tests compare them.
#pragma once

#include <ostream>

#include "agencygraph/io/network_json.hpp"

namespace agencygraph::io::detail {

// threads 0: the hardware's concurrency; 1: everything on the calling thread.
void write_network_json(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                        const NetworkJsonOptions& options, unsigned threads);

}  // namespace agencygraph::io::detail
