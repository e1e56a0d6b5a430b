#include "formats/read_source.hpp"

#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>

#include "agencygraph/decode.hpp"
#include "formats/compound_file.hpp"
#include "formats/doc_reader.hpp"
#include "formats/docx_reader.hpp"
#include "formats/format_error.hpp"
#include "formats/ooxml_package.hpp"
#include "formats/pdf_reader.hpp"
#include "formats/xls_reader.hpp"
#include "formats/xlsx_reader.hpp"
#include "text/mapped_file.hpp"
#include "text/printed_forms.hpp"

namespace agencygraph::detail {

FileKind detect_file_kind(std::string_view bytes) {
  // A ZIP archive starts with a local file header (or, empty, with the end of its directory).
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return FileKind::Zip;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::CompoundFile;
  if (bytes.starts_with("%PDF-")) return FileKind::Pdf;
  return FileKind::Text;
}

namespace {

Source read_office_or_pdf(const std::string& path, FileKind kind, const std::string& bytes) {
  switch (kind) {
    case FileKind::Zip: {
      OoxmlPackage package(bytes);
      return package.kind() == OoxmlKind::Word ? read_docx(path, package, bytes.size())
                                               : read_xlsx(path, package, bytes.size());
    }
    // A compound file (OLE2) is told by its streams: a Word 97-2003 document has a WordDocument
    // stream, an Excel 97-2003 workbook a Workbook (Book in Excel 95) stream, and an encrypted
    // Office Open XML file (.docx or .xlsx with a password) EncryptionInfo and EncryptedPackage.
    case FileKind::CompoundFile: {
      const CompoundFile file(bytes);
      if (file.has("EncryptionInfo") || file.has("EncryptedPackage"))
        throw FormatError("an encrypted (password-protected) Word or Excel file: not read");
      if (file.has("WordDocument")) return read_doc(path, file, bytes);
      if (file.has("Workbook") || file.has("Book")) return read_xls(path, file, bytes);
      throw FormatError("a compound file (OLE2) that is neither a Word nor an Excel document "
                        "(no WordDocument or Workbook stream)");
    }
    case FileKind::Pdf:
      return read_pdf(path, bytes);
    case FileKind::Text:
      break;
  }
  throw std::logic_error("read_office_or_pdf called for a text file");
}

// The text of a mapped file when decoding gives back its very bytes (but for a UTF-8 BOM); nullopt
// otherwise. Decoding is run on pieces of a few megabytes ending at line breaks, so that no copy of
// the whole file is made: its changes (zero-width characters dropped, small forms and letter-spaced
// words, encodings) never reach across a line break, so pieces that come back unchanged make a
// file that comes back unchanged.
std::optional<std::string_view> text_decoding_keeps(std::string_view bytes) {
  constexpr std::size_t kPiece = std::size_t{4} << 20;
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.size();
    if (text.size() - at > kPiece) {
      const std::size_t newline = text.find('\n', at + kPiece);
      if (newline != std::string_view::npos) end = newline + 1;
    }
    const std::string_view piece = text.substr(at, end - at);
    try {
      const DecodedText decoded = decode(piece);
      if (decoded.encoding != "UTF-8" || decoded.text != piece) return std::nullopt;
    } catch (const DecodeError&) {
      return std::nullopt;  // read whole, which says what is wrong and where
    }
    at = end;
  }
  return text;
}

}  // namespace

Source read_source_file(const std::string& path, const ExtractOptions& options, ContentKey& key) {
  const auto key_of = [](std::string_view bytes) { return ContentKey{bytes.size(), std::hash<std::string_view>{}(bytes)}; };
  if (path != "-" && options.read_in_place_from > 0 && !options.encoding)
    if (std::shared_ptr<const MappedFile> mapping = MappedFile::map_if_large(path, options.read_in_place_from)) {
      const std::string_view bytes = mapping->bytes();
      key = key_of(bytes);
      if (detect_file_kind(bytes) == FileKind::Text)
        if (const std::optional<std::string_view> text = text_decoding_keeps(bytes)) {
          Source source{path, "UTF-8", ""};
          source.mapping = std::move(mapping);
          source.mapped = *text;
          return source;
        }
      return read_source(path, std::string(bytes), options);
    }
  std::string bytes = read_file_bytes(path);
  key = key_of(bytes);
  return read_source(path, std::move(bytes), options);
}

Source read_source(const std::string& path, std::string bytes, const ExtractOptions& options) {
  if (const FileKind kind = detect_file_kind(bytes); kind != FileKind::Text) {
    Source source = read_office_or_pdf(path, kind, bytes);
    normalize_printed_forms(source.text);  // as decoding does for a text (decode.cpp)
    return source;
  }
  DecodedText decoded = decode_owned(std::move(bytes), options.encoding);
  return Source{path, std::move(decoded.encoding), std::move(decoded.text)};
}

}  // namespace agencygraph::detail
