// The network as two flat tables, nodes and links, with typed columns: one definition of what an export
// carries, shared by GraphML, CSV and the DOT export so that they name and format every field alike.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/map_style.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io::detail {

enum class ColumnType { String, Int, Double, Boolean };
std::string_view graphml_type(ColumnType type);  // "string", "int", "double", "boolean"

// monostate: no value (an agency without a layout position); written as an empty field or no <data>.
using Value = std::variant<std::monostate, std::string, long long, double, bool>;
std::string format_value(const Value& value);  // shortest round-trip doubles, "true"/"false", "" for none

struct Column {
  std::string name;
  ColumnType type = ColumnType::String;
  std::vector<Value> values;  // one per row
};

struct Table {
  std::vector<std::string> ids;  // row ids: agency ids, or link ids
  std::vector<Column> columns;
};

// What the map decided (colour, size, x/y); absent pieces leave their columns out.
struct Presentation {
  const MapStyle* style = nullptr;
  const std::vector<std::optional<Point>>* positions = nullptr;
};

// Node columns: label, name, jurisdiction, kind, spellings, lead_tasks, co_tasks, owner_tasks,
// task_count, tasks, burden, then each metric that was computed, cluster, then r, g, b, size, x, y.
Table node_table(const AgencyNetwork& network, const AgencyMetrics& metrics, const Presentation& presentation);
// Link columns: source, target (agency ids), source_label, target_label, kind, symmetric, weight,
// task_count, tasks. Rows in edge order.
Table link_table(const AgencyNetwork& network);

// "61;62" for one document; "1:61;2:5" (1-based document number) when the network holds several.
std::string task_refs(const AgencyNetwork& network, const std::vector<std::uint32_t>& tasks);

}  // namespace agencygraph::io::detail
