// The HTML report: one self-contained file to explore the network offline. The coordination map laid
// out by Graphviz (inline SVG, pan and zoom, search, cluster and kind filters), a panel for any agency
// (counts, every measure with its rank, partners, every task with its text and the agency's role) and
// any link (every task behind it), the ranking, the clusters, and per document what extraction found
// and skipped. No network access at all: the script and style are inline, allowed by their SHA-256 in
// a strict Content-Security-Policy, and the data is one JSON object in the page. docs/report.md.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/io/map_style.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io {

// What the report needs from the documents that the network does not keep: per input document what
// extraction found and skipped, and each task's section. Documents stream through add() (from
// extract_each's sink, before or after NetworkBuilder::add) and may be freed after it; only this
// compact summary is held.
class ReportInputs {
 public:
  struct Skipped {
    std::string place;        // "line 12", "Sheet1!C12", "page 3", as Source::place gives it
    std::uint32_t reason = 0; // index into reasons()
  };
  struct DocumentSummary {
    std::string path;         // its first source
    std::string format;       // Source::format of its first source
    std::string encoding;
    std::optional<std::string> title;
    std::optional<std::string> jurisdiction;
    std::optional<int> year;
    std::uint32_t tasks = 0;  // tasks found in it (a task a later page repeats counts on each page)
    std::vector<Skipped> skipped;
    std::vector<std::string> warnings;  // parts of a source that could not be read, with their place
  };

  void add(const Document& document);
  // Inputs that could not be read at all, in input order.
  void add_errors(const std::vector<InputError>& errors);

  const std::vector<DocumentSummary>& documents() const { return documents_; }
  const std::vector<InputError>& errors() const { return errors_; }
  const std::vector<std::string>& reasons() const { return reasons_; }
  // The heading path of the task read from line `line` of `source_path`, as " › "-joined text;
  // empty when none was seen (or the task is unknown).
  std::string_view section(const std::string& source_path, std::uint32_t line) const;

 private:
  std::vector<DocumentSummary> documents_;
  std::vector<InputError> errors_;
  std::vector<std::string> reasons_;
  std::unordered_map<std::string, std::uint32_t> reason_index_;
  std::vector<std::string> sections_;  // distinct heading paths; [0] is ""
  std::unordered_map<std::string, std::uint32_t> section_index_;
  // By source path: (line, section) of each task, in the order read.
  std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> task_sections_;
};

struct ReportOptions {
  // The map: which agencies it draws (top_agencies: 0 = all), which it labels (max_labels), the
  // layout, seed and font. Tooltips are not drawn: the page's own panels show more.
  MapOptions map;
  // The no-lead policy the network was built with, which decides the links a task makes (the page
  // derives each link's tasks from the tasks); and whether collectives were left out, for the header.
  NetworkOptions network;
};

// The agency count above which report_map_options() draws only the most-burdened agencies: Graphviz's
// sfdp takes seconds per thousand agencies, and a map of many thousand is unreadable anyway.
inline constexpr std::size_t kReportMapAgencies = 600;

// Writes the page. Every measure analyse() computed is shown; uncomputed ones are left out.
// Same inputs, same bytes. Throws std::runtime_error when Graphviz fails.
void write_report(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                  const ReportInputs& inputs, const ReportOptions& options = {});

}  // namespace agencygraph::io
