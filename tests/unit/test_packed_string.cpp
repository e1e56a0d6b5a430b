// PackedString: text inline up to 7 bytes and on the heap beyond, read back byte for byte, with value
// semantics across both, compared and hashed as the string_view it holds.
#include <doctest/doctest.h>

#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/packed_string.hpp"

using agencygraph::PackedString;

TEST_CASE("packed string: every length across the inline bound reads back byte for byte") {
  static_assert(sizeof(PackedString) == 8);
  // 0-7 bytes inline, 8 and more on the heap; a zero byte and UTF-8 inside are bytes like any other.
  std::string text;
  for (int n = 0; n <= 40; ++n) {
    const PackedString packed(text);
    CHECK(packed.size() == text.size());
    CHECK(packed.empty() == text.empty());
    CHECK(packed.view() == text);
    CHECK(packed.str() == text);
    text += n % 5 == 3 ? std::string(1, '\0') : std::string(1, static_cast<char>('a' + n % 26));
  }
  CHECK(PackedString("（一）").view() == "（一）");  // 9 bytes: on the heap
  CHECK(PackedString("（3）").size() == 7);        // 7 bytes: inline
  CHECK(PackedString().view().empty());
}

TEST_CASE("packed string: copies, moves and assignments keep each value apart") {
  const std::string long_text = "推进第1项重点工作，加快项目建设";
  for (const std::string& value : {std::string("12"), long_text}) {
    PackedString a(value);
    PackedString b = a;  // copy
    CHECK(b == a);
    b = "7";  // assigning to the copy leaves the original
    CHECK(a.view() == value);
    CHECK(b.view() == "7");
    PackedString c = std::move(a);
    CHECK(c.view() == value);
    b = c;
    CHECK(b.view() == value);
    c = PackedString(long_text + long_text);
    CHECK(b.view() == value);
    CHECK(c.view() == long_text + long_text);
    const PackedString& same = b;
    b = same;  // self-assignment keeps the value
    CHECK(b.view() == value);
    std::swap(b, c);
    CHECK(c.view() == value);
  }
  std::vector<PackedString> many;
  for (int i = 0; i < 1000; ++i) many.emplace_back(std::string(static_cast<std::size_t>(i % 20), 'x') + std::to_string(i));
  for (int i = 0; i < 1000; ++i) CHECK(many[static_cast<std::size_t>(i)].view() == std::string(static_cast<std::size_t>(i % 20), 'x') + std::to_string(i));
}

TEST_CASE("packed string: compares, concatenates, prints and hashes as its text") {
  const PackedString a("10"), b("9"), c("第十二项重点任务");
  CHECK(a == "10");
  CHECK(a == std::string("10"));
  CHECK(a == std::string_view("10"));
  CHECK(a != b);
  CHECK(a < b);  // bytewise, as std::string compares
  CHECK(c > "第十");
  CHECK("#" + a == "#10");
  CHECK(a + "." == "10.");
  CHECK(std::string("task ") + c == "task 第十二项重点任务");
  std::ostringstream out;
  out << a << '|' << c;
  CHECK(out.str() == "10|第十二项重点任务");
  CHECK(std::hash<PackedString>{}(c) == std::hash<std::string_view>{}("第十二项重点任务"));
  const std::unordered_set<PackedString> seen{a, b, c, PackedString("10")};
  CHECK(seen.size() == 3);
}

TEST_CASE("packed string: a task record stays small") {
  // The network keeps one per task; its three strings took 96 bytes as std::string.
  CHECK(sizeof(agencygraph::TaskInfo) <= 88);
  agencygraph::TaskInfo task{0, "（十二）", 1, 7, "推进项目建设", {0}, {1, 2}, std::nullopt, 3, "表1第5行"};
  const agencygraph::TaskInfo copy = task;
  CHECK(copy.id == "（十二）");
  CHECK(copy.text == "推进项目建设");
  CHECK(copy.place == "表1第5行");
  CHECK(copy.co.size() == 2);
}
