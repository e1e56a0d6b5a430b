// The network table's shortcuts against what they stand for: append_double's whole-number path
// against std::to_chars, append_csv_field against csv_field, TaskRefs against append_task_refs, and
// every column marked plain (written unescaped and unquoted) holding only plain text.
#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <random>

#include "agencygraph/io/csv.hpp"
#include "io/csv_append.hpp"
#include "io/network_table.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using namespace agencygraph::io;

namespace {

std::string to_chars_shortest(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string formatted(double value) {
  std::string out;
  detail::append_double(out, value);
  return out;
}

// Every value of every plain column (and every id) is plain; the writers copy them unescaped.
void check_plain_columns(const detail::Table& table) {
  for (std::size_t row = 0; row < table.rows; ++row) {
    CHECK(detail::is_plain(table.id(row)));
    for (const detail::Column& column : table.columns) {
      if (column.plain) CHECK_MESSAGE(detail::is_plain(column.text(row)), column.name << " row " << row);
    }
  }
}

}  // namespace

TEST_CASE("append_double writes whole numbers as std::to_chars does, -0 and the edges of the short path included") {
  int mismatches = 0;
  for (int i = -200000; i <= 200000; ++i) {
    const double value = i;
    if (formatted(value) != to_chars_shortest(value)) ++mismatches;
  }
  CHECK(mismatches == 0);
  for (const double value : {-0.0, 0.0, 99999.0, 100000.0, -99999.0, -100000.0, 1e15, 1e16, 1e300, 0.5, -0.5, 2.25,
                             99999.5, 1e-300, 1.0 / 3, std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()}) {
    CHECK(formatted(value) == to_chars_shortest(value));
  }
  CHECK(formatted(-0.0) == "-0");
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> uniform(-1e6, 1e6);
  for (int k = 0; k < 100000; ++k) {
    const double value = k % 2 ? uniform(random) : std::round(uniform(random) / 8);
    if (formatted(value) != to_chars_shortest(value)) ++mismatches;
  }
  CHECK(mismatches == 0);
  CHECK(formatted(std::nan("")) == "NaN");
  CHECK(formatted(-std::numeric_limits<double>::infinity()) == "-INF");
}

TEST_CASE("append_csv_field appends what csv_field returns") {
  const std::string alphabet[] = {"a", ",", "\"", "\r", "\n", "市", " ", "\"\"", ";"};
  std::mt19937 random(11);
  for (int k = 0; k < 20000; ++k) {
    std::string value;
    for (int n = static_cast<int>(random() % 12); n > 0; --n) value += alphabet[random() % std::size(alphabet)];
    std::string out = "x,";
    detail::append_csv_field(out, value);
    CHECK(out == "x," + csv_field(value));
  }
}

TEST_CASE("TaskRefs cites tasks as append_task_refs does, with one document and with several") {
  AgencyNetwork network = test::small_network();
  const detail::TaskRefs one(network);
  const std::vector<std::vector<std::uint32_t>> lists = {{}, {0}, {2}, {0, 1, 2}, {2, 0}};
  for (const auto& tasks : lists) {
    std::string out = "prefix";
    one.append(out, tasks);
    CHECK(out == "prefix" + detail::task_refs(network, tasks));
  }
  CHECK(one.plain());

  network.documents.push_back(network.documents[0]);
  network.tasks.push_back({1, "（一）", 0, 9, "", {}, {}, std::nullopt});
  const detail::TaskRefs several(network);
  const std::vector<std::uint32_t> tasks{0, 3, 2};
  std::string out;
  several.append(out, tasks);
  CHECK(out == "1:1;2:（一）;1:3");
  CHECK(out == detail::task_refs(network, tasks));
  CHECK_FALSE(several.plain());  // a task number that needs escaping in some format
}

TEST_CASE("is_plain accepts only what no format escapes or quotes") {
  CHECK(detail::is_plain("a0123456789abc_1"));
  CHECK(detail::is_plain("1:61;2:5"));
  CHECK(detail::is_plain("-1.5e+20"));
  CHECK(detail::is_plain(""));
  for (const char* text : {"a,b", "\"", "&", "<", ">", "'", "\\", " ", "\t", "市", "a\n"}) CHECK_FALSE(detail::is_plain(text));
}

TEST_CASE("every column marked plain holds only plain values, hostile names and task numbers included") {
  for (const AgencyNetwork& network : {test::small_network(), test::hostile_network()}) {
    const AgencyMetrics metrics = test::small_metrics();
    const std::size_t n = boost::num_vertices(network.graph);
    AgencyMetrics fitted;  // the small metrics fit only the small network
    if (n == metrics.burden.size()) fitted = metrics;
    const MapStyle style = style_map(network, fitted, MapOptions{});
    const detail::Table nodes = detail::node_table(network, fitted, {&style.looks, nullptr});
    const detail::Table links = detail::link_table(network);
    check_plain_columns(nodes);
    check_plain_columns(links);
    for (const detail::Column& column : links.columns) {
      if (column.name == "source" || column.name == "target" || column.name == "kind") CHECK(column.plain);
      if (column.name == "source_label" || column.name == "target_label") CHECK_FALSE(column.plain);
    }
  }
}
