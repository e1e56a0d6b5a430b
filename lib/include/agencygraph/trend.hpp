// A corpus year by year (or place by place): the whole-network figures of each year's network, its
// most-burdened agencies, and the burden of those agencies across the years.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "agencygraph/agency_groups.hpp"
#include "agencygraph/corpus_split.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"
#include "agencygraph/network_figures.hpp"
#include "agencygraph/successions.hpp"

namespace agencygraph {

struct TrendOptions {
  SplitBy by = SplitBy::Year;
  std::size_t top = 10;  // agencies listed per year (place)
  // Agencies are matched across the years by successor name (as of the latest year of the corpus)
  // and jurisdiction, across places by successor name alone (see MatchBy).
  const SuccessionTable* successions = nullptr;
  BurdenWeights weights;
};

struct TrendInput {
  std::string key;                   // the year or the place
  const AgencyNetwork* network = nullptr;
  const AgencyMetrics* metrics = nullptr;  // for the modularity; may lack the Louvain clusters
};

struct RankedAgency {
  std::string name, jurisdiction;   // the group's (see AgencyGroup)
  std::vector<std::string> printed; // printed_names(): the names the documents give, where they differ
  double burden = 0;
  std::uint32_t lead_tasks = 0, co_tasks = 0, owner_tasks = 0;
  std::size_t rank = 0;
};

struct TrendPoint {
  std::string key;
  NetworkFigures figures;
  std::vector<RankedAgency> top;  // by rank, then jurisdiction and name; at most TrendOptions::top
};

// One agency's burden at each point, null where it is absent: for the agencies in any point's top list.
struct AgencySeries {
  std::string name, jurisdiction;
  std::vector<std::optional<double>> burden;  // by point
};

struct Trend {
  SplitBy by = SplitBy::Year;
  MatchBy match = MatchBy::JurisdictionAndName;
  std::optional<int> as_of;  // the year successions lead to
  std::vector<TrendPoint> points;    // in the order given
  std::vector<AgencySeries> series;  // by highest burden at any point, then jurisdiction and name
  std::vector<std::string> notes;
};

Trend make_trend(const std::vector<TrendInput>& inputs, const TrendOptions& options = {});

}  // namespace agencygraph
