// Burden = lead*lead_tasks + owner*owner_tasks + co*co_tasks, by vertex index.
#include <doctest/doctest.h>

#include "agencygraph/analysis/burden.hpp"

using namespace agencygraph;

namespace {

AgencyNetwork network_with_counts() {
  AgencyNetwork network;
  network.graph = AgencyGraph(AgencyVertex{3});
  network.graph[0].lead_tasks = 3;
  network.graph[0].co_tasks = 2;
  network.graph[0].owner_tasks = 1;
  network.graph[1].co_tasks = 5;
  return network;  // vertex 2 names no task
}

}  // namespace

TEST_CASE("burden with the default weights: lead 1, owner 1, co 0.5") {
  CHECK(burden_scores(network_with_counts()) == std::vector<double>{5.0, 2.5, 0.0});
}

TEST_CASE("burden with user weights") {
  BurdenWeights weights;
  weights.lead = 2;
  weights.owner = 1.5;
  weights.co = 0.25;
  CHECK(burden_scores(network_with_counts(), weights) == std::vector<double>{8.0, 1.25, 0.0});
  CHECK(burden_scores(AgencyNetwork{}).empty());
}

TEST_CASE("burden from a built network counts each task once per agency") {
  Document document;
  document.jurisdiction = "荆州市";
  document.sources.push_back({"jz.txt", "UTF-8", "任务1\n任务2\n"});
  const NameId a = document.names.intern("市发改委");
  const NameId b = document.names.intern("市财政局");
  Task t1;
  t1.id = "1";
  t1.text = {0, 7};
  t1.agencies = {{a, a, Role::Lead, AgencyKind::Department}, {b, b, Role::Co, AgencyKind::Department},
                 {b, b, Role::Co, AgencyKind::Department}};
  Task t2;
  t2.id = "2";
  t2.text = {8, 7};
  t2.agencies = {{b, b, Role::Co, AgencyKind::Department}};  // alone: owner
  document.tasks = {t1, t2};
  const AgencyNetwork network = build_network({document});
  // 市发改委: lead 1 -> 1; 市财政局: co 1 (named twice) + owner 1 -> 1.5.
  CHECK(burden_scores(network) == std::vector<double>{1.0, 1.5});
}
