// A map from short strings to small values, for the per-document cache of agency names: a
// document looks up a name for each of its thousand-odd mentions. Open addressing over a
// power-of-two table (no division per lookup, as std::unordered_map's prime-sized one has), the
// keys copied into one buffer (no allocation per key).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

template <typename Value>
class StringMap {
 public:
  // The value stored for key, or nullptr.
  Value* find(std::string_view key) {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (!slot.used) return nullptr;
      if (slot.hash == h && slot.key_length == key.size() && same_bytes(keys_.data() + slot.key_begin, key)) return &slot.value;
    }
  }

  // Stores value for a key that is not in the map yet.
  void insert(std::string_view key, Value value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place({hash(key), static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), true,
           std::move(value)});
    keys_ += key;
    ++count_;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_begin = 0;  // in keys_
    std::uint32_t key_length = 0;
    bool used = false;
    Value value{};
  };

  // Mixes eight bytes at a time: names are 10-30 bytes.
  static std::uint64_t hash(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 32;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 29);
  }

  std::size_t mask() const { return slots_.size() - 1; }

  // Compares eight bytes at a time, inline: a memcmp call costs more than comparing a short name.
  static bool same_bytes(const char* stored, std::string_view key) {
    std::size_t i = 0;
    for (; i + 8 <= key.size(); i += 8) {
      std::uint64_t a;
      std::uint64_t b;
      std::memcpy(&a, stored + i, 8);
      std::memcpy(&b, key.data() + i, 8);
      if (a != b) return false;
    }
    for (; i < key.size(); ++i)
      if (stored[i] != key[i]) return false;
    return true;
  }

  void place(Slot slot) {
    std::size_t i = slot.hash & mask();
    while (slots_[i].used) i = (i + 1) & mask();
    slots_[i] = std::move(slot);
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    for (Slot& slot : old)
      if (slot.used) place(std::move(slot));
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t count_ = 0;
};

}  // namespace agencygraph::detail
