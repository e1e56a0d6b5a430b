// PackedString: an immutable string in 8 bytes, up to 7 bytes inline.
//
// The network keeps a record of every task (TaskInfo) for provenance: its number as printed, where it
// stands in an office file, and its text where an output shows it. As std::string those three took 96
// of the record's 160 bytes, though numbers are a few bytes, places are empty for text files and texts
// are often not kept at all; one large document's records then outweighed its text. A PackedString
// holds a short number inline and anything longer in one heap block of its length and bytes.
// It reads as a std::string_view; str() copies it out.
#pragma once

#include <array>
#include <bit>
#include <concepts>
#include <compare>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace agencygraph {

class PackedString {
 public:
  PackedString() noexcept { set_inline_size(0); }
  PackedString(std::string_view text) { assign(text); }  // NOLINT(google-explicit-constructor): a string is a string
  PackedString(const char* text) : PackedString(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  PackedString(const std::string& text) : PackedString(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  PackedString(const PackedString& other) : PackedString(other.view()) {}
  PackedString(PackedString&& other) noexcept : PackedString() { swap(other); }
  PackedString& operator=(const PackedString& other) {
    if (this != &other) PackedString(other).swap(*this);
    return *this;
  }
  PackedString& operator=(PackedString&& other) noexcept {
    PackedString(std::move(other)).swap(*this);
    return *this;
  }
  PackedString& operator=(std::string_view text) {
    PackedString(text).swap(*this);
    return *this;
  }
  PackedString& operator=(const std::string& text) { return *this = std::string_view(text); }
  PackedString& operator=(const char* text) { return *this = std::string_view(text); }
  ~PackedString() { free_heap(); }

  void swap(PackedString& other) noexcept { std::swap(bytes_, other.bytes_); }

  std::string_view view() const noexcept {
    if (is_inline()) return {reinterpret_cast<const char*>(bytes_.data()) + kFirstInline, inline_size()};
    const unsigned char* block = heap();
    std::uint32_t size = 0;
    std::memcpy(&size, block, sizeof(size));
    return {reinterpret_cast<const char*>(block) + sizeof(size), size};
  }
  operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view()); }
  const char* data() const noexcept { return view().data(); }
  std::size_t size() const noexcept { return view().size(); }
  bool empty() const noexcept { return size() == 0; }
  auto begin() const noexcept { return view().begin(); }
  auto end() const noexcept { return view().end(); }

  friend bool operator==(const PackedString& a, const PackedString& b) noexcept { return a.view() == b.view(); }
  friend std::strong_ordering operator<=>(const PackedString& a, const PackedString& b) noexcept {
    return a.view() <=> b.view();
  }
  // Against anything that reads as a string_view (std::string, a literal), compared as one: without
  // these a literal would convert to a PackedString as readily as to a string_view.
  template <class Text>
    requires(std::convertible_to<const Text&, std::string_view> && !std::same_as<Text, PackedString>)
  friend bool operator==(const PackedString& a, const Text& b) noexcept {
    return a.view() == std::string_view(b);
  }
  template <class Text>
    requires(std::convertible_to<const Text&, std::string_view> && !std::same_as<Text, PackedString>)
  friend std::strong_ordering operator<=>(const PackedString& a, const Text& b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::string operator+(const PackedString& a, std::string_view b) { return a.str().append(b); }
  friend std::string operator+(std::string_view a, const PackedString& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const std::string& a, const PackedString& b) { return std::string(a).append(b.view()); }
  friend std::string operator+(const char* a, const PackedString& b) { return std::string(a).append(b.view()); }
  friend std::ostream& operator<<(std::ostream& out, const PackedString& text) { return out << text.view(); }

 private:
  // The tag byte is the one holding a heap pointer's lowest bit, which is 0 (operator new aligns to at
  // least 8): there an odd byte marks inline text, (size << 1) | 1, and the other seven hold the bytes.
  static constexpr std::size_t kTag = std::endian::native == std::endian::little ? 0 : 7;
  static constexpr std::size_t kFirstInline = kTag == 0 ? 1 : 0;
  static constexpr std::size_t kInlineCapacity = 7;
  static_assert(sizeof(void*) == 8, "PackedString keeps a pointer in its 8 bytes");

  bool is_inline() const noexcept { return (bytes_[kTag] & 1u) != 0; }
  std::size_t inline_size() const noexcept { return bytes_[kTag] >> 1; }
  void set_inline_size(std::size_t size) noexcept {
    bytes_ = {};
    bytes_[kTag] = static_cast<unsigned char>(size << 1 | 1u);
  }
  unsigned char* heap() const noexcept {
    unsigned char* block = nullptr;
    std::memcpy(&block, bytes_.data(), sizeof(block));
    return block;
  }
  void assign(std::string_view text) {
    if (text.size() <= kInlineCapacity) {
      set_inline_size(text.size());
      if (!text.empty()) std::memcpy(bytes_.data() + kFirstInline, text.data(), text.size());
      return;
    }
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("PackedString: text too long");
    const auto size = static_cast<std::uint32_t>(text.size());
    auto* block = static_cast<unsigned char*>(::operator new(sizeof(size) + text.size()));
    std::memcpy(block, &size, sizeof(size));
    std::memcpy(block + sizeof(size), text.data(), text.size());
    std::memcpy(bytes_.data(), &block, sizeof(block));
  }
  void free_heap() noexcept {
    if (!is_inline()) ::operator delete(heap());
  }

  alignas(8) std::array<unsigned char, 8> bytes_;
};

static_assert(sizeof(PackedString) == 8);

inline void swap(PackedString& a, PackedString& b) noexcept { a.swap(b); }

}  // namespace agencygraph

template <>
struct std::hash<agencygraph::PackedString> {
  std::size_t operator()(const agencygraph::PackedString& text) const noexcept {
    return std::hash<std::string_view>{}(text.view());
  }
};
