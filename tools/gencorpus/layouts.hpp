// Layouts of documents as they are really printed (docs/layouts.md), beyond the annotation formats of
// annotation.hpp: annotations on the lines after a task, comma-grouped role lists, tables flattened into
// text, tasks carried in code, numbering variants, leaders, declared conventions. Each layout writes a
// document's body and plants the extraction a careful reader makes of it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rng.hpp"
#include "style.hpp"
#include "world.hpp"

namespace agencygraph::gencorpus {

enum class Layout {
  AfterLine,    // 此项工作由X主办… / 牵头单位：X + 责任单位：… / 部门分工：X牵头… on the lines after the task
  CommaGroups,  // (X等牵头，A、B、C，甲区、乙区、丙县政府按职责分工负责)
  SpaceTable,   // a table copied as text: columns separated by runs of spaces, a header row
  CellLines,    // a Word table flattened one cell per line, group rows naming a leader between rows
  PipeTable,    // | 序号 | 工作任务 | … |, continuation rows with an empty number
  Structured,   // tasks as JavaScript or JSON objects, or an SQL dump holding a page
  Numbering,    // 一是 ① (1) 1、 1) 1*, excerpts starting mid-document, annotated headings, wrapped tasks
  Leaders,      // 牵头领导：王某某 / 由某某副市长负责: people kept as leaders; headings naming a group's lead (X牵头工作)
  Conventions,  // 列第一位者为牵头单位，下同 / 无牵头单位的，责任单位即为牵头单位 from where stated; footnotes
};
inline constexpr int kLayoutCount = 9;

const char* layout_name(Layout layout);
std::optional<Layout> layout_from_name(std::string_view name);
// "after-line, comma-groups, …": for --help and messages.
std::string layout_names();

// A task as the layout planted it. `line` is 1-based within the layout's lines; `id` is the number
// as the parser reports it ("3", "①", "一是", "五").
struct LayoutTask {
  std::string id;
  std::uint32_t line = 0;
  std::vector<std::string> leads, co, leaders;
  std::string format;
  std::vector<std::string> features;
};

struct LayoutInput {
  Style style;
  std::string indent;
  int year = 2023;
  Level level = Level::City;
  const Roster* roster = nullptr;
  int tasks = 60;  // wanted; a layout may print fewer (① stops at ⑳)
};

struct LayoutOutput {
  std::vector<std::string> preamble;  // lines printed before the body (after the title)
  std::vector<std::string> lines;     // the body
  std::vector<LayoutTask> tasks;      // lines relative to `lines`
  std::vector<std::string> after;     // printed right after the body (a footnote), before the footer
  // The body is the whole file (code): no navigation, title or footer around it.
  bool whole_file = false;
  std::string extension = "txt";
  bool untitled = false;  // an excerpt: printed without navigation and title
  std::string format;     // the document's format name in planted.json
};

LayoutOutput write_layout(Rng& rng, Layout layout, const LayoutInput& input);

}  // namespace agencygraph::gencorpus
