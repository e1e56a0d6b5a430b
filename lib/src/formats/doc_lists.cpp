#include "formats/doc_lists.hpp"

#include <algorithm>
#include <vector>

#include "agencygraph/fold.hpp"
#include "formats/format_error.hpp"
#include "formats/little_endian.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::size_t kLstfBytes = 28;   // LSTF
constexpr std::size_t kLvlfBytes = 28;   // LVLF, the fixed start of an LVL
constexpr std::size_t kLfoBytes = 16;    // LFO
constexpr std::size_t kLfoLvlBytes = 8;  // LFOLVL, before its LVL when fFormatting

// The w:numFmt name of an MSONFC ([MS-OSHARED] 2.2.1.3 gives the pairs), for format_list_number().
// Formats it does not know (and codes past the table) are drawn in decimal, as Word falls back to.
std::string_view format_name(unsigned nfc) {
  static constexpr std::string_view kNames[] = {
      "decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "cardinalText", "ordinalText",
      "hex", "chicago", "ideographDigital", "japaneseCounting", "aiueo", "iroha", "decimalFullWidth",
      "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand", "decimalEnclosedCircle", "decimalFullWidth2",
      "aiueoFullWidth", "irohaFullWidth", "decimalZero", "bullet", "ganada", "chosung", "decimalEnclosedFullstop",
      "decimalEnclosedParen", "decimalEnclosedCircleChinese", "ideographEnclosedCircle", "ideographTraditional",
      "ideographZodiac", "ideographZodiacTraditional", "taiwaneseCounting", "ideographLegalTraditional",
      "taiwaneseCountingThousand", "taiwaneseDigital", "chineseCounting", "chineseLegalSimplified",
      "chineseCountingThousand"};
  if (nfc == 0xFF) return "none";
  return nfc < std::size(kNames) ? kNames[nfc] : "decimal";
}

// A bounds-checked walk over the table stream: every read past its end throws FormatError.
class Cursor {
 public:
  Cursor(std::string_view bytes, std::size_t at) : bytes_(bytes), at_(at) {}

  std::string_view take(std::size_t length, const char* what) {
    if (!fits(bytes_, at_, length)) throw FormatError(std::string(what) + " beyond the table stream");
    const std::string_view out = bytes_.substr(at_, length);
    at_ += length;
    return out;
  }

 private:
  std::string_view bytes_;
  std::size_t at_;
};

// The number text of an LVL's xst: UTF-16 characters, those at the one-based offsets of rgbxchNums
// (ascending, zero-terminated) standing for the number of the level they hold (0-8), written "%N"
// as w:lvlText writes level N-1's number.
std::string number_text(std::string_view xst, std::string_view placeholders) {
  std::vector<bool> is_placeholder(xst.size() / 2, false);
  for (const char offset : placeholders) {
    const auto k = static_cast<unsigned char>(offset);
    if (k == 0) break;
    if (k <= is_placeholder.size()) is_placeholder[k - 1] = true;
  }
  std::string text;
  for (std::size_t i = 0; i < is_placeholder.size(); ++i) {
    char32_t c = u16(xst, 2 * i);
    if (is_placeholder[i]) {
      if (c < static_cast<char32_t>(kListLevels)) {
        text += '%';
        text += static_cast<char>('1' + c);
      }
      continue;
    }
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < is_placeholder.size()) {
      const char32_t low = u16(xst, 2 * (i + 1));
      if (low >= 0xDC00 && low < 0xE000) {
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        ++i;
      }
    }
    if (c >= 0xD800 && c < 0xE000) c = 0xFFFD;
    append_utf8(text, c);
  }
  return text;
}

// An LVL: its LVLF, the paragraph and character properties of the number (not needed for its
// text), and its xst.
ListLevel read_level(Cursor& in) {
  const std::string_view lvlf = in.take(kLvlfBytes, "a list level (LVLF)");
  ListLevel level;
  level.start = static_cast<std::int32_t>(u32(lvlf, 0));
  const auto nfc = static_cast<unsigned char>(lvlf[4]);
  level.format = std::string(format_name(nfc));
  const auto flags = static_cast<unsigned char>(lvlf[5]);  // jc (2 bits), fLegal, fNoRestart, …
  level.legal = (flags & 0x04) != 0;
  if ((flags & 0x08) != 0) {
    // fNoRestart: the level restarts only after a level above ilvlRestartLim; 0 never.
    const int limit = static_cast<unsigned char>(lvlf[26]);
    level.restart_after = limit == 0 ? -2 : std::min(limit, kListLevels) - 1;
  }
  if (static_cast<unsigned char>(lvlf[15]) == 2) level.suffix.clear();  // ixchFollow: tab, space (one space), nothing
  const std::size_t properties = static_cast<std::size_t>(static_cast<unsigned char>(lvlf[24])) +
                                 static_cast<unsigned char>(lvlf[25]);  // cbGrpprlChpx, cbGrpprlPapx
  in.take(properties, "a list level's properties");
  const std::size_t characters = u16(in.take(2, "a list level's number text"), 0);
  level.text = number_text(in.take(2 * characters, "a list level's number text"), lvlf.substr(6, 9));
  return level;
}

}  // namespace

