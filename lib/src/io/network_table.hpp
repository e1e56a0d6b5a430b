// The network as two flat tables, nodes and links, with typed columns: one definition of what an export
// carries, shared by GraphML, CSV and the DOT export so that they name and format every field alike.
//
// Cells are formatted when a writer asks for them and never stored: a national network has over a
// million links, and a table of formatted values (as this once was) cost more memory than the network.
// A Table refers to the network, metrics and presentation it was made from; it must not outlive them.
// Formatting a cell only reads them, so writers format rows on several threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/map_style.hpp"
#include "agencygraph/io/provenance.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io::detail {

enum class ColumnType { String, Int, Double, Boolean };
std::string_view graphml_type(ColumnType type);  // "string", "int", "double", "boolean"

// Formatting shared by every column: shortest round-trip doubles (NaN, INF, -INF for the others),
// decimal integers, "true"/"false".
void append_double(std::string& out, double value);
void append_int(std::string& out, long long value);
void append_bool(std::string& out, bool value);

struct Column {
  std::string name;
  ColumnType type = ColumnType::String;
  // Appends the row's formatted value to `out`; returns false, appending nothing, when the row has
  // no value (an agency without a layout position), which writers show as an empty field or no <data>.
  std::function<bool(std::size_t row, std::string& out)> append;
  // Every value is plain (see is_plain: numbers, booleans, ids, kinds, task numbers), which no format
  // escapes or quotes: writers copy it as is instead of scanning it. Numeric and boolean columns are.
  bool plain = false;
  std::string text(std::size_t row) const;  // the formatted value, "" when there is none
};

struct Table {
  std::size_t rows = 0;
  // Agency ids, or link ids; always plain (see Column::plain), as agency_ids and link_id make them.
  std::function<void(std::size_t row, std::string& out)> append_id;
  std::vector<Column> columns;
  std::string id(std::size_t row) const;
};

// What the map decided (colour, size, x/y); absent pieces leave their columns out.
struct Presentation {
  const std::vector<NodeLook>* looks = nullptr;  // by vertex
  const std::vector<std::optional<Point>>* positions = nullptr;
  Provenance provenance = Provenance::Full;  // how the `tasks` column cites tasks; None: no column
};

// Text made only of ASCII letters, digits and `_.+-:;`, which XML, CSV and DOT all leave as it is.
bool is_plain(std::string_view text);

// Every task's reference ("61", or "2:61" with several documents: see append_task_refs) formatted once:
// a national network's rows cite millions of tasks, and formatting each citation from its TaskInfo
// cost a cache miss and a number conversion each.
class TaskRefs {
 public:
  // Provenance::Ids cites each task by its index ("17"); otherwise as append_task_refs does.
  explicit TaskRefs(const AgencyNetwork& network, Provenance provenance = Provenance::Full);
  void append(std::string& out, std::span<const std::uint32_t> tasks) const;  // as append_task_refs
  bool plain() const { return plain_; }  // every reference is plain (is_plain)

 private:
  std::string text_;                 // the references one after another
  std::vector<std::size_t> offset_;  // task t's reference is text_[offset_[t], offset_[t + 1])
  bool plain_ = true;
  bool by_index_ = false;  // Provenance::Ids: no table, the index written as it is
};

// How rows refer to agencies and tasks: agency ids and task references, made once per network. A
// writer that makes both tables makes these once and hands them to both (a national network's agency
// ids take tens of milliseconds to make); nullptr: the table makes its own.
struct NetworkRefs {
  std::vector<std::string> agency_ids;
  TaskRefs tasks;
};
using SharedRefs = std::shared_ptr<const NetworkRefs>;
SharedRefs network_refs(const AgencyNetwork& network, Provenance provenance = Provenance::Full);

// Node columns: label, name, jurisdiction, kind, spellings, lead_tasks, co_tasks, owner_tasks,
// task_count, tasks (unless Provenance::None), burden, then each metric that was computed, cluster,
// then r, g, b, size, x, y. Given refs must cite tasks as presentation.provenance says.
Table node_table(const AgencyNetwork& network, const AgencyMetrics& metrics, const Presentation& presentation,
                 SharedRefs refs = nullptr);
// Link columns: source, target (agency ids), source_label, target_label, kind, symmetric, weight,
// task_count, tasks (unless Provenance::None). Rows in edge order. The labels are for spreadsheets (CSV); formats whose links
// refer to nodes that carry their label (GraphML, DOT) skip them: see is_end_label.
bool is_end_label(const Column& column);
Table link_table(const AgencyNetwork& network, SharedRefs refs = nullptr, Provenance provenance = Provenance::Full);

// "61;62" for one document; "1:61;2:5" (1-based document number) when the network holds several.
void append_task_refs(std::string& out, const AgencyNetwork& network, std::span<const std::uint32_t> tasks);
std::string task_refs(const AgencyNetwork& network, const std::vector<std::uint32_t>& tasks);

}  // namespace agencygraph::io::detail
