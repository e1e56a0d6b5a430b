// The per-agency measures every writer exports, in the order they are written: one list, so a
// new measure in AgencyMetrics is added to JSON, GraphML, CSV and DOT in one place.
// (cluster and articulation follow these; writers handle them next, cluster being 1-based.)
#pragma once

#include "agencygraph/metrics.hpp"

namespace agencygraph::io::detail {

// Calls f(name, values) for each measure held as one value per vertex: std::vector<double> for the
// centralities, std::vector<std::uint32_t> for core and component.
template <typename F>
void for_each_measure(const AgencyMetrics& m, F&& f) {
  f("burden", m.burden);
  f("in_degree", m.in_degree);
  f("out_degree", m.out_degree);
  f("in_strength", m.in_strength);
  f("out_strength", m.out_strength);
  f("betweenness", m.betweenness);
  f("betweenness_weighted", m.betweenness_weighted);
  f("closeness", m.closeness);
  f("harmonic", m.harmonic);
  f("pagerank", m.pagerank);
  f("eigenvector", m.eigenvector);
  f("core", m.core);
  f("component", m.component);
}

}  // namespace agencygraph::io::detail
