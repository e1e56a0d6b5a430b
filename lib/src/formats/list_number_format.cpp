#include "formats/list_number_format.hpp"

#include <array>

#include "agencygraph/fold.hpp"

namespace agencygraph::detail {
namespace {

// Chinese counting: 一 … 十, 十一, 二十, 一百零一, 一千零一十, 一万 (as chineseCounting and
// chineseCountingThousand write them: a leading 一 before 十 is dropped below twenty, unless
// `keep_one`, as the legal forms write 壹拾贰).
std::string chinese_counting(long value, const std::array<std::string_view, 10>& digits,
                             const std::array<std::string_view, 4>& units, std::string_view ten_thousand,
                             bool keep_one = false) {
  if (value == 0) return std::string(digits[0]);
  std::string out;
  if (value >= 10000) {
    out = chinese_counting(value / 10000, digits, units, ten_thousand, keep_one);
    out += ten_thousand;
    value %= 10000;
    if (value == 0) return out;
    if (value < 1000) out += digits[0];
  }
  const bool below_twenty = !keep_one && out.empty() && value >= 10 && value < 20;
  bool zero_pending = false;
  bool written = false;
  for (int place = 3; place >= 0; --place) {
    long unit = 1;
    for (int k = 0; k < place; ++k) unit *= 10;
    const long digit = value / unit % 10;
    if (digit == 0) {
      zero_pending = written;
      continue;
    }
    if (zero_pending) out += digits[0];
    zero_pending = false;
    if (!(below_twenty && place == 1)) out += digits[static_cast<std::size_t>(digit)];
    out += units[static_cast<std::size_t>(place)];
    written = true;
  }
  return out;
}

std::string from_table(long value, std::u32string_view symbols, bool cycle) {
  if (value >= 1 && (cycle || value <= static_cast<long>(symbols.size()))) {
    std::string out;
    append_utf8(out, symbols[static_cast<std::size_t>((value - 1) % static_cast<long>(symbols.size()))]);
    return out;
  }
  return std::to_string(value);
}

std::string enclosed(long value, char32_t first, long last) {
  if (value < 1 || value > last) return std::to_string(value);
  std::string out;
  append_utf8(out, first + static_cast<char32_t>(value - 1));
  return out;
}

std::string roman(long value, bool upper) {
  if (value < 1 || value > 3999) return std::to_string(value);
  static constexpr std::array<std::pair<long, std::string_view>, 13> kNumerals = {{{1000, "m"}, {900, "cm"}, {500, "d"},
      {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::string out;
  for (const auto& [amount, numeral] : kNumerals)
    for (; value >= amount; value -= amount) out += numeral;
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Word's letters: a … z, then aa … zz, aaa …: the letter repeated, not base 26.
std::string letters(long value, bool upper) {
  if (value < 1 || value > 780) return std::to_string(value);
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  return std::string(static_cast<std::size_t>((value - 1) / 26 + 1), letter);
}

std::string full_width_digits(long value) {
  std::string out;
  for (char c : std::to_string(value)) append_utf8(out, c == '-' ? U'－' : U'０' + static_cast<char32_t>(c - '0'));
  return out;
}

std::string digit_by_digit(long value, const std::array<std::string_view, 10>& digits) {
  std::string out;
  for (char c : std::to_string(value)) out += c == '-' ? std::string_view("-") : digits[static_cast<std::size_t>(c - '0')];
  return out;
}

constexpr std::array<std::string_view, 10> kChineseDigits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 10> kCountingDigits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<std::string_view, 4> kCountingUnits = {"", "十", "百", "千"};
constexpr std::array<std::string_view, 10> kLegalDigits = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<std::string_view, 4> kLegalUnits = {"", "拾", "佰", "仟"};
constexpr std::array<std::string_view, 10> kLegalTraditionalDigits = {"零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"};

}  // namespace

std::string format_list_number(std::string_view format, long value) {
  if (format == "none" || format == "bullet") return "";
  if (value < 0) return std::to_string(value);
  if (format == "decimalZero") return (value < 10 ? "0" : "") + std::to_string(value);
  if (format == "upperRoman" || format == "lowerRoman") return roman(value, format == "upperRoman");
  if (format == "upperLetter" || format == "lowerLetter") return letters(value, format == "upperLetter");
  if (format == "chineseCounting" || format == "chineseCountingThousand" || format == "japaneseCounting" ||
      format == "taiwaneseCounting" || format == "taiwaneseCountingThousand")
    return value == 0 ? "〇" : chinese_counting(value, kCountingDigits, kCountingUnits, "万");
  if (format == "chineseLegalSimplified") return chinese_counting(value, kLegalDigits, kLegalUnits, "万", true);
  if (format == "ideographLegalTraditional")
    return chinese_counting(value, kLegalTraditionalDigits, kLegalUnits, "萬", true);
  if (format == "ideographDigital" || format == "taiwaneseDigital" || format == "japaneseDigitalTenThousand")
    return digit_by_digit(value, kChineseDigits);
  if (format == "ideographTraditional") return from_table(value, U"甲乙丙丁戊己庚辛壬癸", true);
  if (format == "ideographZodiac") return from_table(value, U"子丑寅卯辰巳午未申酉戌亥", true);
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese" || format == "ideographEnclosedCircle")
    return enclosed(value, U'①', 20);
  if (format == "decimalEnclosedParen") return enclosed(value, U'⑴', 20);
  if (format == "decimalEnclosedFullstop") return enclosed(value, U'⒈', 20);
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") return full_width_digits(value);
  return std::to_string(value);
}

}  // namespace agencygraph::detail
