#include "formats/read_source.hpp"

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

}  // namespace

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
