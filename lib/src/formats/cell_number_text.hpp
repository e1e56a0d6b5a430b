// A number cell of an Excel 97-2003 workbook as text: plain numbers as the shortest text that reads
// back as the same double ("52", "0.1"), and numbers whose number format shows a date or a time as
// ISO text, as the reader has always given them ("2023-12-31", "2023-12-31 08:30:00", "08:30:00").
// A task table's 完成时限 column is often a date cell; its serial number (45291) would mean nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace agencygraph::detail {

enum class DateKind { None, Date, Time, DateTime };

// The kind of a number format that Excel builds in and the workbook need not define ([MS-XLS]
// 2.5.165): 14-17 dates, 18-21 and 45-47 times, 22 a date and time; and those of the Chinese
// Excel, 27-36 and 50-58, which a Chinese workbook uses without a FORMAT record. None for any other
// index.
DateKind builtin_date_kind(std::uint16_t format_index);

// The kind of a number format string (a FORMAT record's): a date when it holds a year, day or
// month code, a time when it holds an hour or second code (m next to them, or in [mm], is
// minutes), both for both. Text in quotes, escaped characters (\x, _x, *x), colours, locales and
// conditions in brackets and AM/PM markers hold no codes.
DateKind format_date_kind(std::string_view format);

// The shortest text that reads back as `value`; empty for infinities and NaN.
std::string number_text(double value);

// `serial`, a day count in the workbook's date system (1904: days since 1904-01-01; else Excel's
// days since 1899-12-31, with its 1900-02-29), as text of `kind` (not None). Numbers no date
// shows (before the system's first day, after 9999-12-31) are given as number_text().
std::string date_text(double serial, DateKind kind, bool date_1904);

}  // namespace agencygraph::detail
