// release() must give the memory back; `container = {}`, which it replaces, keeps the capacity.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "release_memory.hpp"

using agencygraph::detail::release;

TEST_CASE("release gives a vector's capacity back, where assigning {} keeps it") {
  std::vector<std::uint64_t> assigned(100000, 7);
  assigned = {};
  CHECK(assigned.empty());
  CHECK(assigned.capacity() == 100000);  // why release() exists: the buffer is still held

  std::vector<std::uint64_t> released(100000, 7);
  release(released);
  CHECK(released.empty());
  CHECK(released.capacity() == 0);
}

TEST_CASE("release empties a hash map and drops its bucket array") {
  std::unordered_map<std::string, int> map;
  for (int i = 0; i < 1000; ++i) map[std::to_string(i)] = i;
  release(map);
  CHECK(map.empty());
  CHECK(map.bucket_count() <= 1);
}

TEST_CASE("release leaves a vector of vectors usable") {
  std::vector<std::vector<int>> rows(10, std::vector<int>(10, 1));
  release(rows);
  CHECK(rows.capacity() == 0);
  rows.emplace_back(3, 2);
  CHECK(rows.size() == 1);
  CHECK(rows[0] == std::vector<int>{2, 2, 2});
}
