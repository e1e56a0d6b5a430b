// A document's title line, jurisdiction and year, and whether it states the first-listed-lead
// convention (列第一位的为牵头单位).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "agencygraph/fold.hpp"

namespace agencygraph::detail {

// True when a line (folded) reads like the title of a work report or its decomposition:
// it names 政府工作报告, or a 责任分解 / 分工方案 / 任务分工 / 分解落实 document, and is not too long.
bool looks_like_title(std::u32string_view line);

// Jurisdiction named at the start of a title: "(湖北省)2023年咸宁市《政府工作报告》…" -> 咸宁市,
// "荆州市人民政府办公室关于…" -> 荆州市, "国务院关于落实…" -> 国务院.
std::optional<std::string> jurisdiction_from_title(std::u32string_view title);
std::optional<int> year_from_title(std::u32string_view title);

// Where the text (UTF-8, read through `folder`) first states a convention for tasks without a lead
// label, as byte offsets of the statements; nothing for one it never states.
struct ConventionStatements {
  // The first-listed unit leads: 列第一位者为牵头单位, 排在首位的为牵头单位, 第一责任单位为牵头单位.
  std::optional<std::uint32_t> first_listed_lead;
  // The units of such a task lead it: 无牵头单位的，责任单位即为牵头单位.
  std::optional<std::uint32_t> unlabelled_units_lead;
};
ConventionStatements find_convention_statements(std::string_view text, const Folder& folder);

}  // namespace agencygraph::detail
