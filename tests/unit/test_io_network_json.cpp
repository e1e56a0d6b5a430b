// The network JSON is written as text directly (io/json_writer.hpp), not dumped from an nlohmann tree:
// it must be byte for byte what dump_json makes of the tree, for every string (escapes, invalid UTF-8),
// every number (nlohmann's own double format) and every layout (empty and nested containers), and on
// any number of threads.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <random>
#include <sstream>

#include "agencygraph/io/network_json.hpp"
#include "io/network_writers.hpp"
#include "io/json_writer.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using namespace agencygraph::io;

namespace {

// The text a description (calls on an Out) makes directly, and what dump_json makes of its tree.
template <typename Describe>
std::string direct(Describe describe) {
  detail::JsonText out;
  describe(out);
  out.finish();
  return out.text();
}

template <typename Describe>
std::string dumped(Describe describe) {
  detail::JsonTree out;
  describe(out);
  return dump_json(out.root());
}

template <typename T>
std::string direct_value(const T& value) {
  return direct([&](auto& out) { out.value(value); });
}

template <typename T>
void check_value(const T& value) {
  const auto describe = [&](auto& out) { out.value(value); };
  CHECK(direct(describe) == dumped(describe));
}

// Bytes a JSON writer can get wrong: every control character, quotes, backslashes, what nlohmann
// leaves raw (DEL, C1 controls, U+2028, U+FFFE/U+FFFF, non-BMP), and invalid UTF-8 of each kind: stray
// continuation, overlong, surrogate, above U+10FFFF, bytes no sequence starts with, sequences broken
// off by another byte or by the end.
std::vector<std::string> awkward_strings() {
  std::vector<std::string> strings = {
      "", "plain", "\"", "\\", "\\\"", "quote\"in\\middle", "/</script>", "市发改委（牵头）",
      "\x7f", "\xc2\x80\xc2\x9f", "\xe2\x80\xa8\xe2\x80\xa9", "\xef\xbf\xbe\xef\xbf\xbf", "\xf0\x9f\x98\x80",
      "\xf4\x8f\xbf\xbf", "\x80", "\xbf\xff\xfe", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xe0\x9f\xbf",
      "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
      "\xe5\xb8", "\xe5\xb8x", "\xf0\x9f\x98", "\xf0\x9f\x98\x41", "end\xe5", "\xe5\xe5\xb8\x82", "\xc3",
      "a\xc3\xa9\xc3", "\xe5\xb8\x82\xff\xe5\xb8\x82"};
  for (int c = 0; c < 0x20; ++c) strings.push_back("[" + std::string(1, static_cast<char>(c)) + "]");
  strings.push_back(std::string("nul\0inside", 10));
  return strings;
}

}  // namespace

TEST_CASE("JSON strings are escaped as nlohmann's dump escapes them") {
  for (const std::string& s : awkward_strings()) {
    CAPTURE(s);
    check_value(s);
  }
  CHECK(direct_value(std::string("a\"b\\c\x01\x1f\n")) == "\"a\\\"b\\\\c\\u0001\\u001f\\n\"\n");
  CHECK(direct_value(std::string("\xe5\xb8x")) == "\"\xef\xbf\xbdx\"\n");  // one U+FFFD per broken sequence
}

TEST_CASE("JSON strings: any byte is escaped as nlohmann does at any place in a run of plain ASCII") {
  // Plain ASCII is checked eight bytes at a time: every byte value in every lane, and across lanes.
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t at = 0; at <= 17; ++at) {
      std::string s(24, 'x');
      s[at] = static_cast<char>(byte);
      CAPTURE(s);
      check_value(s);
    }
  }
  for (const std::string odd : {"\xe5\xb8\x82", "\xf0\x9f\x98\x80", "\xe5\xb8", "\xc3\xa9"}) {
    for (std::size_t at = 0; at <= 17; ++at) check_value(std::string(at, '~') + odd + std::string(20, ' '));
  }
}

