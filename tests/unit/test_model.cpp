#include <doctest/doctest.h>

#include "agencygraph/model.hpp"

using namespace agencygraph;

TEST_CASE("NameTable interns each distinct name once, with dense ids") {
  NameTable names;
  const NameId a = names.intern("市教育局");
  const NameId b = names.intern("市财政局");
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(names.intern(std::string("市教育局")) == a);
  CHECK(names[a] == "市教育局");
  CHECK(names.size() == 2);
  for (int i = 0; i < 1000; ++i) names.intern("x" + std::to_string(i));  // growth keeps old views valid
  CHECK(names[b] == "市财政局");
}
