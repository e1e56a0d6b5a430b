// Stage 1: bytes -> UTF-8. Detection policy, a hand-written UTF-8 validator for the fast path,
// and strict (error-stopping) ICU conversion for everything else.
#include "agencygraph/decode.hpp"
#include "text/common_hanzi.hpp"
#include "text/printed_forms.hpp"
#include "text/zero_width.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

namespace agencygraph {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------------------------------------
// UTF-8 validation, strict as RFC 3629 and ICU's UTF-8 converter are: no overlongs, surrogates or
// code points above U+10FFFF. 100 MB corpora go through here, so no ICU per-character calls.
// The per-lead-byte table gives a sequence's length and the allowed range of its second byte.

struct LeadByte {
  std::uint8_t len;  // 0: cannot start a sequence
  std::uint8_t lo;   // allowed range of the second byte
  std::uint8_t hi;
};

constexpr std::array<LeadByte, 256> make_lead_table() {
  std::array<LeadByte, 256> t{};
  for (unsigned c = 0; c < 0x80; ++c) t[c] = {1, 0, 0};
  for (unsigned c = 0xC2; c <= 0xDF; ++c) t[c] = {2, 0x80, 0xBF};
  for (unsigned c = 0xE0; c <= 0xEF; ++c) t[c] = {3, 0x80, 0xBF};
  t[0xE0] = {3, 0xA0, 0xBF};  // no overlongs
  t[0xED] = {3, 0x80, 0x9F};  // no surrogates
  for (unsigned c = 0xF0; c <= 0xF4; ++c) t[c] = {4, 0x80, 0xBF};
  t[0xF0] = {4, 0x90, 0xBF};  // no overlongs
  t[0xF4] = {4, 0x80, 0x8F};  // nothing above U+10FFFF
  return t;
}
constexpr std::array<LeadByte, 256> kLead = make_lead_table();

// Length of the valid multi-byte sequence starting at s[i] (c = s[i] >= 0x80), or 0.
inline std::size_t utf8_sequence_length(const unsigned char* s, std::size_t i, std::size_t n) {
  const LeadByte e = kLead[s[i]];
  if (e.len < 2 || e.len > n - i) return 0;
  if (s[i + 1] < e.lo || s[i + 1] > e.hi) return 0;
  if (e.len >= 3 && (s[i + 2] & 0xC0) != 0x80) return 0;
  if (e.len == 4 && (s[i + 3] & 0xC0) != 0x80) return 0;
  return e.len;
}

// Offset of the first byte that does not start a valid UTF-8 sequence, or kNone. Byte by byte
// with branches: used to locate an error, and on inputs already known to be invalid.
std::size_t first_invalid_utf8_slow(const unsigned char* s, std::size_t n) {
  for (std::size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
    } else if (const std::size_t len = utf8_sequence_length(s, i, n)) {
      i += len;
    } else {
      return i;
    }
  }
  return kNone;
}

