// BlockStore: an append-only array kept in blocks, for what the network builder collects per task
// (task records, link occurrences, text hashes) before it knows how many there will be.
//
// A doubling std::vector of one large document's records holds its old and its new array at once
// while it grows, with up to half of the new one idle: for link occurrences that was up to three times
// their size. Growing a BlockStore never moves more than one block, and take() hands the elements over
// as one array of the exact size, freeing each block once its elements have moved. Each block grows as
// a vector does rather than being reserved whole: blocks reserved at full size took more memory on a
// large corpus, where the allocator reuses what the small early arrays give back (docs/performance.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "release_memory.hpp"

namespace agencygraph::detail {

template <class T, std::size_t kBlock = 4096>
class BlockStore {
 public:
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return blocks_[i / kBlock][i % kBlock]; }
  const T& operator[](std::size_t i) const { return blocks_[i / kBlock][i % kBlock]; }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (size_ % kBlock == 0) blocks_.emplace_back();
    ++size_;
    return blocks_.back().emplace_back(std::forward<Args>(args)...);
  }
  void push_back(T value) { emplace_back(std::move(value)); }

  // The elements in arrival order, leaving the store empty.
  std::vector<T> take() {
    std::vector<T> all;
    all.reserve(size_);
    for (std::vector<T>& block : blocks_) {
      std::move(block.begin(), block.end(), std::back_inserter(all));
      release(block);
    }
    release(blocks_);
    size_ = 0;
    return all;
  }
  // The elements in the order `order` gives (arrival indices, each once), leaving the store empty.
  std::vector<T> take(const std::vector<std::uint32_t>& order) {
    bool arrival_order = order.size() == size_;
    for (std::uint32_t i = 0; i < order.size() && arrival_order; ++i) arrival_order = order[i] == i;
    if (arrival_order) return take();
    std::vector<T> all;
    all.reserve(order.size());
    for (std::uint32_t i : order) all.push_back(std::move((*this)[i]));
    release(blocks_);
    size_ = 0;
    return all;
  }
  void clear() {
    release(blocks_);
    size_ = 0;
  }

 private:
  std::vector<std::vector<T>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace agencygraph::detail
