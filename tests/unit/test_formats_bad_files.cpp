// Files that cannot be read: each gives one line naming its problem (and its place in the file where
// there is one), and every other input of the run is still read. And the format is told by the
// content, never by the file name.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"
#include "formats/format_error.hpp"
#include "formats/zip_archive.hpp"
#include "office_packages.hpp"

using namespace agencygraph;
using detail::FormatError;
using test::docx_package;
using test::read_bytes;

namespace {

const std::string kFormats = std::string(AGENCYGRAPH_TEST_DATA) + "/formats";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string problem(const std::string& bytes) {
  try {
    read_bytes(bytes);
  } catch (const FormatError& error) {
    return error.what();
  }
  return "(read without error)";
}

void put_le32(std::string& bytes, std::size_t at, std::uint32_t value) {
  for (int k = 0; k < 4; ++k) bytes[at + static_cast<std::size_t>(k)] = static_cast<char>((value >> (8 * k)) & 0xFF);
}

// Makes an entry's local and central headers declare `size` unpacked bytes.
void declare_size(std::string& zip, const std::string& name, std::uint32_t size) {
  int patched = 0;
  for (std::size_t at = zip.find("PK"); at != std::string::npos; at = zip.find("PK", at + 1)) {
    if (zip.compare(at, 4, "PK\x03\x04") == 0 && zip.compare(at + 30, name.size(), name) == 0) {
      put_le32(zip, at + 22, size);
      ++patched;
    } else if (zip.compare(at, 4, "PK\x01\x02") == 0 && zip.compare(at + 46, name.size(), name) == 0) {
      put_le32(zip, at + 24, size);
      ++patched;
    }
  }
  REQUIRE(patched == 2);
}

const std::string kBody = "<w:p><w:r><w:t>1.推进改革。(牵头单位:市发改委)</w:t></w:r></w:p>";

}  // namespace

TEST_CASE("a truncated or damaged package is one line naming the problem") {
  const std::string good = read(kFormats + "/seeds/xianning-2023-p1.docx");
  CHECK(problem(good.substr(0, good.size() / 2)) == "damaged or truncated ZIP archive (not a zip archive)");
  CHECK(problem(good.substr(0, 100)) == "damaged or truncated ZIP archive (not a zip archive)");
  // A stored (uncompressed) document part with one byte changed fails its CRC check.
  std::string zip = test::make_zip({{"[Content_Types].xml", test::content_types(
                                         R"(<Override PartName="/word/document.xml" ContentType="application/)"
                                         R"(vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)")},
                                    {"_rels/.rels", test::relationships({{"officeDocument", "word/document.xml"}})},
                                    {"word/document.xml", test::document_xml(kBody), nullptr, true}});
  const std::size_t text = zip.find("推进改革");
  REQUIRE(text != std::string::npos);
  zip[text] = 'X';
  CHECK(problem(zip) == "word/document.xml: damaged ZIP entry (CRC error)");
  // Not well-formed XML names the part and the byte.
  CHECK(problem(docx_package("<w:p><w:r><w:t>未闭合</w:r></w:p>")).starts_with("word/document.xml: not well-formed XML ("));
}

TEST_CASE("ZIP bombs: an entry that would expand too far is not unpacked; one larger than it says is stopped") {
  // 50 MB of spaces packed 1,000 to 1 (tests/data/formats/make_fixtures.py).
  const std::string bomb = read(kFormats + "/bad/zip-bomb.docx");
  const std::string message = problem(bomb);
  CHECK(message.starts_with("word/document.xml: would expand "));
  CHECK(message.ends_with(" times its packed size (a ZIP bomb?): not read"));
  // An entry that says it is 100 bytes and unpacks to more.
  std::string liar = docx_package(kBody + std::string(3000, ' ') + kBody);
  declare_size(liar, "word/document.xml", 100);
  CHECK(problem(liar) == "word/document.xml: damaged ZIP entry (more data than its header says)");
  // Entries up to the floor may expand more than the ratio: 1 MB of spaces packs far tighter than 200:1.
  CHECK_NOTHROW(read_bytes(docx_package("<w:p><w:r><w:t>" + std::string(std::size_t{1} << 19, ' ') + "</w:t></w:r></w:p>")));
}

TEST_CASE("the unpacked size of all entries read is limited") {
  // Ten entries of 300 KB each (random digits: within the expansion ratio) against a limit of 1 MB:
  // the fourth would pass it.
  std::string chunk(300000, '0');
  std::uint32_t state = 1;
  for (char& c : chunk) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>('0' + (state >> 16) % 10);
  }
  std::vector<test::ZipEntry> entries;
  for (int k = 0; k < 10; ++k) entries.push_back({"part" + std::to_string(k), chunk});
  const std::string zip = test::make_zip(entries);
  detail::ZipArchive archive(zip, std::size_t{1} << 20);
  std::string message;
  int read = 0;
  try {
    for (int k = 0; k < 10; ++k, ++read)
      if (archive.read("part" + std::to_string(k)) != chunk) break;
  } catch (const FormatError& error) {
    message = error.what();
  }
  CHECK(read == 3);
  CHECK(message == "part3: unpacks to more than 1 MB with the entries before it (a ZIP bomb?): not read");
}