// The fast check is a shift-based DFA: each byte's table row packs, for every state, the next
// state as a 6-bit shift amount, so a step is one independent load and one shift, with no branch
// to mispredict where Chinese characters and ASCII punctuation alternate.
namespace dfa {
// State values are bit offsets into a row. kError is 0 so that it is absorbing: the low 6 bits of
// every row are 0.
enum : unsigned {
  kError = 0,
  kAccept = 6,
  kTail1 = 12,   // one continuation byte left
  kTail2 = 18,
  kTail3 = 24,
  kAfterE0 = 30,  // next byte A0-BF (no overlongs)
  kAfterED = 36,  // next byte 80-9F (no surrogates)
  kAfterF0 = 42,  // next byte 90-BF (no overlongs)
  kAfterF4 = 48,  // next byte 80-8F (nothing above U+10FFFF)
};

constexpr std::uint64_t go(unsigned from, unsigned to) { return std::uint64_t{to} << from; }

constexpr std::array<std::uint64_t, 256> make_table() {
  std::array<std::uint64_t, 256> t{};
  for (unsigned c = 0; c < 0x80; ++c) t[c] = go(kAccept, kAccept);
  const std::uint64_t continuation = go(kTail1, kAccept) | go(kTail2, kTail1) | go(kTail3, kTail2);
  for (unsigned c = 0x80; c <= 0x8F; ++c)
    t[c] = continuation | go(kAfterED, kTail1) | go(kAfterF0, kError) | go(kAfterF4, kTail2);
  for (unsigned c = 0x90; c <= 0x9F; ++c) t[c] = continuation | go(kAfterED, kTail1) | go(kAfterF0, kTail2);
  for (unsigned c = 0xA0; c <= 0xBF; ++c) t[c] = continuation | go(kAfterE0, kTail1) | go(kAfterF0, kTail2);
  for (unsigned c = 0xC2; c <= 0xDF; ++c) t[c] = go(kAccept, kTail1);
  for (unsigned c = 0xE1; c <= 0xEF; ++c) t[c] = go(kAccept, kTail2);
  t[0xE0] = go(kAccept, kAfterE0);
  t[0xED] = go(kAccept, kAfterED);
  for (unsigned c = 0xF1; c <= 0xF3; ++c) t[c] = go(kAccept, kTail3);
  t[0xF0] = go(kAccept, kAfterF0);
  t[0xF4] = go(kAccept, kAfterF4);
  return t;  // C0, C1, F5-FF: all zero, to kError
}
constexpr std::array<std::uint64_t, 256> kTable = make_table();
}  // namespace dfa

inline bool all_ascii(const unsigned char* s) {  // 16 bytes
  std::uint64_t a;
  std::uint64_t b;
  std::memcpy(&a, s, 8);
  std::memcpy(&b, s + 8, 8);
  return ((a | b) & 0x8080808080808080ULL) == 0;
}

// Only the low 6 bits of a state matter; x86 shifts use the count modulo 64, so the `& 63` costs
// nothing and a step's dependency chain is a single shift.
inline std::uint64_t step(std::uint64_t state, unsigned char c) { return dfa::kTable[c] >> (state & 63); }

// Running two halves interleaved was tried and was no faster (speed: docs/performance.md).
bool valid_utf8(const unsigned char* s, std::size_t n) {
  std::uint64_t state = dfa::kAccept;
  std::size_t i = 0;
  for (; n - i >= 16; i += 16) {
    if ((state & 63) == dfa::kAccept && all_ascii(s + i)) continue;  // ASCII runs need no DFA
    for (std::size_t k = 0; k < 16; ++k) state = step(state, s[i + k]);
    if ((state & 63) == dfa::kError) return false;
  }
  for (; i < n; ++i) state = step(state, s[i]);
  return (state & 63) == dfa::kAccept;
}

std::size_t first_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  if (valid_utf8(s, bytes.size())) return kNone;
  return first_invalid_utf8_slow(s, bytes.size());
}

// Whether the invalid sequence at s[i] is a valid start cut off by the end of the input.
bool utf8_truncated_at(const unsigned char* s, std::size_t i, std::size_t n) {
  const LeadByte e = kLead[s[i]];
  if (e.len < 2 || e.len <= n - i) return false;
  if (n - i > 1 && (s[i + 1] < e.lo || s[i + 1] > e.hi)) return false;
  return n - i <= 2 || (s[i + 2] & 0xC0) == 0x80;
}

// Whether invalid input is UTF-8-like all the same: at least three valid multi-byte sequences for
// every byte that starts none. UTF-8 with a few damaged bytes is; GBK text, whose pairs only now
// and then form a valid sequence, is not. The count stops once the bytes left cannot change the
// answer (each adds at most half a sequence), about a quarter of the way into GBK text.
bool mostly_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
    } else if (const std::size_t len = utf8_sequence_length(s, i, n)) {
      ++valid_multibyte;
      i += len;
    } else {
      ++invalid;
      ++i;
      if (valid_multibyte + (n - i) / 2 < 3 * invalid) return false;
    }
  }
  return valid_multibyte >= 3 * invalid;
}

// ---------------------------------------------------------------------------------------------
// Binary checks, made on the UTF-8 result (or on raw bytes of an ASCII-compatible encoding),
// where a byte below 0x20 is always a control character.

struct ControlCount {
  std::size_t controls = 0;  // C0 controls other than \t \n \v \f \r, NUL included
  bool has_nul = false;
};

