// Hostile and damaged input never crashes the parser, and nothing numbered is silently dropped:
// the seeds cut, spliced and sprinkled with stray brackets and separators (a fixed seed, so a
// failure reproduces), plus hand-made worst cases.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "../fuzz/extraction_invariants.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Mutations at UTF-8 character boundaries keep the text valid UTF-8, as the decoder guarantees.
std::string mutate(const std::string& text, std::mt19937_64& random) {
  static const std::vector<std::string> kInserts = {"(", ")", "（", "）", "〔", "】", "牵头单位:", "责任单位：", ";",
                                                    "、", "等", "\n", "\n12.", "(3)", "一、", "政府", "管委会", "\t", "|"};
  std::string out = text;
  const int edits = 1 + static_cast<int>(random() % 12);
  for (int e = 0; e < edits && !out.empty(); ++e) {
    std::size_t at = random() % out.size();
    while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) --at;
    switch (random() % 3) {
      case 0: out.insert(at, kInserts[random() % kInserts.size()]); break;
      case 1: {
        std::size_t end = std::min(out.size(), at + 1 + random() % 40);
        while (end < out.size() && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) ++end;
        out.erase(at, end - at);
        break;
      }
      default: out = out.substr(at) + out.substr(0, at); break;  // splice: start mid-document
    }
  }
  return out;
}

}  // namespace

TEST_CASE("mutated seed documents never crash and keep the extraction invariants") {
  std::mt19937_64 random(20261122);
  const std::string examples = AGENCYGRAPH_EXAMPLES;
  for (const char* name : {"jingzhou-2020.txt", "xianning-2023-p1.txt", "tongshan-2023-excerpt.txt"}) {
    const std::string original = read(examples + "/" + name);
    for (int round = 0; round < 60; ++round) {
      const std::string text = mutate(original, random);
      const Document d = test::parse_text(text);
      CAPTURE(name);
      CAPTURE(round);
      CHECK(test::extraction_invariants_hold(d));
    }
  }
}

TEST_CASE("worst cases: unbalanced and deeply nested brackets, empty labels, huge lines") {
  const std::string deep = "1.任务" + std::string(5000, '(') + "牵头单位:市发改委" + std::string(10, ')') + "\n";
  for (const std::string& text :
       {std::string("1.任务。(牵头单位:;责任单位:)\n"), std::string("1.任务。(牵头单位:市发改委\n2.任务。)\n"),
        std::string("1.\n2.\n(3)\n"), deep, "1." + std::string(200000, 'x') + "(牵头单位:市发改委)\n",
        std::string("序号\t工作任务\t牵头单位\n\t\t\n1\n"), std::string(""), std::string("\n\n\n"),
        std::string("牵头单位:市发改委\n责任单位:市财政局\n"),
        // Found by libFuzzer: a title whose leading bracket never closes read past the end.
        std::string("(湖北省2023年咸宁市政府工作报告责任分解\n1.任务。(牵头单位:市发改委)\n"),
        std::string("(政府工作报告\n")}) {
    const Document d = test::parse_text(text);
    CHECK(test::extraction_invariants_hold(d));
  }
}

TEST_CASE("the invariant checker itself sees numbered lines as the parser should") {
  CHECK(test::numbered_lines("1.a\n 2、b\n3.5亿元\n(4)c\n（5）d\nx6.e\n") == std::set<std::uint32_t>{1, 2, 4, 5});
}
