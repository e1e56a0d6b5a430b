// agency_ids: "a" + 12 hex digits of the 48-bit FNV-1a hash of jurisdiction \x1f name, and a suffix
// "_<vertex>" for every agency after the first (in vertex order) whose hash is taken.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/io/map_style.hpp"

namespace {

agencygraph::AgencyGraph agencies(const std::vector<std::pair<std::string, std::string>>& jurisdiction_and_name) {
  std::vector<agencygraph::Agency> records;
  for (const auto& [jurisdiction, name] : jurisdiction_and_name) {
    agencygraph::Agency agency;
    agency.jurisdiction = jurisdiction;
    agency.name = name;
    records.push_back(std::move(agency));
  }
  return agencygraph::make_agency_graph(std::move(records), {});
}

}  // namespace

TEST_CASE("agency ids are the hash of jurisdiction and name; a taken hash gets the vertex as suffix") {
  // Two colliding pairs of the 48-bit hash, found by a birthday search (2^26 names "x" + 9 random
  // letters, hashed by an FNV-1a written apart from the library, sorted): ("J", "xxsovizcbg") and
  // ("J", "xexzkdsong") both hash to 2ba06781ebe1; ("J", "xzbwrhvjcv") and ("J", "xesafthxar") to
  // 488015042b44.
  const auto graph = agencies({{"J", "xexzkdsong"},
                               {"J", "xzbwrhvjcv"},
                               {"J", "xxsovizcbg"},
                               {"J", "xesafthxar"},
                               {"", "市教育局"}});
  const std::vector<std::string> ids = agencygraph::io::agency_ids(graph);
  REQUIRE(ids.size() == 5);
  CHECK(ids[0] == "a2ba06781ebe1");
  CHECK(ids[1] == "a488015042b44");
  CHECK(ids[2] == "a2ba06781ebe1_2");  // the hash is vertex 0's
  CHECK(ids[3] == "a488015042b44_3");  // and vertex 1's
  CHECK(ids[4].size() == 13);
  CHECK(ids[4][0] == 'a');
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 5);
}

TEST_CASE("an agency keeps its id whatever else is in the graph") {
  const auto alone = agencygraph::io::agency_ids(agencies({{"咸宁市", "市发改委"}}));
  const auto with_others =
      agencygraph::io::agency_ids(agencies({{"荆州市", "市发改委"}, {"", "市发改委"}, {"咸宁市", "市发改委"}}));
  CHECK(with_others[2] == alone[0]);
  CHECK(with_others[0] != alone[0]);  // another jurisdiction, another agency
  CHECK(with_others[1] != alone[0]);
  CHECK(agencygraph::io::agency_ids(agencies({})).empty());
}
