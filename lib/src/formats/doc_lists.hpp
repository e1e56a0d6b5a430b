// Automatic list numbers of a Word 97-2003 document (.doc): the "3." "（二）" Word draws before a
// numbered paragraph, which is not in the paragraph's text. Government documents written by Word or
// WPS number their tasks, their headings and a table's 序号 column this way as often as by hand.
//
// [MS-DOC] keeps lists in the table stream. PlfLst (FIB fcPlfLst) holds one LSTF per list, and
// after it each list's levels, one LVL each (nine, or one for a simple list): the start value, the
// number format (nfc, an MSONFC), the number text (xst, in which the characters rgbxchNums points
// to stand for a level's number), what follows the number (ixchFollow) and when the level restarts
// (fNoRestart, ilvlRestartLim). PlfLfo (fcPlfLfo) holds the list format overrides (LFO) paragraphs
// name by sprmPIlfo: each is one list's, and may override a level's start (LFOLVL.fStartAt) or the
// whole level (fFormatting). The overrides of one list share its counters, as in Word; an override's
// start applies where the override is first used. Counting and number text: list_counter.hpp, as the
// DOCX reader counts.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/list_counter.hpp"

namespace agencygraph::detail {

// An (fc, lcb) pair of the FIB: where a structure starts in the table stream and its size.
using TableRange = std::pair<std::uint32_t, std::uint32_t>;

class DocLists {
 public:
  DocLists() = default;  // a document without lists

  // The lists of `table` (the table stream) from PlfLst at `lists` and PlfLfo at `overrides`. Tables
  // a reader cannot trust (lengths beyond the stream, counts the sizes do not hold) are left out
  // whole: no number is drawn, and warning() says why.
  DocLists(std::string_view table, TableRange lists, TableRange overrides);

  // Why the lists were left out; empty when they were read (or there are none).
  const std::string& warning() const { return warning_; }

  // The number text of the next paragraph whose list format override is `override_index` (sprmPIlfo,
  // 1-based) at `level` (sprmPIlvl), with what follows it (a tab or a space become one space), the
  // counters advanced; "" when the paragraph is not numbered, is a bullet, or names no list.
  std::string next(int override_index, int level);

 private:
  struct List {
    std::array<ListLevel, kListLevels> levels;
    bool simple = false;  // one level only
  };
  struct LevelOverride {
    std::size_t level = 0;
    std::optional<long> start;       // fStartAt
    std::optional<ListLevel> format;  // fFormatting: the whole level
  };
  struct Override {
    std::optional<std::size_t> list;     // index into lists_; none when its lsid names no list
    std::vector<LevelOverride> levels;  // most overrides have none
    bool used = false;
  };

  void read(std::string_view table, TableRange lists, TableRange overrides);

  std::vector<List> lists_;
  std::vector<Override> overrides_;
  std::map<std::size_t, ListCounter> counters_;  // by list
  std::string warning_;
};

}  // namespace agencygraph::detail
