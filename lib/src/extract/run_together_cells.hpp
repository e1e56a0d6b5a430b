// The words of a table whose rows' cells ran together after its column names, as a PDF preview
// prints a table on one line (… 牵头部门 主责单位 协办单位 时限 一 空气质量目标 市交通委 , 在完成…基础上
// 全市及各区尽 市生态环境局 …): which column a word came from is lost, and so is which line of a cell
// it was. Only words that are certainly units are read as units.
#pragma once

#include "u32.hpp"

#include <string_view>
#include <vector>

namespace agencygraph::detail {

// The words of s[list]: cut at spaces and at , ; 。 、 : (a cell's lines interleave with the other
// cells' lines, so a sentence's full stop ends nothing in particular). Brackets stay in their words.
std::vector<Range> run_together_words(std::u32string_view s, Range list);

enum class RunTogetherWord {
  Unit,      // ends like an agency and is none of the words below
  Deadline,  // 年底前, 2021年6月底前
  Blank,     // brackets and punctuation alone: ( ), 、
  Other,     // task text, another column's words, notes about a unit (含…, 等部门), places (全市, 值区)
};

RunTogetherWord classify_run_together_word(std::u32string_view word);

}  // namespace agencygraph::detail
