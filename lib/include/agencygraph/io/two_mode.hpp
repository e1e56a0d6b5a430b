// The two-mode task–agency graph (tasks and agencies, an edge per task and unit) in every export
// format, and the agency × section matrix: which policy areas (the headings tasks stand under) each agency is drawn into. GraphML's
// two-mode writer is in graphml.hpp. Task nodes are "t<index>" (index into AgencyNetwork::tasks) and
// carry their section; agency nodes carry their stable ids; an edge joins a task to each of its units
// with the unit's role: lead, co, or owner (the single unit of a task without a lead).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/gexf.hpp"

namespace agencygraph::io {

// Schema "agencygraph-two-mode/1" (docs/exports.md): documents, tasks (with section and text), agencies,
// edges {task, agency, role}.
void write_two_mode_json(std::ostream& out, const AgencyNetwork& network);

// Undirected GEXF: nodes with a `type` attribute (task or agency) and the task's or agency's fields,
// edges with their `role`. Static: the years are on the tasks' `year`.
void write_two_mode_gexf(std::ostream& out, const AgencyNetwork& network, GexfVersion version = GexfVersion::V1_2draft);

// nodes.csv and edges.csv for Gephi's spreadsheet import and pandas (UTF-8 with BOM, CRLF): nodes
// Id, Label, type, then the task's or the agency's fields; edges Source (task), Target (agency), Type
// (Undirected), Id, role.
void write_two_mode_nodes_csv(std::ostream& out, const AgencyNetwork& network);
void write_two_mode_edges_csv(std::ostream& out, const AgencyNetwork& network);

// A heading without its number and closing punctuation: "(四)突出改革创新。" -> "突出改革创新", so that
// one policy area numbered differently in two documents is one section.
std::string bare_heading(std::string_view heading);

struct SectionMatrixOptions {
  // How many levels of the heading path make a section: 1, the top headings (一、…); 2 adds the
  // subheadings ((一)…), " / "-joined; and so on.
  std::size_t level = 1;
};

// The agency × section matrix as CSV (UTF-8 with BOM, CRLF): a row per agency (Id, Label, name,
// jurisdiction, kind, tasks) and a column per section (bare_heading of each level), in the order the
// sections first occur in the documents, "(no section)" for tasks under no heading; each cell the
// number of the agency's tasks under that section, in any role.
void write_section_matrix_csv(std::ostream& out, const AgencyNetwork& network, const SectionMatrixOptions& options = {});

}  // namespace agencygraph::io
