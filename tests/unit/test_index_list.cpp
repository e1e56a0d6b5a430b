// IndexList: the inline pair, the move to the heap, and value semantics across both.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/index_list.hpp"

using agencygraph::IndexList;

namespace {

std::vector<std::uint32_t> values(const IndexList& list) { return {list.begin(), list.end()}; }

IndexList counting(std::uint32_t n) {
  IndexList list;
  for (std::uint32_t i = 0; i < n; ++i) list.push_back(10 * i + 1);
  return list;
}

std::vector<std::uint32_t> counting_values(std::uint32_t n) {
  std::vector<std::uint32_t> v;
  for (std::uint32_t i = 0; i < n; ++i) v.push_back(10 * i + 1);
  return v;
}

}  // namespace

TEST_CASE("IndexList: two tasks stay inline, a third moves the list to the heap") {
  IndexList list;
  CHECK(list.empty());
  CHECK(list.capacity() == 2);
  const std::uint32_t* inline_storage = list.data();
  list.push_back(4);
  list.push_back(9);
  CHECK(list.data() == inline_storage);  // still inside the object
  CHECK(values(list) == std::vector<std::uint32_t>{4, 9});
  list.push_back(12);
  CHECK(list.data() != inline_storage);
  CHECK(list.capacity() == 4);
  CHECK(values(list) == std::vector<std::uint32_t>{4, 9, 12});
  CHECK(list.back() == 12);
  CHECK(list[1] == 9);
}

TEST_CASE("IndexList: push_back keeps every value through repeated growth") {
  for (std::uint32_t n : {0u, 1u, 2u, 3u, 4u, 5u, 17u, 1000u}) {
    CAPTURE(n);
    const IndexList list = counting(n);
    CHECK(list.size() == n);
    CHECK(values(list) == counting_values(n));
  }
}

TEST_CASE("IndexList: reserve keeps the values and the size") {
  IndexList list{3, 5};
  list.reserve(1);  // no shrink below the inline capacity
  CHECK(list.capacity() == 2);
  list.reserve(7);
  CHECK(list.capacity() == 7);
  CHECK(values(list) == std::vector<std::uint32_t>{3, 5});
  for (std::uint32_t t = 6; t < 11; ++t) list.push_back(t);
  CHECK(list.capacity() == 7);  // the reserved room was used before any regrowth
  CHECK(values(list) == std::vector<std::uint32_t>{3, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("IndexList: copies are independent, inline and on the heap") {
  for (std::uint32_t n : {1u, 2u, 3u, 9u}) {
    CAPTURE(n);
    IndexList original = counting(n);
    IndexList copy(original);
    CHECK(copy == original);
    copy.push_back(999);
    CHECK(values(original) == counting_values(n));
    IndexList assigned{77};
    assigned = original;
    CHECK(assigned == original);
    original[0] = 5;
    CHECK(assigned[0] == 1);
    assigned = assigned;  // self-assignment keeps the values
    CHECK(values(assigned) == counting_values(n));
  }
}

TEST_CASE("IndexList: moves take the values and leave the source empty") {
  for (std::uint32_t n : {0u, 2u, 3u, 40u}) {
    CAPTURE(n);
    IndexList source = counting(n);
    const std::uint32_t* storage = source.data();
    IndexList moved(std::move(source));
    CHECK(values(moved) == counting_values(n));
    if (n > 2) CHECK(moved.data() == storage);  // a heap buffer changes hands without a copy
    CHECK(source.empty());                      // NOLINT(bugprone-use-after-move): the documented state
    source.push_back(8);                        // and the moved-from list is usable
    CHECK(values(source) == std::vector<std::uint32_t>{8});

    IndexList target = counting(5);
    target = std::move(moved);
    CHECK(values(target) == counting_values(n));
  }
}

TEST_CASE("IndexList: built from a range, and resized down and up") {
  const std::vector<std::uint32_t> source = {9, 8, 7, 6, 5};
  for (std::size_t n = 0; n <= source.size(); ++n) {
    CAPTURE(n);
    IndexList list(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(n));
    CHECK(values(list) == std::vector<std::uint32_t>(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(n)));
    CHECK(list.capacity() == std::max<std::size_t>(n, 2));  // exact room: lists are built once
  }
  IndexList list(source.begin(), source.end());
  list.resize(2);
  CHECK(values(list) == std::vector<std::uint32_t>{9, 8});
  list.resize(4);
  CHECK(values(list) == std::vector<std::uint32_t>{9, 8, 0, 0});
  IndexList small{1};
  small.resize(0);
  CHECK(small.empty());
  small.resize(3);
  CHECK(values(small) == std::vector<std::uint32_t>{0, 0, 0});
}

TEST_CASE("IndexList: equality compares the values, not where they are stored") {
  IndexList a{1, 2};
  IndexList b;
  b.reserve(10);  // on the heap
  b.push_back(1);
  b.push_back(2);
  CHECK(a == b);
  b.push_back(3);
  CHECK_FALSE(a == b);
  CHECK(IndexList{} == IndexList{});
  CHECK_FALSE(IndexList{1} == IndexList{2});
}

TEST_CASE("IndexList: a Link holds its tasks in 32 bytes") {
  CHECK(sizeof(IndexList) == 16);
  CHECK(sizeof(agencygraph::Link) == 32);
}
