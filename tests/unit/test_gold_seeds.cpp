// The seed corpus against its hand-checked gold extraction (tests/data/gold/seeds.gold.json,
// a copy of ../shared/corpus/seeds.gold.json): every task's number, line, leads and co, in order.
#include <doctest/doctest.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "agencygraph/extract.hpp"

using namespace agencygraph;

namespace {

const std::map<std::string, std::string> kSeedToExample = {
    {"000_8c84960a7773ab04.txt", "tongshan-2023-excerpt.txt"},
    {"001_ad27ea7495caea57.txt", "xianning-2023-p1.txt"},
    {"002_7a10bbdabf87c04e.txt", "xianning-2023-p2.txt"},
    {"003_0ee36ff5db9c33f8.txt", "lueyang-2023-work-report.txt"},
    {"004_e3f154de4a952553.txt", "jingzhou-2020.txt"},
};

nlohmann::json load_gold() {
  std::ifstream in(std::string(AGENCYGRAPH_TEST_DATA) + "/gold/seeds.gold.json");
  REQUIRE(in);
  return nlohmann::json::parse(in);
}

std::vector<std::string> names(const Document& document, const Task& task, Role role) {
  std::vector<std::string> out;
  for (const AgencyMention& mention : task.agencies)
    if (mention.role == role) out.emplace_back(document.name(mention.name));
  return out;
}

}  // namespace

TEST_CASE("every annotated seed task matches the gold: number, line, leads and co") {
  const nlohmann::json gold = load_gold();
  std::size_t compared = 0;
  for (const auto& item : gold["documents"].items()) {
    const std::string seed = item.key();
    const nlohmann::json& expected = item.value();
    CAPTURE(seed);
    const std::string path = std::string(AGENCYGRAPH_EXAMPLES) + "/" + kSeedToExample.at(seed);
    const ExtractResult result = extract_files({path}, {});
    REQUIRE(result.errors.empty());
    REQUIRE(result.documents.size() == 1);
    const Document& document = result.documents[0];
    CHECK(document.skipped.empty());
    REQUIRE(document.tasks.size() == expected["tasks"].size());
    for (std::size_t k = 0; k < document.tasks.size(); ++k) {
      const Task& task = document.tasks[k];
      const nlohmann::json& want = expected["tasks"][k];
      CAPTURE(task.id);
      CHECK(task.id == std::to_string(want["id"].get<int>()));
      CHECK(task.line == want["line"].get<std::uint32_t>());
      CHECK(names(document, task, Role::Lead) == want["leads"].get<std::vector<std::string>>());
      CHECK(names(document, task, Role::Co) == want["co"].get<std::vector<std::string>>());
      ++compared;
    }
    // Title, jurisdiction and year where the document prints a title line.
    if (expected["title"].is_string()) {
      CHECK(document.title.value_or("") == expected["title"].get<std::string>());
      CHECK(document.jurisdiction.value_or("") == expected["jurisdiction"].get<std::string>());
      CHECK(document.year.value_or(0) == expected["year"].get<int>());
    } else {
      CHECK_FALSE(document.title.has_value());
      CHECK_FALSE(document.jurisdiction.has_value());  // not printed: unknown unless the user names it
    }
  }
  CHECK(compared == 182);
}

TEST_CASE("the two 咸宁市 pages given together are one document holding both pages' tasks") {
  const std::string examples = AGENCYGRAPH_EXAMPLES;
  const ExtractResult result =
      extract_files({examples + "/xianning-2023-p1.txt", examples + "/xianning-2023-p2.txt"}, {});
  REQUIRE(result.documents.size() == 1);
  const Document& document = result.documents[0];
  CHECK(document.sources.size() == 2);
  CHECK(document.jurisdiction == std::optional<std::string>("咸宁市"));
  CHECK(document.tasks.size() == 50);
  CHECK(document.tasks.front().id == "52");
  CHECK(document.tasks.back().id == "147");
  CHECK(document.sources[document.tasks.back().source].path == examples + "/xianning-2023-p2.txt");
}

TEST_CASE("a page given twice keeps each task once") {
  const std::string page = std::string(AGENCYGRAPH_EXAMPLES) + "/xianning-2023-p1.txt";
  const ExtractResult result = extract_files({page, page}, {});
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].tasks.size() == 25);
}

TEST_CASE("the narrative work report yields no tasks and nothing skipped") {
  const ExtractResult result =
      extract_files({std::string(AGENCYGRAPH_EXAMPLES) + "/lueyang-2023-work-report.txt"}, {});
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].tasks.empty());
  CHECK(result.errors.empty());
}

TEST_CASE("--jurisdiction names the jurisdiction of a document without a title line") {
  ExtractOptions options;
  options.jurisdiction = "通山县";
  const ExtractResult result =
      extract_files({std::string(AGENCYGRAPH_EXAMPLES) + "/tongshan-2023-excerpt.txt"}, options);
  REQUIRE(result.documents.size() == 1);
  CHECK(result.documents[0].jurisdiction == std::optional<std::string>("通山县"));
  // A printed title wins over the option.
  const ExtractResult titled = extract_files({std::string(AGENCYGRAPH_EXAMPLES) + "/jingzhou-2020.txt"}, options);
  CHECK(titled.documents[0].jurisdiction == std::optional<std::string>("荆州市"));
}
