// The generated country: ~3000 jurisdictions with syllable-table names, and for each level the agency
// lists a document of that jurisdiction draws from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rng.hpp"

namespace agencygraph::gencorpus {

enum class Level : std::uint8_t {
  Nation,      // 国务院: ministries without a level prefix
  Province,    // 江宁省: 省教育厅
  City,        // 荆州市: 市教育局
  County,      // 通山县: 县教育局
  CountyCity,  // 赤壁市 (county-level city): 市教育局, but governs 乡镇 like a county
  District,    // 咸安区: 区教育局
};

struct Jurisdiction {
  std::string name;  // 荆州市
  std::string stem;  // 荆州
  Level level = Level::City;
  int parent = -1;
  std::vector<int> children;          // sub-jurisdictions (indices)
  std::vector<std::string> towns;     // counties and districts: 乡镇/街道 names (XX镇, XX街道)
  std::vector<std::string> parks;     // development zones, printed without 管委会: 荆州开发区
};

// "省", "市", "县", "区", or "" for the nation: the prefix of the jurisdiction's own departments.
std::string_view level_prefix(Level level);

class World {
 public:
  explicit World(std::uint64_t seed);
  const std::vector<Jurisdiction>& jurisdictions() const { return all_; }
  const Jurisdiction& operator[](int i) const { return all_[static_cast<std::size_t>(i)]; }
  // Jurisdictions of a level, for drawing a document's author.
  const std::vector<int>& of_level(Level level) const { return by_level_[static_cast<std::size_t>(level)]; }

 private:
  std::vector<Jurisdiction> all_;
  std::vector<std::vector<int>> by_level_;
};

// The names a document of one jurisdiction draws from, already specialised ({P}, {S}, {J} filled in).
struct Roster {
  std::vector<std::string> departments;  // ranked by popularity (Zipf)
  Weighted department_popularity;
  Weighted lead_popularity;              // leads concentrate more on the big departments
  std::vector<std::string> others;       // institutions, enterprises, schools, vertical agencies
  std::vector<std::string> collectives;  // 各县市区政府, 市政府有关部门, …
  std::vector<std::string> groups;       // XX领导小组成员单位 and the like (collectives too)
  std::string relevant_collective;       // 市政府有关部门 (the one printed after 等)
  std::vector<std::string> subs;         // sub-jurisdictions' names (嘉鱼县, XX镇) for their governments
  std::vector<std::string> parks;        // 荆州开发区 … (管委会 is added when printed)
  std::string government_suffix_town;    // 人民政府 for 乡镇, 办事处 for 街道 (chosen per name)
};

Roster make_roster(const World& world, int jurisdiction);

// A department renamed by an institutional reform, as a local (city, county, district) roster prints it:
// documents before the reform year print `before`, from it on `after` ({P}: the level prefix).
struct Renaming {
  const char* before;
  const char* after;
};
// The renamings --years applies: 国土资源局 -> 自然资源和规划局, 农业局 -> 农业农村局, … (the 2018-2019
// local reforms, simplified: each old department has one successor).
const std::vector<Renaming>& local_renamings();
// The roster as a document of a year before the reform prints it (local jurisdictions only).
void use_names_before_reform(Roster& roster, const Jurisdiction& jurisdiction);

// A fresh two-syllable stem (for names that need not be unique: 文旅区 stems, towns).
std::string random_stem(Rng& rng);

}  // namespace agencygraph::gencorpus
