#include "agencygraph/io/provenance.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/io/csv.hpp"
#include "io/ordered_chunks.hpp"

namespace agencygraph::io {

std::string_view to_string(Provenance provenance) {
  switch (provenance) {
    case Provenance::None: return "none";
    case Provenance::Ids: return "ids";
    case Provenance::Full: return "full";
  }
  return "full";
}

std::optional<Provenance> provenance_from_name(std::string_view name) {
  for (const Provenance p : {Provenance::None, Provenance::Ids, Provenance::Full})
    if (to_string(p) == name) return p;
  return std::nullopt;
}

namespace {

// A heading path as one string: "一、… / (三)…".
std::string joined_headings(const std::vector<std::string>& path) {
  std::string label;
  for (const std::string& heading : path) {
    if (!label.empty()) label += " / ";
    label += heading;
  }
  return label;
}

}  // namespace

std::string section_label(const DocumentInfo& document, std::uint32_t section) {
  return section < document.sections.size() ? joined_headings(document.sections[section]) : std::string();
}

namespace {

// One row of the tasks table, its fields in the order of the header (write_tasks_header).
struct TaskRow {
  std::uint32_t task = 0;
  std::uint32_t document = 0;  // 0-based
  const std::optional<std::string>& title;
  const std::optional<std::string>& jurisdiction;
  std::optional<int> year;
  std::string_view number;
  std::string_view source;
  std::uint32_t line = 0;
  std::string_view place;
  std::string section;
  std::string_view text;
};

void append_task_row(std::string& out, const TaskRow& row) {
  const std::string task = std::to_string(row.task), document = std::to_string(row.document + 1),
                    year = row.year ? std::to_string(*row.year) : std::string(), line = std::to_string(row.line);
  const std::string_view fields[] = {task,
                                     document,
                                     row.title ? std::string_view(*row.title) : std::string_view(),
                                     row.jurisdiction ? std::string_view(*row.jurisdiction) : std::string_view(),
                                     year,
                                     row.number,
                                     row.source,
                                     line,
                                     row.place,
                                     row.section,
                                     row.text};
  bool first = true;
  for (const std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    out += csv_field(field);
  }
  out += "\r\n";
}

void write_tasks_header(std::ostream& out) {
  out << kUtf8Bom;
  write_csv_row(out, {"task", "document", "title", "jurisdiction", "year", "number", "source", "line", "place", "section",
                      "text"});
}

}  // namespace

void write_tasks_csv(std::ostream& out, const AgencyNetwork& network, bool cited_only) {
  // The tasks written, ascending: all, or those an agency cites (a link's tasks are its ends' tasks).
  std::vector<std::uint32_t> rows;
  if (cited_only) {
    std::vector<bool> cited(network.tasks.size(), false);
    for (AgencyVertex v = 0; v < boost::num_vertices(network.graph); ++v)
      for (const std::uint32_t t : network.graph[v].tasks) cited[t] = true;
    for (std::uint32_t t = 0; t < cited.size(); ++t)
      if (cited[t]) rows.push_back(t);
  } else {
    rows.resize(network.tasks.size());
    for (std::uint32_t t = 0; t < rows.size(); ++t) rows[t] = t;
  }
  write_tasks_header(out);
  detail::write_in_order(out, rows.size(), 0, [&](std::size_t begin, std::size_t end, std::string& text) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::uint32_t t = rows[row];
      const TaskInfo& task = network.tasks[t];
      const DocumentInfo& document = network.documents[task.document];
      append_task_row(text, {t, task.document, document.title, document.jurisdiction, document.year, task.id.view(),
                             network.source_path(task), task.line, task.place.view(),
                             section_label(document, task.section), task.text.view()});
    }
  });
}

TasksCsvStream::TasksCsvStream(std::ostream& out) : out_(out) { write_tasks_header(out_); }

void TasksCsvStream::add(const Document& so_far, std::span<const Task> tasks) {
  if (tasks.empty()) return;
  // The network takes the document's title, place and year as they are when its first tasks come.
  if (!opened_) {
    opened_ = true;
    title_ = so_far.title;
    jurisdiction_ = so_far.jurisdiction;
    year_ = so_far.year;
  }
  std::string text;
  for (const Task& task : tasks) {
    const Source& source = so_far.sources[task.source];
    append_task_row(text, {next_task_++, 0, title_, jurisdiction_, year_, task.id, source.path, task.line,
                           source.places.empty() ? std::string() : source.place(task.line),
                           joined_headings(so_far.sections.at(task.section)), so_far.text(task)});
  }
  out_ << text;
}

}  // namespace agencygraph::io
