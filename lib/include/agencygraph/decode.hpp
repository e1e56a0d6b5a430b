// Stage 1: bytes -> UTF-8 text. Detects BOMs, UTF-16, and GB18030/GBK through ICU.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace agencygraph {

struct DecodedText {
  std::string text;      // UTF-8, BOM removed, line endings left as they were
  std::string encoding;  // canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030"
};

// Thrown when the bytes cannot be read as text: binary data, or invalid bytes in the encoding.
// what() is a one-line problem description without the file name (the caller adds it).
class DecodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Decodes `bytes`. With `forced_encoding` (any ICU converter name: "GBK", "gb18030", "utf-16le"),
// no detection is done and any invalid byte sequence is an error. Without it: BOM first, then
// valid UTF-8, then UTF-16 without BOM (by NUL pattern), then ICU charset detection restricted to
// Chinese encodings (GB18030 covers GBK and GB2312), verified by an error-checked conversion.
// Forced GBK and GB2312 are read as GB18030 too. Errors: "unknown encoding 'X'", "binary data,
// not text", or "invalid GB18030 byte sequence at line 3 (byte offset 57)" ("truncated …" when the
// input ends inside a character); offsets count from the first byte, BOM included.
DecodedText decode(std::string_view bytes, const std::optional<std::string>& forced_encoding = {});

// decode() of bytes the caller gives up, as read_file_bytes() returns them: UTF-8 input becomes the
// text itself, with no copy.
DecodedText decode_owned(std::string bytes, const std::optional<std::string>& forced_encoding = {});

// Reads a whole file (or stdin for "-") as bytes. Throws std::runtime_error("cannot open: " or
// "cannot read: " followed by strerror(errno)); a directory is "cannot open: Is a directory".
std::string read_file_bytes(const std::string& path);

}  // namespace agencygraph
