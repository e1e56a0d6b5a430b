// The committed office and PDF fixtures (tests/data/formats/make_fixtures.py for DOCX and XLSX,
// make_binary_fixtures.py for DOC, XLS and PDF) give exactly the tasks,
// roles and agencies of the text they were made from (F1 1.000 against the text's extraction), the
// generated ones exactly the generator's planted answer, and places a person finds in the file.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "agencygraph/extract.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;
using test::Names;

namespace {

const std::string kFormats = std::string(AGENCYGRAPH_TEST_DATA) + "/formats";
const std::string kExamples = AGENCYGRAPH_EXAMPLES;

using TaskKey = std::tuple<std::string, Names, Names>;  // id, leads, co as printed

Document only_document(const std::string& path) {
  const ExtractResult result = extract_files({path}, {});
  REQUIRE(result.errors.empty());
  REQUIRE(result.documents.size() == 1);
  return result.documents[0];
}

std::vector<TaskKey> keys(const Document& document) {
  std::vector<TaskKey> out;
  for (std::size_t k = 0; k < document.tasks.size(); ++k)
    out.emplace_back(document.tasks[k].id, test::leads(document, k), test::co(document, k));
  return out;
}

// Both extractions hold the same tasks with the same leads and co, and the same document facts.
void same_as(const std::string& file, const std::string& text_file) {
  CAPTURE(file);
  const Document expected = only_document(text_file);
  const Document got = only_document(file);
  CHECK(keys(got) == keys(expected));
  CHECK(got.title == expected.title);
  CHECK(got.jurisdiction == expected.jurisdiction);
  CHECK(got.year == expected.year);
  CHECK(got.skipped.size() == expected.skipped.size());
}

const std::vector<std::string> kSeeds = {"tongshan-2023-excerpt", "xianning-2023-p1", "xianning-2023-p2",
                                         "lueyang-2023-work-report", "jingzhou-2020"};
const std::vector<std::string> kGenerated = {"bracket", "first-listed", "mixed", "own-lines", "prose", "role-verb"};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The generator's planted tasks of generated/<base>: ids, leads and co.
std::vector<TaskKey> planted_answer(const std::string& base) {
  const nlohmann::json planted = nlohmann::json::parse(read(base + ".planted.json"));
  std::vector<TaskKey> answer;
  for (const nlohmann::json& task : planted["tasks"])
    answer.emplace_back(std::to_string(task["id"].get<int>()), task["leads"].get<Names>(), task["co"].get<Names>());
  return answer;
}

}  // namespace

TEST_CASE("the seeds as Word documents, numbers typed or drawn by automatic numbering, give the text's tasks") {
  for (const std::string& seed : kSeeds) {
    same_as(kFormats + "/seeds/" + seed + ".docx", kExamples + "/" + seed + ".txt");
    same_as(kFormats + "/autonumbered/" + seed + ".docx", kExamples + "/" + seed + ".txt");
  }
}

TEST_CASE("a task's place in a Word document is its paragraph: the text's non-empty lines counted") {
  for (const std::string folder : {"seeds", "autonumbered"}) {
    const Document document = only_document(kFormats + "/" + folder + "/jingzhou-2020.docx");
    const Document text = only_document(kExamples + "/jingzhou-2020.txt");
    // Each paragraph of the document is a non-empty line of the text (make_fixtures.py).
    const std::string& source = text.sources[0].text;
    std::vector<std::uint32_t> paragraph_of_line(1, 0);
    std::uint32_t paragraphs = 0;
    for (std::size_t begin = 0; begin <= source.size();) {
      std::size_t end = source.find('\n', begin);
      if (end == std::string::npos) end = source.size();
      const bool blank = source.find_first_not_of(" \t\r\xE3\x80\x80", begin) >= end;
      paragraph_of_line.push_back(blank ? 0 : ++paragraphs);
      begin = end + 1;
    }
    REQUIRE(document.tasks.size() == text.tasks.size());
    for (std::size_t k = 0; k < text.tasks.size(); ++k) {
      CAPTURE(text.tasks[k].id);
      CHECK(document.sources[0].place(document.tasks[k].line) ==
            "paragraph " + std::to_string(paragraph_of_line.at(text.tasks[k].line)));
    }
  }
}

