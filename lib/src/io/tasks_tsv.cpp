#include "agencygraph/io/tasks_tsv.hpp"

#include "agencygraph/io/csv.hpp"
#include "agencygraph/io/tsv.hpp"

namespace agencygraph::io {

const std::vector<std::string>& tasks_tsv_columns() {
  static const std::vector<std::string> columns{"file", "line",      "place", "title", "task",
                                                "role", "agency", "canonical", "kind",  "text"};
  return columns;
}

void append_tasks_tsv(std::string& out, const Document& document) {
  const std::string title = document.title.value_or("");
  std::vector<std::string> fields(tasks_tsv_columns().size());
  for (const Task& task : document.tasks) {
    const Source& source = document.sources[task.source];
    fields[0] = source.path;
    fields[1] = std::to_string(task.line);
    fields[2] = source.places.empty() ? std::string() : source.place(task.line);
    fields[3] = title;
    fields[4] = task.id;
    fields[9] = std::string(document.text(task));
    for (const AgencyMention& mention : task.agencies) {
      fields[5] = std::string(to_string(mention.role));
      fields[6] = std::string(document.name(mention.name));
      fields[7] = std::string(document.name(mention.canonical));
      fields[8] = std::string(to_string(mention.kind));
      append_tsv_row(out, fields);
    }
  }
}

void write_tasks_tsv(std::ostream& out, const std::vector<Document>& documents) {
  std::string buffer(kUtf8Bom);
  append_tsv_row(buffer, tasks_tsv_columns());
  for (const Document& document : documents) {
    append_tasks_tsv(buffer, document);
    // Written document by document: a corpus's rows need not be held at once.
    out << buffer;
    buffer.clear();
  }
  out << buffer;
}

}  // namespace agencygraph::io
