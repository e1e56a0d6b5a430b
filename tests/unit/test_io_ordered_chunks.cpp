// Rows formatted on several threads are written in row order, byte for byte what one thread writes;
// and the GraphML and CSV writers give the same bytes on 1, 2 and 3 threads for a network of several
// chunks, hostile names included.
#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>

#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_csv.hpp"
#include "io/network_writers.hpp"
#include "io/ordered_chunks.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using namespace agencygraph::io;

namespace {

std::string rows_written(std::size_t rows, unsigned threads, std::size_t chunk_rows) {
  std::ostringstream out;
  detail::write_in_order(out, rows, threads, [](std::size_t begin, std::size_t end, std::string& text) {
    for (std::size_t row = begin; row < end; ++row) text += "row " + std::to_string(row) + "\n";
  }, chunk_rows);
  return out.str();
}

// A network of several thousand agencies (several chunks of rows), each lead of the next five, with
// hostile names among them and a task number that needs escaping.
AgencyNetwork chain_network(std::size_t n) {
  AgencyNetwork network;
  DocumentInfo doc;
  doc.sources = {"chain.txt"};
  network.documents.push_back(doc);
  network.documents.push_back(doc);  // two documents: task references carry their document
  std::vector<Agency> agencies;
  std::vector<LinkEnds> ends;
  std::vector<Link> links;
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint32_t task = static_cast<std::uint32_t>(network.tasks.size());
    network.tasks.push_back({static_cast<std::uint32_t>(v % 2), v % 97 == 0 ? "(一)<&>" : std::to_string(v), 0, 1,
                             "", {static_cast<std::uint32_t>(v)}, {}, std::nullopt});
    const auto& hostile = test::hostile_names();
    test::add_agency(agencies, v % 50 == 0 ? hostile[v / 50 % hostile.size()] + std::to_string(v) : "局" + std::to_string(v),
                     AgencyKind::Department, 1, 0, {task});
    for (std::size_t k = 1; k <= 5 && v + k < n; ++k) {
      ends.push_back({v, v + k});
      links.push_back(Link{k % 2 ? LinkKind::LeadToCo : LinkKind::Peer, static_cast<double>(k) / 2, {task}});
    }
  }
  network.graph = make_agency_graph(std::move(agencies), ends, std::move(links));
  return network;
}

}  // namespace

TEST_CASE("write_in_order writes every row once, in order, whatever the threads and chunk size") {
  for (const std::size_t rows : {0, 1, 2, 7, 100, 1000}) {
    const std::string expected = rows_written(rows, 1, 1000000);
    for (const unsigned threads : {1u, 2u, 3u, 8u}) {
      for (const std::size_t chunk_rows : {1, 3, 64, 5000}) CHECK(rows_written(rows, threads, chunk_rows) == expected);
    }
  }
  CHECK(rows_written(3, 2, 1) == "row 0\nrow 1\nrow 2\n");
}

TEST_CASE("write_in_order stops and rethrows when formatting a chunk throws") {
  for (const unsigned threads : {1u, 2u, 4u}) {
    std::ostringstream out;
    auto format = [](std::size_t begin, std::size_t, std::string& text) {
      if (begin == 50) throw std::runtime_error("chunk 50");
      text += 'x';
    };
    CHECK_THROWS_WITH_AS(detail::write_in_order(out, 1000, threads, format, 10), "chunk 50", std::runtime_error);
    CHECK(out.str().size() <= 5);  // nothing after the failed chunk
  }
}

TEST_CASE("GraphML and CSV of a network of several chunks are the same on 1, 2 and 3 threads") {
  const AgencyNetwork network = chain_network(3 * detail::kChunkRows + 17);
  AgencyMetrics metrics;
  metrics.burden.assign(boost::num_vertices(network.graph), 1.25);
  const MapStyle style = style_map(network, metrics, MapOptions{});
  const GraphmlOptions options{&style, nullptr, "链"};
  std::string graphml[3], nodes[3], edges[3];
  for (unsigned threads = 1; threads <= 3; ++threads) {
    std::ostringstream g, n, e;
    detail::write_graphml(g, network, metrics, options, threads);
    detail::write_nodes_csv(n, network, metrics, options, threads);
    detail::write_edges_csv(e, network, threads);
    graphml[threads - 1] = g.str();
    nodes[threads - 1] = n.str();
    edges[threads - 1] = e.str();
  }
  for (int k = 1; k < 3; ++k) {
    CHECK(graphml[k] == graphml[0]);
    CHECK(nodes[k] == nodes[0]);
    CHECK(edges[k] == edges[0]);
  }
  // The public writers (the hardware's threads) write the same.
  std::ostringstream g;
  write_graphml(g, network, metrics, options);
  CHECK(g.str() == graphml[0]);
  CHECK(graphml[0].find("&lt;script&gt;") != std::string::npos);
  CHECK(graphml[0].find("(一)&lt;&amp;&gt;") != std::string::npos);
  CHECK(graphml[0].rfind("</graphml>\n") == graphml[0].size() - 11);
}
