// `agencygraph check`: what the extraction found and what it did not read, per document, so that a
// researcher can judge the coding before trusting a network built on it.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/escape.hpp"
#include "agencygraph/unclaimed.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "text_table.hpp"

namespace agencygraph::cli {
namespace {

struct CheckOptions {
  InputOptions input;
  std::string format = "table";
  std::size_t width = 0;
};

// One thing to look at, at one place of one source.
struct Finding {
  std::uint32_t source = 0;
  std::uint32_t line = 0;  // file line; 0: the source as a whole
  std::string kind;        // skipped, unread_line, unread_remark, unlikely_unit, unread_part
  std::string what;        // the reason, the role word, why a remark looks like coding, the problem
  std::string text;        // the line, the remark, the unit, or nothing
  std::string task;        // the task of a remark or a unit
};

struct DocumentCheck {
  const Document* document = nullptr;
  std::vector<Finding> findings;  // by source, then line
  std::size_t skipped = 0, unread_lines = 0, unread_remarks = 0, unread_parts = 0, unlikely_units = 0;
  std::string status;   // ok, check, no_tasks
  std::string verdict;  // one line
};

// The text of a source's lines, found by file line (an HTML page's text lines map to its own lines).
class LineTexts {
 public:
  explicit LineTexts(const Source& source) : source_(source) {}

  std::string at(std::uint32_t file_line) {
    if (lines_.empty()) split();
    // Text lines map to file lines in order: the first text line of a file line is found by bisection.
    const std::vector<std::uint32_t>& original = source_.original_lines;
    const std::size_t k =
        original.empty() ? std::size_t{file_line} - 1
                         : static_cast<std::size_t>(std::lower_bound(original.begin(), original.end(), file_line) -
                                                    original.begin());
    if (file_line == 0 || k >= lines_.size() || source_.original_line(static_cast<std::uint32_t>(k + 1)) != file_line)
      return {};
    return trim(lines_[k]);
  }

 private:
  void split() {
    const std::string_view text = source_.text;
    for (std::size_t begin = 0; begin <= text.size();) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(text.substr(begin, end - begin));
      begin = end + 1;
    }
  }
  static std::string trim(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return std::string(s);
  }
  const Source& source_;
  std::vector<std::string_view> lines_;
};

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

DocumentCheck check_document(const Document& document) {
  DocumentCheck check;
  check.document = &document;
  std::vector<LineTexts> texts;
  for (const Source& source : document.sources) texts.emplace_back(source);
  for (const SkippedParagraph& skipped : document.skipped) {
    check.findings.push_back({skipped.source, skipped.line, "skipped", skipped.reason,
                              texts[skipped.source].at(skipped.line), {}});
    ++check.skipped;
  }
  for (UnclaimedLine& line : find_unclaimed_annotation_lines(document)) {
    // A skipped paragraph's line is listed once, with the reason it was skipped.
    const bool listed = std::any_of(document.skipped.begin(), document.skipped.end(), [&](const SkippedParagraph& s) {
      return s.source == line.source && s.line == line.line;
    });
    if (listed) continue;
    check.findings.push_back({line.source, line.line, "unread_line", line.role_word, std::move(line.text), {}});
    ++check.unread_lines;
  }
  for (UnreadRemark& remark : find_unread_remarks(document)) {
    const Task& task = document.tasks[remark.task];
    check.findings.push_back({task.source, task.line, "unread_remark", std::move(remark.why), std::move(remark.remark), task.id});
    ++check.unread_remarks;
  }
  for (UnlikelyUnit& unit : find_unlikely_units(document)) {
    const Task& task = document.tasks[unit.task];
    check.findings.push_back({task.source, task.line, "unlikely_unit", "does not end as an agency's name", std::move(unit.name), task.id});
    ++check.unlikely_units;
  }
  for (std::uint32_t s = 0; s < document.sources.size(); ++s) {
    for (const std::string& warning : document.sources[s].warnings) {
      check.findings.push_back({s, 0, "unread_part", warning, {}, {}});
      ++check.unread_parts;
    }
  }
  std::stable_sort(check.findings.begin(), check.findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.source, a.line) < std::tie(b.source, b.line);
  });

  std::vector<std::string> problems;
  if (check.skipped) problems.push_back(count(check.skipped, "paragraph skipped", "paragraphs skipped"));
  if (check.unread_lines)
    problems.push_back(count(check.unread_lines, "line with role words not read", "lines with role words not read"));
  if (check.unread_remarks)
    problems.push_back(count(check.unread_remarks, "remark not understood", "remarks not understood"));
  if (check.unlikely_units)
    problems.push_back(count(check.unlikely_units, "unit unlike an agency", "units unlike an agency"));
  if (check.unread_parts) problems.push_back(count(check.unread_parts, "part of the file not read", "parts of the file not read"));
  std::string joined;
  for (const std::string& problem : problems) joined += (joined.empty() ? "" : ", ") + problem;
  const std::size_t tasks = document.tasks.size();
  if (tasks == 0) {
    check.status = "no_tasks";
    check.verdict = "no annotated tasks: a work report or an unknown layout";
    if (!joined.empty()) check.verdict += " (" + joined + ")";
  } else if (problems.empty()) {
    check.status = "ok";
    check.verdict = "ok: " + count(tasks, "task", "tasks") + ", nothing skipped";
  } else {
    check.status = "check";
    check.verdict = "check: " + joined;
  }
  return check;
}

// The place of a finding as a person looks for it: "line 12", "Sheet1!C12"; the file too when the
// document has several.
std::string place_of(const Document& document, const Finding& finding) {
  const Source& source = document.sources[finding.source];
  std::string place = finding.line == 0 ? std::string("-") : source.place(finding.line);
  if (document.sources.size() > 1) place = source.path + " " + place;
  return place;
}

