// Reading a whole input as bytes, for decode(). POSIX calls so that errors carry errno's reason
// and a directory is refused up front (std::ifstream opens one and then reads nothing).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "agencygraph/decode.hpp"

namespace agencygraph {
namespace {

[[noreturn]] void fail(const char* what, int err) {
  throw std::runtime_error(std::string(what) + ": " + std::strerror(err));
}

// Reads to end of file into `out`, growing it as needed; `out` may already be sized to the
// expected length so that a regular file is read with no reallocation and no extra copy.
void read_all(int fd, std::string& out) {
  std::size_t used = 0;
  if (out.size() < 64 * 1024) out.resize(64 * 1024);
  for (;;) {
    if (used == out.size()) out.resize(out.size() * 2);
    const ssize_t got = ::read(fd, out.data() + used, out.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      out.clear();
      fail("cannot read", err);
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  out.resize(used);
}

}  // namespace

std::string read_file_bytes(const std::string& path) {
  std::string out;
  if (path == "-") {  // stdin: file descriptors have no text mode on POSIX
    read_all(STDIN_FILENO, out);
    return out;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    const int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
    ::close(fd);
    fail("cannot open", err);
  }
  // One byte past the size, so that reaching end of file needs no second buffer growth.
  if (S_ISREG(st.st_mode)) out.resize(static_cast<std::size_t>(st.st_size) + 1);
  try {
    read_all(fd, out);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return out;
}

}  // namespace agencygraph
