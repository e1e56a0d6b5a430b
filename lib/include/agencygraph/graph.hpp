// Stage 5: the agency network. Vertices are agencies keyed by (jurisdiction, canonical name);
// edges link a task's lead to each co-responsible unit, co-leads to each other, and (by policy)
// the units of a task with no lead to each other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "agencygraph/model.hpp"

namespace agencygraph {

// Provenance: a task as the network remembers it, independent of the Document objects.
struct TaskInfo {
  std::uint32_t document = 0;  // index into AgencyNetwork::documents
  std::string id;              // task number as printed
  std::string source;          // path of the source the task was read from
  std::uint32_t line = 0;
  std::string text;            // task text without annotation
};

struct DocumentInfo {
  std::vector<std::string> sources;
  std::optional<std::string> title;
  std::optional<std::string> jurisdiction;
  std::optional<int> year;
};

struct Agency {
  std::string name;          // canonical name
  std::string jurisdiction;  // empty when the document's jurisdiction is unknown
  std::string label;         // name, or "name（jurisdiction）" where two jurisdictions share a name
  AgencyKind kind = AgencyKind::Department;
  std::vector<std::string> spellings;  // names as printed, sorted, distinct
  std::uint32_t lead_tasks = 0;    // tasks where it is (a) lead
  std::uint32_t co_tasks = 0;      // tasks where it is co-responsible
  std::uint32_t owner_tasks = 0;   // tasks that name it alone, without a lead label
  std::vector<std::uint32_t> tasks;  // indices into AgencyNetwork::tasks, ascending
};

enum class LinkKind : std::uint8_t {
  LeadToCo,  // directed: lead -> co-responsible
  CoLead,    // symmetric: two leads of one task
  Peer,      // symmetric: two units of a task without a lead (peers policy)
};
std::string_view to_string(LinkKind kind);

// Symmetric links are stored once, from the lower to the higher vertex index; analyses treat them
// as a pair of opposite arcs. Parallel edges of different kinds between one pair may exist.
struct Link {
  LinkKind kind = LinkKind::LeadToCo;
  double weight = 0;                 // number of tasks joining the pair in these roles
  std::vector<std::uint32_t> tasks;  // indices into AgencyNetwork::tasks, ascending
};

using AgencyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Agency, Link>;
using AgencyVertex = boost::graph_traits<AgencyGraph>::vertex_descriptor;
using AgencyEdge = boost::graph_traits<AgencyGraph>::edge_descriptor;

// What to do with a task that names several units but no lead.
enum class NoLeadPolicy : std::uint8_t {
  Peers,        // link every pair of its units symmetrically (default)
  FirstListed,  // treat the first-listed unit as the lead
  None,         // add no links (units still count the task as co tasks)
};

struct NetworkOptions {
  NoLeadPolicy no_lead = NoLeadPolicy::Peers;
  bool exclude_collectives = false;
};

struct AgencyNetwork {
  AgencyGraph graph;
  std::vector<DocumentInfo> documents;
  std::vector<TaskInfo> tasks;
};

// Builds the network; vertex order is deterministic (by jurisdiction, then canonical name).
AgencyNetwork build_network(const std::vector<Document>& documents, const NetworkOptions& options = {});

// The two-mode task–agency graph: vertices 0..tasks-1 are tasks, then agencies; an edge per role.
struct TwoModeGraph {
  boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> graph;
  std::size_t task_count = 0;      // vertices [0, task_count) are tasks, the rest agencies
  std::vector<Role> edge_roles;    // by edge insertion order
};
TwoModeGraph build_two_mode(const AgencyNetwork& network);

// One-mode projection of the two-mode graph: all units of a task linked, weight = shared tasks.
AgencyNetwork project_one_mode(const AgencyNetwork& network);

}  // namespace agencygraph