ControlCount count_controls(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  ControlCount r;
  // Blocks of a fixed size with a byte-wide accumulator let the compiler vectorise this at -O2.
  constexpr std::size_t kBlock = 128;
  std::size_t i = 0;
  for (; n - i >= kBlock; i += kBlock) {
    unsigned char block = 0;
    for (std::size_t k = 0; k < kBlock; ++k) {
      const unsigned char c = s[i + k];
      block = static_cast<unsigned char>(block + ((c < 0x20) & (static_cast<unsigned char>(c - 9) > 4)));
    }
    r.controls += block;
  }
  for (; i < n; ++i) r.controls += (s[i] < 0x20) & (static_cast<unsigned char>(s[i] - 9) > 4);
  if (r.controls != 0) r.has_nul = std::memchr(bytes.data(), 0, n) != nullptr;
  return r;
}

// Text has hardly any control characters; one NUL is enough to call it binary.
bool looks_binary(std::string_view bytes) {
  const ControlCount c = count_controls(bytes);
  return c.has_nul || c.controls * 32 > bytes.size();
}

// For guesses made without any marker (UTF-16 without BOM, GB18030 when ICU is unsure): the
// decoded characters must nearly all be ones a Chinese or Western document uses.
bool looks_like_chinese_or_western_text(std::string_view utf8) {
  std::size_t total = 0;
  std::size_t expected = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  for (std::size_t i = 0; i < utf8.size();) {
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    ++total;
    const bool ok = (c >= 0x09 && c <= 0x0D) || (c >= 0x20 && c <= 0x7E) ||
                    (c >= 0xA0 && c <= 0x2BFF) ||    // Latin … punctuation, symbols, box drawing
                    (c >= 0x2E80 && c <= 0x9FFF) ||  // CJK radicals, punctuation, kana, ideographs
                    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                    (c >= 0xFF00 && c <= 0xFFEF) ||  // full-width forms
                    (c >= 0x20000 && c <= 0x3FFFF);  // CJK extensions
    expected += ok ? 1 : 0;
  }
  return total != 0 && expected * 100 >= total * 95;
}

// ---------------------------------------------------------------------------------------------
// Strict ICU conversion.

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

Converter open_converter(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  Converter c(ucnv_open(name, &err));
  if (U_FAILURE(err)) return nullptr;
  err = U_ZERO_ERROR;
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  return c;
}

struct Conversion {
  std::string utf8;
  bool ok = true;
  bool truncated = false;        // input ended inside a character
  std::size_t error_offset = 0;  // byte offset of the first bad byte in the whole input
  std::size_t error_line = 0;    // 1-based, counted in the text decoded before it
};

void append_utf8(std::string& out, const UChar* units, std::int32_t count) {
  if (count == 0) return;
  const std::size_t old = out.size();
  out.resize(old + static_cast<std::size_t>(count) * 3);
  std::int32_t written = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strToUTF8(out.data() + old, count * 3, &written, units, count, &err);
  out.resize(old + static_cast<std::size_t>(written));
}

// Converts bytes[start..] to UTF-8, stopping at the first invalid or unmappable sequence.
Conversion convert_strict(UConverter* cnv, std::string_view bytes, std::size_t start) {
  Conversion r;
  r.utf8.reserve((bytes.size() - start) * 3 / 2 + 16);  // GB 2->3 bytes, UTF-16 2->3 at most
  std::array<UChar, 1 << 14> buf;
  const char* src = bytes.data() + start;
  const char* const end = bytes.data() + bytes.size();
  std::size_t newlines = 0;
  std::int32_t carry = 0;  // a lead surrogate held back for its trail from the next call
  for (;;) {
    UChar* target = buf.data() + carry;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv, &target, buf.data() + buf.size(), &src, end, nullptr, true, &err);
    auto produced = static_cast<std::int32_t>(target - buf.data());
    newlines += static_cast<std::size_t>(std::count(buf.data() + carry, target, u'\n'));
    carry = 0;
    if (err == U_BUFFER_OVERFLOW_ERROR && produced > 0 && U16_IS_LEAD(buf[produced - 1])) {
      carry = 1;
      --produced;
    }
    append_utf8(r.utf8, buf.data(), produced);
    if (carry != 0) buf[0] = buf[static_cast<std::size_t>(produced)];
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      char invalid[32];
      std::int8_t invalid_len = sizeof invalid;
      UErrorCode err2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv, invalid, &invalid_len, &err2);
      if (U_FAILURE(err2)) invalid_len = 0;
      r.ok = false;
      r.truncated = err == U_TRUNCATED_CHAR_FOUND;
      r.error_offset = static_cast<std::size_t>(src - bytes.data()) - static_cast<std::size_t>(invalid_len);
      r.error_line = newlines + 1;
      return r;
    }
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Results and errors.