DocLists::DocLists(std::string_view table, TableRange lists, TableRange overrides) {
  if (lists.second == 0 || overrides.second == 0) return;  // no lists, or no paragraph can use them
  try {
    read(table, lists, overrides);
  } catch (const FormatError& error) {
    lists_.clear();
    overrides_.clear();
    warning_ = std::string("list tables damaged (") + error.what() + "): automatic list numbers not drawn";
  }
}

void DocLists::read(std::string_view table, TableRange lists, TableRange overrides) {
  // PlfLst: cLst, then cLst LSTFs, which lcbPlfLst must hold; the LVLs follow it.
  Cursor in(table, lists.first);
  const auto count = static_cast<std::int16_t>(u16(in.take(2, "the list table (PlfLst)"), 0));
  if (count < 0 || 2 + kLstfBytes * static_cast<std::size_t>(count) > lists.second)
    throw FormatError("the list table (PlfLst) holds fewer lists than it counts");
  std::vector<std::uint32_t> ids;
  for (std::int16_t k = 0; k < count; ++k) {
    const std::string_view lstf = in.take(kLstfBytes, "a list (LSTF)");
    ids.push_back(u32(lstf, 0));  // lsid
    lists_.push_back({{}, (static_cast<unsigned char>(lstf[26]) & 0x01) != 0});  // fSimpleList
  }
  for (List& list : lists_)
    for (int k = 0; k < (list.simple ? 1 : kListLevels); ++k) list.levels[static_cast<std::size_t>(k)] = read_level(in);

  // PlfLfo: lfoMac LFOs, then as many LFOData, each with its LFO's count of LFOLVLs.
  Cursor overriding(table, overrides.first);
  const std::uint32_t mac = u32(overriding.take(4, "the list overrides (PlfLfo)"), 0);
  if (mac > (overrides.second - std::min<std::uint32_t>(overrides.second, 4)) / kLfoBytes ||
      !fits(table, overrides.first + std::size_t{4}, kLfoBytes * std::size_t{mac}))
    throw FormatError("the list overrides (PlfLfo) hold fewer overrides than they count");
  std::vector<std::size_t> level_counts;
  for (std::uint32_t k = 0; k < mac; ++k) {
    const std::string_view lfo = overriding.take(kLfoBytes, "a list override (LFO)");
    Override entry;
    const auto list = std::find(ids.begin(), ids.end(), u32(lfo, 0));
    if (list != ids.end()) entry.list = static_cast<std::size_t>(list - ids.begin());
    overrides_.push_back(std::move(entry));
    level_counts.push_back(static_cast<unsigned char>(lfo[12]));  // clfolvl
  }
  for (std::uint32_t k = 0; k < mac; ++k) {
    Override& entry = overrides_[k];
    overriding.take(4, "a list override's data (LFOData)");  // cp of its first paragraph
    for (std::size_t j = 0; j < level_counts[k]; ++j) {
      const std::string_view lfolvl = overriding.take(kLfoLvlBytes, "a list level override (LFOLVL)");
      const std::uint32_t flags = u32(lfolvl, 4);
      LevelOverride& override_level = entry.levels.emplace_back();
      override_level.level = std::min<std::uint32_t>(flags & 0x0F, kListLevels - 1);  // iLvl
      const bool start_at = (flags & 0x10) != 0, formatting = (flags & 0x20) != 0;
      if (formatting) {
        // A whole level in place of the list's; with fStartAt, its start restarts the level.
        override_level.format = read_level(overriding);
        if (start_at) override_level.start = override_level.format->start;
      } else if (start_at) {
        override_level.start = static_cast<std::int32_t>(u32(lfolvl, 0));
      }
    }
  }
}

std::string DocLists::next(int override_index, int level) {
  if (override_index < 1 || static_cast<std::size_t>(override_index) > overrides_.size()) return "";
  Override& entry = overrides_[static_cast<std::size_t>(override_index) - 1];
  if (!entry.list) return "";
  const List& list = lists_[*entry.list];
  ListCounter& counter = counters_[*entry.list];
  ListLevels levels{};
  for (std::size_t k = 0; k < levels.size(); ++k) levels[k] = &list.levels[k];
  for (const LevelOverride& override_level : entry.levels)
    if (override_level.format) levels[override_level.level] = &*override_level.format;
  if (!entry.used) {
    entry.used = true;
    for (const LevelOverride& override_level : entry.levels)
      if (override_level.start) counter.start_at(static_cast<int>(override_level.level), *override_level.start);
  }
  return counter.next(levels, list.simple ? 0 : std::clamp(level, 0, kListLevels - 1));
}

}  // namespace agencygraph::detail
