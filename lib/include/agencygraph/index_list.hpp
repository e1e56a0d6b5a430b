// IndexList: a short list of 32-bit indices in 16 bytes, the first two inline.
//
// The network holds millions of short index lists: each link's tasks (most links come from one or
// two tasks) and each task's lead and co-responsible units (mostly one lead, a few co units).
// std::vector spends 24 bytes plus a heap block on each; Boost.Container's small_vector keeps two
// inline but spends 32 bytes (a pointer to its own buffer, a 64-bit size and capacity, then the
// buffer). This class overlays the inline pair with the heap pointer and counts in 32 bits: a Link is
// 32 bytes instead of 48, and a task's units need no heap block unless there are more than two
// (the saving at scale is in docs/performance.md). It offers the vector operations the network
// needs (build by push_back, shrink, read as a contiguous range).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <utility>

namespace agencygraph {

class IndexList {
 public:
  using value_type = std::uint32_t;
  using size_type = std::size_t;
  using iterator = std::uint32_t*;
  using const_iterator = const std::uint32_t*;

  IndexList() noexcept : inline_{0, 0} {}
  IndexList(std::initializer_list<std::uint32_t> tasks) : IndexList() {
    reserve(tasks.size());
    for (std::uint32_t t : tasks) push_back(t);
  }
  template <std::forward_iterator Iterator>  // counted first, then copied
  IndexList(Iterator first, Iterator last) : IndexList() {
    reserve(static_cast<std::size_t>(std::distance(first, last)));
    for (; first != last; ++first) push_back(*first);
  }
  IndexList(const IndexList& other) : IndexList() {
    reserve(other.size_);
    std::copy(other.begin(), other.end(), data());
    size_ = other.size_;
  }
  IndexList(IndexList&& other) noexcept : IndexList() { swap(other); }
  IndexList& operator=(const IndexList& other) {
    if (this != &other) IndexList(other).swap(*this);
    return *this;
  }
  IndexList& operator=(IndexList&& other) noexcept {
    IndexList(std::move(other)).swap(*this);
    return *this;
  }
  ~IndexList() {
    if (on_heap()) delete[] heap_;
  }

  void swap(IndexList& other) noexcept {
    // The union is trivially copyable bytes either way (two indices or one pointer).
    unsigned char bytes[sizeof(heap_)];
    std::memcpy(bytes, &heap_, sizeof(bytes));
    std::memcpy(&heap_, &other.heap_, sizeof(bytes));
    std::memcpy(&other.heap_, bytes, sizeof(bytes));
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return capacity_; }
  bool empty() const noexcept { return size_ == 0; }
  std::uint32_t* data() noexcept { return on_heap() ? heap_ : inline_; }
  const std::uint32_t* data() const noexcept { return on_heap() ? heap_ : inline_; }
  iterator begin() noexcept { return data(); }
  iterator end() noexcept { return data() + size_; }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size_; }
  std::uint32_t& operator[](std::size_t i) noexcept { return data()[i]; }
  std::uint32_t operator[](std::size_t i) const noexcept { return data()[i]; }
  std::uint32_t& back() noexcept { return data()[size_ - 1]; }
  std::uint32_t back() const noexcept { return data()[size_ - 1]; }

  void reserve(std::size_t n) {
    if (n <= capacity_) return;
    if (n > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("IndexList: too many indices");
    auto* grown = new std::uint32_t[n];
    std::copy(begin(), end(), grown);
    if (on_heap()) delete[] heap_;
    heap_ = grown;
    capacity_ = static_cast<std::uint32_t>(n);
  }
  void push_back(std::uint32_t task) {
    if (size_ == capacity_) reserve(std::size_t{capacity_} * 2);
    data()[size_++] = task;
  }
  void clear() noexcept { size_ = 0; }
  // Grows with zeros or drops the tail; the room stays.
  void resize(std::size_t n) {
    reserve(n);
    if (n > size_) std::fill(data() + size_, data() + n, 0u);
    size_ = static_cast<std::uint32_t>(n);
  }

  friend bool operator==(const IndexList& a, const IndexList& b) noexcept {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  static constexpr std::uint32_t kInline = 2;
  bool on_heap() const noexcept { return capacity_ > kInline; }

  union {
    std::uint32_t inline_[kInline];
    std::uint32_t* heap_;
  };
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = kInline;
};

static_assert(sizeof(IndexList) == 16);

}  // namespace agencygraph
