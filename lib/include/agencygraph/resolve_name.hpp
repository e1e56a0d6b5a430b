// An agency name given by hand (a corrections file) resolved as the parser resolves the names it
// reads: folded (traditional to simplified in a traditional-script source, full-width to half-width,
// spaces dropped), the document's own place prefix made generic (荆州市财政局 in a 荆州市 document is
// its 市财政局), aliases applied, and the kind told by classify_agency.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agencygraph/aliases.hpp"
#include "agencygraph/fold.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph {

struct ResolvedName {
  NameId name = 0;       // the name as printed, interned
  NameId canonical = 0;  // the key within the jurisdiction, interned
  AgencyKind kind = AgencyKind::Department;
};

// Resolves names for one source of a document. Holds what the parser decides once per source (the
// folding) and per document (the jurisdiction prefix); `aliases` must outlive it. The parser resolves
// every name it reads through one of these, so a name given by hand resolves as a printed one.
class NameResolver {
 public:
  NameResolver(const Document& document, std::uint32_t source, const AliasTable& aliases);
  // For a source folded as `traditional` says, in a document of `jurisdiction` (none: no prefix to strip).
  NameResolver(const std::optional<std::string>& jurisdiction, bool traditional, const AliasTable& aliases);

  // Interns `printed` and its canonical form in `names` (the document's NameTable); nothing for a
  // name that folds to nothing but spaces.
  std::optional<ResolvedName> resolve(NameTable& names, std::string_view printed) const;

  // The canonical form of `printed` alone, interning nothing.
  std::optional<std::string> canonical(std::string_view printed) const;

  // resolve() for a name the caller has already folded, spaces dropped (not empty).
  ResolvedName resolve_folded(NameTable& names, std::string_view printed, std::string_view folded) const;
  // canonical() for a name already folded, spaces dropped.
  std::string canonical_of_folded(std::string_view folded) const;

 private:
  const AliasTable& aliases_;
  Folder folder_;
  std::string jurisdiction_;  // folded, e.g. 荆州市; empty when unknown
  std::string level_;         // its last character, e.g. 市
};

}  // namespace agencygraph
