// The extraction scans UTF-8 and folds only the regions the grammar reads. These tests hold the
// shortcuts to what the grammar gives on folded text: the annotation locator against
// find_annotation() on the whole folded block (random blocks, both foldings), and the byte
// searches at every offset around their 16-byte steps.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

// Internal headers: these are the library's own shortcuts, not part of its API.
#include "extract/annotation_locator.hpp"
#include "extract/traditional_markers.hpp"
#include "extract/utf8_text.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;
using detail::ByteRange;
using detail::Range;

namespace {

// What an annotation says, as original bytes: comparable whatever folded text it was found in.
struct Reading {
  ByteRange whole;
  ByteRange content;
  std::vector<std::pair<Role, std::string>> roles;
  std::vector<std::string> deadlines;
  std::vector<std::string> remarks;
  bool operator==(const Reading&) const = default;
};

Reading reading_of(const std::string& text, const FoldedText& folded, ByteRange whole,
                   const detail::FoundAnnotation& found) {
  auto original = [&](Range r) {
    return text.substr(folded.offsets[r.begin], folded.offsets[r.end] - folded.offsets[r.begin]);
  };
  Reading reading{whole, detail::bytes_of(folded, found.content), {}, {}, {}};
  for (const detail::RoleList& list : found.parsed.roles) reading.roles.emplace_back(list.role, original(list.names));
  for (Range r : found.parsed.deadlines) reading.deadlines.push_back(original(r));
  for (Range r : found.parsed.remarks) reading.remarks.push_back(original(r));
  return reading;
}

const std::vector<std::string> kFragments = {
    "推进老旧小区改造", "加快建设", "力争完成投资1762亿元", "3.5", "。", ",", "，", "、", ";", "；", ":", "：",
    "(", ")", "（", "）", "[", "]", "［", "］", "【", "】", "〔", "〕", "〖", "〗", "{", "}", " ", "  ", "\t", "\u3000",
    "\u00a0", "\u2002", "\ufeff", "\n", "\r\n", "牵头单位", "牵头单位:", "责任单位：", "配合单位:", "牵头", "牵头:",
    "责任", "责任:", "主办", "协办", "参与", "市领导:", "完成时限:", "时限", "2023年底前", "长期坚持", "年内",
    "市发改委", "市财政局", "县住建局", "各县市区政府", "荆州开发区", "纪南文旅区管委会", "咸宁职教(集团)学校",
    "市商务局(市粮食和物资储备局)", "等", "等单位", "及", "以及", "和", "按职责分工负责", "负责", "配合",
    "此项工作由", "含续建项目", "牽頭單位:", "責任單位：", "負責", "參與", "協辦", "职责", "落实", "实施",
    // Whole groups, so that annotations followed by deadline or remark groups are common.
    "(牵头单位:市发改委;责任单位:市财政局)", "（责任单位：县住建局、县财政局）", "〔牵头单位:市教育局〕",
    "(2023年底前完成)", "（长期坚持）", "(含续建项目)", "()", "(市发改委、市财政局)", "(市发改委牵头,各县市区政府负责)",
};

std::string random_block(std::mt19937_64& random) {
  std::string text;
  const int pieces = 1 + static_cast<int>(random() % 24);
  for (int k = 0; k < pieces; ++k) text += kFragments[random() % kFragments.size()];
  return text;
}

}  // namespace

TEST_CASE("the annotation locator reads every block as find_annotation reads it folded whole") {
  std::mt19937_64 random(20240521);
  for (bool traditional : {false, true}) {
    const Folder folder(traditional);
    for (int round = 0; round < 4000; ++round) {
      const std::string text = random_block(random);
      CAPTURE(traditional);
      CAPTURE(text);
      FoldedText whole;
      folder.append(text, 0, static_cast<std::uint32_t>(text.size()), whole);
      const auto expected = detail::find_annotation(whole.chars, {0, static_cast<std::uint32_t>(whole.size())});

      detail::AnnotationLocator locator(text, folder);
      const auto located = locator.locate({0, static_cast<std::uint32_t>(text.size())});
      REQUIRE(located.has_value() == expected.has_value());
      if (!expected) continue;
      const ByteRange expected_whole{whole.offsets[expected->whole.begin], whole.offsets[expected->whole.end]};
      CHECK(reading_of(text, locator.folded(), located->whole, located->found) ==
            reading_of(text, whole, expected_whole, *expected));
    }
  }
}

TEST_CASE("a short label followed by a long run of spaces still counts as a possible label") {
  // The locator looks at a window of characters after a label boundary; past it, "may".
  for (int spaces = 0; spaces < 24; ++spaces) {
    const std::string text = "1.推进改造,牵头" + std::string(static_cast<std::size_t>(spaces), ' ') + ":市发改委\n";
    CAPTURE(spaces);
    const Document d = agencygraph::test::parse_text(text);
    REQUIRE(d.tasks.size() == 1);
    CHECK(agencygraph::test::leads(d) == agencygraph::test::Names{"市发改委"});
  }
}

