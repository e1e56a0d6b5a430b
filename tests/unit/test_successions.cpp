// The succession table: its TSV format and errors, names made canonical as the documents' are, and
// chains followed in year order up to the year asked.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

#include "agencygraph/successions.hpp"

using namespace agencygraph;

namespace {

// A TSV file in the temporary directory, removed when the test ends.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text, const std::string& name = "successions-test.tsv")
      : path(std::string(P_tmpdir) + "/agencygraph-" + name) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

std::string load_error(const std::string& text) {
  const TempFile file(text);
  try {
    SuccessionTable::load_tsv(file.path);
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK(message.starts_with(file.path + ":"));
    return message.substr(file.path.size());
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("successions: the file format") {
  const TempFile file(
      "\xEF\xBB\xBF# 2018年国务院机构改革\r\n"
      "国土资源部\t自然资源部\t2018\r\n"
      "\r\n"
      "  环境保护部 \t 生态环境部\t2018\n"
      "荆州市国土资源局\t荆州市自然资源和规划局\t2019\t荆州市\n");
  const SuccessionTable table = SuccessionTable::load_tsv(file.path);
  REQUIRE(table.size() == 3);
  CHECK(table.successor("国土资源部", "", 2020) == "自然资源部");
  CHECK(table.successor("环境保护部", "", 2020) == "生态环境部");
  // A jurisdiction's own prefix is made generic, as the parser makes its documents' names.
  CHECK(table.successor("市国土资源局", "荆州市", 2020) == "市自然资源和规划局");
  CHECK(table.successor("市国土资源局", "咸宁市", 2020) == "市国土资源局");  // another place's
  CHECK(table.successions()[2].place == file.path + ":5");
}

TEST_CASE("successions: names through the alias table, as documents' names go") {
  const TempFile file("国家卫生和计划生育委员会\t国家卫生健康委员会\t2018\n卫生计生委\t卫生健康委\t2018\n");
  const SuccessionTable table = SuccessionTable::load_tsv(file.path);
  // The built-in aliases make 卫生健康委员会 and 卫生健康委 卫健委, as the network's names are.
  CHECK(table.successor("卫生计生委", "", 2018) == "卫健委");
  CHECK(table.successor("国家卫生和计划生育委员会", "", 2018) == "国家卫健委");
}

TEST_CASE("successions: every bad line is named by file and line") {
  CHECK(load_error("国土资源部\t自然资源部\n") == ":1: expected 'old name<TAB>new name<TAB>year[<TAB>jurisdiction]', got 2 fields");
  CHECK(load_error("# ok\n国土资源部\t自然资源部\t二〇一八\n") == ":2: '二〇一八' is not a year (1949-2100)");
  CHECK(load_error("国土资源部\t自然资源部\t1800\n") == ":1: '1800' is not a year (1949-2100)");
  CHECK(load_error("\t自然资源部\t2018\n") == ":1: an old name and a new name are needed");
  CHECK(load_error("a\tb\t2018\tc\td\n") == ":1: expected 'old name<TAB>new name<TAB>year[<TAB>jurisdiction]', got 5 fields");
  CHECK(load_error("自然资源部\t自然资源部\t2018\n") == ":1: 自然资源部 succeeds itself");
  CHECK(load_error("农业部\t农业农村部\t2018\n农业部\t乡村振兴局\t2018\n") ==
        ":2: 农业部 already has the successor 农业农村部 in 2018 (" + std::string(P_tmpdir) +
            "/agencygraph-successions-test.tsv:1)");
  CHECK_THROWS_WITH_AS(SuccessionTable::load_tsv("/nonexistent/successions.tsv"),
                       "/nonexistent/successions.tsv: cannot open the succession file", std::runtime_error);
}

TEST_CASE("successions: chains in year order, up to the year asked") {
  SuccessionTable table;
  table.add({"A局", "B局", 2018, "", ""});
  table.add({"B局", "C局", 2023, "", ""});
  table.add({"D局", "E局", 2019, "江城市", ""});
  table.add({"D局", "F局", 2019, "", ""});
  CHECK(table.successor("A局", "", 2017) == "A局");
  CHECK(table.successor("A局", "", 2018) == "B局");
  CHECK(table.successor("A局", "", 2022) == "B局");
  CHECK(table.successor("A局", "", 2023) == "C局");
  CHECK(table.successor("B局", "", 2023) == "C局");
  CHECK(table.successor("A局", "", std::nullopt) == "C局");  // no year: every succession
  // A jurisdiction's own succession wins over one for any place, whichever was given first.
  CHECK(table.successor("D局", "江城市", 2020) == "E局");
  CHECK(table.successor("D局", "山城县", 2020) == "F局");
  // Within one year a chain is followed in any order, and a cycle ends.
  SuccessionTable same_year;
  same_year.add({"Y局", "Z局", 2018, "", ""});
  same_year.add({"X局", "Y局", 2018, "", ""});
  CHECK(same_year.successor("X局", "", 2018) == "Z局");
  SuccessionTable cycle;
  cycle.add({"P局", "Q局", 2018, "", ""});
  cycle.add({"Q局", "P局", 2018, "", ""});
  CHECK(cycle.successor("P局", "", 2018) == "P局");
}

TEST_CASE("the example succession file of the 2018 State Council reform reads") {
  const SuccessionTable table =
      SuccessionTable::load_tsv(std::string(AGENCYGRAPH_EXAMPLES) + "/successions-2018-state-council.tsv");
  CHECK(table.successor("国土资源部", "", 2018) == "自然资源部");
  CHECK(table.successor("文化部", "", 2018) == "文化和旅游部");
  CHECK(table.successor("国家旅游局", "", 2018) == "文化和旅游部");
  CHECK(table.successor("国家工商行政管理总局", "", 2018) == "国家市场监督管理总局");
  CHECK(table.successor("质检总局", "", 2018) == "市场监管总局");
  CHECK(table.successor("国土资源部", "", 2017) == "国土资源部");
}
