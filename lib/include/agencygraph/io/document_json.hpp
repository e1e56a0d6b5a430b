// The `parse` output: documents, tasks and skipped paragraphs as JSON (schema in docs/parse-json.md).
#pragma once

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

}  // namespace agencygraph
