// The list of measures (measures.hpp), and the name lookups read from it.
#include "agencygraph/measures.hpp"

#include <string>

namespace agencygraph {

namespace {

constexpr MeasureColumn kBurden[] = {
    {"burden", false, true, "lead·lead_tasks + owner·owner_tasks + co·co_tasks (weights default 1, 1, 0.5)"}};
constexpr MeasureColumn kDegree[] = {
    {"in_degree", true, true, "distinct agencies with an arc to this one in G"},
    {"out_degree", true, true, "distinct agencies this one has an arc to in G"},
    {"in_strength", false, true, "summed weights of the arcs into this agency in G"},
    {"out_strength", false, true, "summed weights of the arcs out of this agency in G"}};
constexpr MeasureColumn kBetweenness[] = {
    {"betweenness", false, true, "shortest-path (hop) betweenness in G, divided by (n-1)(n-2)"}};
constexpr MeasureColumn kBetweennessWeighted[] = {
    {"betweenness_weighted", false, true, "betweenness in G with arc length 1/weight"}};
constexpr MeasureColumn kCloseness[] = {
    {"closeness", false, true, "inward hop closeness in G, Wasserman-Faust scaled"},
    {"harmonic", false, true, "sum of 1/d(u,v) over agencies u reaching v in G"}};
constexpr MeasureColumn kPageRank[] = {
    {"pagerank", false, true, "weighted PageRank in G, damping 0.85 by default, sums to 1"}};
constexpr MeasureColumn kEigenvector[] = {
    {"eigenvector", false, true, "leading left eigenvector over in-arcs of G, weighted, L2 norm 1"}};
constexpr MeasureColumn kCore[] = {{"core", true, true, "k-core number in Gu, unweighted"}};
constexpr MeasureColumn kComponent[] = {
    {"component", true, false, "weakly connected component, 0, 1, ... by size, largest first"}};
constexpr MeasureColumn kCutStructure[] = {
    {"articulation", true, false, "whether removing the agency disconnects Gu (bridges are listed per link)"}};
constexpr MeasureColumn kLouvain[] = {
    {"cluster", true, false, "Louvain community of Gu, 1, 2, ... by size, largest first"}};

constexpr MeasureSpec kSpecs[] = {
    {Measure::Burden, "burden", MeasureView::Tasks, kBurden},
    {Measure::Degree, "degree", MeasureView::Directed, kDegree},
    {Measure::Betweenness, "betweenness", MeasureView::Directed, kBetweenness},
    {Measure::BetweennessWeighted, "betweenness_weighted", MeasureView::Directed, kBetweennessWeighted},
    {Measure::Closeness, "closeness", MeasureView::Directed, kCloseness},
    {Measure::PageRank, "pagerank", MeasureView::Directed, kPageRank},
    {Measure::Eigenvector, "eigenvector", MeasureView::Directed, kEigenvector},
    {Measure::Core, "core", MeasureView::Undirected, kCore},
    {Measure::Components, "component", MeasureView::Directed, kComponent},
    {Measure::CutStructure, "cut_structure", MeasureView::Undirected, kCutStructure},
    {Measure::Louvain, "louvain", MeasureView::Undirected, kLouvain},
};

template <class T>
std::vector<double> as_doubles(const std::vector<T>& values, double offset = 0) {
  std::vector<double> out;
  out.reserve(values.size());
  for (const T value : values) out.push_back(static_cast<double>(value) + offset);
  return out;
}

}  // namespace

std::span<const MeasureSpec> measure_specs() { return kSpecs; }

const MeasureColumn* find_measure_column(std::string_view name) {
  for (const MeasureSpec& spec : kSpecs)
    for (const MeasureColumn& column : spec.columns)
      if (column.name == name) return &column;
  return nullptr;
}

std::optional<Measure> measure_of_column(std::string_view name) {
  for (const MeasureSpec& spec : kSpecs)
    for (const MeasureColumn& column : spec.columns)
      if (column.name == name) return spec.measure;
  return std::nullopt;
}

std::optional<Measure> measure_from_name(std::string_view name) {
  for (const MeasureSpec& spec : kSpecs)
    if (spec.name == name) return spec.measure;
  return std::nullopt;
}

std::string_view measure_names() {
  static const std::string names = [] {
    std::string joined;
    for (const MeasureSpec& spec : kSpecs) {
      if (!joined.empty()) joined += ", ";
      joined += spec.name;
    }
    return joined;
  }();
  return names;
}

std::vector<double> measure_column_values(const AgencyMetrics& m, std::string_view name) {
  if (name == "burden") return m.burden;
  if (name == "in_degree") return m.in_degree;
  if (name == "out_degree") return m.out_degree;
  if (name == "in_strength") return m.in_strength;
  if (name == "out_strength") return m.out_strength;
  if (name == "betweenness") return m.betweenness;
  if (name == "betweenness_weighted") return m.betweenness_weighted;
  if (name == "closeness") return m.closeness;
  if (name == "harmonic") return m.harmonic;
  if (name == "pagerank") return m.pagerank;
  if (name == "eigenvector") return m.eigenvector;
  if (name == "core") return as_doubles(m.core);
  if (name == "component") return as_doubles(m.component);
  if (name == "articulation") return as_doubles(m.articulation);
  if (name == "cluster") return as_doubles(m.community, 1.0);
  return {};
}

}  // namespace agencygraph
