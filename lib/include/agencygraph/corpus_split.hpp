// A corpus split by year or by jurisdiction (place), for trends and comparisons: the documents of each
// group, or a network per group built as the documents stream by.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph {

enum class SplitBy : std::uint8_t { Year, Jurisdiction };
std::string_view to_string(SplitBy by);  // "year", "jurisdiction"

// The group of a document: its year ("2020") or its jurisdiction; nullopt when it has none.
std::optional<std::string> group_of(const Document& document, SplitBy by);

struct DocumentGroup {
  std::string key;                  // "2020", or "荆州市"
  std::vector<Document> documents;  // in input order
};

struct SplitDocuments {
  std::vector<DocumentGroup> groups;  // years ascending, or jurisdictions in code point order
  std::vector<Document> unplaced;     // documents without a year (or jurisdiction), in input order
};

SplitDocuments split_documents(std::vector<Document> documents, SplitBy by);

// A network per group, each built as NetworkBuilder builds one (a group's pages merged with
// `merge_pages`), so that a corpus is split while it streams by and never held.
class SplitNetworkBuilder {
 public:
  SplitNetworkBuilder(SplitBy by, const NetworkOptions& options = {}, bool merge_pages = false);
  void add(const Document& document);
  // The networks by group, in the order of SplitDocuments::groups. Once; add() may not follow.
  std::vector<std::pair<std::string, AgencyNetwork>> finish();
  // The sources of documents that had no group: not in any network.
  const std::vector<std::string>& unplaced() const { return unplaced_; }

 private:
  SplitBy by_;
  NetworkOptions options_;
  bool merge_pages_;
  std::map<std::string, NetworkBuilder> builders_;  // by key: years as four digits sort as numbers
  std::vector<std::string> unplaced_;
};

}  // namespace agencygraph
