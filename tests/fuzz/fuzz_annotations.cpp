// libFuzzer target for the "no silent wrong answer" invariant (issue 18, finding 1): every
// annotation in the input ends up in exactly one task -- the one of its own paragraph -- or its
// paragraph is a `skipped` entry. Never glued to another task, never dropped in silence.
//
// The fuzzer's bytes choose a document rather than being one, so that the answer is known: each
// paragraph gets a marker (an arabic number of any width, a bullet, a Chinese numeral, a
// parenthesised number, a dash, nothing), a text, and usually an annotation naming a lead and a co
// unit that no other paragraph names; the annotation is in brackets at the end or on a label line
// of its own under the paragraph. A task that names paragraph i's lead must be paragraph i's task
// (or, for a paragraph without a marker after one without an annotation, the earlier one's: the two
// may be one paragraph wrapped over two lines).
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DAGENCYGRAPH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_annotations
//   cp -r tests/fuzz/corpus/fuzz_annotations /tmp/ann && build-fuzz/tests/fuzz_annotations /tmp/ann -max_total_time=60
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/extract.hpp"
#include "extraction_invariants.hpp"

namespace {

constexpr std::string_view kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};

// A unit name no other paragraph uses: 市 + two stems (by the paragraph's index) + 局 or 委.
std::string unit(std::size_t paragraph, bool lead) {
  return "市" + std::string(kStems[paragraph / 10 % 10]) + std::string(kStems[paragraph % 10]) + (lead ? "局" : "委");
}

struct Bytes {
  const std::uint8_t* data;
  std::size_t size, at = 0;
  std::uint8_t next() { return at < size ? data[at++] : 0; }
  bool done() const { return at >= size; }
};

struct Paragraph {
  std::uint32_t first_line = 0, last_line = 0;
  bool annotated = false;
  bool marked = true;        // starts with a number, a bullet or a dash
  bool arabic = false;       // 12. or 12、
  bool parenthesised = false;  // （12）
  std::uint32_t owner = 0;   // the first line of the paragraph its annotation may belong to
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in{data, size};
  std::string text = "某市人民政府办公室关于分解落实重点工作任务的通知\n";
  std::uint32_t line = 2;
  std::vector<Paragraph> paragraphs;
  for (std::size_t p = 0; p < 100 && !in.done(); ++p) {
    const std::uint8_t shape = in.next(), value = in.next();
    Paragraph& paragraph = paragraphs.emplace_back();
    paragraph.first_line = line;
    std::string marker;
    paragraph.arabic = shape % 9 <= 2;
    paragraph.parenthesised = shape % 9 == 5;
    switch (shape % 9) {
      case 0: marker = std::to_string(p + 1) + "."; break;
      case 1: marker = std::to_string(value) + "."; break;                               // out of order
      case 2: marker = std::to_string(static_cast<unsigned long>(value) * 100003u + 1) + "、"; break;  // wide
      case 3: marker = "●"; break;
      case 4: marker = value % 2 ? "◆" : "■"; break;
      case 5: marker = "（" + std::to_string(value % 30 + 1) + "）"; break;
      case 6: marker = "—"; break;
      case 7:  // 甲、: no numbering the parser knows, so it may be a wrapped line like an unmarked one
        marker = std::string(kStems[value % 10]) + "、";
        paragraph.marked = false;
        break;
      default: paragraph.marked = false; break;                      // no marker
    }
    std::string body = "推进第" + std::to_string(p + 1) + "项重点工作";
    if (value & 0x40) body += "，加强统筹协调";
    body += "。";
    paragraph.annotated = (shape & 0x30) != 0x30;
    const std::string annotation = "牵头单位：" + unit(p, true) + "；责任单位：" + unit(p, false);
    const bool own_line = (shape & 0x40) != 0;
    text += marker + body;
    if (paragraph.annotated && !own_line) text += "（" + annotation + "）";
    if (paragraph.annotated && own_line) {
      text += "\n" + annotation;
      ++line;
    }
    text += "\n";
    paragraph.last_line = line++;
    // A line without a marker after a paragraph without an annotation may be that paragraph wrapped
    // (documents wrap lines anywhere): its annotation may then be the earlier paragraph's task's.
    paragraph.owner = paragraph.first_line;
    if (!paragraph.marked && paragraphs.size() > 1 && !paragraphs[paragraphs.size() - 2].annotated)
      paragraph.owner = paragraphs[paragraphs.size() - 2].owner;
    // A label line under parenthesised sub-items of an arabic paragraph without an annotation (the
    // last sub-item's own, or a line of its text) may be that paragraph's, the sub-items its text
    // (document_parser.cpp, find_annotation_after_sub_items).
    // Lines without a marker between the sub-items are their text wrapped; the first line under the
    // arabic paragraph must be a sub-item, and there must be two at least.
    if ((paragraph.parenthesised || !paragraph.marked) && paragraph.annotated && own_line) {
      std::size_t q = paragraphs.size() - 1;
      int sub_items = paragraph.parenthesised ? 1 : 0;
      while (q > 0 && !paragraphs[q - 1].annotated && (paragraphs[q - 1].parenthesised || !paragraphs[q - 1].marked)) {
        sub_items += paragraphs[q - 1].parenthesised;
        --q;
      }
      while (q < paragraphs.size() - 1 && !paragraphs[q].parenthesised) ++q;  // unmarked lines right under it
      if (q > 0 && paragraphs[q - 1].arabic && !paragraphs[q - 1].annotated && paragraphs[q].parenthesised &&
          sub_items >= 2)
        paragraph.owner = std::min(paragraph.owner, paragraphs[q - 1].first_line);
    }
  }
  if (paragraphs.empty()) return 0;
  const agencygraph::Document document =
      agencygraph::extract_document({"fuzz.txt", "UTF-8", text}, agencygraph::ExtractOptions{});
  if (!agencygraph::test::extraction_invariants_hold(document)) __builtin_trap();

  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    if (!paragraphs[p].annotated) continue;
    const std::string lead = unit(p, true);
    std::size_t tasks = 0;
    for (const agencygraph::Task& task : document.tasks) {
      bool names_it = false;
      for (const agencygraph::AgencyMention& mention : task.agencies)
        names_it = names_it || document.name(mention.name) == lead;
      if (!names_it) continue;
      ++tasks;
      // Its own paragraph's task, not an earlier one that took a later paragraph's annotation.
      if (task.line < paragraphs[p].owner || task.line > paragraphs[p].last_line) __builtin_trap();
    }
    bool skipped = false;
    for (const agencygraph::SkippedParagraph& entry : document.skipped)
      skipped = skipped || (entry.line >= paragraphs[p].owner && entry.line <= paragraphs[p].last_line);
    if (tasks > 1 || (tasks == 0 && !skipped)) __builtin_trap();
  }
  return 0;
}
