#include "agencygraph/io/network_json.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

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

}  // namespace

json network_to_json(const AgencyNetwork& network, const AgencyMetrics& metrics, const NetworkJsonOptions& options) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  const std::vector<std::string> ids = agency_ids(graph);
  json out;
  out["schema"] = "agencygraph-network/1";
  out["title"] = map_title(network);

  json documents = json::array();
  for (const DocumentInfo& doc : network.documents) {
    documents.push_back({{"title", optional_json(doc.title)},
                         {"jurisdiction", optional_json(doc.jurisdiction)},
                         {"year", optional_json(doc.year)},
                         {"sources", doc.sources}});
  }
  out["documents"] = std::move(documents);

  json tasks = json::array();
  for (const TaskInfo& task : network.tasks) {
    json leads = json::array(), co = json::array();
    for (const std::uint32_t v : task.leads) leads.push_back(ids[v]);
    for (const std::uint32_t v : task.co) co.push_back(ids[v]);
    tasks.push_back({{"document", task.document},
                     {"id", task.id},
                     {"source", network.source_path(task)},
                     {"line", task.line},
                     {"text", task.text},
                     {"leads", std::move(leads)},
                     {"co", std::move(co)},
                     {"owner", task.owner ? json(ids[*task.owner]) : json(nullptr)}});
  }
  out["tasks"] = std::move(tasks);

  json agencies = json::array();
  for (std::size_t v = 0; v < n; ++v) {
    const Agency& a = graph[v];
    json agency = {{"id", ids[v]},
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
    detail::for_each_measure(metrics, [&](const char* name, const auto& values) { put_metric(m, name, values, v, n); });
    if (metrics.community.size() == n) m["cluster"] = metrics.community[v] + 1;  // 1 = largest
    put_metric(m, "articulation", metrics.articulation, v, n);
    agency["metrics"] = std::move(m);
    if (options.positions != nullptr && options.positions->size() == n && (*options.positions)[v]) {
      const Point p = *(*options.positions)[v];
      agency["x"] = std::round(p.x * 100.0) / 100.0;
      agency["y"] = std::round(p.y * 100.0) / 100.0;
    }
    agencies.push_back(std::move(agency));
  }
  out["agencies"] = std::move(agencies);

  json links = json::array();
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const Link& link = graph[*it];
    const std::size_t from = boost::source(*it, graph), to = boost::target(*it, graph);
    links.push_back({{"id", link_id(ids[from], ids[to], link.kind)},
                     {"source", ids[from]},
                     {"target", ids[to]},
                     {"kind", to_string(link.kind)},
                     {"symmetric", link.kind != LinkKind::LeadToCo},
                     {"weight", link.weight},
                     {"tasks", indices(task_span(link.tasks))}});
  }
  out["links"] = std::move(links);

  json clusters = json::array();
  if (metrics.community.size() == n) {
    // Members by burden, highest first (ties in vertex order), as the map's legend names them.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    if (metrics.burden.size() == n)
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return metrics.burden[a] > metrics.burden[b]; });
    const std::uint32_t count = n == 0 ? 0 : *std::max_element(metrics.community.begin(), metrics.community.end()) + 1;
    for (std::uint32_t c = 0; c < count; ++c) {
      json members = json::array();
      for (const std::size_t v : order)
        if (metrics.community[v] == c) members.push_back(ids[v]);
      clusters.push_back({{"cluster", c + 1}, {"size", members.size()}, {"agencies", std::move(members)}});
    }
    out["modularity"] = metrics.modularity;
  } else {
    out["modularity"] = nullptr;
  }
  out["clusters"] = std::move(clusters);
  json bridges = json::array();
  for (const auto& [a, b] : metrics.bridges) bridges.push_back({ids[a], ids[b]});
  out["bridges"] = std::move(bridges);
  out["notes"] = metrics.notes;
  return out;
}

std::string dump_json(const nlohmann::ordered_json& document) {
  return document.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace agencygraph::io
