#include "safe_stderr.hpp"

#include <unistd.h>

#include <iostream>
#include <streambuf>
#include <string>
#include <string_view>

#include "io/visible_text.hpp"

namespace agencygraph::cli {
namespace {

// Bytes of a UTF-8 sequence cut at the end of a write wait for the next write (stdio hands over a
// message in pieces when it is longer than the buffer), so that they are not taken as malformed.
std::string pending;

std::size_t incomplete_tail(std::string_view s) {
  for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const auto b = static_cast<unsigned char>(s[s.size() - back]);
    if ((b & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t length = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

void write_all(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
    if (n <= 0) return;  // nowhere else to report a failed message
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

ssize_t filtered_write(void*, const char* data, std::size_t size) {
  pending.append(data, size);
  const std::size_t keep = incomplete_tail(pending);
  write_all(io::visible_text(std::string_view(pending).substr(0, pending.size() - keep), /*keep_newlines=*/true));
  pending.erase(0, pending.size() - keep);
  return static_cast<ssize_t>(size);
}

int filtered_close(void*) {
  if (!pending.empty()) write_all(io::visible_text(pending, true));
  pending.clear();
  return 0;
}

// std::cerr's buffer: everything into the filtered stderr.
class ToStderr : public std::streambuf {
 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    return std::fputc(traits_type::to_char_type(c), stderr) == EOF ? traits_type::eof() : c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    return static_cast<std::streamsize>(std::fwrite(s, 1, static_cast<std::size_t>(n), stderr));
  }
  int sync() override { return std::fflush(stderr) == 0 ? 0 : -1; }
};

std::FILE* raw = nullptr;

}  // namespace

void make_stderr_safe() {
  if (raw != nullptr) return;
  raw = stderr;
  cookie_io_functions_t functions{nullptr, filtered_write, nullptr, filtered_close};
  std::FILE* filtered = fopencookie(nullptr, "w", functions);
  if (filtered == nullptr) return;
  std::setvbuf(filtered, nullptr, _IOLBF, 1 << 12);
  stderr = filtered;
  static ToStderr buffer;
  std::cerr.rdbuf(&buffer);
}

std::FILE* raw_stderr() { return raw != nullptr ? raw : stderr; }

}  // namespace agencygraph::cli
