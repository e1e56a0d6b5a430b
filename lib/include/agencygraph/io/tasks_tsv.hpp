// `parse --format tsv`: one row per (task, role, agency), for checking and correcting the coding
// in a spreadsheet; the edited file is read back by `--corrections` (agencygraph/corrections.hpp).
//
// UTF-8 with a byte order mark (so that Excel opens Chinese text as UTF-8) and a header row:
//   file  line  place  title  task  role  agency  canonical  kind  text
// file: the source path as given; line: the task's line in that file; place: where it stands in an
// office file or PDF ("Sheet1!C12", "page 3"), empty for text and HTML; title: the document's title
// line; task: the task number as printed; role: lead or co; agency: the name as printed; canonical
// and kind: as the resolver made them; text: the task's text. Fields follow io/tsv.hpp's rules.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "agencygraph/model.hpp"

namespace agencygraph::io {

// The header row's column names, in order.
const std::vector<std::string>& tasks_tsv_columns();

// Appends the rows of one document (no header).
void append_tasks_tsv(std::string& out, const Document& document);
// Appends the rows of these tasks of the document (a batch of its tasks as they are read, see
// ExtractOptions::on_tasks; no header).
void append_tasks_tsv(std::string& out, const Document& document, const std::vector<Task>& tasks);

// Writes the BOM and the header row.
void write_tasks_tsv_header(std::ostream& out);

// Writes the BOM, the header and every document's rows.
void write_tasks_tsv(std::ostream& out, const std::vector<Document>& documents);

}  // namespace agencygraph::io
