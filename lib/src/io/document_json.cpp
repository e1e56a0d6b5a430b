#include "agencygraph/io/document_json.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_writer.hpp"

// The `parse` JSON described once, as calls on an Out (io/json_writer.hpp): a JsonTree for the
// public tree functions, a JsonText for write_documents_json, which writes the bytes of the tree's
// dump(1, ' ', false, replace) directly and flushes as it grows.
namespace agencygraph {
namespace {

using io::detail::JsonText;
using io::detail::JsonTree;

template <typename Out, typename T>
void write_optional(Out& w, const std::optional<T>& value) {
  if (value) w.value(*value);
  else w.value(nullptr);
}

template <typename Out>
void write_strings(Out& w, const std::vector<std::string>& items) {
  w.begin_array();
  for (const std::string& item : items) w.value(item);
  w.end_array();
}

template <typename Out>
void write_names_with_role(Out& w, const Document& document, const Task& task, Role role, bool canonical) {
  w.begin_array();
  for (const AgencyMention& mention : task.agencies)
    if (mention.role == role) w.value(document.name(canonical ? mention.canonical : mention.name));
  w.end_array();
}

template <typename Out>
void write_task(Out& w, const Document& document, const Task& task) {
  w.begin_object();
  w.key("id"); w.value(task.id);
  w.key("source"); w.value(document.sources[task.source].path);
  w.key("line"); w.value(task.line);
  if (!document.sources[task.source].places.empty()) {
    w.key("place"); w.value(document.sources[task.source].place(task.line));
  }
  w.key("section"); write_strings(w, document.sections[task.section]);
  w.key("text"); w.value(document.text(task));
  w.key("leads"); write_names_with_role(w, document, task, Role::Lead, false);
  w.key("co"); write_names_with_role(w, document, task, Role::Co, false);
  w.key("leads_canonical"); write_names_with_role(w, document, task, Role::Lead, true);
  w.key("co_canonical"); write_names_with_role(w, document, task, Role::Co, true);
  w.key("agencies");
  w.begin_array();
  for (const AgencyMention& mention : task.agencies) {
    w.begin_object();
    w.key("name"); w.value(document.name(mention.name));
    w.key("canonical"); w.value(document.name(mention.canonical));
    w.key("role"); w.value(to_string(mention.role));
    w.key("kind"); w.value(to_string(mention.kind));
    w.end_object();
  }
  w.end_array();
  w.key("annotation"); w.value(document.view(task, task.annotation));
  w.key("deadline");
  if (task.deadline.empty()) w.value(nullptr);
  else w.value(task.deadline);
  w.key("remarks"); write_strings(w, task.remarks);
  if (!task.leaders.empty()) { w.key("leaders"); write_strings(w, task.leaders); }
  if (task.lead_from_first_listed) { w.key("lead_from_first_listed"); w.value(true); }
  w.end_object();
}

// A document's fields up to its tasks, and the opening of their array.
template <typename Out>
void write_document_head(Out& w, const Document& document) {
  w.begin_object();
  w.key("sources");
  w.begin_array();
  for (const Source& source : document.sources) w.value(source.path);
  w.end_array();
  w.key("title"); write_optional(w, document.title);
  w.key("jurisdiction"); write_optional(w, document.jurisdiction);
  w.key("jurisdiction_source");
  if (document.jurisdiction_source) w.value(jurisdiction_source_name(*document.jurisdiction_source));
  else w.value(nullptr);
  w.key("year"); write_optional(w, document.year);
  w.key("year_source");
  if (document.year_source) w.value(year_source_name(*document.year_source));
  else w.value(nullptr);
  w.key("encoding"); w.value(document.sources.empty() ? std::string_view("UTF-8") : document.sources.front().encoding);
  w.key("format"); w.value(document.sources.empty() ? std::string_view("text") : document.sources.front().format);
  w.key("first_listed_is_lead"); w.value(document.first_listed_is_lead);
  w.key("tasks");
  w.begin_array();
}

// The end of a document's tasks, and its fields after them.
template <typename Out>
void write_document_tail(Out& w, const Document& document) {
  w.end_array();
  w.key("skipped");
  w.begin_array();
  for (const SkippedParagraph& s : document.skipped) {
    w.begin_object();
    w.key("source"); w.value(document.sources[s.source].path);
    w.key("line"); w.value(s.line);
    if (!document.sources[s.source].places.empty()) {
      w.key("place"); w.value(document.sources[s.source].place(s.line));
    }
    w.key("reason"); w.value(s.reason);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

template <typename Out>
void write_document(Out& w, const Document& document) {
  write_document_head(w, document);
  for (const Task& task : document.tasks) write_task(w, document, task);
  write_document_tail(w, document);
}

// Documents up to this much text are formatted whole, one per chunk, on several threads; a corpus
// holding a larger one is written on one thread as it is made, so that memory stays bounded by its
// largest task rather than by the JSON of its largest document (about six times its text).
constexpr std::size_t kChunkedDocumentBytes = std::size_t{4} << 20;

template <typename Out>
void write_documents(Out& w, const std::vector<Document>& documents, bool chunked) {
  w.begin_object();
  w.key("documents");
  if (chunked) {
    // One document per chunk: a decomposition of 36 KB makes about 200 KB of JSON, so a corpus has
    // thousands of chunks to share out and each is handed over cheaply.
    w.elements(documents.size(), [&](auto& out, std::size_t i) { write_document(out, documents[i]); }, 1);
  } else {
    w.begin_array();
    for (const Document& document : documents) write_document(w, document);
    w.end_array();
  }
  w.end_object();
}

}  // namespace

nlohmann::ordered_json document_to_json(const Document& document) {
  JsonTree w;
  write_document(w, document);
  return std::move(w.root());
}

nlohmann::ordered_json documents_to_json(const std::vector<Document>& documents) {
  JsonTree w;
  write_documents(w, documents, false);
  return std::move(w.root());
}

struct DocumentJsonStream::Writer {
  explicit Writer(std::ostream& out) : text(out, 1) {}
  JsonText text;
};

DocumentJsonStream::DocumentJsonStream(std::ostream& out) : writer_(std::make_unique<Writer>(out)) {}
DocumentJsonStream::~DocumentJsonStream() = default;

void DocumentJsonStream::open() {
  if (started_) return;
  JsonText& w = writer_->text;
  w.begin_object();
  w.key("documents");
  w.begin_array();
  started_ = true;
}

void DocumentJsonStream::tasks(const Document& so_far, const std::vector<Task>& tasks) {
  JsonText& w = writer_->text;
  open();
  if (!in_document_) {
    write_document_head(w, so_far);
    in_document_ = true;
  }
  for (const Task& task : tasks) write_task(w, so_far, task);
  w.flush();
}

void DocumentJsonStream::end_document(const Document& document) {
  if (!in_document_) tasks(document, {});
  write_document_tail(writer_->text, document);
  in_document_ = false;
}

void DocumentJsonStream::finish() {
  JsonText& w = writer_->text;
  open();
  w.end_array();
  w.end_object();
  w.flush();
}

void write_documents_json(std::ostream& out, const std::vector<Document>& documents, unsigned threads) {
  std::size_t largest = 0;
  for (const Document& document : documents)
    for (const Source& source : document.sources) largest = std::max(largest, source.content().size());
  JsonText w(out, threads);  // flushed as it grows
  write_documents(w, documents, threads != 1 && largest <= kChunkedDocumentBytes);
  w.flush();
}

}  // namespace agencygraph
