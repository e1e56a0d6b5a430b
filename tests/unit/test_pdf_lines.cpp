// PDF words into lines and paragraphs (formats/pdf_lines.hpp) on hand-placed words: the geometry of
// LibreOffice's PDF of a generated document (pdftotext -bbox, page 2 of the 300-document bench corpus's
// 00282), where 各乡镇 | （场）， wrapped and the line before stopped 36.4 pt short of the column's edge.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formats/pdf_lines.hpp"

using namespace agencygraph::detail::pdf;

namespace {

constexpr double kHeight = 14.3;  // the words' height: ten-and-a-half point type
constexpr double kLeft = 90.1;

// One word per line, as poppler gives a run of Chinese text, from kLeft (or `left`) to `right`.
Word word(std::string text, double top, double right, double left = kLeft) {
  return {std::move(text), left, top, right, top + kHeight, false};
}

std::vector<std::string> texts(const std::vector<Paragraph>& paragraphs) {
  std::vector<std::string> out;
  for (const Paragraph& paragraph : paragraphs) out.push_back(paragraph.text);
  return out;
}

}  // namespace

TEST_CASE("pdf lines: a short bracketed group moved whole to the next line goes on the paragraph") {
  const std::vector<Line> lines = build_lines({
      word("9.深入推进农村寄递物流体系建设，力争实现税收1823亿元，力争引进", 72, 521.5, 111.1),
      word("目3090个。持续优化财政预算绩效管理，提升群众满意度。全面推行义务", 86.4, 521.9),
      word("业2577家。〔责任单位：市残联，中国移动桥沙分公司、市广播电视台，各乡镇", 100.8, 485.5),
      word("（场），桥沙开发区管委会〕", 115.2, 233.1),
      word("10.扎实开展智慧城市建设，推动政策落地见效。（牵头单位：市卫健局）", 139.2, 318.3, 111.1),
  });
  REQUIRE(lines.size() == 5);
  const std::vector<std::string> read = texts(paragraphs(lines));
  REQUIRE(read.size() == 2);
  CHECK(read[0].ends_with("广播电视台，各乡镇（场），桥沙开发区管委会〕"));
  CHECK(read[1].starts_with("10.扎实开展"));
}

TEST_CASE("pdf lines: a line shorter than the next line's first piece ends its paragraph") {
  // Five characters short: （场）， (four characters) would have fitted.
  const std::vector<Line> lines = build_lines({
      word("全面推行义务教育优质均衡发展，力争增长63%左右，压实工作责任。加强", 72, 521.9),
      word("业2577家。加强高标准农田建设，统筹推进农业面源", 86.4, 521.9 - 5 * kHeight),
      word("（场）的建设，桥沙开发区管委会负责", 100.8, 300),
  });
  CHECK(texts(paragraphs(lines)).size() == 2);
}

TEST_CASE("pdf lines: a heading number starts a paragraph however full the line before is") {
  const std::vector<Line> lines = build_lines({
      word("推进农业现代化，力争新增规上工业企业2577家，形成齐抓共管的格局", 72, 521.9),
      word("推进农业现代化，力争新增规上工业企业", 86.4, 521.9 - 2 * kHeight),
      word("（二）守牢安全发展底线。", 100.8, 261.1, 111.1 - 21),
  });
  const std::vector<std::string> read = texts(paragraphs(lines));
  REQUIRE(read.size() == 2);
  CHECK(read[1] == "（二）守牢安全发展底线。");
}

TEST_CASE("pdf lines: task numbers") {
  CHECK(starts_task_number("61.深化改革"));
  CHECK(starts_task_number("一、总体要求"));
  CHECK(starts_task_number("（十七）加强"));
  CHECK_FALSE(starts_task_number("（场），桥沙"));
  CHECK_FALSE(starts_task_number("3.5亿元"));
  CHECK_FALSE(starts_task_number("7698.html"));
}
