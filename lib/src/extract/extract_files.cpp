// PLACEHOLDER: replaced by the extraction pipeline.
#include "agencygraph/extract.hpp"

namespace agencygraph {
Document extract_document(Source source, const ExtractOptions&) {
  Document document;
  document.sources.push_back(std::move(source));
  return document;
}
ExtractResult extract_files(const std::vector<std::string>&, const ExtractOptions&) { return {}; }
std::vector<Document> merge_pages(std::vector<Document> documents) { return documents; }
}  // namespace agencygraph
