// The report's data: one JSON object the page parses once (schema in docs/report.md).
#pragma once

#include <string>
#include <vector>

#include "agencygraph/io/report.hpp"

namespace agencygraph::io::detail {

// Tasks per JSON block. A national corpus has hundreds of thousands of tasks, most of the page's bytes:
// the page parses one block at a time while staying responsive, after it has shown the map.
inline constexpr std::size_t kReportTasksPerBlock = 16384;

// The data in three parts, each the text of one JSON value, safe inside a
// <script type="application/json"> element (report_json.hpp):
struct ReportDataParts {
  std::string core;                      // an object: all but what follows (of the measures, burden)
  std::string agencies;                  // an object: {"agencies": […], "jurisdictions": […]}
  std::string measures;                  // an object: {"measures": {name: [value by agency]}}
  std::vector<std::string> task_blocks;  // arrays of tasks, in task order
  std::string extra;                     // an object: {"sections": […], "extraction": {…}}
};

// `style` is the map as drawn (its nodes and links are the map's).
ReportDataParts report_data(const AgencyNetwork& network, const AgencyMetrics& metrics, const ReportInputs& inputs,
                            const MapStyle& style, const ReportOptions& options);

}  // namespace agencygraph::io::detail
