#include "text/html_entities.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "text/html_markup.hpp"

namespace agencygraph::detail::html {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code;
};

// The entities met on Chinese government pages, and the common typographic ones.
constexpr NamedEntity kNamedEntities[] = {
    {"nbsp", 0xA0},    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},    {"ldquo", 0x201C},  {"rdquo", 0x201D},   {"lsquo", 0x2018},   {"rsquo", 0x2019},
    {"bdquo", 0x201E}, {"sbquo", 0x201A},  {"laquo", 0xAB},     {"raquo", 0xBB},     {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"mdash", 0x2014}, {"ndash", 0x2013},   {"hellip", 0x2026},  {"middot", 0xB7},
    {"bull", 0x2022},  {"ensp", 0x2002},   {"emsp", 0x2003},    {"thinsp", 0x2009},  {"zwsp", 0x200B},
    {"zwnj", 0x200C},  {"zwj", 0x200D},    {"shy", 0xAD},       {"times", 0xD7},     {"divide", 0xF7},
    {"plusmn", 0xB1},  {"minus", 0x2212},  {"le", 0x2264},      {"ge", 0x2265},      {"ne", 0x2260},
    {"asymp", 0x2248}, {"infin", 0x221E},  {"radic", 0x221A},   {"deg", 0xB0},       {"permil", 0x2030},
    {"prime", 0x2032}, {"Prime", 0x2033},  {"micro", 0xB5},     {"sup1", 0xB9},      {"sup2", 0xB2},
    {"sup3", 0xB3},    {"frac12", 0xBD},   {"frac14", 0xBC},    {"frac34", 0xBE},    {"copy", 0xA9},
    {"reg", 0xAE},     {"trade", 0x2122},  {"sect", 0xA7},      {"para", 0xB6},      {"yen", 0xA5},
    {"cent", 0xA2},    {"pound", 0xA3},    {"euro", 0x20AC},    {"larr", 0x2190},    {"rarr", 0x2192},
    {"uarr", 0x2191},  {"darr", 0x2193},
};

std::optional<char32_t> named_entity(std::string_view name) {
  for (const NamedEntity& entity : kNamedEntities)
    if (entity.name == name) return entity.code;
  return std::nullopt;
}

// &#128;-&#159; name Windows-1252 characters on old pages (&#147; is “), as browsers read them.
constexpr std::array<char16_t, 32> kWindows1252 = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

char32_t numeric_reference(std::uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  if (value >= 0x80 && value <= 0x9F) return kWindows1252[value - 0x80];
  return value;
}

}  // namespace

Entity read_entity(std::string_view s, std::size_t at, std::size_t end) {
  std::size_t i = at + 1;
  if (i < end && s[i] == '#') {
    ++i;
    const bool hex = i < end && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t first = i;
    std::uint32_t value = 0;
    for (; i < end; ++i) {
      const char c = lower(s[i]);
      const bool digit = is_digit(c) || (hex && c >= 'a' && c <= 'f');
      if (!digit) break;
      const std::uint32_t d = is_digit(c) ? static_cast<std::uint32_t>(c - '0') : static_cast<std::uint32_t>(c - 'a' + 10);
      value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + d, 0x110000);  // saturates: out of range either way
    }
    if (i == first) return {};
    if (i < end && s[i] == ';') ++i;
    return {numeric_reference(value), i - at};
  }
  while (i < end && is_alnum(s[i]) && i - at <= 32) ++i;
  const std::string_view name = s.substr(at + 1, i - at - 1);
  if (i < end && s[i] == ';') {
    if (const std::optional<char32_t> code = named_entity(name)) return {*code, i + 1 - at};
    return {};
  }
  // Sloppy pages write &nbsp without the semicolon; browsers read these few so, unless a letter,
  // digit or '=' follows (a URL's query: &ltype=1).
  const bool legacy = is_one_of(name, {"nbsp", "amp", "lt", "gt", "quot"});
  if (legacy && (i >= end || (!is_alnum(s[i]) && s[i] != '=')))
    return {*named_entity(name), i - at};
  return {};
}

}  // namespace agencygraph::detail::html
