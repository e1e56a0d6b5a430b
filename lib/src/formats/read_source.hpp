// Stage 1, reading a file: bytes -> a Source of lines the parser reads.
//
// The format is told by the content, never by the name: office documents and PDF go through their
// reader (one per format in this folder), which keeps each table row as one TAB-separated line and
// says in Source::places where each line stands in the file (lines_builder.hpp); everything else
// is decoded as text (decode.hpp), and HTML is converted later by extract_document().
#pragma once

#include <compare>
#include <cstddef>
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

// The bytes' length and hash, by which identical inputs are told (ExtractOptions::on_duplicate).
struct ContentKey {
  std::size_t length = 0;
  std::size_t hash = 0;
  auto operator<=>(const ContentKey&) const = default;
};

// The Source of the file at `path` ("-": stdin), read as read_source() reads its bytes, and the
// bytes' key. A text file of at least ExtractOptions::read_in_place_from bytes that decoding would
// leave as it is (UTF-8 but for a BOM) is mapped rather than read (Source::mapping). Throws as
// read_source(), and std::runtime_error when the file cannot be read.
Source read_source_file(const std::string& path, const ExtractOptions& options, ContentKey& key);

}  // namespace agencygraph::detail
