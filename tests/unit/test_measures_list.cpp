// The one list of measures (measures.hpp) against everything that names measures: --measures,
// the writers' columns (CSV, GraphML, the shared list of io/metric_fields.hpp), the values analyse()
// fills, docs/analysis.md's table; and the analysis options' validation.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_csv.hpp"
#include "agencygraph/measures.hpp"
#include "agencygraph/metrics.hpp"
#include "io/metric_fields.hpp"
#include "test_centrality_support.hpp"

using namespace agencygraph;

namespace {

AgencyNetwork small_network() {
  return test::make_network(5, {{0, 1, 2}, {1, 2, 1}, {2, 0, 1}, {2, 3, 1, LinkKind::Peer}, {3, 4, 1}});
}

std::vector<std::string> all_columns() {
  std::vector<std::string> names;
  for (const MeasureSpec& spec : measure_specs())
    for (const MeasureColumn& column : spec.columns) names.emplace_back(column.name);
  return names;
}

}  // namespace

TEST_CASE("measures list: names, bits and --measures agree") {
  std::uint32_t bits = 0;
  std::string names;
  for (const MeasureSpec& spec : measure_specs()) {
    CAPTURE(spec.name);
    const auto bit = static_cast<std::uint32_t>(spec.measure);
    CHECK((bits & bit) == 0);  // each measure once
    bits |= bit;
    REQUIRE(measure_from_name(spec.name).has_value());
    CHECK(*measure_from_name(spec.name) == spec.measure);
    CHECK(!spec.columns.empty());
    for (const MeasureColumn& column : spec.columns) {
      CHECK(measure_of_column(column.name) == spec.measure);
      CHECK(find_measure_column(column.name) == &column);
      CHECK(!column.definition.empty());
    }
    if (!names.empty()) names += ", ";
    names += spec.name;
  }
  CHECK(bits == kAllMeasures);
  CHECK(measure_names() == names);
  CHECK(!measure_from_name("degrees").has_value());
  CHECK(find_measure_column("strength") == nullptr);
}

TEST_CASE("measures list: the writers' per-agency columns are the list's, in its order") {
  // io::detail::for_each_measure writes the numeric columns; cluster and articulation follow it.
  std::vector<std::string> written;
  io::detail::for_each_measure(AgencyMetrics{}, [&](const char* name, const auto&) { written.emplace_back(name); });
  std::vector<std::string> listed;
  for (const std::string& name : all_columns())
    if (name != "cluster" && name != "articulation") listed.push_back(name);
  CHECK(written == listed);

  const AgencyNetwork network = small_network();
  const AgencyMetrics metrics = analyse(network);
  std::ostringstream csv, graphml;
  io::write_nodes_csv(csv, network, metrics);
  io::write_graphml(graphml, network, metrics);
  const std::string header = csv.str().substr(0, csv.str().find('\n'));
  for (const std::string& name : all_columns()) {
    CAPTURE(name);
    CHECK(header.find("," + name) != std::string::npos);
    CHECK(graphml.str().find("attr.name=\"" + name + "\"") != std::string::npos);
    // Every column is filled, one value per agency.
    CHECK(measure_column_values(metrics, name).size() == 5);
  }
}

TEST_CASE("measures list: measure_column_values reads the field the column names") {
  const AgencyMetrics m = analyse(small_network());
  CHECK(measure_column_values(m, "in_degree") == m.in_degree);
  CHECK(measure_column_values(m, "harmonic") == m.harmonic);
  CHECK(measure_column_values(m, "core")[2] == static_cast<double>(m.core[2]));
  CHECK(measure_column_values(m, "cluster")[0] == static_cast<double>(m.community[0]) + 1);
  CHECK(measure_column_values(m, "articulation")[3] == 1.0);  // 3 joins 4 to the triangle
  CHECK(measure_column_values(m, "nothing").empty());
  AnalysisOptions only_core;
  only_core.measures = static_cast<std::uint32_t>(Measure::Core);
  CHECK(measure_column_values(analyse(small_network(), only_core), "pagerank").empty());
}

TEST_CASE("measures list: docs/analysis.md's table names every column") {
  std::ifstream in(std::string(AGENCYGRAPH_EXAMPLES) + "/../docs/analysis.md");
  REQUIRE(in);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The first cell of some row of the table of measures names the column.
  std::vector<std::string> first_cells;
  std::istringstream lines(doc);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| ", 0) == 0) first_cells.push_back(line.substr(0, line.find('|', 1)));
  }
  for (const std::string& name : all_columns()) {
    CAPTURE(name);
    bool found = false;
    for (const std::string& cell : first_cells) found = found || cell.find("`" + name + "`") != std::string::npos;
    CHECK(found);
  }
  for (const MeasureSpec& spec : measure_specs()) {
    CAPTURE(spec.name);
    CHECK(doc.find("`" + std::string(spec.name) + "`") != std::string::npos);
  }
}

TEST_CASE("analysis options out of range are refused, naming the option") {
  const AgencyNetwork network = small_network();
  auto refused = [&](auto change, const std::string& option) {
    AnalysisOptions o;
    change(o);
    CAPTURE(option);
    try {
      analyse(network, o);
      FAIL("accepted");
    } catch (const std::invalid_argument& e) {
      CHECK(std::string(e.what()).find(option) != std::string::npos);
    }
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  refused([](AnalysisOptions& o) { o.pagerank_damping = 1.0; }, "pagerank_damping = 1: must be at least 0 and below 1");
  refused([](AnalysisOptions& o) { o.pagerank_damping = -0.1; }, "pagerank_damping");
  refused([&](AnalysisOptions& o) { o.pagerank_damping = nan; }, "pagerank_damping");
  refused([](AnalysisOptions& o) { o.tolerance = 0; }, "tolerance");
  refused([](AnalysisOptions& o) { o.max_iterations = 0; }, "max_iterations");
  refused([](AnalysisOptions& o) { o.louvain_resolution = -1; }, "louvain_resolution");
  refused([](AnalysisOptions& o) { o.louvain_resolution = std::numeric_limits<double>::infinity(); },
          "louvain_resolution");
  refused([](AnalysisOptions& o) { o.weights.co = -0.5; }, "weights.co");
  refused([&](AnalysisOptions& o) { o.weights.lead = nan; }, "weights.lead");
  refused([](AnalysisOptions& o) { o.measures = 1u << 20; }, "measures");
  // The edges of the ranges are allowed.
  AnalysisOptions edge;
  edge.pagerank_damping = 0;
  edge.louvain_resolution = 0;
  edge.weights = {0, 0, 0};
  CHECK_NOTHROW(analyse(network, edge));
}

TEST_CASE("non-convergence is a flag in the results as well as a note") {
  // A directed path has no cycle: the eigenvector iteration does not converge (NetworkX raises).
  const AgencyNetwork path = test::make_network(3, {{0, 1, 1}, {1, 2, 1}});
  AnalysisOptions o;
  o.max_iterations = 50;
  const AgencyMetrics m = analyse(path, o);
  CHECK(!m.converged(Measure::Eigenvector));
  CHECK(m.converged(Measure::PageRank));
  CHECK(m.notes.size() == 1);
  const AgencyMetrics cyclic = analyse(small_network());
  CHECK(cyclic.converged(Measure::Eigenvector));
  CHECK(cyclic.not_converged == 0);
}
