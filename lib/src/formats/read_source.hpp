// Stage 1, reading a file: bytes -> a Source of lines the parser reads.
//
// The format is told by the content, never by the name: office documents and PDF go through their
// reader (one per format in this folder), which keeps each table row as one TAB-separated line and
// says in Source::places where each line stands in the file; everything else is decoded as text
// (decode.hpp), and HTML is converted later by extract_document().
#pragma once

#include <string>

#include "agencygraph/extract.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph::detail {

// The Source of the file at `path` whose bytes are `bytes`. Throws std::runtime_error (DecodeError
// for text) with a one-line problem that names the place in the file where there is one.
Source read_source(const std::string& path, std::string bytes, const ExtractOptions& options);

}  // namespace agencygraph::detail
