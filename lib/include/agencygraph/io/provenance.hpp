// How exports cite the tasks behind each agency and link (its provenance). A national network's
// agencies and links cite millions of tasks; how, or whether, decides much of an export's size.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "agencygraph/graph.hpp"

namespace agencygraph::io {

enum class Provenance : std::uint8_t {
  None,  // no task lists: the counts (lead_tasks, co_tasks, …) and link weights only
  Ids,   // task ids: 0-based indices into a tasks table (write_tasks_csv; JSON's own "tasks")
  Full,  // the task numbers as printed, with the 1-based document number where there are several:
         // "61;62", "1:61;2:5"; JSON: the tasks with their texts
};
std::string_view to_string(Provenance provenance);  // "none", "ids", "full"
std::optional<Provenance> provenance_from_name(std::string_view name);

// The table Provenance::Ids refers to, as CSV (UTF-8 with BOM, CRLF): one row per task, in the
// network's task order, its id (index) in `task`: task, document (1-based, as Full cites it), title,
// jurisdiction, year, number (as printed), source, line, section (the heading path, " / "-joined), text
// (empty when the network was built without task texts). `cited_only`: only the tasks some agency of the
// network cites (a part of a national network cites a fraction of its tasks).
void write_tasks_csv(std::ostream& out, const AgencyNetwork& network, bool cited_only = false);

// write_tasks_csv's table of one document's network, written as the document's tasks are read
// (ExtractOptions::on_tasks, NetworkBuilder::add_tasks), so that no task need be kept for it: the same
// bytes as write_tasks_csv(out, network) of the network built from that one document alone, when
// every task it is given goes into the network (one input: no page merged into another).
class TasksCsvStream {
 public:
  explicit TasksCsvStream(std::ostream& out);  // writes the header
  // The rows of the next tasks of the document as far as it is read (`so_far`), in document order.
  void add(const Document& so_far, std::span<const Task> tasks);

 private:
  std::ostream& out_;
  bool opened_ = false;
  std::optional<std::string> title_, jurisdiction_;
  std::optional<int> year_;
  std::uint32_t next_task_ = 0;
};

// A section's heading path as one string: "一、… / (三)…"; "" for no heading.
std::string section_label(const DocumentInfo& document, std::uint32_t section);

}  // namespace agencygraph::io
