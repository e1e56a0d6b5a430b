// Hand corrections of the extraction, kept across re-runs (`--corrections FILE`).
//
// The corrections file is the TSV that `parse --format tsv` writes (io/tasks_tsv.hpp), after a coder
// has edited it in a spreadsheet. For every task the file names (by file as printed and task number,
// with the line telling apart tasks that share a number), the task's agencies become exactly the
// file's rows for it: a row deleted removes that agency or role, a row added adds one, a name or role
// edited changes it. A task whose only row has role `none` or an empty agency has no agencies and is
// dropped (listed as skipped, with the reason). A task number the document lacks is a new task at the
// row's line. Tasks of files the corrections do not name, and tasks they do not name, are untouched.
// Names are resolved as the parser resolves them (resolve_name.hpp), aliases included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "agencygraph/aliases.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph {

struct AgencyCorrection {
  std::size_t row_line = 0;  // line of the corrections file
  Role role = Role::Co;
  std::string agency;  // as printed
};

// What the corrections file says about one task.
struct TaskCorrection {
  std::string file;                  // the source path, as `parse` printed it
  std::string task;                  // the task number as printed
  std::optional<std::uint32_t> line; // the task's line in that file, when given
  std::string text;                  // the text column (checked against the task's, never applied)
  std::size_t row_line = 0;          // the first line of the corrections file about this task
  std::vector<AgencyCorrection> agencies;  // in file order; empty: the task has no agencies
  bool has_error = false;            // a row about it was in error: the task is left as parsed
};

struct Corrections {
  std::string path;  // for messages
  std::vector<TaskCorrection> tasks;  // in the order the file first names them
  std::vector<std::string> errors;    // "PATH:LINE: problem", one per bad row
};

// Reads a corrections file from its text (UTF-8, BOM removed). Bad rows (unknown role, no task
// number, a line that is not a number, a `none` row beside agencies, too many fields) are reported
// in `errors` and their task marked has_error; the other rows still count. Throws
// std::runtime_error("PATH:LINE: problem") for a file with no header row naming the columns file,
// task, role and agency: none of its rows can be read.
Corrections parse_corrections(std::string_view text, const std::string& path);

// Reads and decodes (UTF-8, UTF-16 or GB18030, as a spreadsheet may save it) the file at `path`.
// Throws std::runtime_error("PATH: problem") when it cannot be read at all, and as
// parse_corrections does.
Corrections read_corrections(const std::string& path);

struct CorrectionsOutcome {
  std::size_t changed = 0;    // tasks whose agencies were replaced
  std::size_t unchanged = 0;  // tasks the file names whose agencies were already as given
  std::size_t added = 0;      // new tasks
  std::size_t dropped = 0;    // tasks left with no agency, so removed
  // "PATH:LINE: problem" for every task of the file that could not be applied (a task number the
  // document no longer has, a text that changed, a number shared by several tasks and no line).
  std::vector<std::string> warnings;

  CorrectionsOutcome& operator+=(const CorrectionsOutcome& other);
};

// Applies corrections to documents one at a time, as a stream hands them over. Each document must
// be one as extract_document made it or merge_pages joined; tasks are found by their source's path.
class CorrectionsApplier {
 public:
  // Both must outlive the applier.
  CorrectionsApplier(const Corrections& corrections, const AliasTable& aliases);
  CorrectionsApplier(const Corrections&, AliasTable&&) = delete;  // it would outlive a temporary
  CorrectionsApplier(Corrections&&, const AliasTable&) = delete;

  CorrectionsOutcome apply(Document& document);

  // Warnings for the files the corrections name that no document applied came from.
  std::vector<std::string> unmatched_files() const;

 private:
  const Corrections& corrections_;
  const AliasTable& aliases_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_file_;  // indices into corrections_.tasks
  std::unordered_set<std::string> seen_files_;
};

// Applies `corrections` to every document, then reports the files no document came from.
CorrectionsOutcome apply_corrections(std::vector<Document>& documents, const Corrections& corrections,
                                     const AliasTable& aliases);
CorrectionsOutcome apply_corrections(std::vector<Document>& documents, const Corrections& corrections);

}  // namespace agencygraph
