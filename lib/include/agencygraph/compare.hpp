// Two networks side by side (one place in two years, or two places): which agencies appear, disappear
// or stay, how their burden and rank change, which links are gained and lost with the tasks behind
// them, and the whole-network figures of each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/agency_groups.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"
#include "agencygraph/network_figures.hpp"
#include "agencygraph/successions.hpp"

namespace agencygraph {

enum class Presence : std::uint8_t { Stayed, Appeared, Disappeared };  // appeared: in B only
std::string_view to_string(Presence presence);  // "stayed", "appeared", "disappeared"

struct CompareOptions {
  // None: by jurisdiction and name when both sides name agencies of the same jurisdictions, by name
  // alone otherwise (two places compared), which Comparison::notes then says.
  std::optional<MatchBy> match;
  const SuccessionTable* successions = nullptr;
  // The year whose names successions lead to; none: the latest year of either side's documents (all
  // successions when no document has a year).
  std::optional<int> as_of;
  BurdenWeights weights;
};

struct AgencyChange {
  std::string name, jurisdiction;  // the group's (see AgencyGroup)
  Presence presence = Presence::Stayed;
  std::optional<std::uint32_t> a, b;  // its group in Comparison::a / ::b
};

struct LinkChange {
  std::string from_name, from_jurisdiction, to_name, to_jurisdiction;
  LinkKind kind = LinkKind::LeadToCo;
  Presence presence = Presence::Stayed;  // appeared: a link gained in B; disappeared: lost
  std::optional<std::uint32_t> a, b;     // its link in Comparison::links_a / ::links_b
};

struct Comparison {
  MatchBy match = MatchBy::JurisdictionAndName;
  std::optional<int> as_of;
  NetworkFigures figures_a, figures_b;
  AgencyGrouping a, b;
  std::vector<GroupLink> links_a, links_b;
  // Every matched agency: by the larger of its two burdens, highest first, then jurisdiction and name.
  std::vector<AgencyChange> agencies;
  // Every link of either side: by the larger of its two weights, heaviest first, then the ends' names.
  std::vector<LinkChange> links;
  std::vector<std::string> notes;  // what a reader must know: how agencies were matched, renamings
};

// `metrics_a`/`metrics_b` give the figures' modularity (Louvain) when computed; burden comes from the
// tasks and options.weights.
Comparison compare_networks(const AgencyNetwork& a, const AgencyMetrics& metrics_a, const AgencyNetwork& b,
                            const AgencyMetrics& metrics_b, const CompareOptions& options = {});

}  // namespace agencygraph
