// The rules (ruling lines) of PDF pages, read through poppler's core API (formats/pdf_rules.hpp),
// against the grid of the tables make_binary_fixtures.py had LibreOffice draw.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "formats/pdf_rules.hpp"
#include "test_io_support.hpp"

using namespace agencygraph::detail;

namespace {

const std::string kPdf = std::string(AGENCYGRAPH_TEST_DATA) + "/formats/pdf";

std::string read(const std::string& path) {
  REQUIRE(std::ifstream(path).good());
  return agencygraph::test::read_file(path);
}

// The different positions of the rules (pieces of one line broken by merged cells count once).
std::vector<double> positions(const std::vector<Rule>& rules) {
  std::vector<double> out;
  for (const Rule& rule : rules)
    if (out.empty() || rule.at - out.back() > 1) out.push_back(rule.at);
  return out;
}

// Whether a rule at `y` crosses x.
bool crossed_at(const std::vector<Rule>& horizontal, double y, double x) {
  for (const Rule& rule : horizontal)
    if (std::abs(rule.at - y) <= 1 && rule.from < x && rule.to > x) return true;
  return false;
}

}  // namespace

TEST_CASE("pdf rules: a ruled table's grid, its borders broken where a lead cell is merged down") {
  // merged-lead-page-break.pdf (make_binary_fixtures.py, MERGED_TASKS): five columns, a header
  // row, tasks 1-9 on page 1 and 10-16 on page 2; the lead merged down tasks 2-3, 6-11 and 13-14.
  const std::string bytes = read(kPdf + "/merged-lead-page-break.pdf");
  const PdfRules rules(bytes);
  struct Expected {
    int page;
    std::vector<bool> lead_border;  // top to bottom: whether the lead column's border is there
  };
  const Expected pages[] = {
      // top | header | 1 | 2 (merged with 3) | 3 | 4 | 5 | 6 (merged down) 7 8 9 | the page's end
      {0, {true, true, true, false, true, true, true, false, false, false, true}},
      // the page's top | 10 (merged with 11) | 11 | 12 | 13 (merged with 14) | 14 | 15 | 16
      {1, {true, false, true, true, false, true, true, true}},
  };
  for (const Expected& expected : pages) {
    CAPTURE(expected.page);
    const PageRules page = rules.page(expected.page);
    // Six column borders, each one rule from the table's top to its bottom.
    REQUIRE(page.vertical.size() == 6);
    for (const Rule& rule : page.vertical) {
      CHECK(rule.from == doctest::Approx(page.vertical[0].from).epsilon(0.01));
      CHECK(rule.to == doctest::Approx(page.vertical[0].to).epsilon(0.01));
    }
    // One horizontal line per row border; the lead column (third) crossed where no cell is merged.
    const std::vector<double> ys = positions(page.horizontal);
    REQUIRE(ys.size() == expected.lead_border.size());
    const double lead_column = (page.vertical[2].at + page.vertical[3].at) / 2;
    const double task_column = (page.vertical[1].at + page.vertical[2].at) / 2;
    for (std::size_t k = 0; k < ys.size(); ++k) {
      CAPTURE(k);
      CHECK(crossed_at(page.horizontal, ys[k], lead_column) == expected.lead_border[k]);
      CHECK(crossed_at(page.horizontal, ys[k], task_column));
    }
    // The table lies within the page, in the coordinates of poppler-cpp's words (y down).
    CHECK(ys.front() > 50);
    CHECK(ys.back() < 792 - 50);
  }
  CHECK(rules.page(2).empty());   // no third page
  CHECK(rules.page(-1).empty());
}

TEST_CASE("pdf rules: a table without rules, and text, have none") {
  const std::string unruled = read(kPdf + "/merged-lead-unruled.pdf");
  const PdfRules rules(unruled);
  CHECK(rules.page(0).empty());
  CHECK(rules.page(1).empty());
  const std::string text = read(kPdf + "/tongshan-2023-excerpt.pdf");
  CHECK(PdfRules(text).page(0).empty());
}

TEST_CASE("pdf rules: a border drawn cell by cell is one rule; dots are none") {
  const std::vector<Rule> joined = join_rules({{100, 10, 50},
                                               {100.4, 51, 90},   // the next cell's piece, a hair lower
                                               {100, 200, 201},   // a dot
                                               {40, 10, 90},
                                               {100, 95, 120}});  // past a gap wider than a border
  REQUIRE(joined.size() == 3);
  CHECK(joined[0].at == 40);
  CHECK(joined[1].from == 10);
  CHECK(joined[1].to == 90);
  CHECK(joined[2].from == 95);
  CHECK(join_rules({}).empty());
}

TEST_CASE("pdf rules: damaged bytes have no rules and throw nothing") {
  const std::string bytes = read(kPdf + "/merged-lead-page-break.pdf");
  for (const std::size_t keep : {std::size_t{0}, std::size_t{600}, bytes.size() / 2}) {
    const std::string part = bytes.substr(0, keep);
    const PdfRules rules(part);
    CHECK_NOTHROW(rules.page(0));
  }
}