[[noreturn]] void throw_invalid(std::string_view encoding, std::size_t line, std::size_t offset,
                                bool truncated = false, std::string_view note = {}) {
  std::string msg = truncated ? "truncated " : "invalid ";
  msg += encoding;
  msg += " byte sequence at line " + std::to_string(line) + " (byte offset " + std::to_string(offset) + ")";
  msg += note;
  throw DecodeError(msg);
}

[[noreturn]] void throw_binary() { throw DecodeError("binary data, not text"); }

std::size_t line_of_offset(std::string_view bytes, std::size_t offset) {
  return static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
}

void strip_utf8_bom(std::string& s) {
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.erase(0, 3);
}

// bytes[start..] as a string of its own. `owned`, when not null, is the storage of `bytes`, given
// up by the caller: UTF-8 input, nearly all of a corpus, then becomes the text without a copy.
std::string take_text(std::string_view bytes, std::size_t start, std::string* owned) {
  if (owned == nullptr) return std::string(bytes.substr(start));
  owned->erase(0, start);
  return std::move(*owned);
}

// `body` starts at `start` in `bytes`; error offsets and lines refer to the whole input.
DecodedText decode_utf8(std::string_view bytes, std::size_t start, std::string* owned) {
  const std::string_view body = bytes.substr(start);
  if (const std::size_t bad = first_invalid_utf8(body); bad != kNone) {
    const bool cut = utf8_truncated_at(reinterpret_cast<const unsigned char*>(body.data()), bad, body.size());
    throw_invalid("UTF-8", line_of_offset(bytes, start + bad), start + bad, cut);
  }
  if (looks_binary(body)) throw_binary();
  return {take_text(bytes, start, owned), "UTF-8"};
}

// `strip_bom`: where no BOM was skipped before converting; explicit UTF-16LE/BE converters, for
// one, keep a BOM as U+FEFF.
DecodedText finish(Conversion&& c, std::string_view encoding, bool strip_bom) {
  if (!c.ok) throw_invalid(encoding, c.error_line, c.error_offset, c.truncated);
  if (strip_bom) strip_utf8_bom(c.utf8);
  if (looks_binary(c.utf8)) throw_binary();
  return {std::move(c.utf8), std::string(encoding)};
}

DecodedText decode_with(const char* icu_name, std::string_view bytes, std::size_t start,
                        std::string_view encoding) {
  const Converter cnv = open_converter(icu_name);
  return finish(convert_strict(cnv.get(), bytes, start), encoding, start == 0);
}

// ---------------------------------------------------------------------------------------------
// Detection without a BOM.

// UTF-16 without BOM: ASCII characters put a NUL in every other byte, on the odd offsets for
// little-endian and the even ones for big-endian. Verified by a strict conversion.
std::optional<DecodedText> try_utf16_without_bom(std::string_view bytes) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::size_t nul_even = 0;
  std::size_t nul_odd = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    nul_even += bytes[i] == '\0';
    nul_odd += bytes[i + 1] == '\0';
  }
  const char* name = nullptr;
  if (nul_odd > 4 * nul_even) name = "UTF-16LE";
  else if (nul_even > 4 * nul_odd) name = "UTF-16BE";
  if (name == nullptr) return std::nullopt;
  const Converter cnv = open_converter(name);
  Conversion c = convert_strict(cnv.get(), bytes, 0);
  if (!c.ok || looks_binary(c.utf8) || !looks_like_chinese_or_western_text(c.utf8)) return std::nullopt;
  return DecodedText{std::move(c.utf8), name};
}

