// Stage 5: the agency network. Vertices are agencies keyed by (jurisdiction, canonical name);
// edges link a task's lead to each co-responsible unit, co-leads to each other, and (by policy)
// the units of a task with no lead to each other.
//
// Roles within one task: a name mentioned twice counts once; an agency named both lead and co is a
// lead. A task with no lead that names exactly one unit makes that unit its owner (owner_tasks, no
// links); one with several units follows NoLeadPolicy. Every task of every document is kept in
// AgencyNetwork::tasks (in document, then task order) even when it names no agency, so task indices
// are stable provenance (unless NetworkOptions::keep_task_records is false: then none is kept).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "agencygraph/model.hpp"
#include "agencygraph/index_list.hpp"
#include "agencygraph/packed_string.hpp"

namespace agencygraph {

// Provenance: a task as the network remembers it, independent of the Document objects. One is kept
// for every task, so its strings are PackedStrings (8 bytes, a short number inline): 88 bytes a task
// where std::strings made 160, more than the text of a task in a large document (docs/performance.md).
struct TaskInfo {
  std::uint32_t document = 0;  // index into AgencyNetwork::documents
  PackedString id;             // task number as printed
  std::uint32_t source = 0;    // the source it was read from: index into its DocumentInfo::sources
  std::uint32_t line = 0;
  PackedString text;           // task text without annotation; empty unless NetworkOptions::keep_task_texts
  // The task's units by vertex index, after de-duplication and the no-lead policy, in the order
  // first named. Units dropped by exclude_collectives are absent. Under FirstListed the first unit
  // of a task without a lead is in `leads`.
  IndexList leads;
  IndexList co;
  std::optional<std::uint32_t> owner;  // the single unit of a task without a lead
  std::uint32_t section = 0;  // the heading it stands under: index into its DocumentInfo::sections
  // Where the task stands in an office file or PDF, as a person finds it there ("table 1, row 5",
  // "Sheet1!C12", "p.3"); empty for text and HTML, whose line says it. Last, so that brace
  // initialisers of the members before it stay valid.
  PackedString place{};
};
static_assert(sizeof(TaskInfo) <= 88, "TaskInfo is kept for every task: see the note above");

struct DocumentInfo {
  std::vector<std::string> sources;
  std::optional<std::string> title;
  std::optional<std::string> jurisdiction;
  std::optional<int> year;
  // Heading paths as Document::sections gives them ([0] is empty: no heading), the pages' merged:
  // a heading path printed on two pages is one section.
  std::vector<std::vector<std::string>> sections{{}};
};

struct Agency {
  std::string name;          // canonical name
  std::string jurisdiction;  // empty when the document's jurisdiction is unknown
  // name, or "name（key）" where two vertices share a name; key is the jurisdiction, or for a document
  // without one "?" + its first source path (Document::jurisdiction_key()), so labels are unique.
  std::string label;
  AgencyKind kind = AgencyKind::Department;  // the kind most of its mentions give; ties: lowest enum
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

using TaskList = IndexList;  // see index_list.hpp
// For code that takes Link::tasks and Agency::tasks alike.
inline std::span<const std::uint32_t> task_span(const TaskList& tasks) { return {tasks.data(), tasks.size()}; }

// Symmetric links are stored once, from the lower to the higher vertex index; analyses treat them
// as a pair of opposite arcs. Parallel edges of different kinds between one pair may exist.
struct Link {
  LinkKind kind = LinkKind::LeadToCo;
  double weight = 0;  // number of tasks joining the pair in these roles
  TaskList tasks;     // indices into AgencyNetwork::tasks, ascending
};

// A compressed-sparse-row graph: the network is built once and only read afterwards, and CSR keeps a
// link in 44 bytes (its 4-byte target, its 32-byte Link, an 8-byte in-edge entry) where an
// adjacency_list spends a heap-allocated list node and two edge-list entries, roughly 150. Vertex and
// edge indices are 32-bit (a national corpus has hundreds of thousands of agencies and millions of
// links, far from 4 billion), so loop over vertices with AgencyVertex rather than std::size_t.
// Out-edges of a vertex come in the order they were given (build_network: by target, then kind);
// in-edges by source. Edges cannot be added later: build a graph with make_agency_graph.
using AgencyGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, Agency, Link, boost::no_property,
                                                       std::uint32_t, std::uint32_t>;
using AgencyVertex = boost::graph_traits<AgencyGraph>::vertex_descriptor;
using AgencyEdge = boost::graph_traits<AgencyGraph>::edge_descriptor;

// The ends of one link, for make_agency_graph.
struct LinkEnds {
  std::size_t source = 0;
  std::size_t target = 0;
};

// A graph of these agencies (vertex i is agencies[i]) and links (edge i joins ends[i], with
// links[i]). Edges keep the order given within each source; they are grouped by source, so give
// them sorted by source for edge i to be boost::edges' i-th. `links` may be empty (default Links).
// O(n + m). Throws std::invalid_argument when links and ends differ in number, std::out_of_range
// when an end names no agency, std::length_error beyond 32-bit indices.
AgencyGraph make_agency_graph(std::vector<Agency> agencies, const std::vector<LinkEnds>& ends,
                              std::vector<Link> links = {});
// The same with vertex_count default Agencies, to be filled in through graph[v]. (Beware that
// AgencyGraph(3) with an int picks Boost's converting constructor; AgencyGraph(AgencyVertex{3}) works.)
// Throws as the overload above.
AgencyGraph make_agency_graph(std::size_t vertex_count, const std::vector<LinkEnds>& ends, std::vector<Link> links = {});

// What to do with a task that names several units but no lead.
enum class NoLeadPolicy : std::uint8_t {
  Peers,        // link every pair of its units symmetrically (default)
  FirstListed,  // treat the first-listed unit as the lead
  None,         // add no links (units still count the task as co tasks)
};

struct NetworkOptions {
  NoLeadPolicy no_lead = NoLeadPolicy::Peers;
  // Drops agencies of kind Collective (各县市区政府, …成员单位) from the network, with their links.
  // Roles are still decided on the task as printed, so the remaining agencies keep exactly the
  // counts they have without the option: a task "责任单位:县住建局、各乡镇人民政府" leaves 县住建局 a co
  // task (not an owner task) and no link; under FirstListed a collective listed first is the lead
  // that is dropped, and the other units stay co without a lead to link to.
  bool exclude_collectives = false;
  // false: TaskInfo::text is left empty in the finished network, for callers that never show task
  // texts (GraphML, CSV, DOT exports, rankings): the texts of a national corpus are tens of megabytes.
  // They are not held while building either: merging pages compares tasks by a hash of their text.
  bool keep_task_texts = true;
  // A task whose units would be linked pairwise (peers of a task without a lead, or several co-leads)
  // forms n(n-1)/2 links: beyond this many units it forms none of them, and the network's warnings
  // say so (the task and its units' counts are kept). A scraped page can list tens of thousands of
  // names in one paragraph; no real task has hundreds of peers. 0: no bound.
  std::size_t max_clique_units = kDefaultMaxCliqueUnits;
  // false: no provenance is kept, for callers that only measure the network (rankings): no TaskInfo
  // in AgencyNetwork::tasks, which stays empty, and empty Agency::tasks and Link::tasks. The agencies'
  // task counts and the links' weights are exactly what they are with provenance. On one large
  // document the task records are most of what the network holds while it is built.
  // (Last, so that brace initialisers of the members before it stay valid.)
  bool keep_task_records = true;
  // With keep_task_records false: Agency::tasks and Link::tasks still list their tasks, by the index
  // each would have in AgencyNetwork::tasks (which stays empty), for callers that cite tasks by index
  // from a table of their own (export's tasks table of one large document, written as it is read).
  bool keep_task_lists = false;
  static constexpr std::size_t kDefaultMaxCliqueUnits = 200;
};

struct AgencyNetwork {
  AgencyGraph graph;
  std::vector<DocumentInfo> documents;
  std::vector<TaskInfo> tasks;
  // What building left out, one line each ("path:line: problem"): tasks over max_clique_units.
  std::vector<std::string> warnings;

