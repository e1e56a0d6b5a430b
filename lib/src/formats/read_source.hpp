// Stage 1, reading a file: bytes -> a Source of lines the parser reads.
//
// The format is told by the content, never by the name: office documents and PDF go through their
// reader (one per format in this folder), which keeps each table row as one TAB-separated line and
// says in Source::places where each line stands in the file (lines_builder.hpp); everything else
// is decoded as text (decode.hpp), and HTML is converted later by extract_document().
#pragma once

#include <string>
#include <string_view>

#include "agencygraph/extract.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph::detail {

enum class FileKind {
  Zip,           // PK\3\4: Office Open XML (DOCX, XLSX) or another archive
  CompoundFile,  // D0 CF 11 E0 A1 B1 1A E1: OLE2 (DOC, XLS, encrypted Office Open XML)
  Pdf,           // %PDF-
  Text,          // anything else: text or HTML, or binary data decode() rejects
};

// What the file is, by its first bytes.
FileKind detect_file_kind(std::string_view bytes);

// The Source of the file at `path` whose bytes are `bytes`. Throws FormatError (formats/
// format_error.hpp) for an office file or PDF that cannot be read, DecodeError for text, each with
// a one-line problem that names the place in the file where there is one.
Source read_source(const std::string& path, std::string bytes, const ExtractOptions& options);

}  // namespace agencygraph::detail
