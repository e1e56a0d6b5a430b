// Collects output in one string and hands it to the stream in large pieces. Writing a national
// network's GraphML (hundreds of megabytes) token by token through operator<< spent most of its time
// in the stream's per-insertion work (a sentry and a virtual call for every short piece).
#pragma once

#include <ostream>
#include <string>

namespace agencygraph::io::detail {

class BufferedWriter {
 public:
  explicit BufferedWriter(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + kFlushAt / 4); }
  ~BufferedWriter() { flush(); }
  BufferedWriter(const BufferedWriter&) = delete;
  BufferedWriter& operator=(const BufferedWriter&) = delete;

  // Append to this; call done_record() after each element so the buffer stays bounded.
  std::string& text() { return buffer_; }
  void done_record() {
    if (buffer_.size() >= kFlushAt) flush();
  }
  void flush() {
    if (!buffer_.empty()) out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 16;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace agencygraph::io::detail
