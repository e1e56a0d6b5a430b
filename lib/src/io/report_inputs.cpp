// ReportInputs: the compact per-document summary the report keeps while documents stream past.
#include <algorithm>

#include "agencygraph/io/report.hpp"

namespace agencygraph::io {
namespace {

// Heading paths are shown on one line: "(四)突出改革创新… › 3.…".
std::string joined_section(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& heading : path) {
    if (!out.empty()) out += " › ";
    out += heading;
  }
  return out;
}

}  // namespace

void ReportInputs::add(const Document& document) {
  DocumentSummary& summary = documents_.emplace_back();
  if (!document.sources.empty()) {
    const Source& first = document.sources.front();
    summary.path = first.path;
    summary.format = first.format;
    summary.encoding = first.encoding;
  }
  summary.title = document.title;
  summary.jurisdiction = document.jurisdiction;
  summary.year = document.year;
  summary.tasks = static_cast<std::uint32_t>(document.tasks.size());
  for (const SkippedParagraph& skipped : document.skipped) {
    const auto [it, added] = reason_index_.emplace(skipped.reason, static_cast<std::uint32_t>(reasons_.size()));
    if (added) reasons_.push_back(skipped.reason);
    const std::string place = skipped.source < document.sources.size()
                                  ? document.sources[skipped.source].place(skipped.line)
                                  : "line " + std::to_string(skipped.line);
    // A document of several sources names the source of each place.
    summary.skipped.push_back({document.sources.size() > 1 && skipped.source < document.sources.size()
                                   ? document.sources[skipped.source].path + ": " + place
                                   : place,
                               it->second});
  }
  for (const Source& source : document.sources)
    for (const std::string& warning : source.warnings)
      summary.warnings.push_back(document.sources.size() > 1 ? source.path + ": " + warning : warning);

  if (sections_.empty()) {
    sections_.emplace_back();
    section_index_.emplace("", 0);
  }
  // Heading paths interned once per document, then each task's (line, section) under its source.
  std::vector<std::uint32_t> section_ids(document.sections.size(), 0);
  for (std::size_t s = 0; s < document.sections.size(); ++s) {
    std::string text = joined_section(document.sections[s]);
    const auto [it, added] = section_index_.emplace(text, static_cast<std::uint32_t>(sections_.size()));
    if (added) sections_.push_back(std::move(text));
    section_ids[s] = it->second;
  }
  for (const Task& task : document.tasks) {
    if (task.source >= document.sources.size()) continue;
    const std::uint32_t section = task.section < section_ids.size() ? section_ids[task.section] : 0;
    task_sections_[document.sources[task.source].path].emplace_back(task.line, section);
  }
  // Kept in line order for section()'s binary search; stable, so of two tasks on one line (table
  // rows are never two tasks, but a source given twice is) the first read stays first.
  for (const Source& source : document.sources) {
    auto& tasks = task_sections_[source.path];
    std::stable_sort(tasks.begin(), tasks.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
}

void ReportInputs::add_errors(const std::vector<InputError>& errors) {
  errors_.insert(errors_.end(), errors.begin(), errors.end());
}

std::string_view ReportInputs::section(const std::string& source_path, std::uint32_t line) const {
  const auto it = task_sections_.find(source_path);
  if (it == task_sections_.end()) return {};
  const auto& tasks = it->second;
  const auto found = std::lower_bound(tasks.begin(), tasks.end(), line,
                                      [](const auto& entry, std::uint32_t l) { return entry.first < l; });
  return found != tasks.end() && found->first == line ? std::string_view(sections_[found->second]) : std::string_view();
}

}  // namespace agencygraph::io