TEST_CASE("word and character searches find matches at every offset, and none past the range") {
  const detail::WordSet words{"任务", "内容"};
  for (std::size_t pad = 0; pad < 40; ++pad) {
    const std::string before(pad, 'x');
    for (const std::string& word : {std::string("任务"), std::string("内容")}) {
      const std::string text = before + "市" + word + "局" + std::string(40, 'y');  // room for 16-byte steps
      CAPTURE(text);
      const auto at = static_cast<std::uint32_t>(before.size() + 3);
      CHECK(words.found_in(text, {0, static_cast<std::uint32_t>(text.size())}));
      CHECK(words.found_in(text, {at, at + 6}));
      CHECK_FALSE(words.found_in(text, {at, at + 5}));      // the word cut at the range end
      CHECK_FALSE(words.found_in(text, {at + 1, at + 12}));  // ... or at its start
      CHECK_FALSE(words.found_in(text, {0, at}));
    }
    // The last character alone, or preceded by another character, is no match.
    const std::string near = before + "服务目录" + before;
    CHECK_FALSE(words.found_in(near, {0, static_cast<std::uint32_t>(near.size())}));
  }
}

TEST_CASE("traditional markers are found at every offset, and only markers") {
  for (std::size_t pad = 0; pad < 40; ++pad) {
    for (const char* marker : {"單", "牽", "責", "負", "職", "協", "參"}) {
      const std::string text = std::string(pad, 'a') + "推进" + marker + std::string(pad % 5, 'b');
      CAPTURE(text);
      CHECK(detail::has_traditional_markers(text));
      CHECK_FALSE(detail::has_traditional_markers(text.substr(0, text.size() - (pad % 5) - 1)));  // cut
    }
    // Characters sharing a marker's first two bytes (E5 96, E8 B2, E8 81, E5 8D, E5 8F, E7 89).
    const std::string lookalikes = std::string(pad, 'a') + "喀貌聂十参牛" + std::string(pad, 'a');
    CHECK_FALSE(detail::has_traditional_markers(lookalikes));
  }
}

TEST_CASE("folding counts traditional markers unless it folds them") {
  FoldedText folded;
  Folder(false).append("責任單位:市發改委", 0, 25, folded);
  CHECK(folded.traditional_markers == 2);
  CHECK(folded.chars == U"責任單位:市發改委");
  folded.clear();
  Folder(true).append("責任單位:市發改委", 0, 25, folded);
  CHECK(folded.traditional_markers == 0);
  CHECK(folded.chars == U"责任单位:市发改委");
}

TEST_CASE("trimming bytes drops what folds to a space, at both ends") {
  const Folder folder(false);
  const std::string text = "\u3000 \ufeff\t\u00a0，市发改委\u2002；\u3000";
  const ByteRange all{0, static_cast<std::uint32_t>(text.size())};
  const ByteRange trimmed = detail::trim_bytes(folder, text, all);
  CHECK(text.substr(trimmed.begin, trimmed.size()) == "，市发改委\u2002；");
  const ByteRange extra = detail::trim_bytes(folder, text, all, U",;");
  CHECK(text.substr(extra.begin, extra.size()) == "市发改委");
  CHECK(detail::trim_bytes(folder, text, {3, 3}).empty());
}

TEST_CASE("numbers, titles, tables and the first-listed convention read through the byte scan") {
  using namespace agencygraph::test;
  // Full-width digits and marks; a traditional document's 兩、 heading.
  const Document d = parse_text("１２．推进改造。（牵头单位：市住建局）\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].id == "12");
  const Document traditional = parse_text("兩、重點工作\n1.推進改造。(牽頭單位:市住建局)\n");
  REQUIRE(traditional.tasks.size() == 1);
  REQUIRE(traditional.sections.size() == 2);
  CHECK(traditional.sections[1] == std::vector<std::string>{"兩、重點工作"});
  // A long table header line is still found.
  const Document table = parse_text(
      "序号\t工作任务\t牵头单位\t责任单位\t完成时限\t备注说明\n1\t推进改造\t市住建局\t市财政局\t年底\t无\n");
  REQUIRE(table.tasks.size() == 1);
  CHECK(leads(table) == Names{"市住建局"});
  // The first-listed convention stated at the very start of the text, and across a line break.
  CHECK(parse_text("列第一位的为牵头单位。\n1.任务。(市发改委、市财政局)\n").first_listed_is_lead);
  CHECK(parse_text("说明:列第\n一位的为牵头单位。\n").first_listed_is_lead == false);
  CHECK(parse_text("责任单位中排在第一位的為牽頭單位。\n").first_listed_is_lead);
}
