// Shared by the centrality tests: small AgencyNetworks built from link lists, and the NetworkX
// fixture format (tests/data/networkx/NAME.edges.tsv, written by tools/fixtures/networkx_reference.py).
#pragma once

#include <cmath>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "agencygraph/graph.hpp"

namespace agencygraph::test {

struct TestLink {
  std::uint32_t u = 0, v = 0;
  double weight = 1;
  LinkKind kind = LinkKind::LeadToCo;
};

inline AgencyNetwork make_network(std::size_t n, const std::vector<TestLink>& links) {
  std::vector<Agency> agencies(n);
  for (std::size_t v = 0; v < n; ++v) agencies[v].name = "v" + std::to_string(v);
  std::vector<LinkEnds> ends;
  std::vector<Link> properties;
  for (const TestLink& l : links) {
    ends.push_back({l.u, l.v});
    Link& link = properties.emplace_back();
    link.kind = l.kind;
    link.weight = l.weight;
  }
  AgencyNetwork network;
  network.graph = make_agency_graph(std::move(agencies), ends, std::move(properties));
  return network;
}

inline std::vector<TestLink> peers(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  std::vector<TestLink> links;
  for (auto [u, v] : pairs) links.push_back({u, v, 1.0, LinkKind::Peer});
  return links;
}

// Kinds are spelt as to_string(LinkKind) spells them.
inline LinkKind parse_kind(const std::string& s) {
  for (LinkKind k : {LinkKind::LeadToCo, LinkKind::CoLead, LinkKind::Peer}) {
    if (to_string(k) == s) return k;
  }
  throw std::runtime_error("unknown link kind " + s);
}

// Reads NAME.edges.tsv: '#' comments, 'vertices<TAB>n', then u v weight kind per line.
inline AgencyNetwork read_edge_list(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::size_t n = 0;
  std::vector<TestLink> links;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cells(line);
    std::string first;
    cells >> first;
    if (first == "vertices") {
      cells >> n;
      continue;
    }
    TestLink l;
    std::string kind;
    l.u = static_cast<std::uint32_t>(std::stoul(first));
    cells >> l.v >> l.weight >> kind;
    l.kind = parse_kind(kind);
    links.push_back(l);
  }
  return make_network(n, links);
}

inline void check_close(const std::vector<double>& actual, const std::vector<double>& expected, const char* what,
                        double tolerance = 1e-9) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t v = 0; v < actual.size(); ++v) {
    INFO(what << " of vertex " << v << ": " << actual[v] << " vs " << expected[v]);
    CHECK(std::abs(actual[v] - expected[v]) <= tolerance);
  }
}

}  // namespace agencygraph::test
