#include "change_support.hpp"

#include <set>

#include "agencygraph/aliases.hpp"

namespace agencygraph::cli {

std::optional<SuccessionTable> load_successions(const std::optional<std::string>& path, const InputOptions& input) {
  if (!path) return std::nullopt;
  AliasTable aliases = AliasTable::extending_builtin();
  if (input.aliases_file) aliases.load_tsv(*input.aliases_file);
  return SuccessionTable::load_tsv(*path, &aliases);
}

AgencyMetrics analyse_for_figures(const AgencyNetwork& network) {
  if (boost::num_vertices(network.graph) == 0) return {};
  AnalysisOptions options;
  options.measures = static_cast<std::uint32_t>(Measure::Louvain);
  return analyse(network, options);
}

std::string describe_documents(const AgencyNetwork& network, const std::string& fallback) {
  std::set<std::string> places;
  std::set<int> years;
  for (const DocumentInfo& document : network.documents) {
    if (document.jurisdiction) places.insert(*document.jurisdiction);
    if (document.year) years.insert(*document.year);
  }
  std::string label;
  for (const std::string& place : places) label += (label.empty() ? "" : "、") + place;
  if (!years.empty()) {
    if (!label.empty()) label += ' ';
    label += std::to_string(*years.begin());
    if (years.size() > 1) label += "–" + std::to_string(*years.rbegin());
  }
  return label.empty() ? fallback : label;
}

std::vector<FigureValue> figure_values(const NetworkFigures& f) {
  auto count = [](std::size_t n) { return std::optional<double>(static_cast<double>(n)); };
  return {{"documents", count(f.documents), true},
          {"tasks", count(f.tasks), true},
          {"agencies", count(f.agencies), true},
          {"links", count(f.links), true},
          {"linked_pairs", count(f.linked_pairs), true},
          {"density", f.density, false},
          {"multi_unit_share", f.multi_unit_share, false},
          {"degree_centralisation", f.degree_centralisation, false},
          {"modularity", f.modularity, false}};
}

std::string task_references(const AgencyNetwork& network, const std::vector<std::uint32_t>& tasks) {
  std::string out;
  for (const std::uint32_t t : tasks) {
    if (!out.empty()) out += ';';
    if (network.documents.size() > 1) out += std::to_string(network.tasks[t].document + 1) + ":";
    out += network.tasks[t].id;
  }
  return out;
}

}  // namespace agencygraph::cli
