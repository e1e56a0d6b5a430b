// Canonical agency names: one agency, several spellings (发改委 / 发展改革委 / 发展和改革委员会).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace agencygraph {

class AliasTable {
 public:
  // The built-in table of common long/short forms, applied to the name after its level prefix.
  static const AliasTable& builtin();

  // Adds user aliases from a TSV file: `variant<TAB>canonical` per line, '#' comments.
  // Throws std::runtime_error("FILE:LINE: problem") on a malformed line.
  void load_tsv(const std::string& path);
  void add(std::string_view variant, std::string_view canonical);

  // Returns the canonical form of an already folded (simplified, half-width) name.
  std::string canonical(std::string_view folded_name) const;

 private:
  std::unordered_map<std::string, std::string> whole_;   // whole-name aliases (user)
  const AliasTable* fallback_ = nullptr;
  friend AliasTable with_builtin();
 public:
  // A table that consults its own entries first and then the built-in ones.
  static AliasTable extending_builtin();
};

}  // namespace agencygraph
