// What `compare` and `trend` share: the succession table, the analysis their figures need, how a set
// of documents is named, and the figures as rows of a table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"
#include "agencygraph/network_figures.hpp"
#include "agencygraph/successions.hpp"
#include "input_options.hpp"

namespace agencygraph::cli {

// The succession table of --successions (names made canonical with --aliases as the documents' are);
// none without the option. Throws std::runtime_error "FILE:LINE: problem".
std::optional<SuccessionTable> load_successions(const std::optional<std::string>& path, const InputOptions& input);

// The measures the figures read (Louvain's modularity); nothing for a network without agencies.
AgencyMetrics analyse_for_figures(const AgencyNetwork& network);

// "咸宁市 2023", "咸宁市、荆州市 2019–2023": the documents' places and years; `fallback` when they give none.
std::string describe_documents(const AgencyNetwork& network, const std::string& fallback);

// One whole-network figure, its name as JSON and CSV give it, and its value (none: not defined).
struct FigureValue {
  const char* name;
  std::optional<double> value;
  bool count;  // a whole number (documents, agencies, …)
};
std::vector<FigureValue> figure_values(const NetworkFigures& figures);

// Task references of one network as `export` writes them: "61;62", "1:61;2:5" with several documents.
std::string task_references(const AgencyNetwork& network, const std::vector<std::uint32_t>& tasks);

}  // namespace agencygraph::cli
