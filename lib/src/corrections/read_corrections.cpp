// The corrections file: the TSV of `parse --format tsv`, edited in a spreadsheet.
#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <stdexcept>
#include <tuple>
#include <unordered_set>

#include "agencygraph/corrections.hpp"
#include "agencygraph/decode.hpp"
#include "agencygraph/io/tsv.hpp"

namespace agencygraph {

namespace {

// ASCII spaces and the spaces a spreadsheet or a Chinese input method leaves: U+3000, U+00A0.
std::string_view trimmed(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xE3\x80\x80")) {
      s.remove_prefix(3);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE3\x80\x80")) {
      s.remove_suffix(3);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A header's columns by name; -1 when absent.
struct Columns {
  int file = -1, line = -1, task = -1, role = -1, agency = -1, text = -1;
};

Columns read_header(const std::vector<std::string>& fields) {
  Columns columns;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string name = lower_ascii(trimmed(fields[i]));
    const int index = static_cast<int>(i);
    int* slot = name == "file"     ? &columns.file
                : name == "line"   ? &columns.line
                : name == "task"   ? &columns.task
                : name == "role"   ? &columns.role
                : name == "agency" ? &columns.agency
                : name == "text"   ? &columns.text
                                   : nullptr;
    if (slot != nullptr && *slot < 0) *slot = index;
  }
  return columns;
}

std::string left_as_parsed(const std::string& file, const std::string& task) {
  return " (task " + task + " of " + file + " is left as parsed)";
}

struct Row {
  std::size_t row_line = 0;
  std::string file, task, text;
  std::optional<std::uint32_t> line;
  std::optional<Role> role;  // none: the task has no agencies
  std::string agency;
};

}  // namespace

Corrections parse_corrections(std::string_view text, const std::string& path) {
  Corrections corrections;
  corrections.path = path;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a BOM the decoder left (one of two)
  auto where = [&](std::size_t line) { return path + ":" + std::to_string(line) + ": "; };
  std::vector<std::pair<std::size_t, std::string>> problems;  // by line of the file
  std::vector<std::pair<std::string, std::string>> bad;       // (file, task) of rows in error
  // Rows first, then tasks: the rows of one task need not be next to each other. A task's text is
  // kept from its first row only: a corpus's TSV repeats each text on every row of its task.
  std::vector<Row> rows;
  std::unordered_set<std::string> with_text;  // file, task and line of rows whose text is kept
  std::optional<Columns> columns;
  std::size_t width = 0;
  io::for_each_tsv_record(text, [&](const io::TsvRecord& record) {
    if (!columns) {
      columns = read_header(record.fields);
      std::string missing;
      for (const auto& [index, name] : {std::pair{columns->file, "file"}, std::pair{columns->task, "task"},
                                        std::pair{columns->role, "role"}, std::pair{columns->agency, "agency"}})
        if (index < 0) missing += missing.empty() ? name : std::string(", ") + name;
      if (!missing.empty())
        throw std::runtime_error(where(record.line) + "the header row has no column " + missing +
                                 " (the columns file, task, role and agency are needed, as `parse --format tsv` "
                                 "writes them)");
      width = record.fields.size();
      return;
    }
    auto field = [&](int column) -> std::string_view {
      return column >= 0 && static_cast<std::size_t>(column) < record.fields.size()
                 ? trimmed(record.fields[static_cast<std::size_t>(column)])
                 : std::string_view();
    };
    if (std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return trimmed(f).empty(); }))
      return;  // a spreadsheet's empty row
    Row row;
    row.row_line = record.line;
    row.file = field(columns->file);
    row.task = field(columns->task);
    row.agency = field(columns->agency);
    std::string problem;
    const bool extra = std::any_of(record.fields.begin() + static_cast<std::ptrdiff_t>(std::min(width, record.fields.size())),
                                   record.fields.end(), [](const std::string& f) { return !trimmed(f).empty(); });
    const std::string_view line = field(columns->line);
    const std::string role = lower_ascii(field(columns->role));
    if (extra) {
      problem = std::to_string(record.fields.size()) + " fields, but the header has " + std::to_string(width);
    } else if (row.file.empty()) {
      problem = "no file: every row names the file its task is in";
    } else if (row.task.empty()) {
      problem = "no task number";
    } else if (!line.empty()) {
      std::uint32_t value = 0;
      const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), value);
      if (ec != std::errc() || end != line.data() + line.size() || value == 0)
        problem = "line '" + std::string(line) + "' is not a line number";
      else
        row.line = value;
    }
    if (problem.empty()) {
      if (role == "lead") row.role = Role::Lead;
      else if (role == "co") row.role = Role::Co;
      else if (role == "none" || (role.empty() && row.agency.empty())) row.role.reset();
      else if (role.empty()) problem = "no role for " + row.agency + ": lead, co, or none";
      else problem = "role '" + std::string(field(columns->role)) + "' is not lead, co or none";
      if (problem.empty() && role == "none" && !row.agency.empty())
        problem = "role none with agency " + row.agency + ": a none row names no agency";
      if (row.agency.empty()) row.role.reset();  // an empty agency: the task has no agencies
    }
    if (!problem.empty()) {
      if (!row.file.empty() && !row.task.empty()) {
        problem += left_as_parsed(row.file, row.task);
        bad.emplace_back(row.file, row.task);
      }
      problems.emplace_back(record.line, problem);
      return;
    }
    const std::string_view row_text = field(columns->text);
    if (!row_text.empty() && with_text.insert(row.file + '\t' + row.task + '\t' + std::string(line)).second)
      row.text = row_text;
    rows.push_back(std::move(row));
  });
  if (!columns) throw std::runtime_error(where(1) + "empty: no header row (file, line, task, role, agency, …)");

  // Tasks are keyed by (file, task number, line). A row without a line belongs to the task of the
  // same file and number when the other rows give that task one line only.
  auto key = [](const Row& row) { return row.file + '\t' + row.task; };
  std::unordered_map<std::string, std::vector<std::uint32_t>> lines_of;  // by key()
  for (const Row& row : rows) {
    if (!row.line) continue;
    std::vector<std::uint32_t>& lines = lines_of[key(row)];
    if (std::find(lines.begin(), lines.end(), *row.line) == lines.end()) lines.push_back(*row.line);
  }
  std::unordered_map<std::string, std::size_t> index;  // by key() and line (0: none given)
  std::vector<std::vector<std::size_t>> none_rows;  // by task: rows saying it has no agencies
  for (Row& row : rows) {
    std::uint32_t line = row.line.value_or(0);
    if (!row.line) {
      const auto it = lines_of.find(key(row));
      if (it != lines_of.end() && it->second.size() == 1) {
        line = it->second.front();
      } else if (it != lines_of.end()) {
        problems.emplace_back(row.row_line, "task " + row.task + " of " + row.file +
                                                " stands at several lines in other rows, and this row gives none" +
                                                left_as_parsed(row.file, row.task));
        bad.emplace_back(row.file, row.task);
        continue;
      }
    }
    const auto [it, inserted] = index.try_emplace(key(row) + '\t' + std::to_string(line), corrections.tasks.size());
    if (inserted) {
      TaskCorrection& task = corrections.tasks.emplace_back();
      task.file = row.file;
      task.task = row.task;
      if (line != 0) task.line = line;
      task.row_line = row.row_line;
      none_rows.emplace_back();
    }
    TaskCorrection& task = corrections.tasks[it->second];
    if (task.text.empty()) task.text = std::move(row.text);
    if (row.role) task.agencies.push_back({row.row_line, *row.role, std::move(row.agency)});
    else none_rows[it->second].push_back(row.row_line);
  }
  // A none row beside rows naming agencies contradicts them: which did the coder mean?
  for (std::size_t t = 0; t < corrections.tasks.size(); ++t) {
    TaskCorrection& task = corrections.tasks[t];
    if (task.agencies.empty()) continue;
    for (std::size_t row_line : none_rows[t]) {
      problems.emplace_back(row_line, "task " + task.task + " of " + task.file +
                                          " has a none row (no agencies) and rows naming agencies: keep one or the other" +
                                          left_as_parsed(task.file, task.task));
      task.has_error = true;
    }
  }
  for (TaskCorrection& task : corrections.tasks)
    if (std::find(bad.begin(), bad.end(), std::pair{task.file, task.task}) != bad.end()) task.has_error = true;
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [line, problem] : problems) corrections.errors.push_back(where(line) + problem);
  return corrections;
}

Corrections read_corrections(const std::string& path) {
  std::string text;
  try {
    text = decode_owned(read_file_bytes(path)).text;
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
  return parse_corrections(text, path);
}

}  // namespace agencygraph
