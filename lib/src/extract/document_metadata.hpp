// A document's title line, jurisdiction and year, and whether it states the first-listed-lead
// convention (列第一位的为牵头单位).
#pragma once

#include <cstdint>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/fold.hpp"
#include "agencygraph/model.hpp"
#include "lines.hpp"

namespace agencygraph::detail {

// True when a line (folded) reads like the title of a work report or its decomposition:
// it names 政府工作报告, or a 责任分解 / 分工方案 / 任务分工 / 分解落实 document, and is not too long.
bool looks_like_title(std::u32string_view line);

// Jurisdiction named at the start of a title: "(湖北省)2023年咸宁市《政府工作报告》…" -> 咸宁市,
// "荆州市人民政府办公室关于…" -> 荆州市, "国务院关于落实…" -> 国务院.
std::optional<std::string> jurisdiction_from_title(std::u32string_view title);
// The first "2023年" of a title (a year from 1949 to 2100).
std::optional<int> year_from_title(std::u32string_view title);

// Where the text (UTF-8, read through `folder`) first states a convention for tasks without a lead
// label, as byte offsets of the statements; nothing for one it never states.
struct ConventionStatements {
  // The first-listed unit leads: 列第一位者为牵头单位, 排在首位的为牵头单位, 第一责任单位为牵头单位.
  std::optional<std::uint32_t> first_listed_lead;
  // The units of such a task lead it: 无牵头单位的，责任单位即为牵头单位.
  std::optional<std::uint32_t> unlabelled_units_lead;
};
ConventionStatements find_convention_statements(std::string_view text, const Folder& folder);

// The year of a document number (文号) in a line: an issuer's abbreviation, a bracketed year, a serial
// number and 号: 荆政办发〔2020〕1号, 国发[2019]3号, 江政发(2023)1号 -> the year. Only the year: an
// abbreviation (荆 for 荆州, 江 for 江山) does not tell the place without a table of every office's.
std::optional<int> year_from_document_number(std::u32string_view line);

// A line that is a document number and nothing else (the line under a title, or a page's
// 文号:/发文字号: field): its year. A number cited in running text is another document's.
std::optional<int> year_of_document_number_line(std::u32string_view line);

// A line that is a full date and nothing else (2020年1月8日, (2020年1月8日), 成文日期:2023年2月8日):
// the date of a signature; its year.
std::optional<int> year_of_date_line(std::u32string_view line);

// A signature's issuer line (韶关市人民政府, 荆州市人民政府办公室, 国务院办公厅, 中共通山县委办公室): the
// jurisdiction it names; nullopt for any other line or an issuer without a place (市政府办公室).
std::optional<std::string> jurisdiction_of_issuer_line(std::u32string_view line);

// Sets the document's year and jurisdiction and where each came from, each from the first that gives
// one: the title line (`title_line`, an index into `lines`, if one was found); a document number on
// a line of its own before the first task (year only); the first signature, a date line with, where
// the line before it (blank lines apart) is an issuing office, the jurisdiction that office names;
// the options (--year, --jurisdiction). A document with a title line takes no place from its signature:
// pages of one document repeat the title and are merged by title and place, and only one is signed.
void read_year_and_place(Document& document, std::string_view text, const std::vector<Line>& lines,
                         const Folder& folder, std::optional<std::size_t> title_line, const ExtractOptions& options);


}  // namespace agencygraph::detail
