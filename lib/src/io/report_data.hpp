// The report's data: one JSON object the page parses once (schema in docs/report.md).
#pragma once

#include <string>

#include "agencygraph/io/report.hpp"

namespace agencygraph::io::detail {

// `style` is the map as drawn (its nodes and links are the map's); the text is safe inside a
// <script type="application/json"> element (report_json.hpp).
std::string report_data(const AgencyNetwork& network, const AgencyMetrics& metrics, const ReportInputs& inputs,
                        const MapStyle& style, const ReportOptions& options);

}  // namespace agencygraph::io::detail
