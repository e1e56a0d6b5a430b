#include "formats/cell_number_text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace agencygraph::detail {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Civil {
  long long year;
  unsigned month, day;
};

Civil civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<long long>(yoe) + era * 400 + (m <= 2), m, d};
}

// The calendar date of whole day `day` in the workbook's date system; year 0 for a day before the
// system's first.
Civil excel_date(long long day, bool date_1904) {
  if (date_1904) return day < 0 ? Civil{0, 0, 0} : civil_from_days(days_from_civil(1904, 1, 1) + day);
  // Excel counts 1900-02-29, which was no day, as serial 60 (Lotus 1-2-3's leap year): the days
  // after it are one further from 1899-12-31 than the calendar says.
  if (day < 1) return {0, 0, 0};
  if (day == 60) return {1900, 2, 29};
  return civil_from_days(days_from_civil(1899, 12, 31) + day - (day > 60 ? 1 : 0));
}

}  // namespace

DateKind builtin_date_kind(std::uint16_t format_index) {
  switch (format_index) {
    case 14: case 15: case 16: case 17:
    case 27: case 28: case 29: case 30: case 31: case 36:
    case 50: case 51: case 52: case 53: case 54: case 57: case 58: return DateKind::Date;
    case 18: case 19: case 20: case 21: case 45: case 46: case 47:
    case 32: case 33: case 34: case 35: case 55: case 56: return DateKind::Time;
    case 22: return DateKind::DateTime;
    default: return DateKind::None;
  }
}

DateKind format_date_kind(std::string_view format) {
  bool year_or_day = false, month_or_minute = false, hour_or_second = false;
  for (std::size_t k = 0; k < format.size(); ++k) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(format[k])));
    if (c == '"') {
      const std::size_t close = format.find('"', k + 1);
      k = close == std::string_view::npos ? format.size() : close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++k;  // the next character is shown (or spaced, or repeated), not read as a code
    } else if (c == '[') {
      const std::size_t close = format.find(']', k + 1);
      const std::string_view inside = format.substr(k + 1, close == std::string_view::npos ? 0 : close - k - 1);
      // [h], [mm], [ss]: elapsed time; anything else ([Red], [$-804], [DBNum1], [>100]) holds no code.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) hour_or_second = true;
      k = close == std::string_view::npos ? format.size() : close;
    } else if (format.substr(k, 5) == "AM/PM" || format.substr(k, 5) == "am/pm") {
      k += 4;
    } else if (format.substr(k, 3) == "A/P" || format.substr(k, 3) == "a/p") {
      k += 2;
    } else if (c == 'y' || c == 'd') {
      year_or_day = true;
    } else if (c == 'h' || c == 's') {
      hour_or_second = true;
    } else if (c == 'm') {
      month_or_minute = true;
    }
  }
  // m is a month unless the format holds hours or seconds and no year or day ("mm:ss", "h:mm").
  const bool date = year_or_day || (month_or_minute && !hour_or_second);
  if (date && hour_or_second) return DateKind::DateTime;
  if (date) return DateKind::Date;
  return hour_or_second ? DateKind::Time : DateKind::None;
}

std::string number_text(double value) {
  if (!std::isfinite(value)) return "";
  char text[32];
  const auto [end, error] = std::to_chars(text, text + sizeof text, value);
  return error == std::errc() ? std::string(text, end) : std::string();
}

std::string date_text(double serial, DateKind kind, bool date_1904) {
  // No date or time shows a serial beyond 9999-12-31; such a cell holds a number, shown as one.
  if (!std::isfinite(serial) || serial < 0 || serial >= 3'000'000 || kind == DateKind::None) return number_text(serial);
  // A date shows the day the serial falls in; a time rounds to the second, which may be the next day.
  const auto seconds = kind == DateKind::Date ? static_cast<long long>(std::floor(serial)) * 86400
                                              : std::llround(serial * 86400.0);
  const long long day = seconds / 86400, second = seconds % 86400;
  char text[48];
  const auto hms = [&](char* out, std::size_t size) {
    std::snprintf(out, size, "%02lld:%02lld:%02lld", second / 3600, second / 60 % 60, second % 60);
  };
  if (kind == DateKind::Time) {
    hms(text, sizeof text);
    return text;
  }
  const Civil date = excel_date(day, date_1904);
  if (date.year < 1900 || date.year > 9999) return number_text(serial);
  const int n = std::snprintf(text, sizeof text, "%04lld-%02u-%02u", date.year, date.month, date.day);
  if (kind == DateKind::DateTime && n > 0) {
    text[n] = ' ';
    hms(text + n + 1, sizeof text - static_cast<std::size_t>(n) - 1);
  }
  return text;
}

}  // namespace agencygraph::detail
