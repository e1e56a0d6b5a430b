#include "agencygraph/io/tasks_tsv.hpp"

#include "agencygraph/io/csv.hpp"
#include "agencygraph/io/tsv.hpp"

namespace agencygraph::io {

const std::vector<std::string>& tasks_tsv_columns() {
  static const std::vector<std::string> columns{"file", "line",      "place", "title", "task",
                                                "role", "agency", "canonical", "kind",  "text"};
  return columns;
}

namespace {

// The rows of one task: one per unit named, role and names beside the task's text.
void append_task_rows(std::string& out, const Document& document, const Task& task, const std::string& title,
                      std::vector<std::string>& fields) {
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

// Rows are handed to the stream once this much is buffered: a single document of a gigabyte makes
// a TSV of several, which must not be held whole.
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;

}  // namespace

void append_tasks_tsv(std::string& out, const Document& document) { append_tasks_tsv(out, document, document.tasks); }

void append_tasks_tsv(std::string& out, const Document& document, const std::vector<Task>& tasks) {
  const std::string title = document.title.value_or("");
  std::vector<std::string> fields(tasks_tsv_columns().size());
  for (const Task& task : tasks) append_task_rows(out, document, task, title, fields);
}

void write_tasks_tsv_header(std::ostream& out) {
  std::string buffer(kUtf8Bom);
  append_tsv_row(buffer, tasks_tsv_columns());
  out << buffer;
}

void write_tasks_tsv(std::ostream& out, const std::vector<Document>& documents) {
  write_tasks_tsv_header(out);
  std::string buffer;
  std::vector<std::string> fields(tasks_tsv_columns().size());
  for (const Document& document : documents) {
    const std::string title = document.title.value_or("");
    for (const Task& task : document.tasks) {
      append_task_rows(buffer, document, task, title, fields);
      if (buffer.size() >= kFlushBytes) {
        out << buffer;
        buffer.clear();
      }
    }
  }
  out << buffer;
}

}  // namespace agencygraph::io