TEST_CASE("tracked changes: the text with its insertions and without its deletions") {
  same_as(kFormats + "/tracked/tongshan-2023-tracked.docx", kExamples + "/tongshan-2023-excerpt.txt");
}

TEST_CASE("咸宁 tasks 52-62 as a Word table and as a workbook give the HTML table's tasks, with their places") {
  const std::string page = std::string(AGENCYGRAPH_TEST_DATA) + "/html/xianning-2023-table.html";
  same_as(kFormats + "/tables/xianning-2023-table.docx", page);
  same_as(kFormats + "/tables/xianning-2023-table.xlsx", page);

  const Document word = only_document(kFormats + "/tables/xianning-2023-table.docx");
  REQUIRE(word.tasks.size() == 11);
  // Header rows 1-2, tasks 52-56 rows 3-7, the section rows 8-9, tasks 57-62 rows 10-15.
  CHECK(word.sources[0].place(word.tasks[0].line) == "table 1, row 3");
  CHECK(word.sources[0].place(word.tasks[5].line) == "table 1, row 10");
  CHECK(word.sources[0].place(word.tasks[10].line) == "table 1, row 15");
  CHECK(word.tasks[10].section == word.tasks[5].section);
  CHECK(word.sections[word.tasks[10].section].front() == "（四）突出改革创新，千方百计推进科教人才兴市。");

  const Document book = only_document(kFormats + "/tables/xianning-2023-table.xlsx");
  REQUIRE(book.tasks.size() == 11);
  CHECK(book.sources[0].format == "xlsx");
  CHECK(book.sources[0].place(book.tasks[0].line) == "分解表一!A4");
  CHECK(book.sources[0].place(book.tasks[5].line) == "'分解表 二'!B6");   // the sheet starts at column B
  CHECK(book.sources[0].place(book.tasks[9].line) == "附表!A3");          // the hidden sheet
  CHECK(book.tasks[0].deadline == "2023年底");
}

TEST_CASE("荆州 tasks 1-23 as a table numbered by Word, one lead cell merged down, give the text's tasks") {
  const Document table = only_document(kFormats + "/tables/jingzhou-2020-table.docx");
  const Document text = only_document(kExamples + "/jingzhou-2020.txt");
  std::set<TaskKey> expected;
  for (const TaskKey& key : keys(text)) expected.insert(key);
  REQUIRE(table.tasks.size() == 23);
  for (const TaskKey& key : keys(table)) {
    CAPTURE(std::get<0>(key));
    CHECK(expected.count(key) == 1);
  }
  CHECK(table.tasks.front().id == "1");  // drawn by the 序号 column's automatic numbering
  CHECK(table.jurisdiction == text.jurisdiction);
}

TEST_CASE("generated documents as Word and as workbook tables give the text's tasks and the planted answer") {
  for (const std::string& style : kGenerated) {
    const std::string base = kFormats + "/generated/gen-" + style;
    CAPTURE(style);
    same_as(base + ".docx", base + ".txt");
    same_as(base + ".xlsx", base + ".txt");
    const std::vector<TaskKey> answer = planted_answer(base);
    CHECK(keys(only_document(base + ".docx")) == answer);
    CHECK(keys(only_document(base + ".xlsx")) == answer);
  }
}

TEST_CASE("the seeds as Word 97-2003 documents and as PDF give the text's tasks") {
  for (const std::string& seed : kSeeds) {
    same_as(kFormats + "/doc/" + seed + ".doc", kExamples + "/" + seed + ".txt");
    same_as(kFormats + "/pdf/" + seed + ".pdf", kExamples + "/" + seed + ".txt");
  }
}

TEST_CASE("fields in a Word 97-2003 document: the instruction left out, the result kept") {
  // Task 61's lead is a HYPERLINK field's result; its instruction names 牵头单位:县审计局.
  same_as(kFormats + "/doc/tongshan-2023-fields.doc", kExamples + "/tongshan-2023-excerpt.txt");
}

