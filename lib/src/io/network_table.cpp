#include "io/network_table.hpp"

#include <charconv>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "io/metric_fields.hpp"

namespace agencygraph::io::detail {
namespace {

double rounded(double value) { return std::round(value * 100.0) / 100.0; }

// A column with a value in every row, formatted by `format(row, out)`. Numbers and booleans are
// plain; a string column is plain only when the caller says so.
template <typename Format>
Column always(const char* name, ColumnType type, Format format, bool plain_string = false) {
  return {name, type,
          [format](std::size_t row, std::string& out) {
            format(row, out);
            return true;
          },
          type != ColumnType::String || plain_string};
}

SharedRefs given_or_made(SharedRefs refs, const AgencyNetwork& network, Provenance provenance) {
  return refs != nullptr ? refs : network_refs(network, provenance);
}

constexpr bool plain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '+' || c == '-' || c == ':' || c == ';';
}

template <typename T>
void add_metric(Table& table, const char* name, const std::vector<T>& values, std::size_t n) {
  if (values.size() != n) return;  // not computed: no column rather than zeros that look like results
  if constexpr (std::is_same_v<T, double>) {
    table.columns.push_back(always(name, ColumnType::Double, [&values](std::size_t v, std::string& out) {
      append_double(out, values[v]);
    }));
  } else if constexpr (std::is_same_v<T, bool>) {
    table.columns.push_back(always(name, ColumnType::Boolean, [&values](std::size_t v, std::string& out) {
      append_bool(out, values[v]);
    }));
  } else {
    table.columns.push_back(always(name, ColumnType::Int, [&values](std::size_t v, std::string& out) {
      append_int(out, static_cast<long long>(values[v]));
    }));
  }
}

const std::string& display_label(const Agency& a) { return a.label.empty() ? a.name : a.label; }

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

void append_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += std::isnan(value) ? "NaN" : (value > 0 ? "INF" : "-INF");
    return;
  }
  // Most values are small whole numbers (weights, degrees, strengths, counts). Below 1e5 their
  // shortest form is their digits (from 1e5, "1e+05" is shorter), which append_int writes without
  // the shortest-round-trip search. -0 keeps its sign through to_chars.
  if (std::abs(value) < 1e5 && value == std::trunc(value) && !(value == 0 && std::signbit(value))) {
    append_int(out, static_cast<long long>(value));
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round-trip form
  out.append(buffer, result.ptr);
}

void append_int(std::string& out, long long value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_bool(std::string& out, bool value) { out += value ? "true" : "false"; }

std::string Column::text(std::size_t row) const {
  std::string out;
  append(row, out);
  return out;
}

std::string Table::id(std::size_t row) const {
  std::string out;
  append_id(row, out);
  return out;
}

namespace {

void append_task_ref(std::string& out, const AgencyNetwork& network, std::uint32_t t) {
  const TaskInfo& task = network.tasks[t];
  if (network.documents.size() > 1) {
    append_int(out, static_cast<long long>(task.document) + 1);
    out += ':';
  }
  out += task.id;
}

}  // namespace

void append_task_refs(std::string& out, const AgencyNetwork& network, std::span<const std::uint32_t> tasks) {
  bool first = true;
  for (const std::uint32_t t : tasks) {
    if (!first) out += ';';
    first = false;
    append_task_ref(out, network, t);
  }
}

std::string task_refs(const AgencyNetwork& network, const std::vector<std::uint32_t>& tasks) {
  std::string out;
  append_task_refs(out, network, tasks);
  return out;
}

bool is_plain(std::string_view text) {
  for (const char c : text)
    if (!plain_char(c)) return false;
  return true;
}

TaskRefs::TaskRefs(const AgencyNetwork& network, Provenance provenance) {
  if (provenance == Provenance::None) return;  // nothing will cite a task
  // An index is its own reference, written as it is cited: the network may keep no task records
  // (NetworkOptions::keep_task_lists).
  by_index_ = provenance == Provenance::Ids;
  if (by_index_) return;
  offset_.reserve(network.tasks.size() + 1);
  offset_.push_back(0);
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const std::size_t begin = text_.size();
    append_task_ref(text_, network, static_cast<std::uint32_t>(t));
    plain_ = plain_ && is_plain(std::string_view(text_).substr(begin));
    offset_.push_back(text_.size());
  }
}

