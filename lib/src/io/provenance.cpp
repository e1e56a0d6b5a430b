#include "agencygraph/io/provenance.hpp"

#include <string>
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

std::string section_label(const DocumentInfo& document, std::uint32_t section) {
  std::string label;
  if (section >= document.sections.size()) return label;
  for (const std::string& heading : document.sections[section]) {
    if (!label.empty()) label += " / ";
    label += heading;
  }
  return label;
}

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
  out << kUtf8Bom;
  write_csv_row(out, {"task", "document", "title", "jurisdiction", "year", "number", "source", "line", "place", "section",
                      "text"});
  detail::write_in_order(out, rows.size(), 0, [&](std::size_t begin, std::size_t end, std::string& text) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::uint32_t t = rows[row];
      const TaskInfo& task = network.tasks[t];
      const DocumentInfo& document = network.documents[task.document];
      const std::vector<std::string> fields{std::to_string(t),
                                            std::to_string(task.document + 1),
                                            document.title.value_or(""),
                                            document.jurisdiction.value_or(""),
                                            document.year ? std::to_string(*document.year) : std::string(),
                                            task.id.str(),
                                            network.source_path(task),
                                            std::to_string(task.line),
                                            task.place.str(),
                                            section_label(document, task.section),
                                            task.text.str()};
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) text += ',';
        text += csv_field(fields[i]);
      }
      text += "\r\n";
    }
  });
}

}  // namespace agencygraph::io
