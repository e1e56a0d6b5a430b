#include "agencygraph/compare.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace agencygraph {

std::string_view to_string(Presence presence) {
  switch (presence) {
    case Presence::Stayed: return "stayed";
    case Presence::Appeared: return "appeared";
    case Presence::Disappeared: return "disappeared";
  }
  return "stayed";
}

namespace {

std::set<std::string> jurisdictions(const AgencyNetwork& network) {
  std::set<std::string> result;
  for (AgencyVertex v = 0; v < boost::num_vertices(network.graph); ++v) result.insert(network.graph[v].jurisdiction);
  return result;
}

std::string listed(const std::set<std::string>& places) {
  std::string out;
  for (const std::string& place : places) {
    if (!out.empty()) out += "、";
    out += place.empty() ? "(unknown)" : place;
  }
  return out.empty() ? "(none)" : out;
}

std::optional<int> later(std::optional<int> x, std::optional<int> y) {
  if (!x) return y;
  if (!y) return x;
  return std::max(*x, *y);
}

using GroupKey = std::pair<std::string, std::string>;  // (jurisdiction, name)
GroupKey key_of(const AgencyGroup& group) { return {group.jurisdiction, group.name}; }

}  // namespace

Comparison compare_networks(const AgencyNetwork& a, const AgencyMetrics& metrics_a, const AgencyNetwork& b,
                            const AgencyMetrics& metrics_b, const CompareOptions& options) {
  Comparison result;
  const std::set<std::string> places_a = jurisdictions(a), places_b = jurisdictions(b);
  result.match = options.match.value_or(places_a == places_b ? MatchBy::JurisdictionAndName : MatchBy::Name);
  if (result.match == MatchBy::Name) {
    if (places_a != places_b)
      result.notes.push_back("agencies are matched by name alone: A names agencies of " + listed(places_a) +
                             ", B of " + listed(places_b) + ", so an agency of A is the one of B with its name "
                             "(市教育局 of one place is taken for 市教育局 of the other)");
    for (const auto& [side, places] : {std::pair{"A", &places_a}, std::pair{"B", &places_b}})
      if (places->size() > 1)
        result.notes.push_back(std::string("side ") + side + " names agencies of " + std::to_string(places->size()) +
                               " jurisdictions: agencies of one name among them count as one");
  }
  result.as_of = options.as_of ? options.as_of : later(latest_year(a), latest_year(b));
  const GroupingOptions grouping_options{result.match, options.successions, result.as_of, options.weights};
  result.a = group_agencies(a, grouping_options);
  result.b = group_agencies(b, grouping_options);
  if (options.successions != nullptr && !options.successions->empty()) {
    result.notes.push_back("successions as of " + (result.as_of ? std::to_string(*result.as_of) : std::string("any year")) +
                           ": " + std::to_string(result.a.renamed) + " agencies of A and " +
                           std::to_string(result.b.renamed) + " of B are matched under a successor's name");
  }
  result.figures_a = network_figures(a, metrics_a);
  result.figures_b = network_figures(b, metrics_b);

  // Agencies: the union of both sides' groups by key.
  std::map<GroupKey, AgencyChange> agencies;
  for (std::uint32_t g = 0; g < result.a.groups.size(); ++g) {
    const AgencyGroup& group = result.a.groups[g];
    AgencyChange& change = agencies[key_of(group)];
    change.name = group.name;
    change.jurisdiction = group.jurisdiction;
    change.a = g;
  }
  for (std::uint32_t g = 0; g < result.b.groups.size(); ++g) {
    const AgencyGroup& group = result.b.groups[g];
    AgencyChange& change = agencies[key_of(group)];
    change.name = group.name;
    change.jurisdiction = group.jurisdiction;
    change.b = g;
  }
  auto burden_of = [&](const AgencyChange& change) {
    return std::max(change.a ? result.a.groups[*change.a].burden : 0.0, change.b ? result.b.groups[*change.b].burden : 0.0);
  };
  for (auto& [key, change] : agencies) {
    change.presence = change.a && change.b ? Presence::Stayed : change.b ? Presence::Appeared : Presence::Disappeared;
    result.agencies.push_back(std::move(change));
  }
  std::stable_sort(result.agencies.begin(), result.agencies.end(),
                   [&](const AgencyChange& x, const AgencyChange& y) { return burden_of(x) > burden_of(y); });

  // Links: by their ends' keys and kind. A symmetric link runs from the lower key to the higher on both
  // sides (groups are numbered in key order), so one pair has one key on either side.
  result.links_a = group_links(a, result.a);
  result.links_b = group_links(b, result.b);
  using LinkKey = std::tuple<GroupKey, GroupKey, LinkKind>;
  std::map<LinkKey, LinkChange> links;
  auto add_links = [&](const AgencyGrouping& grouping, const std::vector<GroupLink>& side, bool is_a) {
    for (std::uint32_t l = 0; l < side.size(); ++l) {
      const AgencyGroup& from = grouping.groups[side[l].from];
      const AgencyGroup& to = grouping.groups[side[l].to];
      LinkChange& change = links[{key_of(from), key_of(to), side[l].kind}];
      change.from_name = from.name;
      change.from_jurisdiction = from.jurisdiction;
      change.to_name = to.name;
      change.to_jurisdiction = to.jurisdiction;
      change.kind = side[l].kind;
      (is_a ? change.a : change.b) = l;
    }
  };
  add_links(result.a, result.links_a, true);
  add_links(result.b, result.links_b, false);
  auto weight_of = [&](const LinkChange& change) {
    return std::max(change.a ? result.links_a[*change.a].weight() : 0.0, change.b ? result.links_b[*change.b].weight() : 0.0);
  };
  for (auto& [key, change] : links) {
    change.presence = change.a && change.b ? Presence::Stayed : change.b ? Presence::Appeared : Presence::Disappeared;
    result.links.push_back(std::move(change));
  }
  std::stable_sort(result.links.begin(), result.links.end(),
                   [&](const LinkChange& x, const LinkChange& y) { return weight_of(x) > weight_of(y); });
  return result;
}

}  // namespace agencygraph