void TaskRefs::append(std::string& out, std::span<const std::uint32_t> tasks) const {
  bool first = true;
  for (const std::uint32_t t : tasks) {
    if (!first) out += ';';
    first = false;
    if (by_index_) append_int(out, static_cast<long long>(t));
    else out.append(text_, offset_[t], offset_[t + 1] - offset_[t]);
  }
}

SharedRefs network_refs(const AgencyNetwork& network, Provenance provenance) {
  return std::make_shared<const NetworkRefs>(NetworkRefs{agency_ids(network.graph), TaskRefs(network, provenance)});
}

namespace {
// Table rows are numbered by std::size_t; the graph's vertex descriptors are 32-bit.
const Agency& agency_at(const AgencyGraph& graph, std::size_t row) { return graph[static_cast<AgencyVertex>(row)]; }
}  // namespace

Table node_table(const AgencyNetwork& network, const AgencyMetrics& metrics, const Presentation& presentation,
                 SharedRefs shared_refs) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  Table table;
  table.rows = n;
  const SharedRefs refs = given_or_made(std::move(shared_refs), network, presentation.provenance);
  table.append_id = [refs](std::size_t v, std::string& out) { out += refs->agency_ids[v]; };
  auto text = [&](const char* name, auto get) {
    table.columns.push_back(always(name, ColumnType::String, [&graph, get](std::size_t v, std::string& out) {
      out += get(agency_at(graph, v));
    }));
  };
  auto count = [&](const char* name, auto get) {
    table.columns.push_back(always(name, ColumnType::Int, [&graph, get](std::size_t v, std::string& out) {
      append_int(out, static_cast<long long>(get(agency_at(graph, v))));
    }));
  };
  text("label", [](const Agency& a) -> const std::string& { return display_label(a); });
  text("name", [](const Agency& a) -> const std::string& { return a.name; });
  text("jurisdiction", [](const Agency& a) -> const std::string& { return a.jurisdiction; });
  table.columns.push_back(always("kind", ColumnType::String, [&graph](std::size_t v, std::string& out) {
    out += to_string(agency_at(graph, v).kind);
  }, /*plain_string=*/true));
  table.columns.push_back(always("spellings", ColumnType::String, [&graph](std::size_t v, std::string& out) {
    bool first = true;
    for (const std::string& s : agency_at(graph, v).spellings) {
      if (!first) out += '|';
      first = false;
      out += s;
    }
  }));
  count("lead_tasks", [](const Agency& a) { return a.lead_tasks; });
  count("co_tasks", [](const Agency& a) { return a.co_tasks; });
  count("owner_tasks", [](const Agency& a) { return a.owner_tasks; });
  count("task_count", [](const Agency& a) { return a.tasks.size(); });
  if (presentation.provenance != Provenance::None) {
    table.columns.push_back(always("tasks", ColumnType::String, [refs, &graph](std::size_t v, std::string& out) {
      refs->tasks.append(out, agency_at(graph, v).tasks);
    }, refs->tasks.plain()));
  }
  for_each_measure(metrics, [&](const char* name, const auto& values) { add_metric(table, name, values, n); });
  if (metrics.community.size() == n) {  // numbered from 1 (largest) as `agencygraph clusters` prints them
    table.columns.push_back(always("cluster", ColumnType::Int, [&metrics](std::size_t v, std::string& out) {
      append_int(out, static_cast<long long>(metrics.community[v]) + 1);
    }));
  }
  add_metric(table, "articulation", metrics.articulation, n);
  if (presentation.looks != nullptr) {
    const std::vector<NodeLook>& looks = *presentation.looks;
    if (looks.size() != n) throw std::invalid_argument("node_table: colours and sizes given for another network");
    table.columns.push_back(always("r", ColumnType::Int, [&looks](std::size_t v, std::string& out) {
      append_int(out, looks[v].fill.r);
    }));
    table.columns.push_back(always("g", ColumnType::Int, [&looks](std::size_t v, std::string& out) {
      append_int(out, looks[v].fill.g);
    }));
    table.columns.push_back(always("b", ColumnType::Int, [&looks](std::size_t v, std::string& out) {
      append_int(out, looks[v].fill.b);
    }));
    table.columns.push_back(always("size", ColumnType::Double, [&looks](std::size_t v, std::string& out) {
      append_double(out, rounded(looks[v].size));
    }));
  }
  if (presentation.positions != nullptr && presentation.positions->size() == n) {
    const auto& positions = *presentation.positions;
    table.columns.push_back({"x", ColumnType::Double,
                             [&positions](std::size_t v, std::string& out) {
                               if (!positions[v]) return false;
                               append_double(out, rounded(positions[v]->x));
                               return true;
                             },
                             /*plain=*/true});
    table.columns.push_back({"y", ColumnType::Double,
                             [&positions](std::size_t v, std::string& out) {
                               if (!positions[v]) return false;
                               append_double(out, rounded(positions[v]->y));
                               return true;
                             },
                             /*plain=*/true});
  }
  return table;
}

