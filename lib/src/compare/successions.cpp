#include "agencygraph/successions.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "agencygraph/fold.hpp"

namespace agencygraph {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> tab_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', begin);
    fields.push_back(trimmed(line.substr(begin, tab == std::string_view::npos ? std::string_view::npos : tab - begin)));
    if (tab == std::string_view::npos) return fields;
    begin = tab + 1;
  }
}

// The last character of a jurisdiction's name (市 of 荆州市), which its departments' names start with
// once the place is dropped, as the parser makes them.
std::string level_of(std::string_view jurisdiction) {
  std::size_t last = jurisdiction.size();
  while (last > 0 && (static_cast<unsigned char>(jurisdiction[--last]) & 0xC0) == 0x80) {
  }
  return std::string(jurisdiction.substr(last));
}

// A name as the documents' canonical names are made (document_parser.cpp: fold, the jurisdiction's own
// prefix made generic, aliases).
std::string canonical_name(std::string_view name, std::string_view jurisdiction, const Folder& folder,
                           const AliasTable& aliases) {
  std::string folded = folder.fold_utf8(name);
  const std::string place = folder.fold_utf8(jurisdiction);
  if (!place.empty() && place != "国务院" && folded.size() > place.size() && folded.starts_with(place))
    folded = level_of(place) + folded.substr(place.size());
  return aliases.canonical(folded);
}

}  // namespace

void SuccessionTable::add(Succession succession) {
  const std::string where = succession.place.empty() ? std::string() : succession.place + ": ";
  if (succession.old_name.empty() || succession.new_name.empty())
    throw std::invalid_argument(where + "an old name and a new name are needed");
  if (succession.old_name == succession.new_name)
    throw std::invalid_argument(where + succession.old_name + " succeeds itself");
  for (const Succession& other : successions_) {
    if (other.old_name == succession.old_name && other.year == succession.year &&
        other.jurisdiction == succession.jurisdiction && other.new_name != succession.new_name)
      throw std::invalid_argument(where + succession.old_name + " already has the successor " + other.new_name + " in " +
                                  std::to_string(other.year) + (other.place.empty() ? "" : " (" + other.place + ")"));
  }
  // By year; within a year a jurisdiction's own successions before those for any, so that they win.
  auto order = [](const Succession& s) { return std::pair(s.year, s.jurisdiction.empty()); };
  const auto at = std::upper_bound(successions_.begin(), successions_.end(), succession,
                                   [&](const Succession& a, const Succession& b) { return order(a) < order(b); });
  successions_.insert(at, std::move(succession));
}

SuccessionTable SuccessionTable::load_tsv(const std::string& path, const AliasTable* aliases) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the succession file");
  const AliasTable builtin = AliasTable::extending_builtin();
  const AliasTable& names = aliases != nullptr ? *aliases : builtin;
  const Folder folder(false);
  SuccessionTable table;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string place = path + ":" + std::to_string(number);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (trimmed(line).empty() || trimmed(line).front() == '#') continue;
    const std::vector<std::string_view> fields = tab_fields(line);
    if (fields.size() < 3 || fields.size() > 4)
      throw std::runtime_error(place + ": expected 'old name<TAB>new name<TAB>year[<TAB>jurisdiction]', got " +
                               std::to_string(fields.size()) + " field" + (fields.size() == 1 ? "" : "s"));
    if (fields[0].empty() || fields[1].empty()) throw std::runtime_error(place + ": an old name and a new name are needed");
    int year = 0;
    const auto [end, error] = std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), year);
    if (error != std::errc() || end != fields[2].data() + fields[2].size() || year < 1949 || year > 2100)
      throw std::runtime_error(place + ": '" + std::string(fields[2]) + "' is not a year (1949-2100)");
    const std::string jurisdiction = fields.size() == 4 ? folder.fold_utf8(fields[3]) : std::string();
    Succession succession{canonical_name(fields[0], jurisdiction, folder, names),
                          canonical_name(fields[1], jurisdiction, folder, names), year, jurisdiction, place};
    try {
      table.add(std::move(succession));
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(e.what());
    }
  }
  if (in.bad()) throw std::runtime_error(path + ": cannot read the succession file");
  return table;
}

std::string SuccessionTable::successor(std::string_view name, std::string_view jurisdiction,
                                       std::optional<int> as_of) const {
  std::string current(name);
  auto applies = [&](const Succession& s) {
    return s.old_name == current && (s.jurisdiction.empty() || s.jurisdiction == jurisdiction);
  };
  for (std::size_t begin = 0; begin < successions_.size();) {
    const int year = successions_[begin].year;
    std::size_t end = begin;
    while (end < successions_.size() && successions_[end].year == year) ++end;
    if (as_of && year > *as_of) break;
    // Within one year, a chain written in any order is followed, each succession at most once.
    std::vector<bool> used(end - begin, false);
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t k = begin; k < end; ++k) {
        if (used[k - begin] || !applies(successions_[k])) continue;
        used[k - begin] = true;
        current = successions_[k].new_name;
        changed = true;
      }
    }
    begin = end;
  }
  return current;
}

}  // namespace agencygraph
