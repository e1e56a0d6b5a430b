// The task–agency two-mode graph and its one-mode projection, both read from the network's task
// provenance (TaskInfo::leads/co/owner), so they agree with build_network's roles and policies.
#include <cstdint>
#include <vector>

#include "agencygraph/graph.hpp"
#include "graph/link_accumulator.hpp"

namespace agencygraph {

TwoModeGraph build_two_mode(const AgencyNetwork& network) {
  TwoModeGraph result;
  result.task_count = network.tasks.size();
  const std::size_t agencies = boost::num_vertices(network.graph);
  result.graph = decltype(result.graph)(result.task_count + agencies);
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    auto add = [&](std::uint32_t v, Role role) {
      boost::add_edge(t, result.task_count + v, result.graph);
      result.edge_roles.push_back(role);
    };
    for (std::uint32_t v : task.leads) add(v, Role::Lead);
    if (task.owner) add(*task.owner, Role::Lead);  // it answers for the task alone
    for (std::uint32_t v : task.co) add(v, Role::Co);
  }
  return result;
}

AgencyNetwork project_one_mode(const AgencyNetwork& network) {
  AgencyNetwork result;
  result.documents = network.documents;
  result.tasks = network.tasks;
  const std::size_t n = boost::num_vertices(network.graph);
  detail::LinkAccumulator links;
  std::vector<std::uint32_t> units;
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    units.assign(task.leads.begin(), task.leads.end());
    if (task.owner) units.push_back(*task.owner);
    units.insert(units.end(), task.co.begin(), task.co.end());
    for (std::size_t i = 0; i < units.size(); ++i)
      for (std::size_t j = i + 1; j < units.size(); ++j)
        links.add(units[i], units[j], LinkKind::Peer, static_cast<std::uint32_t>(t));
  }
  result.graph = links.build(n);
  for (AgencyVertex v = 0; v < n; ++v) result.graph[v] = network.graph[v];
  return result;
}

}  // namespace agencygraph
