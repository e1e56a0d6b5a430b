// How exports cite the tasks behind each agency and link (its provenance). A national network's
// agencies and links cite millions of tasks; how, or whether, decides much of an export's size.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
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

// A section's heading path as one string: "一、… / (三)…"; "" for no heading.
std::string section_label(const DocumentInfo& document, std::uint32_t section);

}  // namespace agencygraph::io
