// A large file read in place: mapped read-only, its pages given back as reading moves on, so that
// a document of a gigabyte does not hold a gigabyte of memory (README, "Large documents").
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace agencygraph {

// The pages of a read-only private mapping come from the page cache: dropped from the process
// (madvise MADV_DONTNEED), a page read again is mapped again from the cache, with the same bytes.
// So that every reader of the text (decoding's checks, the line index, the parser, the writers)
// need not say where it has got to, a watcher thread drops all the mapping's pages at a short
// interval while the mapping lives: what the process holds of the file is what was read since.
class MappedFile {
 public:
  // Maps the regular file `path` when it holds at least `least_bytes`; nullptr when it is smaller,
  // not a regular file, or cannot be mapped (the caller then reads it as it reads any file).
  static std::shared_ptr<const MappedFile> map_if_large(const std::string& path, std::size_t least_bytes);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {static_cast<const char*>(address_), size_}; }

  // The path of the mapped file that holds `address`, or nullptr. Safe in a signal handler: a file
  // that shrinks while it is mapped raises SIGBUS where its lost pages are read, and the handler
  // (the command's) names the file rather than dying of a bus error.
  static const char* path_at(const void* address) noexcept;

 private:
  struct Watcher;
  MappedFile(void* address, std::size_t size, const std::string& path);
  void* address_ = nullptr;
  std::size_t size_ = 0;
  int slot_ = -1;  // its entry in the table path_at() reads, if there was room
  std::unique_ptr<Watcher> watcher_;
};

}  // namespace agencygraph
