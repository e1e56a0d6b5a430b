// The `parse` output: documents, tasks and skipped paragraphs as JSON (schema in docs/parse-json.md).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "agencygraph/model.hpp"

namespace agencygraph {

nlohmann::ordered_json document_to_json(const Document& document);
nlohmann::ordered_json documents_to_json(const std::vector<Document>& documents);

}  // namespace agencygraph
