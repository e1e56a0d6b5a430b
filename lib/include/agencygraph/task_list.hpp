// TaskList: a link's task indices in 16 bytes, the first two inline.
//
// Most links of a large corpus come from one or two tasks. Boost.Container's small_vector keeps two
// inline as well but spends 32 bytes on it (a pointer to its own buffer, a 64-bit size and capacity,
// then the buffer); this class overlays the inline pair with the heap pointer and counts in 32 bits,
// so a Link is 32 bytes instead of 48: about 27 MB less for the 1.7 million links of 3,000 documents.
// It offers the few vector operations the network needs (build by push_back, read as a range).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <utility>

namespace agencygraph {

class TaskList {
 public:
  using value_type = std::uint32_t;
  using size_type = std::size_t;
  using iterator = std::uint32_t*;
  using const_iterator = const std::uint32_t*;

  TaskList() noexcept : inline_{0, 0} {}
  TaskList(std::initializer_list<std::uint32_t> tasks) : TaskList() {
    reserve(tasks.size());
    for (std::uint32_t t : tasks) push_back(t);
  }
  TaskList(const TaskList& other) : TaskList() {
    reserve(other.size_);
    std::copy(other.begin(), other.end(), data());
    size_ = other.size_;
  }
  TaskList(TaskList&& other) noexcept : TaskList() { swap(other); }
  TaskList& operator=(const TaskList& other) {
    if (this != &other) TaskList(other).swap(*this);
    return *this;
  }
  TaskList& operator=(TaskList&& other) noexcept {
    TaskList(std::move(other)).swap(*this);
    return *this;
  }
  ~TaskList() {
    if (on_heap()) delete[] heap_;
  }

  void swap(TaskList& other) noexcept {
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
    if (n > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("TaskList: too many tasks");
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

  friend bool operator==(const TaskList& a, const TaskList& b) noexcept {
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

static_assert(sizeof(TaskList) == 16);

}  // namespace agencygraph
