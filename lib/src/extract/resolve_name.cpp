// How a name resolves, for the parser (document_parser.cpp, which folds names itself as it reads
// them) and for names given by hand (corrections); a test (test_corrections.cpp) checks that every
// name the parser resolves in the examples resolves here to the same canonical name and kind.
#include "agencygraph/resolve_name.hpp"

#include "agencygraph/agency_kind.hpp"
#include "traditional_markers.hpp"
#include "u32.hpp"

namespace agencygraph {

NameResolver::NameResolver(const Document& document, std::uint32_t source, const AliasTable& aliases)
    : NameResolver(document.jurisdiction, detail::has_traditional_markers(document.sources.at(source).text), aliases) {}

NameResolver::NameResolver(const std::optional<std::string>& jurisdiction, bool traditional, const AliasTable& aliases)
    : aliases_(aliases), folder_(traditional) {
  // The State Council's agencies carry no place prefix to strip.
  if (jurisdiction && !jurisdiction->empty() && *jurisdiction != "国务院") {
    jurisdiction_ = folder_.fold_utf8(*jurisdiction);
    // The level is the jurisdiction's last character: 市, 县, 区, 州 (自治州), 旗.
    std::size_t last = jurisdiction_.size();
    while (last > 0 && (static_cast<unsigned char>(jurisdiction_[--last]) & 0xC0) == 0x80) {
    }
    level_ = jurisdiction_.substr(last);
  }
}

std::optional<std::string> NameResolver::canonical(std::string_view printed) const {
  FoldedText folded;
  folder_.append(printed, 0, static_cast<std::uint32_t>(printed.size()), folded);
  std::string name;  // folded, without spaces
  for (const char32_t c : folded.chars)
    if (!detail::is_space(c)) append_utf8(name, c);
  if (name.empty()) return std::nullopt;
  return canonical_of_folded(name);
}

std::string NameResolver::canonical_of_folded(std::string_view folded) const {
  // 荆州市财政局 in a 荆州市 document is the document's own 市财政局.
  if (!jurisdiction_.empty() && folded.starts_with(jurisdiction_) && folded.size() != jurisdiction_.size()) {
    std::string local = level_;
    local += folded.substr(jurisdiction_.size());
    return aliases_.canonical(local);
  }
  return aliases_.canonical(folded);
}

std::optional<ResolvedName> NameResolver::resolve(NameTable& names, std::string_view printed) const {
  std::optional<std::string> canonical_name = canonical(printed);
  if (!canonical_name) return std::nullopt;
  ResolvedName resolved;
  resolved.name = names.intern(printed);
  resolved.canonical = names.intern(*canonical_name);
  resolved.kind = classify_agency(*canonical_name);
  return resolved;
}

ResolvedName NameResolver::resolve_folded(NameTable& names, std::string_view printed, std::string_view folded) const {
  const std::string canonical_name = canonical_of_folded(folded);
  ResolvedName resolved;
  resolved.name = names.intern(printed);
  // Most names are printed in their canonical form: interning it again would give the same id.
  resolved.canonical = canonical_name == printed ? resolved.name : names.intern(canonical_name);
  resolved.kind = classify_agency(canonical_name);
  return resolved;
}

}  // namespace agencygraph
