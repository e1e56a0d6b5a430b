// What `check` reports as not read (agencygraph/unclaimed.hpp). The documents are built by hand,
// spans and remarks included, so that the answers depend on these functions only, not on what the
// parser makes of the text.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "agencygraph/unclaimed.hpp"

using namespace agencygraph;

namespace {

// A document of one source whose tasks span the given stretches of its text: (task text,
// annotation), each found at its first occurrence.
Document document_of(const std::string& text, const std::vector<std::pair<std::string, std::string>>& tasks) {
  Document document;
  document.sources.push_back(Source{"t.txt", "UTF-8", text});
  for (const auto& [task_text, annotation] : tasks) {
    Task task;
    task.id = std::to_string(document.tasks.size() + 1);
    const std::size_t at = text.find(task_text);
    REQUIRE(at != std::string::npos);
    task.text = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(task_text.size())};
    if (!annotation.empty()) {
      const std::size_t a = text.find(annotation, at);
      REQUIRE(a != std::string::npos);
      task.annotation = {static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(annotation.size())};
    }
    document.tasks.push_back(std::move(task));
  }
  return document;
}

std::vector<std::pair<std::uint32_t, std::string>> lines_and_words(const Document& document) {
  std::vector<std::pair<std::uint32_t, std::string>> out;
  for (const UnclaimedLine& line : find_unclaimed_annotation_lines(document)) out.emplace_back(line.line, line.role_word);
  return out;
}

using Found = std::vector<std::pair<std::uint32_t, std::string>>;

}  // namespace

TEST_CASE("unclaimed lines: role labels and verbs outside every task, and nothing else") {
  const std::string text =
      "2023年某市政府工作报告重点任务分工方案\n"                              // 1: title
      "各牵头单位要切实负起责任，列第一位者为牵头单位，下同。\n"              // 2: a notice, no unit named
      "1.推进老旧小区改造，由市政府牵头建立联席会议。(牵头单位:市住建局)\n"  // 3: a task (牵头 inside it)
      "此项工作由市卫生局主办,市民政局、市财政局协办。\n"                      // 4: not read
      "2.加快乡村振兴。\n"                                                     // 5: skipped by the parser
      "牵头单位：市农业农村局\n"                                               // 6: not read
      "牵头领导：王某某\n"                                                     // 7: a person
      "（一）某某副市长牵头重点工作\n"                                         // 8: a person
      "序号\t工作任务\t牵头单位\t责任单位\n"                                   // 9: a table's header
      "3\t发展数字经济\t市经信局\t市发改委按职责分工负责\n"                    // 10: a task (a row)
      "部门分工：市文旅局牵头，各地、各部门配合。\n"                           // 11: not read
      "4.做好防汛工作。\n"                                                     // 12: a task over two lines
      "(牵头单位：市水利局；\n"                                                // 13
      "配合单位：市应急局)\n"                                                  // 14
      "市科協、市總工會按職責分工負責\n"                                      // 15: traditional, not read
      "责任单位负责人要亲自抓\n";                                             // 16: a role noun, a person
  const Document document = document_of(
      text, {{"推进老旧小区改造，由市政府牵头建立联席会议。", "牵头单位:市住建局"},
             {"发展数字经济", "市经信局"},
             {"做好防汛工作。", "牵头单位：市水利局；\n配合单位：市应急局"}});
  CHECK(lines_and_words(document) ==
        Found{{4, "主办"}, {6, "牵头单位"}, {11, "牵头"}, {15, "按職責分工負責"}});
  const std::vector<UnclaimedLine> lines = find_unclaimed_annotation_lines(document);
  CHECK(lines[0].text == "此项工作由市卫生局主办,市民政局、市财政局协办。");
  CHECK(lines[1].source == 0);
}

TEST_CASE("unclaimed lines: an HTML page's lines are the page's own, and CRLF does not matter") {
  Document document;
  Source source{"p.html", "UTF-8", "标题\r\n市发改委牵头\r\n"};
  source.original_lines = {10, 14};
  document.sources.push_back(source);
  const std::vector<UnclaimedLine> lines = find_unclaimed_annotation_lines(document);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].line == 14);
  CHECK(lines[0].text == "市发改委牵头");
  CHECK(lines[0].role_word == "牵头");
}

TEST_CASE("unread remarks: lists of units and role words, not deadlines") {
  Document document = document_of("1.任务。(市发改委牵头)\n", {{"任务。", "市发改委牵头"}});
  document.tasks[0].remarks = {"2023年底前完成", "市财政局、市税务局", "下同", "市政府督办", "各区县政府等",
                               "不再做分工", "持续推进"};
  const std::vector<UnreadRemark> remarks = find_unread_remarks(document);
  REQUIRE(remarks.size() == 3);
  CHECK(remarks[0].remark == "市财政局、市税务局");
  CHECK(remarks[0].why == "a list of units");
  CHECK(remarks[1].remark == "市政府督办");
  CHECK(remarks[1].why == "role word 督办");
  CHECK(remarks[2].remark == "各区县政府等");
  CHECK(remarks[2].why == "a list of units");
  CHECK(remarks[0].task == 0);
}

TEST_CASE("unlikely units: names read from a layout not understood, not agencies, places, sections or collectives") {
  Document document;
  document.sources.push_back(Source{"t.txt", "UTF-8", "x"});
  Task task;
  task.id = "1";
  for (const char* name : {"时限", "市发改委", "目标任务", "( )", "赤壁市", "各县市区政府", "市交通委(市道运局)", "建工科",
                           "长江大学", "市乡村振兴工作领导小组", "共青团中央"}) {
    AgencyMention mention;
    mention.name = mention.canonical = document.names.intern(name);
    mention.kind = std::string_view(name) == "各县市区政府" ? AgencyKind::Collective : AgencyKind::Department;
    task.agencies.push_back(mention);
  }
  document.tasks.push_back(task);
  std::vector<std::string> names;
  for (const UnlikelyUnit& unit : find_unlikely_units(document)) {
    CHECK(unit.task == 0);
    names.push_back(unit.name);
  }
  CHECK(names == std::vector<std::string>{"时限", "目标任务", "( )"});
}