std::string finding_label(const Finding& finding) {
  if (finding.kind == "skipped") return "skipped: " + finding.what;
  if (finding.kind == "unread_line") return "role word not read: " + finding.what;
  if (finding.kind == "unread_remark") return "remark of task " + finding.task + ": " + finding.what;
  if (finding.kind == "unlikely_unit") return "unit of task " + finding.task + ": " + finding.what;
  return "not read: " + finding.what;
}

std::string document_name(const Document& document) {
  std::string name = document.sources.front().path;
  if (document.sources.size() > 1)
    name += " (+" + count(document.sources.size() - 1, "page", "pages") + ")";
  return name;
}

void write_tables(std::ostream& out, const std::vector<DocumentCheck>& checks, std::size_t width) {
  using io::Align;
  // The verdict holds the counts; documents with findings are listed in full below.
  std::vector<TableColumn> columns{{"document", Align::Left, 16}, {"tasks", Align::Right, 0}, {"verdict", Align::Left, 30}};
  std::vector<std::vector<std::string>> rows;
  for (const DocumentCheck& check : checks)
    rows.push_back({io::single_line(document_name(*check.document)), std::to_string(check.document->tasks.size()),
                    check.verdict});
  write_table(out, columns, rows, width);
  std::size_t tasks = 0, ok = 0, to_check = 0;
  for (const DocumentCheck& check : checks) {
    tasks += check.document->tasks.size();
    ok += check.status == "ok";
    to_check += check.status == "check";
  }
  out << count(checks.size(), "document", "documents") << ", " << count(tasks, "task", "tasks") << ": " << ok
      << " ok, " << to_check << " to check, " << checks.size() - ok - to_check << " without annotated tasks\n";
  for (const DocumentCheck& check : checks) {
    if (check.findings.empty()) continue;
    const Document& document = *check.document;
    out << '\n' << io::single_line(document_name(document)) << ": " << check.verdict << '\n';
    if (document.title) out << io::single_line(*document.title) << '\n';
    std::vector<TableColumn> detail{{"place", Align::Left, 8}, {"finding", Align::Left, 24}, {"text", Align::Left, 16}};
    std::vector<std::vector<std::string>> lines;
    for (const Finding& finding : check.findings)
      lines.push_back({io::single_line(place_of(document, finding)), io::single_line(finding_label(finding)),
                       io::single_line(finding.text)});
    write_table(out, detail, lines, width);
  }
}

nlohmann::ordered_json to_json(const std::vector<DocumentCheck>& checks) {
  using json = nlohmann::ordered_json;
  json documents = json::array();
  std::size_t tasks = 0, ok = 0, to_check = 0, no_tasks = 0;
  for (const DocumentCheck& check : checks) {
    const Document& document = *check.document;
    json d;
    json sources = json::array();
    for (const Source& source : document.sources) sources.push_back(source.path);
    d["sources"] = std::move(sources);
    d["title"] = document.title ? json(*document.title) : json(nullptr);
    d["tasks"] = document.tasks.size();
    d["status"] = check.status;
    d["verdict"] = check.verdict;
    json skipped = json::array(), lines = json::array(), remarks = json::array(), units = json::array(),
         parts = json::array();
    for (const Finding& finding : check.findings) {
      json f;
      f["source"] = document.sources[finding.source].path;
      if (finding.kind == "unread_part") {
        f["problem"] = finding.what;
        parts.push_back(std::move(f));
        continue;
      }
      f["line"] = finding.line;
      f["place"] = document.sources[finding.source].place(finding.line);
      if (finding.kind == "skipped") {
        f["reason"] = finding.what;
        f["text"] = finding.text;
        skipped.push_back(std::move(f));
      } else if (finding.kind == "unread_line") {
        f["role_word"] = finding.what;
        f["text"] = finding.text;
        lines.push_back(std::move(f));
      } else if (finding.kind == "unlikely_unit") {
        f["task"] = finding.task;
        f["unit"] = finding.text;
        units.push_back(std::move(f));
      } else {
        f["task"] = finding.task;
        f["remark"] = finding.text;
        f["why"] = finding.what;
        remarks.push_back(std::move(f));
      }
    }
    d["skipped"] = std::move(skipped);
    d["unread_lines"] = std::move(lines);
    d["unread_remarks"] = std::move(remarks);
    d["unlikely_units"] = std::move(units);
    d["unread_parts"] = std::move(parts);
    documents.push_back(std::move(d));
    tasks += document.tasks.size();
    (check.status == "ok" ? ok : check.status == "check" ? to_check : no_tasks) += 1;
  }
  json out;
  out["documents"] = std::move(documents);
  out["summary"] = {{"documents", checks.size()}, {"tasks", tasks}, {"ok", ok}, {"check", to_check}, {"no_tasks", no_tasks}};
  return out;
}

int run_check(const CheckOptions& options) {
  LoadedInputs loaded = load_inputs(options.input);
  std::vector<DocumentCheck> checks;
  checks.reserve(loaded.documents.size());
  for (const Document& document : loaded.documents) checks.push_back(check_document(document));
  if (options.format == "json") {
    std::cout << to_json(checks).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } else {
    write_tables(std::cout, checks, output_width(options.width));
  }
  std::cout.flush();
  return loaded.had_errors ? 1 : 0;
}

}  // namespace

void register_check(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "check", "per document: tasks found, paragraphs skipped, annotation-like text not read, and a verdict");
  auto options = std::make_shared<CheckOptions>();
  add_input_options(*command, options->input);
  command->add_option("--format", options->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  command->add_option("--width", options->width, "table width in columns (default: the terminal's, else 80)")
      ->check(CLI::NonNegativeNumber);
  command->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace agencygraph::cli