TEST_CASE("JSON strings of random bytes are escaped as nlohmann's dump escapes them") {
  // Bytes drawn mostly from those that start, continue or break sequences, so that most strings hold
  // several kinds of invalid UTF-8 next to valid characters.
  const unsigned char pool[] = {'a', '"', '\\', 0x00, 0x0a, 0x1f, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0,
                                0xc2, 0xdf, 0xe0, 0xe5, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
  std::mt19937 random(20240611);
  std::uniform_int_distribution<std::size_t> length(0, 12), pick(0, sizeof pool - 1);
  for (int round = 0; round < 20000; ++round) {
    std::string s(length(random), '\0');
    for (char& c : s) c = static_cast<char>(pool[pick(random)]);
    CAPTURE(s);
    const auto describe = [&](auto& out) { out.value(s); };
    const std::string a = direct(describe), b = dumped(describe);
    CHECK(a == b);
    if (a != b) break;
  }
}

TEST_CASE("JSON numbers are formatted as nlohmann's dump formats them") {
  const double inf = std::numeric_limits<double>::infinity();
  for (const double x :
       {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-4, 1e-5, 1e-7, 1.5e-7, 123.456, 1e14, 1e15,
        1e16, 1e17, 1e21, 1e22, 123456789012345.0, 1234567890123456.0, 9007199254740993.0, 0.0625, 0.125, 0.3125,
        std::numeric_limits<double>::max(), std::numeric_limits<double>::min(),
        std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::epsilon(), 5e-324, 1.7976931348623157e308,
        -1e-300, std::nan(""), inf, -inf}) {
    CAPTURE(x);
    check_value(x);
  }
  CHECK(direct_value(1.0) == "1.0\n");
  CHECK(direct_value(-0.0) == "-0.0\n");
  CHECK(direct_value(1e21) == "1e+21\n");
  CHECK(direct_value(1e-7) == "1e-07\n");
  CHECK(direct_value(0.1) == "0.1\n");
  CHECK(direct_value(std::nan("")) == "null\n");
  CHECK(direct_value(-inf) == "null\n");

  for (int k = -100000; k <= 100000; ++k) check_value(k / 2.0);  // like weights, degrees and burdens
  std::mt19937_64 random(7);
  for (int round = 0; round < 20000; ++round) {
    const std::uint64_t bits = random();
    double x;
    std::memcpy(&x, &bits, sizeof x);  // any double: every exponent, subnormals, NaNs
    CAPTURE(x);
    check_value(x);
    check_value(static_cast<double>(bits % 100000) / 100);  // rounded positions, like x and y
    check_value(static_cast<double>(bits >> (bits % 64)));  // whole numbers of every size
  }
  for (const long long n : {0LL, 1LL, -1LL, 9LL, 10LL, 99LL, 100LL, std::numeric_limits<long long>::min(),
                            std::numeric_limits<long long>::max()}) {
    check_value(n);
  }
  check_value(std::numeric_limits<std::uint64_t>::max());
  check_value(std::numeric_limits<std::uint32_t>::max());
  check_value(2023);
  check_value(true);
  check_value(false);
  check_value(nullptr);
}

TEST_CASE("JSON layout: empty and nested containers, members and elements, as nlohmann lays them out") {
  const auto describe = [](auto& out) {
    out.begin_object();
    out.key("empty object");
    out.begin_object();
    out.end_object();
    out.key("empty array");
    out.begin_array();
    out.end_array();
    out.key("no elements");
    out.elements(0, [](auto&, std::size_t) {});
    out.key("k\"ey\\\x01\xff");
    out.elements(3, [](auto& o, std::size_t i) {
      o.begin_array();
      for (std::size_t k = 0; k < i; ++k) {
        o.begin_object();
        o.key("n");
        o.value(k);
        o.key("inner");
        o.begin_array();
        o.begin_array();
        o.end_array();
        o.value(0.5 * static_cast<double>(k));
        o.end_array();
        o.end_object();
      }
      o.end_array();
    });
    out.key("last");
    out.value(nullptr);
    out.end_object();
  };
  CHECK(direct(describe) == dumped(describe));
  CHECK(direct([](auto& out) { out.elements(0, [](auto&, std::size_t) {}); }) == "[]\n");
  CHECK(direct([](auto& out) {
          out.begin_object();
          out.end_object();
        }) == "{}\n");
}

namespace {

// Every string field awkward, every measure computed (with NaN, infinities and doubles of every
// format), some agencies without a position.
struct AwkwardNetwork {
  AgencyNetwork network;
  AgencyMetrics metrics;
  std::vector<std::optional<Point>> positions;

  AwkwardNetwork() {
    const std::vector<std::string> strings = awkward_strings();
    const auto text = [&](std::size_t i) { return strings[i % strings.size()] + "局" + strings[(i * 7 + 3) % strings.size()]; };
    DocumentInfo doc;
    doc.sources = {text(1), text(2)};
    doc.title = text(3);
    doc.jurisdiction = text(4);
    doc.year = -1;
    network.documents.push_back(doc);
    network.documents.push_back(DocumentInfo{{"b.txt"}, std::nullopt, std::nullopt, std::nullopt});
    const std::uint32_t n = 60;
    for (std::uint32_t t = 0; t < n; ++t) {
      std::optional<std::uint32_t> owner;
      if (t % 3 == 0) owner = t;
      network.tasks.push_back({t % 2, text(t), t % 4 == 0 ? 1u : 0u, t * 1000, text(t + 5), {t}, {(t + 1) % n}, owner});
    }
    std::vector<Agency> agencies;
    for (std::uint32_t v = 0; v < n; ++v) {
      test::add_agency(agencies, text(v + 11), static_cast<AgencyKind>(v % 3), v, 2 * v, {v, (v + 1) % n});
      agencies.back().label = v % 4 == 0 ? "" : text(v + 13);
      agencies.back().jurisdiction = text(v + 17);
      agencies.back().spellings = {text(v), text(v + 1)};
      agencies.back().owner_tasks = v % 5;
    }
    std::vector<LinkEnds> ends;
    std::vector<Link> links;
    for (std::uint32_t v = 0; v + 1 < n; ++v) {
      ends.push_back({v, v + 1});
      links.push_back(Link{static_cast<LinkKind>(v % 3), v % 2 == 0 ? 1.0 : 0.1 * v, {v, v + 1}});
    }
    network.graph = make_agency_graph(std::move(agencies), ends, std::move(links));

    const double odd[] = {0.1, 1e-7, 1e21, 1.0, 0.0, -0.0, std::nan(""), std::numeric_limits<double>::infinity(),
                          1.0 / 3, 123456789.125, 5e-324, std::numeric_limits<double>::max()};
    std::vector<double> values;
    for (std::uint32_t v = 0; v < n; ++v) values.push_back(odd[v % std::size(odd)] * (v % 2 == 0 ? 1 : -1));
    for (std::vector<double>* m : {&metrics.burden, &metrics.in_degree, &metrics.out_degree, &metrics.in_strength,
                                   &metrics.out_strength, &metrics.betweenness, &metrics.betweenness_weighted,
                                   &metrics.closeness, &metrics.harmonic, &metrics.pagerank, &metrics.eigenvector}) {
      *m = values;
      std::rotate(values.begin(), values.begin() + 1, values.end());
    }
    for (std::uint32_t v = 0; v < n; ++v) {
      metrics.core.push_back(v % 4);
      metrics.component.push_back(v % 2);
      metrics.community.push_back(v % 7 == 0 ? 9 : v % 3);  // clusters 4 to 9 have no members
      metrics.articulation.push_back(v % 5 == 0);
    }
    metrics.modularity = std::nan("");
    metrics.bridges = {{0, 1}, {5, 6}};
    metrics.notes = {text(20), text(21)};
    for (std::uint32_t v = 0; v < n; ++v) {
      if (v % 6 == 5) positions.emplace_back();
      else positions.push_back(Point{values[v] * 1000, 0.004 * v - 0.125});
    }
  }
};

std::string written(const AgencyNetwork& network, const AgencyMetrics& metrics, const NetworkJsonOptions& options,
                    unsigned threads) {
  std::ostringstream out;
  detail::write_network_json(out, network, metrics, options, threads);
  return out.str();
}

}  // namespace

TEST_CASE("network JSON written directly equals the dumped tree for awkward strings and numbers") {
  const AwkwardNetwork a;
  const std::string tree = dump_json(network_to_json(a.network, a.metrics, {&a.positions}));
  for (unsigned threads = 1; threads <= 3; ++threads) CHECK(written(a.network, a.metrics, {&a.positions}, threads) == tree);
  std::ostringstream out;
  write_network_json(out, a.network, a.metrics, {&a.positions});
  CHECK(out.str() == tree);
  CHECK(tree.find("\"modularity\": null") != std::string::npos);
  CHECK(tree.find("\xef\xbf\xbd") != std::string::npos);
  // Without metrics or positions: no metric members, no clusters.
  CHECK(written(a.network, AgencyMetrics{}, {}, 2) == dump_json(network_to_json(a.network, AgencyMetrics{})));
}

TEST_CASE("network JSON of several chunks of elements is the same on 1, 2 and 3 threads") {
  // More tasks, agencies and links than fit in three chunks each.
  const std::size_t n = 3 * detail::kChunkRows + 17;
  AgencyNetwork network;
  network.documents.push_back(DocumentInfo{{"chain.txt"}, "链", std::nullopt, 2024});
  std::vector<Agency> agencies;
  std::vector<LinkEnds> ends;
  std::vector<Link> links;
  AgencyMetrics metrics;
  for (std::uint32_t v = 0; v < n; ++v) {
    network.tasks.push_back({0, std::to_string(v), 0, v, "任务\"" + std::to_string(v), {v}, {}, std::nullopt});
    test::add_agency(agencies, "局" + std::to_string(v) + (v % 97 == 0 ? "\x01\xe5" : ""), AgencyKind::Department, 1, 0, {v});
    if (v + 1 < n) {
      ends.push_back({v, v + 1});
      links.push_back(Link{LinkKind::LeadToCo, 1.0 + v % 3, {v}});
    }
    metrics.burden.push_back(1.0 / (1 + v % 10));
    metrics.community.push_back(v % 3000);
  }
  network.graph = make_agency_graph(std::move(agencies), ends, std::move(links));
  const std::string tree = dump_json(network_to_json(network, metrics));
  for (unsigned threads = 1; threads <= 3; ++threads) CHECK(written(network, metrics, {}, threads) == tree);
}
