// The counters of one automatically numbered Word list, and the number text Word draws before its
// next paragraph: shared by the DOCX reader (numbering.xml) and the DOC reader (the LST and LFO
// tables), which differ only in where they find a list's levels.
//
// A list has up to nine levels. A paragraph of level L advances L's counter (or starts it at the
// level's start value) and restarts the counters of the levels below it that restart after L, as
// Word does ([MS-OI29500] on w:lvlRestart: a level restarts when the level named or any level above
// it is used). The number text shows the counters of the levels it names ("%1.%2.").
#pragma once

#include <array>
#include <string>

namespace agencygraph::detail {

constexpr int kListLevels = 9;

// One level of a list, as both formats describe it.
struct ListLevel {
  long start = 1;
  std::string format = "decimal";  // a w:numFmt name ([ECMA-376] ST_NumberFormat), as format_list_number() takes
  std::string text;                // the number text: "%N" stands for level N's number (N 1-9), the rest is literal
  int restart_after = -1;          // -1: restarts when any level above is used; -2: never; k >= 0: when a level 0..k is
  bool legal = false;              // every number of the text in decimal (w:isLgl, LVLF.fLegal)
  std::string suffix = " ";        // what follows the number: a tab or a space is one space, or nothing
};

// The levels a paragraph's list has, the instance's overrides applied; none is null.
using ListLevels = std::array<const ListLevel*, kListLevels>;

class ListCounter {
 public:
  // The next number `level` shows is `value` (a start override).
  void start_at(int level, long value);

  // The number text of the next paragraph of `level` (clamped to 0-8) followed by its suffix, the
  // counters advanced: "3. ", "（二）", "" for a bullet or an empty text.
  std::string next(const ListLevels& levels, int level);

 private:
  std::array<long, kListLevels> value_{};
  std::array<bool, kListLevels> used_{};
};

}  // namespace agencygraph::detail
