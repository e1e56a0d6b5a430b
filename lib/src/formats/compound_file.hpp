// An OLE2 compound file ([MS-CFB]): the container of Word 97-2003 documents, Excel 97-2003
// workbooks and encrypted Office Open XML files, opened through libgsf (GsfInfileMSOle), which
// follows the sector chains and refuses chains that loop or leave the file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

class CompoundFile {
 public:
  // Opens the compound file in `bytes` (which must outlive it). Throws FormatError for one that
  // cannot be opened (damaged or truncated).
  explicit CompoundFile(std::string_view bytes);
  ~CompoundFile();
  CompoundFile(const CompoundFile&) = delete;
  CompoundFile& operator=(const CompoundFile&) = delete;

  // The names of the streams and storages at the top level.
  std::vector<std::string> names() const;
  bool has(std::string_view name) const;

  // A top-level stream's bytes, std::nullopt when there is none of that name. Throws FormatError
  // when it cannot be read, or claims to be larger than the file (a stream's sectors are in the
  // file, so it cannot be).
  std::optional<std::string> stream(const std::string& name) const;

 private:
  void* infile_ = nullptr;  // GsfInfile*; void* keeps GLib's headers out of the readers
  std::size_t file_bytes_ = 0;
};

}  // namespace agencygraph::detail