TEST_CASE("通山 on a PDF page of two columns, and with a scanned page after it, gives the text's tasks") {
  same_as(kFormats + "/pdf/tongshan-2023-two-columns.pdf", kExamples + "/tongshan-2023-excerpt.txt");
  same_as(kFormats + "/pdf/tongshan-2023-scanned-page.pdf", kExamples + "/tongshan-2023-excerpt.txt");
}

TEST_CASE("咸宁 tasks 52-62 as a Word 97-2003 table, as Excel 97-2003 workbooks and as a ruled PDF table give the HTML table's tasks") {
  const std::string page = std::string(AGENCYGRAPH_TEST_DATA) + "/html/xianning-2023-table.html";
  same_as(kFormats + "/doc/xianning-2023-table.doc", page);
  same_as(kFormats + "/xls/xianning-2023-table.xls", page);
  same_as(kFormats + "/xls/xianning-2023-xlwt.xls", page);
  // Cells merged down (市教育局 over 57-62, across the page break) read from the table's rules:
  // the same tasks, leads and co. Not the same title: the title line and the sentence under it are
  // the page's only lines outside the table, the title nearly as wide, so the PDF reader's
  // paragraphs join them (a plain paragraph, as the Word file has it; a real title is centred).
  const Document html = only_document(page);
  const Document pdf = only_document(kFormats + "/pdf/xianning-2023-table.pdf");
  CHECK(keys(pdf) == keys(html));
  CHECK(pdf.jurisdiction == html.jurisdiction);
  CHECK(pdf.year == html.year);
  CHECK(pdf.skipped.size() == html.skipped.size());
  REQUIRE(pdf.title);
  REQUIRE(html.title);
  CHECK(pdf.title->starts_with(*html.title));
}

TEST_CASE("generated documents as Word 97-2003 and as Excel 97-2003 tables give the text's tasks and the planted answer") {
  for (const std::string& style : kGenerated) {
    const std::string base = kFormats + "/generated/gen-" + style;
    CAPTURE(style);
    same_as(kFormats + "/doc/gen-" + style + ".doc", base + ".txt");
    same_as(kFormats + "/xls/gen-" + style + ".xls", base + ".txt");
  }
}

TEST_CASE("the seeds numbered by Word's automatic numbering, as Word 97-2003 documents, give the text's tasks") {
  // 荆州's numbering does not survive LibreOffice's conversion (make_binary_fixtures.py); its table does.
  for (const std::string& seed : kSeeds) {
    if (seed == "jingzhou-2020") continue;
    same_as(kFormats + "/doc/autonumbered/" + seed + ".doc", kExamples + "/" + seed + ".txt");
  }
}

TEST_CASE("荆州 tasks 1-23 as a Word 97-2003 table whose 序号 column is list numbering give the DOCX table's tasks") {
  const Document doc = only_document(kFormats + "/doc/jingzhou-2020-table.doc");
  const Document docx = only_document(kFormats + "/tables/jingzhou-2020-table.docx");
  REQUIRE(doc.tasks.size() == 23);
  CHECK(keys(doc) == keys(docx));
  CHECK(doc.tasks.front().id == "1");  // drawn by the 序号 column's automatic numbering
  CHECK(doc.tasks.back().id == "23");
  CHECK(doc.sources[0].place(doc.tasks[0].line) == "table 1, row 2");
}

TEST_CASE("a list of two levels, （一） then 1., the task level never restarting: DOCX and DOC give the text's tasks") {
  const std::string base = kFormats + "/generated/gen-bracket";
  same_as(kFormats + "/autonumbered/gen-bracket-two-levels.docx", base + ".txt");
  same_as(kFormats + "/doc/gen-bracket-two-levels.doc", base + ".txt");
  CHECK(keys(only_document(kFormats + "/doc/gen-bracket-two-levels.doc")) == planted_answer(base));
}

TEST_CASE("a Word 97-2003 document whose tasks are numbered through their paragraph style gives the text's tasks") {
  // The paragraphs name only their style; the style's properties hold the list (make_binary_fixtures.py).
  same_as(kFormats + "/doc/xianning-2023-p1-style-numbered.doc", kExamples + "/xianning-2023-p1.txt");
}
