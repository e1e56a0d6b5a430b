#include "agencygraph/io/network_json.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <ostream>
#include <string>
#include <utility>

#include "agencygraph/io/map_style.hpp"
#include "io/metric_fields.hpp"

namespace agencygraph::io {
namespace {

using json = nlohmann::ordered_json;

template <typename T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json indices(std::span<const std::uint32_t> values) { return json(std::vector<std::uint32_t>(values.begin(), values.end())); }

template <typename T>
void put_metric(json& out, const char* name, const std::vector<T>& values, std::size_t v, std::size_t n) {
  if (values.size() != n) return;
  if constexpr (std::is_same_v<T, bool>) out[name] = static_cast<bool>(values[v]);
  else out[name] = values[v];
}

// The parts of the document, one builder each, shared by network_to_json (one tree) and
// write_network_json (one element at a time).
class Parts {
 public:
  Parts(const AgencyNetwork& network, const AgencyMetrics& metrics, const NetworkJsonOptions& options)
      : network_(network), metrics_(metrics), options_(options), n_(boost::num_vertices(network.graph)),
        ids_(agency_ids(network.graph)) {}

  json document(const DocumentInfo& doc) const {
    return {{"title", optional_json(doc.title)},
            {"jurisdiction", optional_json(doc.jurisdiction)},
            {"year", optional_json(doc.year)},
            {"sources", doc.sources}};
  }

  json task(const TaskInfo& task) const {
    json leads = json::array(), co = json::array();
    for (const std::uint32_t v : task.leads) leads.push_back(ids_[v]);
    for (const std::uint32_t v : task.co) co.push_back(ids_[v]);
    return {{"document", task.document},
            {"id", task.id},
            {"source", network_.source_path(task)},
            {"line", task.line},
            {"text", task.text},
            {"leads", std::move(leads)},
            {"co", std::move(co)},
            {"owner", task.owner ? json(ids_[*task.owner]) : json(nullptr)}};
  }

  json agency(std::size_t v) const {
    const Agency& a = network_.graph[v];
    json agency = {{"id", ids_[v]},
                   {"label", a.label.empty() ? a.name : a.label},
                   {"name", a.name},
                   {"jurisdiction", a.jurisdiction},
                   {"kind", to_string(a.kind)},
                   {"spellings", a.spellings},
                   {"lead_tasks", a.lead_tasks},
                   {"co_tasks", a.co_tasks},
                   {"owner_tasks", a.owner_tasks},
                   {"tasks", indices(a.tasks)}};
    json m = json::object();
    detail::for_each_measure(metrics_, [&](const char* name, const auto& values) { put_metric(m, name, values, v, n_); });
    if (metrics_.community.size() == n_) m["cluster"] = metrics_.community[v] + 1;  // 1 = largest
    put_metric(m, "articulation", metrics_.articulation, v, n_);
    agency["metrics"] = std::move(m);
    if (options_.positions != nullptr && options_.positions->size() == n_ && (*options_.positions)[v]) {
      const Point p = *(*options_.positions)[v];
      agency["x"] = std::round(p.x * 100.0) / 100.0;
      agency["y"] = std::round(p.y * 100.0) / 100.0;
    }
    return agency;
  }

  json link(AgencyEdge e) const {
    const AgencyGraph& graph = network_.graph;
    const Link& link = graph[e];
    const std::size_t from = boost::source(e, graph), to = boost::target(e, graph);
    return {{"id", link_id(ids_[from], ids_[to], link.kind)},
            {"source", ids_[from]},
            {"target", ids_[to]},
            {"kind", to_string(link.kind)},
            {"symmetric", link.kind != LinkKind::LeadToCo},
            {"weight", link.weight},
            {"tasks", indices(task_span(link.tasks))}};
  }

  bool has_clusters() const { return metrics_.community.size() == n_; }
  json modularity() const { return has_clusters() ? json(metrics_.modularity) : json(nullptr); }

  json clusters() const {
    json clusters = json::array();
    if (!has_clusters()) return clusters;
    // Members by burden, highest first (ties in vertex order), as the map's legend names them.
    std::vector<std::size_t> order(n_);
    std::iota(order.begin(), order.end(), 0);
    if (metrics_.burden.size() == n_)
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return metrics_.burden[a] > metrics_.burden[b]; });
    const std::uint32_t count =
        n_ == 0 ? 0 : *std::max_element(metrics_.community.begin(), metrics_.community.end()) + 1;
    // One pass sorts members into their clusters: a national network has thousands of clusters, and a
    // pass over every agency per cluster made this export quadratic.
    std::vector<json> members(count, json::array());
    for (const std::size_t v : order) members[metrics_.community[v]].push_back(ids_[v]);
    for (std::uint32_t c = 0; c < count; ++c) {
      const std::size_t size = members[c].size();
      clusters.push_back({{"cluster", c + 1}, {"size", size}, {"agencies", std::move(members[c])}});
    }
    return clusters;
  }

