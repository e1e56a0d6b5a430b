#include "formats/ooxml_package.hpp"

#include <cstring>
#include <utility>

#include "formats/format_error.hpp"

namespace agencygraph::detail {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// The relationships part of a part: word/document.xml -> word/_rels/document.xml.rels.
std::string relationships_part(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  return folder + "_rels/" + file + ".rels";
}

std::string_view last_segment(std::string_view uri) {
  const std::size_t slash = uri.rfind('/');
  return slash == std::string_view::npos ? uri : uri.substr(slash + 1);
}

}  // namespace

std::string_view local_name(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

XmlPart::XmlPart(std::string name, std::string bytes)
    : name_(std::move(name)), bytes_(std::make_unique<std::string>(std::move(bytes))) {
  // parse_doctype keeps a DOCTYPE as a node, to be refused; whitespace that is all of an element's
  // text is kept (<w:t xml:space="preserve"> </w:t> is a space between words).
  const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result result =
      document_.load_buffer_inplace(bytes_->data(), bytes_->size(), options, pugi::encoding_auto);
  if (!result)
    throw FormatError(name_ + ": not well-formed XML (" + result.description() + " at byte " +
                      std::to_string(result.offset) + ")");
  for (pugi::xml_node node = document_.first_child(); node; node = node.next_sibling())
    if (node.type() == pugi::node_doctype)
      throw FormatError(name_ + ": XML with a DOCTYPE, which office software never writes (entity declarations are not read)");
  if (!root()) throw FormatError(name_ + ": XML without an element");
}

std::string XmlPart::prefix(std::string_view transitional_uri, std::string_view strict_uri, std::string_view usual) const {
  for (pugi::xml_attribute attribute : root().attributes()) {
    const std::string_view name = attribute.name();
    const std::string_view value = attribute.value();
    if (value != transitional_uri && value != strict_uri) continue;
    if (name == "xmlns") return "";
    if (name.starts_with("xmlns:")) return std::string(name.substr(6)) + ":";
  }
  return std::string(usual) + ":";
}

std::string resolve_part_name(const std::string& source_part, std::string_view target) {
  std::vector<std::string> segments;
  if (!target.starts_with('/')) {
    // relative to the source part's folder
    std::size_t begin = 0;
    for (std::size_t slash; (slash = source_part.find('/', begin)) != std::string::npos; begin = slash + 1)
      segments.push_back(source_part.substr(begin, slash - begin));
  }
  std::size_t begin = 0;
  while (begin <= target.size()) {
    std::size_t end = target.find('/', begin);
    if (end == std::string_view::npos) end = target.size();
    const std::string_view segment = target.substr(begin, end - begin);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.emplace_back(segment);
    }
    begin = end + 1;
  }
  std::string name;
  for (const std::string& segment : segments) {
    if (!name.empty()) name += '/';
    name += segment;
  }
  return name;
}

OoxmlPackage::OoxmlPackage(std::string_view bytes) : archive_(bytes) {
  if (!archive_.contains("[Content_Types].xml")) {
    const std::optional<std::string> mimetype = archive_.contains("mimetype") ? archive_.read("mimetype") : std::nullopt;
    if (mimetype && mimetype->starts_with("application/vnd.oasis.opendocument"))
      throw FormatError("an OpenDocument file (" + *mimetype + "), not read: save it as .docx or .xlsx");
    throw FormatError("a ZIP archive, not a Word (.docx) or Excel (.xlsx) document");
  }
  main_part_ = related("", "officeDocument").value_or("");
  if (main_part_.empty()) {
    // No package relationships: the parts' usual names.
    if (archive_.contains("word/document.xml")) main_part_ = "word/document.xml";
    else if (archive_.contains("xl/workbook.xml")) main_part_ = "xl/workbook.xml";
    else throw FormatError("an Open XML package without a main document (_rels/.rels names none)");
  }
  if (!archive_.contains(main_part_)) throw FormatError(main_part_ + ": missing from the package");
  const std::string type = content_type(main_part_).value_or("");
  if (contains(type, "wordprocessingml") || contains(type, "ms-word")) {
    kind_ = OoxmlKind::Word;
  } else if (contains(type, "spreadsheetml") || contains(type, "ms-excel")) {
    if (contains(type, "binary"))
      throw FormatError("a binary Excel workbook (.xlsb), not read: save it as .xlsx");
    kind_ = OoxmlKind::Excel;
  } else if (contains(type, "presentationml") || contains(type, "ms-powerpoint")) {
    throw FormatError("a PowerPoint presentation, not a Word or Excel document");
  } else if (main_part_ == "word/document.xml") {  // no content type, or a generic one: the usual names
    kind_ = OoxmlKind::Word;
  } else if (main_part_ == "xl/workbook.xml") {
    kind_ = OoxmlKind::Excel;
  } else {
    throw FormatError("an Open XML package whose main part " + main_part_ + " is " +
                      (type.empty() ? std::string("of no known type") : type) + ", not a Word or Excel document");
  }
}

std::vector<Relationship> OoxmlPackage::relationships(const std::string& part) {
  std::vector<Relationship> out;
  const std::optional<XmlPart> rels = xml(relationships_part(part));
  if (!rels) return out;
  for (pugi::xml_node node : rels->root().children()) {
    if (local_name(node.name()) != "Relationship") continue;
    Relationship relationship;
    relationship.id = node.attribute("Id").value();
    relationship.type = last_segment(node.attribute("Type").value());
    if (!equals_ignoring_case(node.attribute("TargetMode").value(), "External"))
      relationship.target = resolve_part_name(part, node.attribute("Target").value());
    out.push_back(std::move(relationship));
  }
  return out;
}

std::optional<std::string> OoxmlPackage::related(const std::string& part, std::string_view type) {
  for (Relationship& relationship : relationships(part))
    if (relationship.type == type && !relationship.target.empty()) return std::move(relationship.target);
  return std::nullopt;
}

std::optional<XmlPart> OoxmlPackage::xml(const std::string& part) {
  std::optional<std::string> bytes = archive_.read(part);
  if (!bytes) return std::nullopt;
  return XmlPart(part, std::move(*bytes));
}

std::optional<std::string> OoxmlPackage::content_type(const std::string& part) {
  const std::optional<XmlPart> types = xml("[Content_Types].xml");
  if (!types) return std::nullopt;
  const std::size_t dot = part.rfind('.');
  const std::string extension = dot == std::string::npos ? "" : part.substr(dot + 1);
  std::optional<std::string> by_extension;
  for (pugi::xml_node node : types->root().children()) {
    const std::string_view name = local_name(node.name());
    if (name == "Override") {
      std::string_view part_name = node.attribute("PartName").value();
      if (part_name.starts_with('/')) part_name.remove_prefix(1);
      if (equals_ignoring_case(part_name, part)) return node.attribute("ContentType").value();
    } else if (name == "Default" && equals_ignoring_case(node.attribute("Extension").value(), extension)) {
      by_extension = node.attribute("ContentType").value();
    }
  }
  return by_extension;
}

}  // namespace agencygraph::detail
