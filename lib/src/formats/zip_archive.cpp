#include "formats/zip_archive.hpp"

#include <zip.h>

#include "formats/format_error.hpp"

namespace agencygraph::detail {
namespace {

// libzip's messages start with a capital ("Not a zip archive"), which reads oddly after a colon;
// an acronym ("CRC error") keeps its.
std::string lower_first(std::string text) {
  if (text.size() >= 2 && text[0] >= 'A' && text[0] <= 'Z' && !(text[1] >= 'A' && text[1] <= 'Z'))
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string problem(zip_error_t* error) { return lower_first(zip_error_strerror(error)); }

std::string megabytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

// Closes an entry however reading it ends.
struct OpenEntry {
  zip_file_t* file;
  ~OpenEntry() { zip_fclose(file); }
};

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::size_t max_total_bytes)
    : limit_(max_total_bytes), budget_(max_total_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string message = problem(&error);
    zip_error_fini(&error);
    throw FormatError("cannot read the ZIP archive: " + message);
  }
  zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (zip_ == nullptr) {
    zip_source_free(source);
    const std::string message = problem(&error);
    zip_error_fini(&error);
    throw FormatError("damaged or truncated ZIP archive (" + message + ")");
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (zip_ != nullptr) zip_discard(zip_);
}

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
    throw FormatError(name + ": damaged ZIP entry (" + problem(zip_get_error(zip_)) + ")");
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
    throw FormatError(name + ": password-protected; save the file without a password and read it again");
  const zip_uint64_t declared = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  const zip_uint64_t packed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  if (declared > budget_)
    throw FormatError(name + ": unpacks to more than " + megabytes(limit_) +
                      " with the entries before it (a ZIP bomb?): not read");
  if (declared > kExpansionFloor && declared / kMaxExpansion > packed)
    throw FormatError(name + ": would expand " + std::to_string(declared / (packed == 0 ? 1 : packed)) +
                      " times its packed size (a ZIP bomb?): not read");

  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) throw FormatError(name + ": cannot unpack (" + problem(zip_get_error(zip_)) + ")");
  const OpenEntry entry{file};
  std::string bytes(static_cast<std::size_t>(declared), '\0');
  std::size_t filled = 0;
  while (true) {
    if (filled == bytes.size()) {
      // A byte more than declared means the entry lies about its size: no further reading.
      char extra = 0;
      const zip_int64_t more = zip_fread(file, &extra, 1);
      if (more < 0) throw FormatError(name + ": damaged ZIP entry (" + problem(zip_file_get_error(file)) + ")");
      if (more > 0) throw FormatError(name + ": damaged ZIP entry (more data than its header says)");
      break;
    }
    const zip_int64_t got = zip_fread(file, bytes.data() + filled, bytes.size() - filled);
    if (got < 0) throw FormatError(name + ": damaged ZIP entry (" + problem(zip_file_get_error(file)) + ")");
    if (got == 0) throw FormatError(name + ": damaged ZIP entry (less data than its header says)");
    filled += static_cast<std::size_t>(got);
  }
  budget_ -= bytes.size();
  return bytes;
}

}  // namespace agencygraph::detail