// Share of GB18030 characters in the GB2312 area (both bytes 0xA1-0xFE), where simplified-Chinese
// text lives. Big5, and other bytes that happen to convert, fall outside it much of the time.
// Only meaningful for bytes that converted cleanly as GB18030.
bool mostly_gb2312(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t multibyte = 0;
  std::size_t gb2312 = 0;
  for (std::size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    ++multibyte;
    if (i + 1 < n && s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {  // four-byte GB18030
      i += 4;
      continue;
    }
    if (i + 1 < n && s[i] >= 0xA1 && s[i] <= 0xF7 && s[i + 1] >= 0xA1 && s[i + 1] <= 0xFE) ++gb2312;
    i += 2;
  }
  return multibyte != 0 && gb2312 * 10 >= multibyte * 9;
}

struct Detection {
  int gb18030 = 0;         // ICU's confidence in GB18030, 0-100
  std::string other;       // another East Asian encoding ICU is sure of, if it ranks first
};

// ICU charset detection on 2 KB from the first non-ASCII byte. The detector is slow (all its
// single-byte recognizers run too, and ICU 72 ignores ucsdet_setDetectableCharset), so a whole
// document would cost more than parsing it. Its multibyte statistics settle within a few hundred
// characters; starting at the first non-ASCII byte (necessarily a lead byte) skips the ASCII
// navigation of saved web pages, which tells nothing. On the benchmark corpus's GB18030 files the
// ranking and GB18030's confidence are the same as with the first 8 KB, at a quarter of the cost
// (docs/performance.md, third round).
Detection detect(std::string_view bytes) {
  Detection d;
  UErrorCode err = U_ZERO_ERROR;
  const std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&err));
  if (U_FAILURE(err)) return d;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t from = 0;
  while (from < bytes.size() && s[from] < 0x80) ++from;
  if (from == bytes.size()) from = 0;
  const auto len = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size() - from, 2 * 1024));
  ucsdet_setText(det.get(), bytes.data() + from, len, &err);
  std::int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_FAILURE(err)) return d;
  for (std::int32_t k = 0; k < count; ++k) {
    UErrorCode e = U_ZERO_ERROR;
    const std::string_view name = ucsdet_getName(matches[k], &e);
    const std::int32_t conf = ucsdet_getConfidence(matches[k], &e);
    if (U_FAILURE(e)) continue;
    if (name == "GB18030") {
      d.gb18030 = std::max<int>(d.gb18030, conf);
    } else if (k == 0 && conf >= 50 &&
               (name == "Big5" || name == "EUC-JP" || name == "EUC-KR" || name == "Shift_JIS" ||
                name.substr(0, 8) == "ISO-2022")) {
      d.other = name;
    }
  }
  return d;
}

// Bytes that are not UTF-8 and have no NUL: GB18030 (which covers GBK and GB2312), or nothing.
// Throws when ICU is sure of GB18030 but the bytes do not convert: a damaged GB file.
std::optional<DecodedText> try_gb18030(std::string_view bytes, Detection& d) {
  const Converter cnv = open_converter("gb18030");
  Conversion c = convert_strict(cnv.get(), bytes, 0);
  // Converted cleanly, in the GB2312 area, and made of characters Chinese or Western text uses.
  const bool clean = c.ok && mostly_gb2312(bytes) && looks_like_chinese_or_western_text(c.utf8);
  // Clean text that reads as Chinese needs no detector (common_hanzi.hpp): the detector would be
  // sure of GB18030 too, and it costs more than parsing the document.
  if (clean && detail::reads_as_chinese(c.utf8)) return finish(std::move(c), "GB18030", true);
  d = detect(bytes);
  const bool sure = d.gb18030 >= 50 && d.other.empty();
  if (!c.ok) {
    if (sure) throw_invalid("GB18030", c.error_line, c.error_offset, c.truncated);
    return std::nullopt;
  }
  // Short GBK documents often fool ICU; accept clean text unless ICU names another encoding.
  if (!sure && (!d.other.empty() || !clean)) return std::nullopt;
  return finish(std::move(c), "GB18030", true);
}