bool is_end_label(const Column& column) { return column.name == "source_label" || column.name == "target_label"; }

Table link_table(const AgencyNetwork& network, SharedRefs shared_refs, Provenance provenance) {
  const AgencyGraph& graph = network.graph;
  // Rows are looked up by index: the edges once in edge order (a few bytes each), and the agency ids.
  struct Rows {
    SharedRefs refs;
    std::vector<AgencyEdge> edges;
  };
  auto rows = std::make_shared<Rows>();
  rows->refs = given_or_made(std::move(shared_refs), network, provenance);
  rows->edges.reserve(boost::num_edges(graph));
  for (auto [it, end] = boost::edges(graph); it != end; ++it) rows->edges.push_back(*it);

  Table table;
  table.rows = rows->edges.size();
  table.append_id = [rows, &graph](std::size_t e, std::string& out) {
    const AgencyEdge edge = rows->edges[e];
    out += "e_";
    out += rows->refs->agency_ids[boost::source(edge, graph)];
    out += '_';
    out += rows->refs->agency_ids[boost::target(edge, graph)];
    out += '_';
    out += to_string(graph[edge].kind);
  };
  table.columns.push_back(always("source", ColumnType::String, [rows, &graph](std::size_t e, std::string& out) {
    out += rows->refs->agency_ids[boost::source(rows->edges[e], graph)];
  }, /*plain_string=*/true));
  table.columns.push_back(always("target", ColumnType::String, [rows, &graph](std::size_t e, std::string& out) {
    out += rows->refs->agency_ids[boost::target(rows->edges[e], graph)];
  }, /*plain_string=*/true));
  table.columns.push_back(always("source_label", ColumnType::String, [rows, &graph](std::size_t e, std::string& out) {
    out += display_label(graph[boost::source(rows->edges[e], graph)]);
  }));
  table.columns.push_back(always("target_label", ColumnType::String, [rows, &graph](std::size_t e, std::string& out) {
    out += display_label(graph[boost::target(rows->edges[e], graph)]);
  }));
  table.columns.push_back(always("kind", ColumnType::String, [rows, &graph](std::size_t e, std::string& out) {
    out += to_string(graph[rows->edges[e]].kind);
  }, /*plain_string=*/true));
  table.columns.push_back(always("symmetric", ColumnType::Boolean, [rows, &graph](std::size_t e, std::string& out) {
    append_bool(out, graph[rows->edges[e]].kind != LinkKind::LeadToCo);
  }));
  table.columns.push_back(always("weight", ColumnType::Double, [rows, &graph](std::size_t e, std::string& out) {
    append_double(out, graph[rows->edges[e]].weight);
  }));
  table.columns.push_back(always("task_count", ColumnType::Int, [rows, &graph](std::size_t e, std::string& out) {
    append_int(out, static_cast<long long>(graph[rows->edges[e]].tasks.size()));
  }));
  if (provenance != Provenance::None) {
    table.columns.push_back(always("tasks", ColumnType::String, [rows, &graph](std::size_t e, std::string& out) {
      rows->refs->tasks.append(out, task_span(graph[rows->edges[e]].tasks));
    }, rows->refs->tasks.plain()));
  }
  return table;
}

}  // namespace agencygraph::io::detail
