#include "letter_spacing.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace agencygraph::detail {
namespace {

// A separator's length in bytes at s[i]: 1 for a space, 3 for U+3000, 2 for U+00A0; 0 for none.
std::size_t separator_at(std::string_view s, std::size_t i) {
  if (s[i] == ' ') return 1;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  return 0;
}

// Whether a separator ends just before byte p.
bool separator_before(std::string_view s, std::size_t p) {
  return (p >= 1 && s[p - 1] == ' ') || (p >= 3 && s.substr(p - 3, 3) == "\xE3\x80\x80") ||
         (p >= 2 && s.substr(p - 2, 2) == "\xC2\xA0");
}

// Whether s[i, i+3) is an ideograph (U+3400..U+9FFF: lead byte E3 B4.. to E9).
bool ideograph_at(std::string_view s, std::size_t i) {
  if (i + 3 > s.size()) return false;
  const auto lead = static_cast<unsigned char>(s[i]);
  const auto second = static_cast<unsigned char>(s[i + 1]);
  if (lead < 0xE3 || lead > 0xE9) return false;
  if (lead == 0xE3 && second < 0x90) return false;  // U+3000..U+33FF: punctuation and symbols
  return (second & 0xC0) == 0x80 && (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80;
}

// Whether an ideograph ending at byte `end` stands alone: nothing before it, or no ideograph.
bool single_before(std::string_view s, std::size_t end) {
  if (end < 3 || !ideograph_at(s, end - 3)) return false;
  return end < 6 || !ideograph_at(s, end - 6);
}

bool single_after(std::string_view s, std::size_t begin) {
  return ideograph_at(s, begin) && !ideograph_at(s, begin + 3);
}

// A gap between two single ideographs: bytes [begin, end) to drop.
struct Gap {
  std::size_t begin;
  std::size_t end;
};

// The gap starting at p (a separator's first byte), if it is one: one to three separators, with a
// single ideograph on both sides.
bool read_gap(std::string_view s, std::size_t p, Gap& gap) {
  constexpr int kMostSeparators = 3;
  if (separator_before(s, p)) return false;  // not the gap's first separator
  std::size_t q = p;
  for (int n = 0; n < kMostSeparators && q < s.size(); ++n) {
    const std::size_t length = separator_at(s, q);
    if (length == 0) break;
    q += length;
  }
  if (q == p || (q < s.size() && separator_at(s, q) != 0)) return false;
  if (!single_before(s, p) || !single_after(s, q)) return false;
  gap = {p, q};
  return true;
}

// Every gap between single ideographs, in order of position.
std::vector<Gap> gaps_between_singles(std::string_view s) {
  std::vector<Gap> gaps;
  Gap gap{};
  for (std::string_view separator : {std::string_view(" "), std::string_view("\xE3\x80\x80"), std::string_view("\xC2\xA0")})
    for (std::size_t p = s.find(separator); p != std::string_view::npos; p = s.find(separator, p + 1))
      if (read_gap(s, p, gap)) gaps.push_back(gap);
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.begin < b.begin; });
  return gaps;
}

// 序 号 and the like: column names of two characters that a header spreads over its cell.
bool is_short_column_name(std::string_view first, std::string_view second) {
  for (std::string_view name : {"序号", "备注", "时限", "编号", "任务", "措施", "内容"})
    if (name.substr(0, 3) == first && name.substr(3) == second) return true;
  return false;
}

}  // namespace

void close_up_letter_spacing(std::string& utf8) {
  const std::vector<Gap> gaps = gaps_between_singles(utf8);
  if (gaps.empty()) return;
  // Runs of gaps, each gap's right-hand ideograph being the next one's left-hand ideograph, and all
  // as wide: a wider gap is the next cell's (序 号   工 作 任 务 is two words).
  const auto same_word = [&](const Gap& a, const Gap& b) {
    return a.end + 3 == b.begin && a.end - a.begin == b.end - b.begin;
  };
  std::vector<Gap> dropped;
  for (std::size_t k = 0; k < gaps.size();) {
    std::size_t last = k;
    while (last + 1 < gaps.size() && same_word(gaps[last], gaps[last + 1])) ++last;
    const bool word = last > k || is_short_column_name(std::string_view(utf8).substr(gaps[k].begin - 3, 3),
                                                       std::string_view(utf8).substr(gaps[k].end, 3));
    if (word) dropped.insert(dropped.end(), gaps.begin() + static_cast<std::ptrdiff_t>(k), gaps.begin() + static_cast<std::ptrdiff_t>(last) + 1);
    k = last + 1;
  }
  if (dropped.empty()) return;
  std::size_t kept = dropped.front().begin;
  for (std::size_t g = 0; g < dropped.size(); ++g) {
    const std::size_t from = dropped[g].end;
    const std::size_t to = g + 1 < dropped.size() ? dropped[g + 1].begin : utf8.size();
    std::copy(utf8.begin() + static_cast<std::ptrdiff_t>(from), utf8.begin() + static_cast<std::ptrdiff_t>(to),
              utf8.begin() + static_cast<std::ptrdiff_t>(kept));
    kept += to - from;
  }
  utf8.resize(kept);
}

}  // namespace agencygraph::detail
