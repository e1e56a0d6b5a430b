#include "agencygraph/io/network_json.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <ostream>
#include <string>

#include "agencygraph/io/map_style.hpp"
#include "io/json_writer.hpp"
#include "io/metric_fields.hpp"
#include "io/network_writers.hpp"

namespace agencygraph::io {
namespace {

template <typename Out, typename T>
void member(Out& out, const char* key, const T& value) {
  out.key(key);
  out.value(value);
}

template <typename Out, typename T>
void optional_member(Out& out, const char* key, const std::optional<T>& value) {
  out.key(key);
  if (value) out.value(*value);
  else out.value(nullptr);
}

template <typename Out, typename Range>
void array_member(Out& out, const char* key, const Range& values) {
  out.key(key);
  out.begin_array();
  for (const auto& value : values) out.value(value);
  out.end_array();
}

// The document, described once as calls on an Out (see json_writer.hpp): network_to_json makes its
// tree, write_network_json its text.
class NetworkDocument {
 public:
  NetworkDocument(const AgencyNetwork& network, const AgencyMetrics& metrics, const NetworkJsonOptions& options)
      : network_(network), metrics_(metrics), options_(options), n_(boost::num_vertices(network.graph)),
        ids_(agency_ids(network.graph)) {}

  template <typename Out>
  void write(Out& out) const {
    const AgencyGraph& graph = network_.graph;
    out.begin_object();
    member(out, "schema", "agencygraph-network/1");
    member(out, "title", map_title(network_));
    out.key("documents");
    out.elements(network_.documents.size(), [&](auto& o, std::size_t i) { document(o, network_.documents[i]); });
    if (options_.provenance != Provenance::None) {
      out.key("tasks");
      out.elements(network_.tasks.size(), [&](auto& o, std::size_t i) { task(o, network_.tasks[i]); });
    }
    out.key("agencies");
    out.elements(n_, [&](auto& o, std::size_t v) { agency(o, v); });
    out.key("links");
    // Looked up by index (a search in the graph's row starts), so that threads can take any run of links.
    out.elements(boost::num_edges(graph), [&](auto& o, std::size_t e) {
      link(o, boost::edge_from_index(static_cast<std::uint32_t>(e), graph));
    });
    out.key("modularity");
    if (has_clusters()) out.value(metrics_.modularity);
    else out.value(nullptr);
    out.key("clusters");
    clusters(out);
    out.key("bridges");
    out.elements(metrics_.bridges.size(), [&](auto& o, std::size_t i) {
      o.begin_array();
      o.value(ids_[metrics_.bridges[i].first]);
      o.value(ids_[metrics_.bridges[i].second]);
      o.end_array();
    });
    array_member(out, "notes", metrics_.notes);
    out.end_object();
  }

 private:
  template <typename Out>
  void document(Out& out, const DocumentInfo& doc) const {
    out.begin_object();
    optional_member(out, "title", doc.title);
    optional_member(out, "jurisdiction", doc.jurisdiction);
    optional_member(out, "year", doc.year);
    array_member(out, "sources", doc.sources);
    out.end_object();
  }

  template <typename Out>
  void task(Out& out, const TaskInfo& task) const {
    out.begin_object();
    member(out, "document", task.document);
    member(out, "id", task.id);
    member(out, "source", network_.source_path(task));
    member(out, "line", task.line);
    if (!task.place.empty()) member(out, "place", task.place);
    const DocumentInfo& document = network_.documents[task.document];
    array_member(out, "section", task.section < document.sections.size() ? document.sections[task.section]
                                                                         : document.sections.front());
    if (options_.provenance == Provenance::Full) member(out, "text", task.text);
    agency_list(out, "leads", task.leads);
    agency_list(out, "co", task.co);
    out.key("owner");
    if (task.owner) out.value(ids_[*task.owner]);
    else out.value(nullptr);
    out.end_object();
  }

  template <typename Out>
  void agency(Out& out, std::size_t v) const {
    const Agency& a = network_.graph[static_cast<AgencyVertex>(v)];  // elements are numbered by std::size_t
    out.begin_object();
    member(out, "id", ids_[v]);
    member(out, "label", a.label.empty() ? a.name : a.label);
    member(out, "name", a.name);
    member(out, "jurisdiction", a.jurisdiction);
    member(out, "kind", to_string(a.kind));
    array_member(out, "spellings", a.spellings);
    member(out, "lead_tasks", a.lead_tasks);
    member(out, "co_tasks", a.co_tasks);
    member(out, "owner_tasks", a.owner_tasks);
    if (options_.provenance != Provenance::None) array_member(out, "tasks", a.tasks);
    out.key("metrics");
    agency_metrics(out, v);
    if (options_.positions != nullptr && options_.positions->size() == n_ && (*options_.positions)[v]) {
      const Point p = *(*options_.positions)[v];
      member(out, "x", std::round(p.x * 100.0) / 100.0);
      member(out, "y", std::round(p.y * 100.0) / 100.0);
    }
    out.end_object();
  }

