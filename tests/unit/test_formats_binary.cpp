// The readers of the binary formats (.xls, .doc, .pdf) on the hand-checked fixtures of
// tests/data/formats/{xls,doc,pdf,bad} (make_binary_fixtures.py): places a person finds in the file,
// merged cells, tables rebuilt from PDF word positions, scanned pages, and files refused with one
// line each while the rest of the run is read.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "../fuzz/extraction_invariants.hpp"
#include "extract_test_support.hpp"
#include "formats/format_error.hpp"
#include "office_packages.hpp"

using namespace agencygraph;
using detail::FormatError;
using test::Names;

namespace {

const std::string kFormats = std::string(AGENCYGRAPH_TEST_DATA) + "/formats";
const std::string kExamples = AGENCYGRAPH_EXAMPLES;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string problem(const std::string& bytes) {
  try {
    test::read_bytes(bytes);
  } catch (const FormatError& error) {
    return error.what();
  }
  return "(read without error)";
}

Document only_document(const std::string& path) {
  const ExtractResult result = extract_files({path}, {});
  REQUIRE(result.errors.empty());
  REQUIRE(result.documents.size() == 1);
  return result.documents[0];
}

std::string place(const Document& document, std::size_t task) {
  return document.sources[0].place(document.tasks[task].line);
}

}  // namespace

TEST_CASE("xls: every sheet, hidden ones too, cells named as Excel names them, merged ranges in every row") {
  const Document book = only_document(kFormats + "/xls/xianning-2023-table.xls");
  REQUIRE(book.tasks.size() == 11);
  CHECK(book.sources[0].format == "xls");
  CHECK(place(book, 0) == "分解表一!A4");
  CHECK(place(book, 5) == "'分解表 二'!B6");  // the sheet starts at column B
  CHECK(place(book, 9) == "附表!A3");         // the hidden sheet
  CHECK(book.tasks[0].id == "52");             // a number cell, shown as Excel shows it
  CHECK(book.tasks[0].deadline == "2023年底");

  // xlwt's workbook: 市教育局 merged down six rows (MERGEDCELLS), 各县市区人民政府 down two.
  const Document xlwt = only_document(kFormats + "/xls/xianning-2023-xlwt.xls");
  REQUIRE(xlwt.tasks.size() == 11);
  for (std::size_t k = 5; k < 11; ++k) {
    CAPTURE(xlwt.tasks[k].id);
    CHECK(test::leads(xlwt, k) == Names{"市教育局"});
  }
  CHECK(test::co(xlwt, 6) == Names{"各县市区人民政府"});  // 58: the co cell merged from 57
  // Title A1, header rows 2-3, tasks 52-56 rows 4-8, two section rows, 57-62 rows 11-16.
  CHECK(place(xlwt, 0) == "任务分解表!A4");
  CHECK(place(xlwt, 5) == "任务分解表!A11");
  CHECK(place(xlwt, 10) == "任务分解表!A16");
  CHECK(xlwt.sections[xlwt.tasks[10].section].front() == "（四）突出改革创新，千方百计推进科教人才兴市。");
}

TEST_CASE("xls: numbers, MULRK, dates, formulas' values, booleans, rich text, merged cells, long shared strings") {
  // make_binary_fixtures.py writes xls/cell-kinds.xls with python3-xlwt; the texts are those Excel
  // shows for the script's inputs.
  const Source source = test::read_bytes(read(kFormats + "/xls/cell-kinds.xls"));
  const std::vector<std::string> lines = test::lines(source);
  REQUIRE(lines.size() >= 14);
  CHECK(lines[0] == "序号\t工作任务\t数值\t完成时限\t公式");
  // 52 an RK integer, 12.34 an RK hundredths, a date in a custom format, a formula's string (a STRING record).
  CHECK(lines[1] == "52\t落实减税降费政策\t12.34\t2023-12-31\t任务分解");
  // 1234567.891 a NUMBER, 2024-02-29 in built-in format 14 (M/D/YY), a formula's number.
  CHECK(lines[2] == "53\t推进数字政府建设\t1234567.891\t2024-02-29\t3");
  // A boolean cell, a date and time, a formula's boolean.
  CHECK(lines[3] == "54\tTRUE\t\t2023-06-30 08:30:00\tFALSE");
  CHECK(lines[4] == "\t\t\t17:45:30\t");             // a time
  CHECK(lines[5] == "\t\t\t2025-01-01\t");           // yyyy"年"m"月"d"日"
  CHECK(lines[6] == "1\t2\t3\t0.5\t-7");             // one MULRK record
  CHECK(lines[7] == "\t富文本\t\t\t");               // a shared string with formatting runs
  CHECK(lines[8] == "市教育局\t市教育局\t牵头\t\t");  // A9:B10 merged
  CHECK(lines[9] == "市教育局\t市教育局\t配合\t\t");
  CHECK(source.place(1) == "单元格!A1");
  CHECK(source.place(5) == "单元格!D5");
  CHECK(source.place(10) == "单元格!C10");
  // The second sheet: 120 short strings, then two that cross the SST's CONTINUE records (the
  // first in UTF-16, the second in 8-bit characters), then one after them.
  CHECK(lines[10] == "长文本");  // the sheet's name on a line of its own
  CHECK(source.place(11) == "长文本");
  std::string wide, narrow_text;
  for (int k = 1; k <= 180; ++k) wide += "第" + std::to_string(k) + "项任务由市发展改革委牵头落实。";
  for (int k = 1; k <= 240; ++k) {
    char part[64];
    std::snprintf(part, sizeof part, "Task %04d led by the municipal office. ", k);
    narrow_text += part;
  }
  REQUIRE(lines.size() == 11 + 123);
  CHECK(lines[11] == "短文本000");
  CHECK(lines[130] == "短文本119");
  CHECK(lines[131] == wide);
  CHECK(lines[132] == narrow_text);
  CHECK(lines[133] == "最后一行");
  CHECK(source.place(134) == "长文本!A123");
}