TEST_CASE("password-protected entries, other archives and other office formats say what they are") {
  std::vector<test::ZipEntry> entries = {
      {"[Content_Types].xml", test::content_types(R"(<Override PartName="/word/document.xml" ContentType="application/)"
                                                  R"(vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)")},
      {"_rels/.rels", test::relationships({{"officeDocument", "word/document.xml"}})},
      {"word/document.xml", test::document_xml(kBody), "secret"}};
  CHECK(problem(test::make_zip(entries)) ==
        "word/document.xml: password-protected; save the file without a password and read it again");
  CHECK(problem(test::make_zip({{"readme.txt", "hello"}})) == "a ZIP archive, not a Word (.docx) or Excel (.xlsx) document");
  CHECK(problem(test::make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", nullptr, true},
                                {"content.xml", "<office:document-content/>"}})) ==
        "an OpenDocument file (application/vnd.oasis.opendocument.text), not read: save it as .docx or .xlsx");
  CHECK(problem(test::make_zip(
            {{"[Content_Types].xml", test::content_types(R"(<Override PartName="/ppt/presentation.xml" ContentType="application/)"
                                                         R"(vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>)")},
             {"_rels/.rels", test::relationships({{"officeDocument", "ppt/presentation.xml"}})},
             {"ppt/presentation.xml", "<p:presentation/>"}})) == "a PowerPoint presentation, not a Word or Excel document");
  CHECK(problem(test::make_zip({{"[Content_Types].xml", test::content_types("")},
                                {"_rels/.rels", test::relationships({{"officeDocument", "word/document.xml"}})}})) ==
        "word/document.xml: missing from the package");
  CHECK(problem(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'))
            .starts_with("damaged or truncated compound file (OLE2)"));
  CHECK(problem("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n") == "damaged or truncated PDF: poppler cannot open it");
}

TEST_CASE("the format is told by the content: a .docx named .txt is read as Word, a text named .docx as text") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "agencygraph-formats-detect";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kFormats + "/seeds/xianning-2023-p1.docx", dir / "a-word-file.txt");
  std::filesystem::copy_file(std::string(AGENCYGRAPH_EXAMPLES) + "/xianning-2023-p2.txt", dir / "b-text-file.docx");
  const ExtractResult result = extract_files({dir.string()}, {});
  std::filesystem::remove_all(dir);
  REQUIRE(result.errors.empty());
  REQUIRE(result.documents.size() == 1);  // both pages of one document, merged by their title
  const Document& document = result.documents[0];
  REQUIRE(document.sources.size() == 2);
  CHECK(document.sources[0].format == "docx");
  CHECK(document.sources[1].format == "text");
  CHECK(document.tasks.size() == 50);
}

TEST_CASE("bad files among good ones: one line each, in input order, and every good input is still read") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "agencygraph-formats-mixed";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  };
  const std::string good = read(kFormats + "/seeds/tongshan-2023-excerpt.docx");
  write("1-good.docx", good);
  write("2-truncated.docx", good.substr(0, good.size() - 200));
  std::filesystem::copy_file(kFormats + "/bad/zip-bomb.docx", dir / "3-bomb.docx");
  std::filesystem::copy_file(kFormats + "/tables/xianning-2023-table.xlsx", dir / "4-good.xlsx");
  write("5-nested.docx", [] {
    std::string xml = "<w:p/>";
    for (int k = 0; k < 40; ++k) xml = "<w:tbl><w:tr><w:tc>" + xml + "</w:tc></w:tr></w:tbl>";
    return docx_package(xml);
  }());
  std::filesystem::copy_file(std::string(AGENCYGRAPH_EXAMPLES) + "/jingzhou-2020.txt", dir / "6-good.txt");
  const ExtractResult result = extract_files({dir.string()}, {});
  std::filesystem::remove_all(dir);
  REQUIRE(result.errors.size() == 3);
  CHECK(result.errors[0].path.ends_with("2-truncated.docx"));
  CHECK(result.errors[0].problem == "damaged or truncated ZIP archive (not a zip archive)");
  CHECK(result.errors[1].path.ends_with("3-bomb.docx"));
  CHECK(result.errors[1].problem.find("ZIP bomb") != std::string::npos);
  CHECK(result.errors[2].path.ends_with("5-nested.docx"));
  CHECK(result.errors[2].problem == "table 17: tables nested more than 16 deep");
  for (const InputError& error : result.errors) CHECK(error.problem.find('\n') == std::string::npos);
  REQUIRE(result.documents.size() == 3);
  CHECK(result.documents[0].tasks.size() == 18);   // 通山
  CHECK(result.documents[1].tasks.size() == 11);   // 咸宁, the workbook
  CHECK(result.documents[2].tasks.size() == 114);  // 荆州
}
