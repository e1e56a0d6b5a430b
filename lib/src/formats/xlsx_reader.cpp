#include "formats/xlsx_reader.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "agencygraph/fold.hpp"
#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"
#include "formats/ooxml_package.hpp"
#include "formats/sheet_layout.hpp"
#include "formats/xml_names.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::string_view kSheetTransitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kSheetStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr std::string_view kRelationshipsTransitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kRelationshipsStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

constexpr std::size_t kMaxColumn = 16384;    // XFD
constexpr std::size_t kMaxRow = 1048576;

// A cell reference "AB12" as 0-based (row, column); std::nullopt when it is not one.
std::optional<std::pair<std::size_t, std::size_t>> cell_reference(std::string_view text) {
  std::size_t i = 0, column = 0, row = 0;
  while (i < text.size() && text[i] == '$') ++i;
  const std::size_t letters_begin = i;
  for (; i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z')); ++i) {
    column = column * 26 + static_cast<std::size_t>((text[i] | 0x20) - 'a' + 1);
    if (column > kMaxColumn) return std::nullopt;
  }
  if (i == letters_begin) return std::nullopt;
  if (i < text.size() && text[i] == '$') ++i;
  const std::size_t digits_begin = i;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    row = row * 10 + static_cast<std::size_t>(text[i] - '0');
    if (row > kMaxRow) return std::nullopt;
  }
  if (i == digits_begin || i != text.size() || row == 0) return std::nullopt;
  return std::make_pair(row - 1, column - 1);
}

std::optional<std::size_t> row_number(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0 || value > kMaxRow) return std::nullopt;
  return value - 1;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Excel writes characters XML cannot hold as _xHHHH_ (_x000D_ for a carriage return, _x005F_ for
// the underscore of a literal "_x…_").
void unescape_into(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      int code = 0;
      bool hex = true;
      for (std::size_t k = 2; k < 6 && hex; ++k) {
        const int digit = hex_digit(text[i + k]);
        hex = digit >= 0;
        code = code * 16 + digit;
      }
      if (hex) {
        append_utf8(out, static_cast<char32_t>(code));
        i += 7;
        continue;
      }
    }
    out += text[i++];
  }
}

// Days since 1970-01-01 -> year, month, day (H. Hinnant's civil_from_days).
void civil_from_days(long days, long& year, unsigned& month, unsigned& day) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<long>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

// A date serial number as 2023-12-31, std::nullopt when it is no date Excel shows.
std::optional<std::string> date_text(std::string_view value, bool date1904) {
  double serial = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), serial);
  if (error != std::errc() || end != value.data() + value.size() || !(serial >= (date1904 ? 0 : 1) && serial < 2958466))
    return std::nullopt;
  const auto whole = static_cast<long>(std::floor(serial));
  // The 1904 system counts from 1904-01-01 (day 0). The 1900 system counts from 1900-01-01 (day 1)
  // and has a 29 February 1900 that never was (Lotus's leap-year bug, kept by Excel).
  if (!date1904 && whole == 60) return std::string("1900-02-29");
  const long days_since_1970 = date1904 ? whole - 24107 : (whole < 60 ? whole + 1 : whole) - 25569;
  long year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(days_since_1970, year, month, day);
  char text[32];
  std::snprintf(text, sizeof text, "%04ld-%02u-%02u", year, month, day);
  return std::string(text);
}

// Whether a number format shows a date: Excel's built-in date formats, or a format code with day,
// month or year symbols outside quotes, brackets and escapes.
bool is_date_format(long id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const std::size_t close = code.find(']', i);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == ';') {
      return false;  // only the first section decides
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M' || c == 'e') {
      return true;
    }
  }
  return false;
}

class XlsxReader {
 public:
  XlsxReader(OoxmlPackage& package, std::size_t file_bytes) : package_(package), out_(file_bytes) {}

  LinesBuilder run() && {
    const std::string& main = package_.main_part();
    const std::optional<XmlPart> workbook = package_.xml(main);
    if (!workbook) throw FormatError(main + ": missing from the package");
    const std::string s = workbook->prefix(kSheetTransitional, kSheetStrict, "x");
    const std::string r = workbook->prefix(kRelationshipsTransitional, kRelationshipsStrict, "r");
    const std::string_view date1904 = child(workbook->root(), s, "workbookPr").attribute("date1904").value();
    date1904_ = date1904 == "1" || date1904 == "true";

    std::map<std::string, Relationship> relationships;
    for (Relationship& relationship : package_.relationships(main)) {
      if (relationship.type == "sharedStrings" && !relationship.target.empty()) read_shared_strings(relationship.target);
      if (relationship.type == "styles" && !relationship.target.empty()) read_styles(relationship.target);
      relationships.emplace(relationship.id, std::move(relationship));
    }
    for (pugi::xml_node sheet = child(child(workbook->root(), s, "sheets"), s, "sheet"); sheet;
         sheet = sheet.next_sibling()) {
      if (!is(sheet, s, "sheet")) continue;
      const std::string name = clean_text(sheet.attribute("name").value());
      const auto found = relationships.find(attribute(sheet, r, "id").value());
      if (found == relationships.end() || found->second.type != "worksheet") continue;  // chart sheets hold no cells
      read_sheet(name, found->second.target);
    }
    return std::move(out_);
  }

