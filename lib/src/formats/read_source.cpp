#include "formats/read_source.hpp"

#include <utility>

#include "agencygraph/decode.hpp"
#include "formats/docx_reader.hpp"
#include "formats/format_error.hpp"
#include "formats/ooxml_package.hpp"
#include "formats/xlsx_reader.hpp"

namespace agencygraph::detail {

FileKind detect_file_kind(std::string_view bytes) {
  // A ZIP archive starts with a local file header (or, empty, with the end of its directory).
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return FileKind::Zip;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::CompoundFile;
  if (bytes.starts_with("%PDF-")) return FileKind::Pdf;
  return FileKind::Text;
}

Source read_source(const std::string& path, std::string bytes, const ExtractOptions& options) {
  switch (detect_file_kind(bytes)) {
    case FileKind::Zip: {
      OoxmlPackage package(bytes);
      return package.kind() == OoxmlKind::Word ? read_docx(path, package, bytes.size())
                                               : read_xlsx(path, package, bytes.size());
    }
    // ---- dispatch points for the readers of the binary formats (branch formats-binary) ----
    // A compound file (OLE2) is a Word 97-2003 document, an Excel 97-2003 workbook, or an
    // encrypted Office Open XML file (EncryptionInfo and EncryptedPackage streams); the reader that
    // opens it tells which and calls read_doc / read_xls (formats/doc_reader.hpp, xls_reader.hpp).
    case FileKind::CompoundFile:
      throw FormatError("a Word or Excel 97-2003 file (.doc, .xls) or an encrypted Office file: "
                        "these files are not supported yet");
    // PDF: read_pdf (formats/pdf_reader.hpp).
    case FileKind::Pdf:
      throw FormatError("a PDF file: PDF files are not supported yet");
    case FileKind::Text:
      break;
  }
  DecodedText decoded = decode_owned(std::move(bytes), options.encoding);
  return Source{path, std::move(decoded.encoding), std::move(decoded.text)};
}

}  // namespace agencygraph::detail