  // The measures that were computed (see metric_fields.hpp), then cluster and articulation.
  template <typename Out>
  void agency_metrics(Out& out, std::size_t v) const {
    out.begin_object();
    detail::for_each_measure(metrics_, [&](const char* name, const auto& values) {
      if (values.size() == n_) member(out, name, values[v]);
    });
    if (has_clusters()) member(out, "cluster", metrics_.community[v] + 1);  // 1 = largest
    if (metrics_.articulation.size() == n_) member(out, "articulation", static_cast<bool>(metrics_.articulation[v]));
    out.end_object();
  }

  template <typename Out>
  void link(Out& out, AgencyEdge e) const {
    const AgencyGraph& graph = network_.graph;
    const Link& link = graph[e];
    const AgencyVertex from = boost::source(e, graph), to = boost::target(e, graph);
    out.begin_object();
    member(out, "id", link_id(ids_[from], ids_[to], link.kind));
    member(out, "source", ids_[from]);
    member(out, "target", ids_[to]);
    member(out, "kind", to_string(link.kind));
    member(out, "symmetric", link.kind != LinkKind::LeadToCo);
    member(out, "weight", link.weight);
    if (options_.provenance != Provenance::None) array_member(out, "tasks", task_span(link.tasks));
    out.end_object();
  }

  template <typename Out>
  void agency_list(Out& out, const char* key, const IndexList& vertices) const {
    out.key(key);
    out.begin_array();
    for (const std::uint32_t v : vertices) out.value(ids_[v]);
    out.end_array();
  }

  bool has_clusters() const { return metrics_.community.size() == n_; }

  // Each cluster's members by burden, highest first (ties in vertex order), as the map's legend names
  // them. Sorted once rather than gathered per cluster: a national network has thousands of clusters,
  // and a pass over every agency per cluster made this export quadratic.
  template <typename Out>
  void clusters(Out& out) const {
    if (!has_clusters() || n_ == 0) {
      out.begin_array();
      out.end_array();
      return;
    }
    std::vector<std::size_t> members(n_);
    std::iota(members.begin(), members.end(), 0);
    if (metrics_.burden.size() == n_)
      std::stable_sort(members.begin(), members.end(),
                       [&](std::size_t a, std::size_t b) { return metrics_.burden[a] > metrics_.burden[b]; });
    const std::vector<std::uint32_t>& community = metrics_.community;
    std::stable_sort(members.begin(), members.end(),
                     [&](std::size_t a, std::size_t b) { return community[a] < community[b]; });
    // Cluster c's members are members[start[c], start[c + 1]).
    std::vector<std::size_t> start(std::size_t{*std::max_element(community.begin(), community.end())} + 2, 0);
    for (const std::uint32_t c : community) ++start[c + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    out.elements(start.size() - 1, [&](auto& o, std::size_t c) {
      o.begin_object();
      member(o, "cluster", c + 1);
      member(o, "size", start[c + 1] - start[c]);
      o.key("agencies");
      o.begin_array();
      for (std::size_t i = start[c]; i < start[c + 1]; ++i) o.value(ids_[members[i]]);
      o.end_array();
      o.end_object();
    });
  }

  const AgencyNetwork& network_;
  const AgencyMetrics& metrics_;
  const NetworkJsonOptions& options_;
  std::size_t n_;
  std::vector<std::string> ids_;
};

}  // namespace

nlohmann::ordered_json network_to_json(const AgencyNetwork& network, const AgencyMetrics& metrics,
                                       const NetworkJsonOptions& options) {
  detail::JsonTree out;
  NetworkDocument(network, metrics, options).write(out);
  return std::move(out.root());
}

void write_network_json(std::ostream& stream, const AgencyNetwork& network, const AgencyMetrics& metrics,
                        const NetworkJsonOptions& options) {
  detail::write_network_json(stream, network, metrics, options, /*threads=*/0);
}

void detail::write_network_json(std::ostream& stream, const AgencyNetwork& network, const AgencyMetrics& metrics,
                                const NetworkJsonOptions& options, unsigned threads) {
  JsonText out(stream, threads);
  NetworkDocument(network, metrics, options).write(out);
  out.finish();
}

std::string dump_json(const nlohmann::ordered_json& document) {
  return document.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace agencygraph::io