  // The path of the source a task was read from.
  const std::string& source_path(const TaskInfo& task) const { return documents[task.document].sources[task.source]; }
};

// Builds the network; vertex order is deterministic: by jurisdiction, then canonical name, then
// jurisdiction key (which separates documents of unknown jurisdiction), all compared bytewise.
// Edges are added in order of (source, target, kind); symmetric kinds go from lower to higher index.
// O(sum over tasks of units^2) links, sorted: O(L log L). Throws std::length_error when the corpus
// has more tasks or agencies than the network's 32-bit (agencies: 30-bit) indices hold.
AgencyNetwork build_network(const std::vector<Document>& documents, const NetworkOptions& options = {});

// The same network built one document at a time, so that a corpus never has to be held in memory:
// each document may be freed as soon as add() returns. With `merge_pages`, a document that repeats
// an earlier one's non-empty title and jurisdiction is a further page of it, merged as merge_pages()
// in extract.hpp merges them (a task printed on both pages is kept once): wherever it comes in the
// input when the jurisdiction is known, directly after the earlier document's last page when it is
// not (is_further_page). finish() gives exactly what build_network gives for the merged documents.
class NetworkBuilder {
 public:
  explicit NetworkBuilder(const NetworkOptions& options = {}, bool merge_pages = false);
  ~NetworkBuilder();
  NetworkBuilder(NetworkBuilder&&) noexcept;
  NetworkBuilder& operator=(NetworkBuilder&&) noexcept;

  // Adds one document's tasks. Throws std::logic_error after finish(), std::length_error beyond
  // 32-bit task indices.
  void add(const Document& document);
  // Adds tasks of a document still being read, in document order, as ExtractOptions::on_tasks hands
  // them over (`so_far`: the document as far as it is read, without these tasks), so that one large
  // document need not be held with all its tasks. add() of that document must follow, with whatever
  // tasks it still holds (none when on_tasks had them all), before any other document is added; the
  // network is then the same as with the document added whole. Throws std::logic_error after finish().
  void add_tasks(const Document& so_far, std::span<const Task> tasks);
  // The network of everything added; build_network's cost and order. Throws std::logic_error when
  // called twice or between add_tasks() and add(), std::length_error beyond 30-bit agency indices.
  AgencyNetwork finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace agencygraph
