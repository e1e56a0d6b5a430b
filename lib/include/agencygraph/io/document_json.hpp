// The `parse` output: documents, tasks and skipped paragraphs as JSON (schema in docs/parse-json.md).
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "agencygraph/model.hpp"

namespace agencygraph {

nlohmann::ordered_json document_to_json(const Document& document);
nlohmann::ordered_json documents_to_json(const std::vector<Document>& documents);

// Writes the same bytes as documents_to_json(documents).dump(1, ' ', false, error_handler_t::replace)
// (no trailing newline). Documents are formatted on `threads` threads (0: the hardware's concurrency)
// and written in order as they are done, so memory stays bounded by a few documents' JSON per thread,
// not the corpus; when a document has more than 4 MB of text, everything is written on one thread as
// it is made, and memory stays bounded by the largest task.
void write_documents_json(std::ostream& out, const std::vector<Document>& documents, unsigned threads = 0);

// The same bytes for documents whose tasks come in batches as they are read (ExtractOptions::on_tasks),
// one document at a time: tasks() for each batch (its first call for a document writes the document's
// fields before its tasks), end_document() when the document is read, finish() after the last.
// Memory stays bounded by a batch, however many tasks a document has.
class DocumentJsonStream {
 public:
  explicit DocumentJsonStream(std::ostream& out);
  ~DocumentJsonStream();
  void tasks(const Document& so_far, const std::vector<Task>& tasks);
  void end_document(const Document& document);
  void finish();

 private:
  void open();  // {"documents": [, once
  struct Writer;
  std::unique_ptr<Writer> writer_;
  bool started_ = false;
  bool in_document_ = false;
};

}  // namespace agencygraph
