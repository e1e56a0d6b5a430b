#include "agencygraph/aliases.hpp"

#include <fstream>
#include <stdexcept>

namespace agencygraph {

AliasTable AliasTable::extending_builtin() { return AliasTable{}; }

AliasTable AliasTable::without_builtin() {
  AliasTable table;
  table.builtin_ = false;
  return table;
}

void AliasTable::add(std::string_view variant, std::string_view canonical) {
  user_[std::string(variant)] = std::string(canonical);
}

void AliasTable::load_tsv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open alias file");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size())
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 'variant<TAB>canonical'");
    add(std::string_view(line).substr(0, tab), std::string_view(line).substr(tab + 1));
  }
}

std::string AliasTable::canonical(std::string_view folded_name) const {
  if (auto it = user_.find(std::string(folded_name)); it != user_.end()) return it->second;
  return std::string(folded_name);
}

}  // namespace agencygraph
