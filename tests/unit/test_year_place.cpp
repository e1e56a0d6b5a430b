// A document's year and jurisdiction, and where each was read: the title, the document number (文号),
// the signature (issuing office and date), or the options. Hand-written documents, and the real
// documents of tests/data/real against the places and years their README lists (labelled by hand).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "agencygraph/extract.hpp"
#include "extract/document_metadata.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;
using agencygraph::test::parse_text;

namespace {

const std::string kTask = "1.推进项目建设。(牵头单位:市发改委;责任单位:市财政局)\n";

std::optional<std::string> source_name(const std::optional<MetadataSource>& source, bool year) {
  if (!source) return std::nullopt;
  return std::string(year ? year_source_name(*source) : jurisdiction_source_name(*source));
}

}  // namespace

TEST_CASE("the title gives year and place") {
  const Document d = parse_text("(湖北省)2023年咸宁市《政府工作报告》确定的主要目标任务责任分解方案\n\n" + kTask);
  CHECK(d.year == 2023);
  CHECK(source_name(d.year_source, true) == "title");
  CHECK(d.jurisdiction == "咸宁市");
  CHECK(source_name(d.jurisdiction_source, false) == "title");
}

TEST_CASE("a document number gives the year only, in the title or on a line of its own") {
  SUBCASE("in the title line") {
    const Document d = parse_text("荆州市人民政府办公室关于分解落实《政府工作报告》的通知(荆政办发〔2020〕1号)\n\n" + kTask);
    CHECK(d.year == 2020);
    CHECK(source_name(d.year_source, true) == "document_number");
    CHECK(d.jurisdiction == "荆州市");
    CHECK(source_name(d.jurisdiction_source, false) == "title");
  }
  SUBCASE("on its own line under a title without a year") {
    const Document d = parse_text("关于印发《政府工作报告》重点工作分工方案的通知\n荆政办发〔2021〕3号\n\n" + kTask);
    CHECK(d.year == 2021);
    CHECK(source_name(d.year_source, true) == "document_number");
    CHECK_FALSE(d.jurisdiction.has_value());  // 荆 alone does not say 荆州市 (or 荆门市)
    CHECK_FALSE(d.jurisdiction_source.has_value());
  }
  SUBCASE("as a page's 发文字号 field, full-width") {
    const Document d = parse_text("发文字号：江政发［2023］1号\n\n" + kTask);
    CHECK(d.year == 2023);
    CHECK(source_name(d.year_source, true) == "document_number");
  }
  SUBCASE("a number cited in running text is another document's") {
    const Document d = parse_text(
        "关于印发《政府工作报告》重点工作分工方案的通知\n根据《省政府关于…的通知》(鄂政发〔2019〕5号)要求,现印发如下。\n\n" + kTask);
    CHECK_FALSE(d.year.has_value());
  }
}

TEST_CASE("the signature: the issuing office's line names the place, the date line under it the year") {
  SUBCASE("office, blank line, date") {
    const Document d = parse_text("各乡镇人民政府:\n现将分工印发给你们。\n\n江山市人民政府\n\n2023年2月8日\n\n" + kTask);
    CHECK(d.year == 2023);
    CHECK(source_name(d.year_source, true) == "date");
    CHECK(d.jurisdiction == "江山市");
    CHECK(source_name(d.jurisdiction_source, false) == "signature");
  }
  SUBCASE("a government office, indented, date in brackets") {
    const Document d = parse_text("现印发给你们。\n      荆州市人民政府办公室\n     （2020年1月8日）\n\n" + kTask);
    CHECK(d.year == 2020);
    CHECK(d.jurisdiction == "荆州市");
  }
  SUBCASE("a date line without an office gives the year alone") {
    const Document d = parse_text("现印发给你们,请认真贯彻执行。\n\n2020年1月7日\n\n" + kTask);
    CHECK(d.year == 2020);
    CHECK(source_name(d.year_source, true) == "date");
    CHECK_FALSE(d.jurisdiction.has_value());
  }
  SUBCASE("an office line without a place gives no place") {
    const Document d = parse_text("市政府办公室\n2022年3月1日\n\n" + kTask);
    CHECK(d.year == 2022);
    CHECK_FALSE(d.jurisdiction.has_value());
  }
  SUBCASE("a date inside a sentence is no signature") {
    const Document d = parse_text("2023年12月31日前完成全部任务。\n\n" + kTask);
    CHECK_FALSE(d.year.has_value());
  }
}

TEST_CASE("the title wins over the document number, which wins over the date, and the options come last") {
  const std::string text = "2022年通山县《政府工作报告》重点任务分工方案\n通政办发〔2021〕9号\n\n" + kTask +
                           "\n通山县人民政府办公室\n2021年12月30日\n";
  ExtractOptions options;
  options.year = 2019;
  options.jurisdiction = "崇阳县";
  const Document d = parse_text(text, options);
  CHECK(d.year == 2022);
  CHECK(source_name(d.year_source, true) == "title");
  CHECK(d.jurisdiction == "通山县");

  const Document without_title = parse_text(kTask, options);
  CHECK(without_title.year == 2019);
  CHECK(source_name(without_title.year_source, true) == "option");
  CHECK(without_title.jurisdiction == "崇阳县");
  CHECK(source_name(without_title.jurisdiction_source, false) == "option");

  const Document signed_only = parse_text(kTask + "\n咸宁市人民政府\n2024年1月5日\n", options);
  CHECK(signed_only.year == 2024);
  CHECK(signed_only.jurisdiction == "咸宁市");  // what the document says beats the option
}

