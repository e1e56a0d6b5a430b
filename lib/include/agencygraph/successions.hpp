// Institutional reforms rename and merge agencies (国土资源部 → 自然资源部, 文化部 and 国家旅游局 →
// 文化和旅游部, 2018). A succession table says so, so that a comparison across years matches an agency
// with its successor. It never rewrites what a document says: `parse` and the networks keep the names
// as printed; compare and trend look names up here when they match agencies across networks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/aliases.hpp"

namespace agencygraph {

struct Succession {
  std::string old_name;      // canonical (folded, aliases applied, the jurisdiction's own prefix made generic)
  std::string new_name;      // the same
  int year = 0;              // the year the new name takes effect
  std::string jurisdiction;  // empty: agencies of any jurisdiction
  std::string place;         // "FILE:LINE" it was read from, or empty
};

class SuccessionTable {
 public:
  // Reads `old<TAB>new<TAB>year[<TAB>jurisdiction]` lines (UTF-8, BOM and CRLF allowed; blank lines and
  // lines starting with '#' skipped). Names are made canonical as the documents' names are: folded
  // (half-width), `aliases` applied (the built-in table when null), and where a jurisdiction is given
  // its own prefix made generic (荆州市国土资源局 of 荆州市 -> 市国土资源局). Throws std::runtime_error
  // "FILE:LINE: problem" for an unreadable file, a malformed line, a year outside 1949-2100, a name that
  // succeeds itself, or an old name given two successors in one year and jurisdiction.
  static SuccessionTable load_tsv(const std::string& path, const AliasTable* aliases = nullptr);

  // Adds one succession, its names already canonical. Throws std::invalid_argument as load_tsv does.
  void add(Succession succession);

  // The name an agency called `name` (canonical) in `jurisdiction` is known by as of `as_of`: the
  // successions of that year or earlier that apply to it (its jurisdiction's or any), followed in year
  // order, so that a chain (A -> B in 2018, B -> C in 2023) ends at C as of 2023 and at B as of 2020.
  // Without `as_of`, every succession applies. `name` itself when none does.
  std::string successor(std::string_view name, std::string_view jurisdiction, std::optional<int> as_of) const;

  bool empty() const { return successions_.empty(); }
  std::size_t size() const { return successions_.size(); }
  const std::vector<Succession>& successions() const { return successions_; }

 private:
  std::vector<Succession> successions_;  // by year, then in the order given
};

}  // namespace agencygraph
