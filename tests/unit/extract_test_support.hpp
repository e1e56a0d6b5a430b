// Helpers for extraction tests: parse a document given as a string and summarise its tasks.
#pragma once

#include <string>
#include <vector>

#include "agencygraph/extract.hpp"

namespace agencygraph::test {

inline Document parse_text(const std::string& text, ExtractOptions options = {}) {
  return extract_document(Source{"test.txt", "UTF-8", text}, options);
}

inline std::vector<std::string> role_names(const Document& d, const Task& t, Role role, bool canonical = false) {
  std::vector<std::string> out;
  for (const AgencyMention& m : t.agencies)
    if (m.role == role) out.emplace_back(d.name(canonical ? m.canonical : m.name));
  return out;
}

inline std::vector<std::string> leads(const Document& d, std::size_t k = 0) { return role_names(d, d.tasks.at(k), Role::Lead); }
inline std::vector<std::string> co(const Document& d, std::size_t k = 0) { return role_names(d, d.tasks.at(k), Role::Co); }

using Names = std::vector<std::string>;

}  // namespace agencygraph::test
