// A document's title line, jurisdiction and year, and whether it states the first-listed-lead
// convention (列第一位的为牵头单位).
#pragma once

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

// True when the text (UTF-8, read through `folder`) states that the first-listed unit is the lead.
bool states_first_listed_lead(std::string_view text, const Folder& folder);

}  // namespace agencygraph::detail