TEST_CASE("doc: body paragraphs and table rows as their places, cells across columns and down rows") {
  const Document word = only_document(kFormats + "/doc/xianning-2023-table.doc");
  REQUIRE(word.tasks.size() == 11);
  CHECK(word.sources[0].format == "doc");
  // As the .docx it was saved from: header rows 1-2, tasks 52-56 rows 3-7, sections 8-9, 57-62 rows 10-15.
  CHECK(place(word, 0) == "table 1, row 3");
  CHECK(place(word, 5) == "table 1, row 10");
  CHECK(place(word, 10) == "table 1, row 15");
  for (std::size_t k = 5; k < 11; ++k) CHECK(test::leads(word, k) == Names{"市教育局"});
  CHECK(test::co(word, 6) == Names{"各县市区人民政府"});
  CHECK(word.sections[word.tasks[10].section].front() == "（四）突出改革创新，千方百计推进科教人才兴市。");

  // One paragraph per non-empty line of the text (make_fixtures.py): 通山's first task line is
  // the second non-empty line, its last the 25th.
  const Document tongshan = only_document(kFormats + "/doc/tongshan-2023-excerpt.doc");
  REQUIRE(tongshan.tasks.size() == 18);
  CHECK(place(tongshan, 0) == "paragraph 2");
  CHECK(place(tongshan, 17) == "paragraph 25");
}

TEST_CASE("doc: a fuzzed document whose sentence with commas looked like a table's header keeps every task") {
  // Found by fuzz_doc: the reader was right; the parser took "…，压实工作责任，…，X协办。" for a
  // comma-separated header and lost the numbered paragraph after it. Its tasks 1, 3-5 and 8 read
  // as printed (the lead of 1 is 省人社厅), 6 has no annotation, 7's annotation names no agency.
  const Document fuzzed = only_document(kFormats + "/doc/fuzzed-sentence-read-as-header.doc");
  CHECK(test::extraction_invariants_hold(fuzzed));
  std::vector<std::string> ids;
  for (const Task& task : fuzzed.tasks) ids.push_back(task.id);
  CHECK(ids == std::vector<std::string>{"1", "3", "4", "5", "8"});
  CHECK(test::leads(fuzzed, 0) == Names{"省人社厅"});
  REQUIRE(fuzzed.skipped.size() == 3);
  CHECK(fuzzed.skipped[2].reason.starts_with("annotation names no agency"));
}

TEST_CASE("pdf: a fuzzed page whose numbered lines fall under a table's header keeps every numbered line") {
  // Found by fuzz_pdf: words of numbered running text laid out under a header line read as a
  // table; the row opening with "40." in its third cell was taken as the continuation of the row
  // above and was neither a task nor skipped.
  const Document fuzzed = only_document(kFormats + "/pdf/fuzzed-numbered-row-under-header.pdf");
  CHECK(test::extraction_invariants_hold(fuzzed));
  REQUIRE(fuzzed.tasks.size() == 2);
  CHECK(fuzzed.tasks[1].line == 4);
}

