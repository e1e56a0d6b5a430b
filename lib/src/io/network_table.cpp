#include "io/network_table.hpp"

#include "io/metric_fields.hpp"

#include <charconv>
#include <cmath>

namespace agencygraph::io::detail {
namespace {

template <typename T>
void add_metric(Table& table, const char* name, ColumnType type, const std::vector<T>& values, std::size_t n) {
  if (values.size() != n) return;  // not computed: no column rather than zeros that look like results
  Column column{name, type, {}};
  for (std::size_t v = 0; v < n; ++v) {
    if constexpr (std::is_same_v<T, double>) column.values.emplace_back(values[v]);
    else if constexpr (std::is_same_v<T, bool>) column.values.emplace_back(static_cast<bool>(values[v]));
    else column.values.emplace_back(static_cast<long long>(values[v]));
  }
  table.columns.push_back(std::move(column));
}

double rounded(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

std::string_view graphml_type(ColumnType type) {
  switch (type) {
    case ColumnType::String: return "string";
    case ColumnType::Int: return "int";
    case ColumnType::Double: return "double";
    case ColumnType::Boolean: return "boolean";
  }
  return "string";
}

std::string format_value(const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<long long>(&value)) return std::to_string(*i);
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  const double d = std::get<double>(value);
  if (!std::isfinite(d)) return std::isnan(d) ? "NaN" : (d > 0 ? "INF" : "-INF");
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, d);  // shortest round-trip form
  return std::string(buffer, result.ptr);
}

std::string task_refs(const AgencyNetwork& network, const std::vector<std::uint32_t>& tasks) {
  std::string out;
  for (const std::uint32_t t : tasks) {
    if (!out.empty()) out += ';';
    const TaskInfo& task = network.tasks[t];
    if (network.documents.size() > 1) out += std::to_string(task.document + 1) + ":";
    out += task.id;
  }
  return out;
}

Table node_table(const AgencyNetwork& network, const AgencyMetrics& metrics, const Presentation& presentation) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  Table table;
  table.ids = agency_ids(graph);
  auto text = [&](const char* name, auto get) {
    Column column{name, ColumnType::String, {}};
    for (std::size_t v = 0; v < n; ++v) column.values.emplace_back(std::string(get(graph[v])));
    table.columns.push_back(std::move(column));
  };
  auto count = [&](const char* name, auto get) {
    Column column{name, ColumnType::Int, {}};
    for (std::size_t v = 0; v < n; ++v) column.values.emplace_back(static_cast<long long>(get(graph[v])));
    table.columns.push_back(std::move(column));
  };
  text("label", [](const Agency& a) { return a.label.empty() ? a.name : a.label; });
  text("name", [](const Agency& a) { return a.name; });
  text("jurisdiction", [](const Agency& a) { return a.jurisdiction; });
  text("kind", [](const Agency& a) { return to_string(a.kind); });
  text("spellings", [](const Agency& a) {
    std::string joined;
    for (const std::string& s : a.spellings) joined += (joined.empty() ? "" : "|") + s;
    return joined;
  });
  count("lead_tasks", [](const Agency& a) { return a.lead_tasks; });
  count("co_tasks", [](const Agency& a) { return a.co_tasks; });
  count("owner_tasks", [](const Agency& a) { return a.owner_tasks; });
  count("task_count", [](const Agency& a) { return a.tasks.size(); });
  text("tasks", [&](const Agency& a) { return task_refs(network, a.tasks); });
  for_each_measure(metrics, [&](const char* name, const auto& values) {
    using T = typename std::decay_t<decltype(values)>::value_type;
    add_metric(table, name, std::is_same_v<T, double> ? ColumnType::Double : ColumnType::Int, values, n);
  });
  if (metrics.community.size() == n) {  // numbered from 1 (largest) as `agencygraph clusters` prints them
    Column cluster{"cluster", ColumnType::Int, {}};
    for (std::size_t v = 0; v < n; ++v) cluster.values.emplace_back(static_cast<long long>(metrics.community[v]) + 1);
    table.columns.push_back(std::move(cluster));
  }
  add_metric(table, "articulation", ColumnType::Boolean, metrics.articulation, n);

  if (presentation.style != nullptr) {
    // Agencies not on the map (top-N) keep their cluster colour; their size is the smallest.
    std::vector<const NodeStyle*> by_vertex(n, nullptr);
    for (const NodeStyle& node : presentation.style->nodes)
      if (node.vertex < n) by_vertex[node.vertex] = &node;
    Column r{"r", ColumnType::Int, {}}, g{"g", ColumnType::Int, {}}, b{"b", ColumnType::Int, {}};
    Column size{"size", ColumnType::Double, {}};
    for (std::size_t v = 0; v < n; ++v) {
      const Rgb fill = by_vertex[v] ? by_vertex[v]->fill
                                    : cluster_colour(v < metrics.community.size() ? metrics.community[v] : 0);
      r.values.emplace_back(static_cast<long long>(fill.r));
      g.values.emplace_back(static_cast<long long>(fill.g));
      b.values.emplace_back(static_cast<long long>(fill.b));
      size.values.emplace_back(rounded(by_vertex[v] ? by_vertex[v]->size : 8.0));
    }
    table.columns.push_back(std::move(r));
    table.columns.push_back(std::move(g));
    table.columns.push_back(std::move(b));
    table.columns.push_back(std::move(size));
  }
  if (presentation.positions != nullptr && presentation.positions->size() == n) {
    Column x{"x", ColumnType::Double, {}}, y{"y", ColumnType::Double, {}};
    for (std::size_t v = 0; v < n; ++v) {
      const std::optional<Point>& p = (*presentation.positions)[v];
      x.values.push_back(p ? Value(rounded(p->x)) : Value());
      y.values.push_back(p ? Value(rounded(p->y)) : Value());
    }
    table.columns.push_back(std::move(x));
    table.columns.push_back(std::move(y));
  }
  return table;
}

Table link_table(const AgencyNetwork& network) {
  const AgencyGraph& graph = network.graph;
  const std::vector<std::string> ids = agency_ids(graph);
  Table table;
  Column source{"source", ColumnType::String, {}}, target{"target", ColumnType::String, {}};
  Column source_label{"source_label", ColumnType::String, {}}, target_label{"target_label", ColumnType::String, {}};
  Column kind{"kind", ColumnType::String, {}}, symmetric{"symmetric", ColumnType::Boolean, {}};
  Column weight{"weight", ColumnType::Double, {}}, task_count{"task_count", ColumnType::Int, {}};
  Column tasks{"tasks", ColumnType::String, {}};
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const Link& link = graph[*it];
    const std::size_t from = boost::source(*it, graph), to = boost::target(*it, graph);
    table.ids.push_back(link_id(ids[from], ids[to], link.kind));
    source.values.emplace_back(ids[from]);
    target.values.emplace_back(ids[to]);
    source_label.values.emplace_back(graph[from].label.empty() ? graph[from].name : graph[from].label);
    target_label.values.emplace_back(graph[to].label.empty() ? graph[to].name : graph[to].label);
    kind.values.emplace_back(std::string(to_string(link.kind)));
    symmetric.values.emplace_back(link.kind != LinkKind::LeadToCo);
    weight.values.emplace_back(link.weight);
    task_count.values.emplace_back(static_cast<long long>(link.tasks.size()));
    tasks.values.emplace_back(task_refs(network, link.tasks));
  }
  for (Column* column : {&source, &target, &source_label, &target_label, &kind, &symmetric, &weight, &task_count, &tasks})
    table.columns.push_back(std::move(*column));
  return table;
}

}  // namespace agencygraph::io::detail
