// Little-endian integers at byte offsets of a binary record, as the Word and Excel 97-2003 formats
// store them. The caller checks with fits() first: these read without checking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace agencygraph::detail {

inline std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
inline std::uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}
// Whether `length` bytes from `at` lie inside `b`.
inline bool fits(std::string_view b, std::size_t at, std::size_t length) {
  return at <= b.size() && length <= b.size() - at;
}

}  // namespace agencygraph::detail