TEST_CASE("pdf: a task's place is its page") {
  const Document first = only_document(kFormats + "/pdf/xianning-2023-p1.pdf");
  REQUIRE(first.tasks.size() == 25);
  CHECK(first.sources[0].format == "pdf");
  // pdftotext -f N -l N: tasks 52-64 on page 1, 65-76 on page 2.
  CHECK(place(first, 0) == "p.1");
  CHECK(place(first, 12) == "p.1");
  CHECK(place(first, 13) == "p.2");
  CHECK(place(first, 24) == "p.2");
}

TEST_CASE("pdf: a table without rules rebuilt from word positions, cells wrapping over lines") {
  const Document table = only_document(kFormats + "/pdf/jingzhou-2020-table.pdf");
  const Document word = only_document(kFormats + "/tables/jingzhou-2020-table.docx");
  REQUIRE(table.tasks.size() == 23);
  REQUIRE(word.tasks.size() == 23);
  for (std::size_t k = 0; k < 23; ++k) {
    CAPTURE(word.tasks[k].id);
    CHECK(table.tasks[k].id == word.tasks[k].id);
    CHECK(test::co(table, k) == test::co(word, k));
    // A cell merged down two rows (tasks 7 and 8) shows its text once, in the first row: PDF has
    // no cells, and the rules that would show the merge are not read. Task 8 loses its lead.
    if (word.tasks[k].id != "8") CHECK(test::leads(table, k) == test::leads(word, k));
  }
  CHECK(test::leads(table, 7).empty());
}

TEST_CASE("pdf: a ruled table with a header on two rows, section rows and cells merged down over a page break") {
  const Document table = only_document(kFormats + "/pdf/xianning-2023-table.pdf");
  const Document word = only_document(kFormats + "/tables/xianning-2023-table.docx");
  // 市教育局 merged down 57-62 from page 1 into page 2 (row 60 breaks over the pages), and
  // 各县市区人民政府 down 57-58: the rules show the merges, as rowspan does in the HTML table.
  REQUIRE(table.tasks.size() == 11);
  REQUIRE(word.tasks.size() == 11);
  for (std::size_t k = 0; k < 11; ++k) {
    CAPTURE(word.tasks[k].id);
    CHECK(table.tasks[k].id == word.tasks[k].id);
    CHECK(test::leads(table, k) == test::leads(word, k));
    CHECK(test::co(table, k) == test::co(word, k));
  }
  for (std::size_t k = 5; k < 11; ++k) CHECK(test::leads(table, k) == Names{"市教育局"});
  CHECK(test::co(table, 6) == Names{"各县市区人民政府"});
  CHECK(table.sections[table.tasks[5].section].front() == "（四）突出改革创新，千方百计推进科教人才兴市。");
  CHECK(table.tasks[0].deadline == "2023年底");
  CHECK(table.tasks[1].deadline.empty());  // an empty cell under a rule is no merged cell
  // Tasks 52-59 on page 1, 61-62 on page 2 (60 starts on page 1).
  CHECK(place(table, 7) == "p.1");
  CHECK(place(table, 8) == "p.1");
  CHECK(place(table, 9) == "p.2");
}

namespace {

// MERGED_TASKS of make_binary_fixtures.py: id, lead as printed in the row (empty where the lead
// cell above is merged down over it), lead of the task, co, deadline.
struct MergedTask {
  const char* id;
  const char* printed_lead;
  const char* lead;
  const char* co;
  const char* deadline;
};
const MergedTask kMergedTasks[] = {
    {"1", "市发改委", "市发改委", "各县市区人民政府", "2023年底"},
    {"2", "市财政局", "市财政局", "各县市区人民政府", ""},
    {"3", "", "市财政局", "市税务局", ""},
    {"4", "市经信局", "市经信局", "市科技局", ""},
    {"5", "市商务局", "市商务局", "咸宁海关", "2023年6月"},
    {"6", "市教育局", "市教育局", "各县市区人民政府", ""},
    {"7", "", "市教育局", "市财政局", ""},
    {"8", "", "市教育局", "市自然资源和规划局", ""},
    {"9", "", "市教育局", "各县市区人民政府", ""},
    {"10", "", "市教育局", "市城发集团", ""},
    {"11", "", "市教育局", "市残联", ""},
    {"12", "市卫健委", "市卫健委", "市医保局", ""},
    {"13", "市民政局", "市民政局", "市卫健委", ""},
    {"14", "", "市民政局", "市财政局", ""},
    {"15", "市人社局", "市人社局", "各县市区人民政府", "2023年底"},
    {"16", "市住建局", "市住建局", "各县市区人民政府", ""},
};

Names names(const char* name) { return *name ? Names{name} : Names{}; }

}  // namespace