TEST_CASE("a titled document takes its year from the signature but not its place") {
  // Its pages repeat the title and are merged by title and place; only one page is signed, and a place
  // read there would part it from the others.
  const std::string title = "《政府工作报告》重点任务分工方案\n";
  const Document signed_page = parse_text(title + kTask + "\n通山县人民政府\n2023年3月1日\n");
  const Document other_page = parse_text(title + "2.任务乙。(牵头单位:县发改局;责任单位:县财政局)\n");
  CHECK(signed_page.year == 2023);
  CHECK_FALSE(signed_page.jurisdiction.has_value());
  CHECK(merge_pages({signed_page, other_page}).size() == 1);
}

TEST_CASE("a signature's place makes the document's own names generic, as a title's does") {
  // 江山市财政局 of a document signed by 江山市人民政府 is its 市财政局.
  const Document d = parse_text("1.推进项目建设。(牵头单位:江山市发改委;责任单位:江山市财政局)\n\n江山市人民政府\n2023年2月8日\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(test::role_names(d, d.tasks[0], Role::Co, /*canonical=*/true) == test::Names{"市财政局"});
}

TEST_CASE("the detectors one by one") {
  using namespace agencygraph::detail;
  CHECK(year_from_document_number(U"国发〔2019〕3号") == 2019);
  CHECK(year_from_document_number(U"荆政办发[2020]12号") == 2020);
  CHECK_FALSE(year_from_document_number(U"〔2020〕1号").has_value());      // no issuer
  CHECK_FALSE(year_from_document_number(U"国发〔2019〕").has_value());      // no serial number
  CHECK_FALSE(year_from_document_number(U"国发〔12019〕3号").has_value());  // not a year
  CHECK(year_of_date_line(U"  2020年1月8日 ") == 2020);
  CHECK(year_of_date_line(U"成文日期:2023年02月13日") == 2023);
  CHECK_FALSE(year_of_date_line(U"2020年13月8日").has_value());
  CHECK_FALSE(year_of_date_line(U"2020年1月8日印发").has_value());
  CHECK(jurisdiction_of_issuer_line(U"国务院办公厅") == "国务院");
  CHECK(jurisdiction_of_issuer_line(U"中共通山县委办公室  通山县人民政府办公室") == "通山县");
  CHECK(jurisdiction_of_issuer_line(U"韶关市人民政府") == "韶关市");
  CHECK_FALSE(jurisdiction_of_issuer_line(U"各县市区人民政府,市政府各部门").has_value());
}

namespace {

std::string read_real(const std::string& name) {
  std::ifstream in(std::string(AGENCYGRAPH_TEST_DATA) + "/real/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("real documents: every year and place found is the one their README lists") {
  // tests/data/real/README.md, labelled by hand from each page: place (after the province) and year,
  // for the documents with a definite year. A document may print neither in a form read here (an
  // excerpt without its title); what is found must never be wrong.
  const std::map<std::string, std::pair<std::string, int>> labelled = {
      {"r01.txt", {"江山市", 2023}}, {"r02.txt", {"绵阳市", 2023}}, {"r03.txt", {"东莞市", 2021}},
      {"r06.txt", {"国务院", 2018}}, {"r07.txt", {"国务院", 2019}}, {"r08.txt", {"国务院", 2018}},
      {"r12.txt", {"武汉市", 2023}}, {"r14.txt", {"杭州市", 2015}}, {"r15.txt", {"霍山县", 2025}},
      {"r16.txt", {"官渡区", 2016}}, {"r18.txt", {"二连浩特市", 2018}}, {"r21.txt", {"泰州市", 2019}},
      {"r23.txt", {"国务院", 2022}}, {"r24.txt", {"嵊州市", 2022}}, {"r26.txt", {"山东省", 2022}},
      {"r27.txt", {"韶关市", 2019}}, {"r28.txt", {"淮安市", 2022}}, {"r30.txt", {"", 2024}},
      {"r32.txt", {"", 2020}}, {"r33.txt", {"北京市", 2021}},
  };
  int years = 0, places = 0;
  for (const auto& entry : labelled) {
    // Not a structured binding: doctest's CHECK_MESSAGE captures `file` in a lambda, which clang 14
    // refuses for a binding (the sanitizer build is clang's).
    const std::string& file = entry.first;
    const auto& label = entry.second;
    const Document d = extract_document(Source{file, "UTF-8", read_real(file)}, {});
    if (d.year) {
      ++years;
      CHECK_MESSAGE(*d.year == label.second, file);
    }
    if (d.jurisdiction) {
      ++places;
      CHECK_MESSAGE(*d.jurisdiction == label.first, file);
    }
  }
  // Found when this was written: r01 江山市 2023 (文号, signature), r03 2021 (文号), r12 武汉市 2023
  // (title), r14 2015 (date line), r27 韶关市 2019 (signature). Fewer would be a regression.
  CHECK(years >= 5);
  CHECK(places >= 3);
}