 private:
  void read_shared_strings(const std::string& part_name) {
    const std::optional<XmlPart> part = package_.xml(part_name);
    if (!part) return;
    const std::string s = part->prefix(kSheetTransitional, kSheetStrict, "x");
    for (pugi::xml_node item = part->root().first_child(); item; item = item.next_sibling())
      if (is(item, s, "si")) shared_.push_back(rich_text(item, s));
  }

  // A string item (si, is): its t, or its runs' t joined; phonetic guides (rPh) left out.
  static std::string rich_text(pugi::xml_node item, const std::string& s) {
    std::string text;
    for (pugi::xml_node node = item.first_child(); node; node = node.next_sibling()) {
      if (is(node, s, "t")) unescape_into(node.child_value(), text);
      if (is(node, s, "r")) unescape_into(child(node, s, "t").child_value(), text);
    }
    return text;
  }

  void read_styles(const std::string& part_name) {
    const std::optional<XmlPart> part = package_.xml(part_name);
    if (!part) return;
    const std::string s = part->prefix(kSheetTransitional, kSheetStrict, "x");
    std::map<long, std::string> codes;
    for (pugi::xml_node format : child(part->root(), s, "numFmts").children())
      if (is(format, s, "numFmt")) codes[format.attribute("numFmtId").as_int(-1)] = format.attribute("formatCode").value();
    for (pugi::xml_node xf : child(part->root(), s, "cellXfs").children()) {
      if (!is(xf, s, "xf")) continue;
      const long id = xf.attribute("numFmtId").as_int(0);
      const auto code = codes.find(id);
      date_styles_.push_back(is_date_format(id, code == codes.end() ? std::string_view() : std::string_view(code->second)));
    }
  }

  std::string cell_value(pugi::xml_node cell, const std::string& s) const {
    const std::string_view type = cell.attribute("t").value();
    if (type == "inlineStr") return rich_text(child(cell, s, "is"), s);
    const std::string_view value = child(cell, s, "v").child_value();
    if (type == "s") {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
      return error == std::errc() && end != value.data() && index < shared_.size() ? shared_[index] : std::string();
    }
    if (type == "b") return value == "1" ? "TRUE" : value.empty() ? "" : "FALSE";
    if (type == "str" || type == "e" || type == "d") {
      std::string text;
      unescape_into(value, text);
      return text;
    }
    const auto style = static_cast<std::size_t>(cell.attribute("s").as_uint(0));
    if (!value.empty() && style < date_styles_.size() && date_styles_[style])
      if (std::optional<std::string> date = date_text(value, date1904_)) return std::move(*date);
    return std::string(value);
  }

  void read_sheet(const std::string& name, const std::string& part_name) {
    const std::string label = "sheet '" + name + "'";
    const std::optional<XmlPart> part = package_.xml(part_name);
    if (!part) throw FormatError(label + ": its part " + part_name + " is missing from the package");
    const std::string s = part->prefix(kSheetTransitional, kSheetStrict, "x");
    std::vector<SheetCell> cells;
    std::size_t row = 0;
    bool first_row = true;
    for (pugi::xml_node row_node : child(part->root(), s, "sheetData").children()) {
      if (!is(row_node, s, "row")) continue;
      const std::optional<std::size_t> numbered = row_number(row_node.attribute("r").value());
      row = numbered ? *numbered : first_row ? 0 : std::min(row + 1, kMaxRow - 1);
      first_row = false;
      std::size_t column = 0;
      bool first_cell = true;
      for (pugi::xml_node cell : row_node.children()) {
        if (!is(cell, s, "c")) continue;
        const auto reference = cell_reference(cell.attribute("r").value());
        column = reference ? reference->second : first_cell ? 0 : std::min(column + 1, kMaxColumn - 1);
        first_cell = false;
        std::string text = clean_text(cell_value(cell, s));
        if (text.empty()) continue;
        if (cells.size() == kMaxSheetCells)
          throw FormatError(label + ": more than " + thousands(kMaxSheetCells) +
                            " cells with values, more than a task table holds");
        cells.push_back({reference ? reference->first : row, column, std::move(text)});
      }
    }
    std::vector<MergedRange> merged;
    for (pugi::xml_node merge : child(part->root(), s, "mergeCells").children()) {
      if (!is(merge, s, "mergeCell")) continue;
      const std::string_view ref = merge.attribute("ref").value();
      const std::size_t colon = ref.find(':');
      const auto from = cell_reference(ref.substr(0, colon));
      const auto to = colon == std::string_view::npos ? from : cell_reference(ref.substr(colon + 1));
      if (!from || !to) continue;
      merged.push_back({std::min(from->first, to->first), std::min(from->second, to->second),
                        std::max(from->first, to->first), std::max(from->second, to->second)});
    }
    lay_out_sheet(out_, label, name, std::move(cells), merged);
  }

  OoxmlPackage& package_;
  LinesBuilder out_;
  std::vector<std::string> shared_;
  std::vector<bool> date_styles_;  // by cell style (xf) index: shows numbers as dates
  bool date1904_ = false;
};

}  // namespace

Source read_xlsx(const std::string& path, OoxmlPackage& package, std::size_t file_bytes) {
  return XlsxReader(package, file_bytes).run().finish(path, "xlsx");
}

}  // namespace agencygraph::detail
