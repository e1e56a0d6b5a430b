#include "agencygraph/agency_groups.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>

namespace agencygraph {

std::string_view to_string(MatchBy match) { return match == MatchBy::Name ? "name" : "jurisdiction_and_name"; }

std::optional<int> latest_year(const AgencyNetwork& network) {
  std::optional<int> latest;
  for (const DocumentInfo& document : network.documents)
    if (document.year && (!latest || *document.year > *latest)) latest = document.year;
  return latest;
}

namespace {

// The group's counts over its members' tasks, each task once in its strongest role.
void count_roles(const AgencyNetwork& network, const std::vector<std::uint32_t>& group_of, std::uint32_t g,
                 AgencyGroup& group, const BurdenWeights& weights) {
  const AgencyGraph& graph = network.graph;
  if (group.members.size() == 1) {
    const Agency& agency = graph[group.members.front()];
    group.tasks.assign(agency.tasks.begin(), agency.tasks.end());
    group.lead_tasks = agency.lead_tasks;
    group.co_tasks = agency.co_tasks;
    group.owner_tasks = agency.owner_tasks;
  } else {
    for (const AgencyVertex v : group.members) group.tasks.insert(group.tasks.end(), graph[v].tasks.begin(), graph[v].tasks.end());
    std::sort(group.tasks.begin(), group.tasks.end());
    group.tasks.erase(std::unique(group.tasks.begin(), group.tasks.end()), group.tasks.end());
    auto in_group = [&](std::uint32_t v) { return group_of[v] == g; };
    for (const std::uint32_t t : group.tasks) {
      const TaskInfo& task = network.tasks[t];
      if (std::any_of(task.leads.begin(), task.leads.end(), in_group)) ++group.lead_tasks;
      else if (task.owner && in_group(*task.owner)) ++group.owner_tasks;
      else ++group.co_tasks;
    }
  }
  group.burden = weights.lead * group.lead_tasks + weights.owner * group.owner_tasks + weights.co * group.co_tasks;
}

}  // namespace

AgencyGrouping group_agencies(const AgencyNetwork& network, const GroupingOptions& options) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  AgencyGrouping result;
  result.group_of.assign(n, 0);
  // (jurisdiction, name) -> group; std::map orders the groups bytewise.
  std::map<std::pair<std::string, std::string>, std::vector<AgencyVertex>> members;
  for (AgencyVertex v = 0; v < n; ++v) {
    const Agency& agency = graph[v];
    std::string name = options.successions != nullptr && !options.successions->empty()
                           ? options.successions->successor(agency.name, agency.jurisdiction, options.as_of)
                           : agency.name;
    result.renamed += name != agency.name;
    std::string jurisdiction = options.match == MatchBy::Name ? std::string() : agency.jurisdiction;
    members[{std::move(jurisdiction), std::move(name)}].push_back(v);
  }
  result.groups.reserve(members.size());
  for (auto& [key, vertices] : members) {
    const auto g = static_cast<std::uint32_t>(result.groups.size());
    AgencyGroup& group = result.groups.emplace_back();
    group.jurisdiction = key.first;
    group.name = key.second;
    group.members = std::move(vertices);
    for (const AgencyVertex v : group.members) result.group_of[v] = g;
  }
  for (std::uint32_t g = 0; g < result.groups.size(); ++g)
    count_roles(network, result.group_of, g, result.groups[g], options.weights);
  // Competition ranking by burden: groups of equal burden share the better rank.
  std::vector<std::size_t> order(result.groups.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return result.groups[a].burden > result.groups[b].burden; });
  for (std::size_t i = 0; i < order.size(); ++i) {
    const bool tie = i > 0 && result.groups[order[i]].burden == result.groups[order[i - 1]].burden;
    result.groups[order[i]].rank = tie ? result.groups[order[i - 1]].rank : i + 1;
  }
  return result;
}

std::vector<std::string> printed_names(const AgencyNetwork& network, const AgencyGroup& group) {
  std::vector<std::string> names;
  bool differs = false;
  for (const AgencyVertex v : group.members) {
    const Agency& agency = network.graph[v];
    differs = differs || agency.name != group.name || group.members.size() > 1;
    // Matched by name alone, members of several jurisdictions say which is which.
    names.push_back(group.jurisdiction.empty() && group.members.size() > 1 && !agency.jurisdiction.empty()
                        ? agency.name + "（" + agency.jurisdiction + "）"
                        : agency.name);
  }
  if (!differs) return {};
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<GroupLink> group_links(const AgencyNetwork& network, const AgencyGrouping& grouping) {
  const AgencyGraph& graph = network.graph;
  std::map<std::tuple<std::uint32_t, std::uint32_t, LinkKind>, std::vector<std::uint32_t>> joined;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    std::uint32_t from = grouping.group_of[boost::source(*it, graph)];
    std::uint32_t to = grouping.group_of[boost::target(*it, graph)];
    if (from == to) continue;  // within a merged group: not a link between agencies any longer
    const Link& link = graph[*it];
    if (link.kind != LinkKind::LeadToCo && from > to) std::swap(from, to);
    std::vector<std::uint32_t>& tasks = joined[{from, to, link.kind}];
    tasks.insert(tasks.end(), link.tasks.begin(), link.tasks.end());
  }
  std::vector<GroupLink> links;
  links.reserve(joined.size());
  for (auto& [key, tasks] : joined) {
    std::sort(tasks.begin(), tasks.end());
    tasks.erase(std::unique(tasks.begin(), tasks.end()), tasks.end());
    links.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::move(tasks)});
  }
  return links;
}

}  // namespace agencygraph
