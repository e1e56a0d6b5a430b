// Mirrors DocumentParser::resolve and without_jurisdiction (document_parser.cpp) for one name at a
// time; a test (test_corrections.cpp) checks that every name the parser resolves in the examples
// resolves here to the same canonical name and kind.
#include "agencygraph/resolve_name.hpp"

#include "agencygraph/agency_kind.hpp"
#include "traditional_markers.hpp"
#include "u32.hpp"

namespace agencygraph {

NameResolver::NameResolver(const Document& document, std::uint32_t source, const AliasTable& aliases)
    : aliases_(aliases), folder_(detail::has_traditional_markers(document.sources.at(source).text)) {
  // The State Council's agencies carry no place prefix to strip.
  if (document.jurisdiction && !document.jurisdiction->empty() && *document.jurisdiction != "国务院") {
    jurisdiction_ = folder_.fold_utf8(*document.jurisdiction);
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
  if (!jurisdiction_.empty() && name.starts_with(jurisdiction_) && name.size() != jurisdiction_.size())
    name = level_ + name.substr(jurisdiction_.size());
  return aliases_.canonical(name);
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

}  // namespace agencygraph
