// Canonical agency names: one agency, several spellings (发改委 / 发展改革委 / 发展和改革委员会).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace agencygraph {

class AliasTable {
 public:
  // A table holding the built-in long/short forms (applied to the name after its level prefix
  // such as 市/县/区/省), to which user aliases can be added.
  static AliasTable extending_builtin();
  // A table with no built-in forms: names are only folded.
  static AliasTable without_builtin();

  // Adds user aliases from a TSV file: `variant<TAB>canonical` per line; '#' starts a comment.
  // Throws std::runtime_error("FILE:LINE: problem") on a malformed line, a line that closes a cycle
  // of aliases (A -> B, B -> A), or an unreadable file.
  void load_tsv(const std::string& path);
  void add(std::string_view variant, std::string_view canonical);

  // The canonical form of a folded (simplified, half-width) name: a user alias of the whole
  // name wins; otherwise built-in forms are applied to the name's stem.
  std::string canonical(std::string_view folded_name) const;

 private:
  bool builtin_ = true;
  std::unordered_map<std::string, std::string> user_;
};

}  // namespace agencygraph
