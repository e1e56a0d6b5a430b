// Building Word and Excel packages in memory for the format readers' tests: each test writes the
// XML it is about by hand, and libzip (the readers' own ZIP library, here writing) packs it.
#pragma once

#include <zip.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "formats/read_source.hpp"

namespace agencygraph::test {

struct ZipEntry {
  std::string name;
  std::string data;
  const char* password = nullptr;  // encrypted with traditional PKWARE encryption when set
  bool stored = false;             // not compressed
};

// A ZIP archive of the entries, as bytes.
inline std::string make_zip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) throw std::runtime_error("zip_source_buffer_create");
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source");
  for (const ZipEntry& entry : entries) {
    zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
    const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add " + entry.name);
    const auto at = static_cast<zip_uint64_t>(index);
    if (entry.stored) zip_set_file_compression(archive, at, ZIP_CM_STORE, 0);
    if (entry.password && zip_file_set_encryption(archive, at, ZIP_EM_TRAD_PKWARE, entry.password) != 0)
      throw std::runtime_error("zip_file_set_encryption");
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
  std::string bytes;
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  bytes.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
  zip_source_seek(buffer, 0, SEEK_SET);
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

inline const std::string kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline const std::string kRelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

inline std::string content_types(const std::string& overrides) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
         R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
         R"(<Default Extension="xml" ContentType="application/xml"/>)" +
         overrides + "</Types>";
}

inline std::string relationships(const std::vector<std::pair<std::string, std::string>>& type_targets) {
  std::string xml = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  int id = 0;
  for (const auto& [type, target] : type_targets)
    xml += "<Relationship Id=\"rId" + std::to_string(++id) + "\" Type=\"" + kRelationshipTypes + type +
           "\" Target=\"" + target + "\"/>";
  return xml + "</Relationships>";
}

// A Word package of the document part `document` (the whole XML of word/document.xml), with
// numbering.xml and styles.xml when given (their content inside <w:numbering>, <w:styles>).
// `stored`: the document part not compressed (so that no expansion limit applies to it).
inline std::string docx_from_document(const std::string& document, const std::string& numbering = "",
                                      const std::string& styles = "", bool stored = false) {
  std::vector<ZipEntry> entries;
  entries.push_back({"[Content_Types].xml",
                     content_types(R"(<Override PartName="/word/document.xml" ContentType="application/)"
                                   R"(vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)")});
  entries.push_back({"_rels/.rels", relationships({{"officeDocument", "word/document.xml"}})});
  entries.push_back({"word/document.xml", document, nullptr, stored});
  std::vector<std::pair<std::string, std::string>> parts;
  if (!numbering.empty()) {
    parts.emplace_back("numbering", "numbering.xml");
    entries.push_back({"word/numbering.xml", "<w:numbering xmlns:w=\"" + kWordNamespace + "\">" + numbering + "</w:numbering>"});
  }
  if (!styles.empty()) {
    parts.emplace_back("styles", "/word/styles.xml");  // an absolute target, as some writers give
    entries.push_back({"word/styles.xml", "<w:styles xmlns:w=\"" + kWordNamespace + "\">" + styles + "</w:styles>"});
  }
  entries.push_back({"word/_rels/document.xml.rels", relationships(parts)});
  return make_zip(entries);
}

// The XML of a Word document part whose body is `body` (w:p, w:tbl … in the w: namespace).
inline std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + kWordNamespace + "\"><w:body>" + body +
         "</w:body></w:document>";
}

// A Word package whose body is `body`.
inline std::string docx_package(const std::string& body, const std::string& numbering = "",
                                const std::string& styles = "") {
  return docx_from_document(document_xml(body), numbering, styles);
}

// Paragraphs of plain text, as body XML.
inline std::string paragraphs(const std::vector<std::string>& texts) {
  std::string xml;
  for (const std::string& text : texts) xml += "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  return xml;
}

struct Sheet {
  std::string name;
  std::string xml;  // the content of <worksheet>: <sheetData>…</sheetData>, <mergeCells>…
  std::string state = "";  // "hidden"
};

// An Excel package of sheets given as whole worksheet parts (name, XML), with shared strings and
// styles (their content inside <sst> and <styleSheet>) when given; `stored`: nothing compressed.
inline std::string xlsx_package_of_parts(const std::vector<std::pair<std::string, std::string>>& sheets,
                                         const std::string& shared_strings = "", const std::string& styles = "",
                                         const std::string& workbook_properties = "",
                                         const std::vector<std::string>& states = {}, bool stored = true) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::vector<ZipEntry> entries;
  entries.push_back({"[Content_Types].xml",
                     content_types(R"(<Override PartName="/xl/workbook.xml" ContentType="application/)"
                                   R"(vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)")});
  entries.push_back({"_rels/.rels", relationships({{"officeDocument", "xl/workbook.xml"}})});
  std::string workbook = "<workbook xmlns=\"" + ns + "\" xmlns:r=\"" + kRelationshipTypes.substr(0, kRelationshipTypes.size() - 1) +
                         "\">" + workbook_properties + "<sheets>";
  std::vector<std::pair<std::string, std::string>> parts;
  for (std::size_t k = 0; k < sheets.size(); ++k) {
    const std::string file = "worksheets/sheet" + std::to_string(k + 1) + ".xml";
    parts.emplace_back("worksheet", file);
    const std::string state = k < states.size() ? states[k] : "";
    workbook += "<sheet name=\"" + sheets[k].first + "\" sheetId=\"" + std::to_string(k + 1) + "\" r:id=\"rId" +
                std::to_string(k + 1) + "\"" + (state.empty() ? "" : " state=\"" + state + "\"") + "/>";
    entries.push_back({"xl/" + file, sheets[k].second, nullptr, stored});
  }
  workbook += "</sheets></workbook>";
  entries.push_back({"xl/workbook.xml", workbook});
  if (!shared_strings.empty()) {
    parts.emplace_back("sharedStrings", "sharedStrings.xml");
    entries.push_back({"xl/sharedStrings.xml", "<sst xmlns=\"" + ns + "\">" + shared_strings + "</sst>", nullptr, stored});
  }
  if (!styles.empty()) {
    parts.emplace_back("styles", "styles.xml");
    entries.push_back({"xl/styles.xml", "<styleSheet xmlns=\"" + ns + "\">" + styles + "</styleSheet>", nullptr, stored});
  }
  entries.push_back({"xl/_rels/workbook.xml.rels", relationships(parts)});
  return make_zip(entries);
}

// An Excel package of the sheets (the content of each <worksheet>: <sheetData>…, <mergeCells>…).
inline std::string xlsx_package(const std::vector<Sheet>& sheets, const std::string& shared_strings = "",
                                const std::string& styles = "", const std::string& workbook_properties = "") {
  std::vector<std::pair<std::string, std::string>> parts;
  std::vector<std::string> states;
  for (const Sheet& sheet : sheets) {
    parts.emplace_back(sheet.name, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                                       sheet.xml + "</worksheet>");
    states.push_back(sheet.state);
  }
  return xlsx_package_of_parts(parts, shared_strings, styles, workbook_properties, states, false);
}

// The file read as agencygraph reads every input.
inline Source read_bytes(const std::string& bytes, const std::string& path = "test") {
  return detail::read_source(path, bytes, {});
}

// The lines of a Source's text.
inline std::vector<std::string> lines(const Source& source) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = source.text.find('\n', begin);
    out.push_back(source.text.substr(begin, end - begin));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return out;
}

}  // namespace agencygraph::test
