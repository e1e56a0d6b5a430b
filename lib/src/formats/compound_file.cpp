#include "formats/compound_file.hpp"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include <mutex>

#include "formats/format_error.hpp"

namespace agencygraph::detail {
namespace {

GsfInfile* as_infile(void* infile) { return static_cast<GsfInfile*>(infile); }

// libgsf reports what it finds wrong in a damaged file as GLib warnings on stderr; the reader
// reports the file itself, in one line.
void discard(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

void initialise() {
  // libgsf registers its GObject types once per process, whatever thread reads first.
  static std::once_flag initialised;
  std::call_once(initialised, [] {
    gsf_init();
    const auto levels = static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO |
                                                    G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_CRITICAL);
    // libgsf's own warnings carry its domains, some (gsf-infile.c) none: agencygraph uses GLib only
    // through libgsf, so the default domain's warnings are libgsf's too.
    for (const char* domain : {"libgsf", "libgsf:msole", static_cast<const char*>(nullptr)})
      g_log_set_handler(domain, levels, discard, nullptr);
  });
}

}  // namespace

CompoundFile::CompoundFile(std::string_view bytes) : file_bytes_(bytes.size()) {
  initialise();
  // The memory input does not copy and, with FALSE, does not free: `bytes` outlives this object.
  GsfInput* input = gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                         static_cast<gsf_off_t>(bytes.size()), FALSE);
  if (input == nullptr) throw FormatError("damaged or truncated compound file (OLE2)");
  GError* error = nullptr;
  GsfInfile* infile = gsf_infile_msole_new(input, &error);
  g_object_unref(input);  // the infile holds its own reference
  if (infile == nullptr) {
    std::string reason = error != nullptr && error->message != nullptr ? error->message : "unreadable";
    if (error != nullptr) g_error_free(error);
    throw FormatError("damaged or truncated compound file (OLE2): " + reason);
  }
  infile_ = infile;
}

CompoundFile::~CompoundFile() {
  if (infile_ != nullptr) g_object_unref(as_infile(infile_));
}

std::vector<std::string> CompoundFile::names() const {
  std::vector<std::string> out;
  const int count = gsf_infile_num_children(as_infile(infile_));
  for (int i = 0; i < count; ++i)
    if (const char* name = gsf_infile_name_by_index(as_infile(infile_), i)) out.emplace_back(name);
  return out;
}

bool CompoundFile::has(std::string_view name) const {
  for (const std::string& child : names())
    if (child == name) return true;
  return false;
}

std::optional<std::string> CompoundFile::stream(const std::string& name) const {
  if (!has(name)) return std::nullopt;
  GsfInput* input = gsf_infile_child_by_name(as_infile(infile_), name.c_str());
  if (input == nullptr) throw FormatError("stream " + name + ": damaged, cannot be opened");
  const gsf_off_t size = gsf_input_size(input);
  if (size < 0 || static_cast<std::size_t>(size) > file_bytes_) {
    g_object_unref(input);
    throw FormatError("stream " + name + ": claims " + std::to_string(size) +
                      " bytes, more than the file holds (damaged)");
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  const bool read = size == 0 || gsf_input_read(input, static_cast<std::size_t>(size),
                                                reinterpret_cast<guint8*>(bytes.data())) != nullptr;
  g_object_unref(input);
  if (!read) throw FormatError("stream " + name + ": damaged or truncated");
  return bytes;
}

}  // namespace agencygraph::detail
