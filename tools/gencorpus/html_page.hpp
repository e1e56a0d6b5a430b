// A document as a saved web page: its tasks in an HTML table (序号 | 工作任务 | 牵头单位 | 责任单位
// [| 完成时限]), as many sites publish a 分工方案, with what a saved page carries around it: a head with
// a <title>, a style and a script, navigation, comments, entities, sometimes a layout table around the
// content. The table merges cells as offices do: one 牵头单位 cell over consecutive tasks with the same
// lead (rowspan), sometimes a header on two rows (责任单位 over 牵头单位 | 配合单位, colspan), section
// headings in rows across the table; cells may be written one per line and hold a <br> between runs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "generator.hpp"
#include "rng.hpp"
#include "style.hpp"

namespace agencygraph::gencorpus {

struct TableTask {
  PlantedTask planted;               // line is set when the page is written
  std::string text;                  // the task's text
  std::string leads;                 // the 牵头单位 cell as printed, "" when the task names none
  std::vector<std::string> co_runs;  // the 责任单位 cell's runs of names
  std::string deadline;              // "" for an empty cell
};

struct TableSection {
  std::string heading;  // "一、…", printed in a row across the table
  std::vector<TableTask> tasks;
};

struct HtmlPage {
  std::optional<std::string> title;
  std::vector<std::string> navigation, preamble, footer;
  std::vector<TableSection> sections;
  Style style;                   // the comma between runs of names
  std::string charset = "utf-8";  // as <meta> declares it
};

// The page's lines (without line breaks). Sets each task's planted line to the page line of its 序号
// cell, where the parser reports a table row, and adds features saying how its row was printed.
std::vector<std::string> write_html_page(Rng& rng, HtmlPage& page);

}  // namespace agencygraph::gencorpus
