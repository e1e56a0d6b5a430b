#include "agencygraph/corpus_split.hpp"

#include <algorithm>

namespace agencygraph {

std::string_view to_string(SplitBy by) { return by == SplitBy::Year ? "year" : "jurisdiction"; }

std::optional<std::string> group_of(const Document& document, SplitBy by) {
  if (by == SplitBy::Year) {
    if (!document.year) return std::nullopt;
    return std::to_string(*document.year);  // 1949-2100: four digits, so text order is year order
  }
  if (!document.jurisdiction || document.jurisdiction->empty()) return std::nullopt;
  return *document.jurisdiction;
}

SplitDocuments split_documents(std::vector<Document> documents, SplitBy by) {
  SplitDocuments result;
  std::map<std::string, std::vector<Document>> groups;
  for (Document& document : documents) {
    if (std::optional<std::string> key = group_of(document, by)) groups[*key].push_back(std::move(document));
    else result.unplaced.push_back(std::move(document));
  }
  for (auto& [key, members] : groups) result.groups.push_back({key, std::move(members)});
  return result;
}

SplitNetworkBuilder::SplitNetworkBuilder(SplitBy by, const NetworkOptions& options, bool merge_pages)
    : by_(by), options_(options), merge_pages_(merge_pages) {}

void SplitNetworkBuilder::add(const Document& document) {
  const std::optional<std::string> key = group_of(document, by_);
  if (!key) {
    for (const Source& source : document.sources) unplaced_.push_back(source.path);
    return;
  }
  auto it = builders_.find(*key);
  if (it == builders_.end()) it = builders_.emplace(*key, NetworkBuilder(options_, merge_pages_)).first;
  it->second.add(document);
}

std::vector<std::pair<std::string, AgencyNetwork>> SplitNetworkBuilder::finish() {
  std::vector<std::pair<std::string, AgencyNetwork>> networks;
  networks.reserve(builders_.size());
  for (auto& [key, builder] : builders_) networks.emplace_back(key, builder.finish());
  builders_.clear();
  return networks;
}

}  // namespace agencygraph