  json bridges() const {
    json bridges = json::array();
    for (const auto& [a, b] : metrics_.bridges) bridges.push_back({ids_[a], ids_[b]});
    return bridges;
  }

  json notes() const { return metrics_.notes; }
  std::size_t vertex_count() const { return n_; }

 private:
  const AgencyNetwork& network_;
  const AgencyMetrics& metrics_;
  const NetworkJsonOptions& options_;
  std::size_t n_;
  std::vector<std::string> ids_;
};

// nlohmann's dump of one value, indented as it would be `depth` levels down in the whole document:
// with an indent of one space, a nested value's lines carry `depth` more spaces than its own dump's.
void append_value(std::string& out, const json& value, std::size_t depth) {
  const std::string text = value.dump(1, ' ', false, json::error_handler_t::replace);
  for (const char c : text) {
    out += c;
    if (c == '\n') out.append(depth, ' ');  // JSON strings escape their newlines: these are the dump's own
  }
}

}  // namespace

json network_to_json(const AgencyNetwork& network, const AgencyMetrics& metrics, const NetworkJsonOptions& options) {
  const Parts parts(network, metrics, options);
  json out;
  out["schema"] = "agencygraph-network/1";
  out["title"] = map_title(network);
  json documents = json::array();
  for (const DocumentInfo& doc : network.documents) documents.push_back(parts.document(doc));
  out["documents"] = std::move(documents);
  json tasks = json::array();
  for (const TaskInfo& task : network.tasks) tasks.push_back(parts.task(task));
  out["tasks"] = std::move(tasks);
  json agencies = json::array();
  for (std::size_t v = 0; v < parts.vertex_count(); ++v) agencies.push_back(parts.agency(v));
  out["agencies"] = std::move(agencies);
  json links = json::array();
  for (auto [it, end] = boost::edges(network.graph); it != end; ++it) links.push_back(parts.link(*it));
  out["links"] = std::move(links);
  out["modularity"] = parts.modularity();
  out["clusters"] = parts.clusters();
  out["bridges"] = parts.bridges();
  out["notes"] = parts.notes();
  return out;
}

void write_network_json(std::ostream& stream, const AgencyNetwork& network, const AgencyMetrics& metrics,
                        const NetworkJsonOptions& options) {
  const Parts parts(network, metrics, options);
  std::string out;
  auto flush = [&] {
    stream.write(out.data(), static_cast<std::streamsize>(out.size()));
    out.clear();
  };
  bool first_member = true;
  auto member = [&](const char* key) {
    out += first_member ? "{\n \"" : ",\n \"";
    first_member = false;
    out += key;
    out += "\": ";
  };
  // An array member, its elements made one at a time, as dump() lays out a non-empty array.
  auto array_member = [&](const char* key, std::size_t count, const auto& element) {
    member(key);
    if (count == 0) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < count; ++i) {
      if (i != 0) out += ",\n";
      out.append(2, ' ');
      append_value(out, element(i), 2);
      if (out.size() >= (std::size_t{1} << 16)) flush();
    }
    out += "\n ]";
  };
  member("schema");
  append_value(out, json("agencygraph-network/1"), 1);
  member("title");
  append_value(out, json(map_title(network)), 1);
  array_member("documents", network.documents.size(), [&](std::size_t i) { return parts.document(network.documents[i]); });
  array_member("tasks", network.tasks.size(), [&](std::size_t i) { return parts.task(network.tasks[i]); });
  array_member("agencies", parts.vertex_count(), [&](std::size_t v) { return parts.agency(v); });
  auto edge = boost::edges(network.graph).first;  // array_member asks for each element once, in order
  array_member("links", boost::num_edges(network.graph), [&](std::size_t) { return parts.link(*edge++); });
  member("modularity");
  append_value(out, parts.modularity(), 1);
  for (const auto& [key, value] : {std::pair<const char*, json>{"clusters", parts.clusters()},
                                   std::pair<const char*, json>{"bridges", parts.bridges()},
                                   std::pair<const char*, json>{"notes", parts.notes()}}) {
    member(key);
    append_value(out, value, 1);
  }
  out += "\n}\n";
  flush();
}

std::string dump_json(const nlohmann::ordered_json& document) {
  return document.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace agencygraph::io
