// A ZIP archive held in memory (the container of DOCX and XLSX), read through libzip with limits.
//
// Why the limits: an archive states its entries' sizes, and a small file can unpack to gigabytes
// (a ZIP bomb) or lie about its sizes. Every entry read counts against a budget for the whole file,
// an entry that would expand more than kMaxExpansion times its compressed size (beyond a small
// minimum) is refused before it is unpacked, and no entry is read past the size it declares.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace agencygraph::detail {

class ZipArchive {
 public:
  static constexpr std::size_t kMaxTotalBytes = std::size_t{256} << 20;  // unpacked, all entries read
  static constexpr std::size_t kMaxExpansion = 200;                     // unpacked / packed, per entry
  static constexpr std::size_t kExpansionFloor = std::size_t{1} << 20;  // entries up to this may expand more

  // Opens the archive in `bytes`, which must outlive it. Throws FormatError when it is not a
  // complete, consistent ZIP archive (truncated, damaged). `max_total_bytes` is kMaxTotalBytes but
  // in tests of the limit.
  explicit ZipArchive(std::string_view bytes, std::size_t max_total_bytes = kMaxTotalBytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Whether an entry of that name is in the archive (names compared without regard to case, as
  // Open Packaging part names are).
  bool contains(const std::string& name) const;

  // The unpacked bytes of the entry, std::nullopt when there is none. Throws FormatError naming
  // the entry when it is password-protected, compressed in a way libzip cannot unpack, damaged
  // (CRC or data errors), larger than it says, or beyond the limits above.
  std::optional<std::string> read(const std::string& name);

 private:
  struct zip* zip_ = nullptr;
  std::size_t limit_;   // unpacked bytes allowed in all
  std::size_t budget_;  // unpacked bytes still allowed
};

}  // namespace agencygraph::detail