TEST_CASE("pdf: a ruled table's lead merged down across a page break between rows is every covered task's") {
  // Rows may not break (make_binary_fixtures.py): tasks 1-9 on page 1, 10-16 on page 2, and
  // 市教育局 merged down 6-11. LibreOffice closes the cell at the page's end and opens it again
  // on the next: the box over 10-11 without text is the rest of it. The same with the header row
  // repeated at the top of page 2: the table goes on under it.
  for (const std::string file : {"merged-lead-page-break.pdf", "merged-lead-repeated-header.pdf"}) {
    CAPTURE(file);
    const Document table = only_document(kFormats + "/pdf/" + file);
    REQUIRE(table.tasks.size() == std::size(kMergedTasks));
    for (std::size_t k = 0; k < table.tasks.size(); ++k) {
      const MergedTask& expected = kMergedTasks[k];
      CAPTURE(expected.id);
      CHECK(table.tasks[k].id == expected.id);
      CHECK(test::leads(table, k) == names(expected.lead));
      CHECK(test::co(table, k) == names(expected.co));
      CHECK(table.tasks[k].deadline == expected.deadline);
      CHECK(place(table, k) == (k < 9 ? "p.1" : "p.2"));
    }
  }
}

TEST_CASE("pdf: the same table without rules reads as printed: merged cells are not guessed from empty ones") {
  const Document table = only_document(kFormats + "/pdf/merged-lead-unruled.pdf");
  REQUIRE(table.tasks.size() == std::size(kMergedTasks));
  for (std::size_t k = 0; k < table.tasks.size(); ++k) {
    const MergedTask& expected = kMergedTasks[k];
    CAPTURE(expected.id);
    CHECK(table.tasks[k].id == expected.id);
    CHECK(test::leads(table, k) == names(expected.printed_lead));
    CHECK(test::co(table, k) == names(expected.co));
    CHECK(table.tasks[k].deadline == expected.deadline);
  }
}

TEST_CASE("pdf: scanned pages are warned of by page; a PDF of scans only is an error") {
  const Source source = test::read_bytes(read(kFormats + "/pdf/tongshan-2023-scanned-page.pdf"));
  REQUIRE(source.warnings.size() == 1);
  CHECK(source.warnings[0] == "p.3: scanned page, no text: OCR is not built in");
  CHECK(problem(read(kFormats + "/pdf/scanned-only.pdf")) ==
        "no text on any page (a scanned document?): OCR is not built in");
}

TEST_CASE("encrypted, truncated and damaged binary files: one line each") {
  CHECK(problem(read(kFormats + "/bad/encrypted.pdf")) == "encrypted (password-protected) PDF: not read");
  CHECK(problem(read(kFormats + "/bad/encrypted-flag.doc")) == "encrypted (password-protected) Word document: not read");
  CHECK(problem(read(kFormats + "/bad/encrypted-filepass.xls")) == "encrypted (password-protected) workbook: not read");
  for (const std::string file : {"doc/xianning-2023-table.doc", "xls/xianning-2023-table.xls", "pdf/xianning-2023-table.pdf"}) {
    CAPTURE(file);
    const std::string bytes = read(kFormats + "/" + file);
    for (const std::size_t keep : {std::size_t{600}, bytes.size() / 2}) {
      const std::string message = problem(bytes.substr(0, keep));
      CAPTURE(message);
      CHECK(message != "(read without error)");
      CHECK(!message.empty());
      CHECK(message.find('\n') == std::string::npos);
    }
  }
  // A FORMAT record whose text claims 65,535 characters in 12 bytes (found by fuzz_xls: libfreexl,
  // which read the cells then, read past its buffer): refused with the record's offset.
  CHECK(problem(read(kFormats + "/bad/format-string-overflow.xls")).starts_with("damaged workbook: a record at byte "));
  // A compound file that is neither Word nor Excel.
  CHECK(problem(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')).starts_with(
      "damaged or truncated compound file (OLE2)"));
}

TEST_CASE("xls: the workbook libfreexl freed an invalid pointer on is read to a sound Source") {
  // Found by fuzz_xls in xlwt's 咸宁 workbook: an RK record (task 53's 序号) turned into a DIMENSIONS
  // record too short to be one, which is passed over; MERGEDCELLS, a ROW record and a few
  // characters of the shared strings changed. Every record's length is sound, so the sheet is read.
  const Source source = test::read_bytes(read(kFormats + "/bad/libfreexl-invalid-free.xls"));
  CHECK(source.format == "xls");
  CHECK(source.warnings.empty());
  const std::vector<std::string> lines = test::lines(source);
  REQUIRE(lines.size() == 18);
  CHECK(source.place(1) == "任务分解表!A1");
  CHECK(source.place(3) == "任务分解表!C3");
  CHECK(source.place(5) == "任务分解表!B5");  // the row whose 序号 cell is gone
  CHECK(lines[4] == "\t支持嘉鱼县打造强县工程示范区。\t嘉鱼县人民政府\t市发改委、市财政局、市自然资源和规划局 市农业农村局、市乡村振兴局\t");
  CHECK(source.place(18) == "任务分解表!A16");
  CHECK(lines[17] == "62\t支持特殊教育普惠发展。\t\t市残联，各县市区人民政府\t");
}

