// What the Word and Excel fuzz targets make of their input, and what they check of the result.
//
// Random bytes seldom survive a ZIP archive's CRC checks, so the fuzzer would mostly test libzip's
// rejections. The input is therefore either a whole file (first byte 'Z': the ZIP layer itself)
// or the XML of the package's parts, separated by a NUL byte, which the target packs into a valid
// package, uncompressed, before reading it: the mutations then reach the XML parser and the
// readers' walks over paragraphs, tables, numbering, sheets and cells.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/decode.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph::test {

inline std::vector<std::string> split_parts(std::string_view input, std::size_t parts) {
  std::vector<std::string> out;
  while (out.size() + 1 < parts) {
    const std::size_t nul = input.find('\0');
    if (nul == std::string_view::npos) break;
    out.emplace_back(input.substr(0, nul));
    input.remove_prefix(nul + 1);
  }
  out.emplace_back(input);
  out.resize(parts);
  return out;
}

// A converted Source is what the parser may be given: one place per line, valid UTF-8, and no
// control characters but the line breaks and the TABs between cells.
inline bool converted_source_is_sound(const Source& source) {
  const std::size_t lines = static_cast<std::size_t>(std::count(source.text.begin(), source.text.end(), '\n')) + 1;
  if (source.places.empty() ? !source.text.empty() : source.places.size() != lines) return false;
  for (char c : source.text)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') return false;
  try {
    decode(source.text, std::string("UTF-8"));
  } catch (const DecodeError&) {
    return false;
  }
  return true;
}

}  // namespace agencygraph::test
