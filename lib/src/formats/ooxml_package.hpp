// An Office Open XML package (DOCX, XLSX): a ZIP archive of XML parts tied together by
// relationships ([ECMA-376] Part 2, Open Packaging Conventions).
//
// Parts are found as Office finds them, through relationships (_rels/.rels names the main part,
// word/_rels/document.xml.rels its numbering and styles), not by conventional names, and what a
// package is comes from its main part's content type. XML is parsed by pugixml, which expands no
// entities but the five predefined ones and character references; a part with a DOCTYPE is refused,
// since office software never writes one and a DOCTYPE is how entity expansion is smuggled in.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "formats/zip_archive.hpp"

namespace agencygraph::detail {

struct Relationship {
  std::string id;      // rId1
  std::string type;    // the last segment of the type URI: officeDocument, styles, numbering, worksheet
  std::string target;  // the part it points to, as a part name ("word/numbering.xml"); empty if external
};

// One XML part, parsed. Element names are compared with their prefix as the part declares it
// (prefix("w") is "w:" in Word's own files, but any prefix, or none, is valid XML).
class XmlPart {
 public:
  // Parses `bytes`; throws FormatError naming the part when it is not well-formed or has a DOCTYPE.
  XmlPart(std::string name, std::string bytes);
  XmlPart(XmlPart&&) = default;
  XmlPart& operator=(XmlPart&&) = default;

  const std::string& name() const { return name_; }
  pugi::xml_node root() const { return document_.document_element(); }

  // The prefix (with its colon, or "" for the default namespace) the root element binds to either
  // namespace URI; `usual` with a colon when it binds neither.
  std::string prefix(std::string_view transitional_uri, std::string_view strict_uri, std::string_view usual) const;

 private:
  std::string name_;
  std::unique_ptr<std::string> bytes_;  // parsed in place: pugixml's strings point into it, so it never moves
  pugi::xml_document document_;
};

enum class OoxmlKind { Word, Excel };

class OoxmlPackage {
 public:
  // Opens the package in `bytes` (which must outlive it) and finds its main part. Throws
  // FormatError for a damaged ZIP archive and for a ZIP archive that is not a Word or Excel
  // document (OpenDocument, PowerPoint, binary workbooks, any other archive), saying which.
  explicit OoxmlPackage(std::string_view bytes);

  OoxmlKind kind() const { return kind_; }
  const std::string& main_part() const { return main_part_; }

  // The relationships of a part ("" for the package's own), empty when it has none.
  std::vector<Relationship> relationships(const std::string& part);
  // The part `part` points to by a relationship of `type`, if any.
  std::optional<std::string> related(const std::string& part, std::string_view type);

  // The part parsed, std::nullopt when the package has no such part.
  std::optional<XmlPart> xml(const std::string& part);

 private:
  std::optional<std::string> content_type(const std::string& part);

  ZipArchive archive_;
  OoxmlKind kind_ = OoxmlKind::Word;
  std::string main_part_;
};

// The part name a relationship target stands for, from the part that holds the relationship:
// relative to its folder, "/…" from the package root, "." and ".." resolved, never above the root.
std::string resolve_part_name(const std::string& source_part, std::string_view target);

// An element's or attribute's name without its prefix.
std::string_view local_name(const char* name);

}  // namespace agencygraph::detail