TEST_CASE("bad binary files among good ones: one line each, every good input still read") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "agencygraph-formats-binary-mixed";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  };
  std::filesystem::copy_file(kFormats + "/doc/tongshan-2023-excerpt.doc", dir / "1-good.doc");
  write("2-truncated.doc", read(kFormats + "/doc/xianning-2023-p1.doc").substr(0, 5000));
  std::filesystem::copy_file(kFormats + "/bad/encrypted.pdf", dir / "3-encrypted.pdf");
  std::filesystem::copy_file(kFormats + "/xls/xianning-2023-xlwt.xls", dir / "4-good.xls");
  std::filesystem::copy_file(kFormats + "/pdf/scanned-only.pdf", dir / "5-scan.pdf");
  std::filesystem::copy_file(kFormats + "/pdf/jingzhou-2020.pdf", dir / "6-good.pdf");
  const ExtractResult result = extract_files({dir.string()}, {});
  std::filesystem::remove_all(dir);
  REQUIRE(result.errors.size() == 3);
  CHECK(result.errors[0].path.ends_with("2-truncated.doc"));
  CHECK(result.errors[1].path.ends_with("3-encrypted.pdf"));
  CHECK(result.errors[2].path.ends_with("5-scan.pdf"));
  for (const InputError& error : result.errors) CHECK(error.problem.find('\n') == std::string::npos);
  REQUIRE(result.documents.size() == 3);
  CHECK(result.documents[0].tasks.size() == 18);   // 通山
  CHECK(result.documents[1].tasks.size() == 11);   // 咸宁, the workbook
  CHECK(result.documents[2].tasks.size() == 114);  // 荆州
}

TEST_CASE("doc: a task level that restarts after each section is drawn restarting, as LibreOffice draws it") {
  // LibreOffice's own .doc of the two-level list (it dropped w:lvlRestart 0): its text export shows
  // the tasks numbered 1-4, 1-3, 1-2 under （一） （二） （三）.
  const Source source = test::read_bytes(read(kFormats + "/doc/gen-bracket-two-levels-restarting.doc"));
  std::vector<std::string> numbers;
  std::istringstream lines(source.text);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t space = line.find(' ');
    const std::string head = line.substr(0, space);
    if (space != std::string::npos && (head.starts_with("\xEF\xBC\x88") || (head.size() == 2 && head[1] == '.')))
      numbers.push_back(head);
  }
  CHECK(numbers == std::vector<std::string>{"（一）", "1.", "2.", "3.", "4.", "（二）", "1.", "2.", "3.", "（三）", "1.", "2."});
  CHECK(source.warnings.empty());
}

TEST_CASE("doc: list tables whose count lies are left out with a warning, the text read") {
  const Source source = test::read_bytes(read(kFormats + "/bad/list-count-lies.doc"));
  REQUIRE(source.warnings.size() == 1);
  CHECK(source.warnings[0] ==
        "list tables damaged (the list table (PlfLst) holds fewer lists than it counts): automatic list numbers not drawn");
  const Source good = test::read_bytes(read(kFormats + "/doc/gen-bracket-two-levels.doc"));
  CHECK(source.text.size() < good.text.size());  // the same paragraphs, without their numbers
  CHECK(source.places == good.places);
}

TEST_CASE("pdf: words far apart do not stall the search for columns and table bounds") {
  // Found by fuzz_pdf (8 December 2026): a page whose words stand about 1e17 points apart. The scans for
  // a column gap and for table bounds stepped one point (half a point) at a time across the page; there,
  // adding a point to x no longer moved it, and the read never ended. Scans now take at most 4,096 steps.
  const Source source = test::read_bytes(read(kFormats + "/bad/words-far-apart.pdf"));
  CHECK(source.format == "pdf");
  // The page's lines as its words print them (the fuzzer's edits left a few characters changed).
  const std::vector<std::string> lines = test::lines(source);
  REQUIRE(lines.size() == 21);
  CHECK(lines[1] == "1. task text of the line, long enough to run to the edge");
  CHECK(lines[8] == "36. task text of the line, long enough to run to the edge");
  CHECK(lines[20] == "序号");
}
