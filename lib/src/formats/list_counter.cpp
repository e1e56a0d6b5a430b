#include "formats/list_counter.hpp"

#include <algorithm>

#include "formats/list_number_format.hpp"

namespace agencygraph::detail {
namespace {

// Counters stay far from overflow whatever start value a file gives.
constexpr long kMaxCounter = 1'000'000'000;

}  // namespace

void ListCounter::start_at(int level, long value) {
  const auto slot = static_cast<std::size_t>(std::clamp(level, 0, kListLevels - 1));
  value_[slot] = std::clamp(value, 0L, kMaxCounter) - 1;
  used_[slot] = true;
}

std::string ListCounter::next(const ListLevels& levels, int level) {
  const int at = std::clamp(level, 0, kListLevels - 1);
  const ListLevel& shown_level = *levels[static_cast<std::size_t>(at)];
  const auto slot = static_cast<std::size_t>(at);
  if (!used_[slot]) {
    value_[slot] = std::clamp(shown_level.start, 0L, kMaxCounter);
    used_[slot] = true;
  } else if (value_[slot] < kMaxCounter) {
    ++value_[slot];
  }
  for (int k = at + 1; k < kListLevels; ++k) {
    const int after = levels[static_cast<std::size_t>(k)]->restart_after;
    const bool restarts = after == -1 || (after >= 0 && (after >= k || at <= after));
    if (restarts) used_[static_cast<std::size_t>(k)] = false;
  }
  if (shown_level.format == "bullet") return "";
  const std::string& pattern = shown_level.text;
  std::string text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
      const auto shown = static_cast<std::size_t>(pattern[++i] - '1');
      const ListLevel& of = *levels[shown];
      const long value = used_[shown] ? value_[shown] : std::clamp(of.start, 0L, kMaxCounter);
      text += format_list_number(shown_level.legal ? "decimal" : std::string_view(of.format), value);
    } else {
      text += c;
    }
  }
  if (!text.empty()) text += shown_level.suffix;
  return text;
}

}  // namespace agencygraph::detail