DecodedText detect_and_decode(std::string_view bytes, std::string* owned) {
  if (bytes.empty()) return {"", "UTF-8"};
  if (bytes.starts_with("\xEF\xBB\xBF")) return decode_utf8(bytes, 3, owned);
  if (bytes.starts_with("\xFF\xFE")) return decode_with("UTF-16LE", bytes, 2, "UTF-16LE");
  if (bytes.starts_with("\xFE\xFF")) return decode_with("UTF-16BE", bytes, 2, "UTF-16BE");

  const std::size_t bad = first_invalid_utf8(bytes);
  if (bad == kNone) {
    const ControlCount c = count_controls(bytes);
    if (!c.has_nul && c.controls * 32 <= bytes.size()) return {take_text(bytes, 0, owned), "UTF-8"};
    if (c.has_nul)
      if (auto u16 = try_utf16_without_bom(bytes)) return std::move(*u16);
    throw_binary();
  }
  if (std::memchr(bytes.data(), 0, bytes.size()) != nullptr) {
    if (auto u16 = try_utf16_without_bom(bytes)) return std::move(*u16);
    throw_binary();
  }
  // UTF-8 with a few damaged bytes is reported as such, not guessed to be something else.
  // Judged on a window around the first bad byte: what the file is there is what matters, and
  // 100 MB of GBK need not be tallied.
  const std::size_t from = bad > 32 * 1024 ? bad - 32 * 1024 : 0;
  const bool utf8_like = mostly_utf8(bytes.substr(from, 64 * 1024));
  Detection d;
  if (!utf8_like)
    if (auto gb = try_gb18030(bytes, d)) return std::move(*gb);
  if (looks_binary(bytes)) throw_binary();
  std::string note;
  if (!d.other.empty()) note = "; looks like " + d.other + ", which is read only when named explicitly";
  else if (!utf8_like) note = "; not UTF-8, UTF-16 or GB18030 text";
  const bool cut = utf8_truncated_at(reinterpret_cast<const unsigned char*>(bytes.data()), bad, bytes.size());
  throw_invalid("UTF-8", line_of_offset(bytes, bad), bad, cut, note);
}

// ---------------------------------------------------------------------------------------------
// A named encoding: no detection.

// The name reported for a converter: ours for the four we detect, else the MIME or IANA name.
std::string reported_name(UConverter* cnv) {
  UErrorCode err = U_ZERO_ERROR;
  const char* icu = ucnv_getName(cnv, &err);
  if (U_FAILURE(err) || icu == nullptr) return "unknown";
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(icu, standard, &e);
    if (U_SUCCESS(e) && name != nullptr) return name;
  }
  return icu;
}

DecodedText decode_forced(std::string_view bytes, const std::string& requested, std::string* owned) {
  Converter cnv = requested.empty() ? nullptr : open_converter(requested.c_str());
  if (!cnv) throw DecodeError("unknown encoding '" + requested + "'");
  UErrorCode err = U_ZERO_ERROR;
  const std::string_view icu = ucnv_getName(cnv.get(), &err);
  if (icu == "UTF-8") return decode_utf8(bytes, bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0, owned);
  // GB18030 is a superset of GBK and GB2312 (EUC-CN); decode them all as GB18030.
  if (icu == "gb18030" || icu == "windows-936-2000" || icu == "ibm-1383_P110-1999")
    return decode_with("gb18030", bytes, 0, "GB18030");
  std::string name = reported_name(cnv.get());
  if (icu == "UTF-16") name = bytes.starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";  // ICU's default is BE
  return finish(convert_strict(cnv.get(), bytes, 0), name, true);
}

DecodedText decode_input(std::string_view bytes, const std::optional<std::string>& forced_encoding,
                         std::string* owned) {
  DecodedText decoded = forced_encoding ? decode_forced(bytes, *forced_encoding, owned) : detect_and_decode(bytes, owned);
  detail::drop_zero_width_characters(decoded.text);
  detail::normalize_printed_forms(decoded.text);
  return decoded;
}

}  // namespace

DecodedText decode(std::string_view bytes, const std::optional<std::string>& forced_encoding) {
  return decode_input(bytes, forced_encoding, nullptr);
}

DecodedText decode_owned(std::string bytes, const std::optional<std::string>& forced_encoding) {
  return decode_input(bytes, forced_encoding, &bytes);
}

}  // namespace agencygraph
