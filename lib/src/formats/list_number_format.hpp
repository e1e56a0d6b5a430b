// A list counter written as Word writes it for a numbering format (w:numFmt): 3 is "3" in decimal,
// "三" in chineseCounting, "③" in decimalEnclosedCircle, "丙" in ideographTraditional, "c" in
// lowerLetter. Task numbers in 分工方案 are very often such automatic numbers rather than typed text.
#pragma once

#include <string>
#include <string_view>

namespace agencygraph::detail {

// `value` in the format named by the w:numFmt value `format` ([ECMA-376] ST_NumberFormat). "none"
// and "bullet" give nothing (a bullet's lvlText is a symbol, not a number); formats not known here,
// and values a format has no symbol for (㉑ is not in decimalEnclosedCircle's range), give decimal
// digits, as Word falls back to.
std::string format_list_number(std::string_view format, long value);

}  // namespace agencygraph::detail
