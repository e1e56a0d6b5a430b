// build_network on hand-built documents: every expected count, edge and weight below is worked out
// by hand from the tasks written in each test case.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "agencygraph/graph.hpp"

using namespace agencygraph;

namespace {

struct MentionSpec {
  std::string name;
  Role role = Role::Co;
  AgencyKind kind = AgencyKind::Department;
  std::string canonical;  // empty: same as name
};

MentionSpec lead(std::string name, AgencyKind kind = AgencyKind::Department) {
  return {std::move(name), Role::Lead, kind, {}};
}
MentionSpec co(std::string name, AgencyKind kind = AgencyKind::Department) {
  return {std::move(name), Role::Co, kind, {}};
}

struct TaskSpec {
  std::string id;
  std::vector<MentionSpec> agencies;
  std::uint32_t source = 0;
};

// Each task's text is "任务<id>" on a line of its own in its source.
Document make_document(std::optional<std::string> jurisdiction, std::vector<std::string> paths,
                       const std::vector<TaskSpec>& tasks) {
  Document document;
  document.jurisdiction = std::move(jurisdiction);
  for (std::string& path : paths) document.sources.push_back({std::move(path), "UTF-8", {}});
  std::vector<std::uint32_t> lines(document.sources.size(), 0);
  for (const TaskSpec& spec : tasks) {
    Task task;
    task.id = spec.id;
    task.source = spec.source;
    std::string& text = document.sources[spec.source].text;
    const std::string line = "任务" + spec.id;
    task.text = {static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(line.size())};
    text += line + "\n";
    task.line = ++lines[spec.source];
    for (const MentionSpec& m : spec.agencies) {
      AgencyMention mention;
      mention.name = document.names.intern(m.name);
      mention.canonical = document.names.intern(m.canonical.empty() ? m.name : m.canonical);
      mention.role = m.role;
      mention.kind = m.kind;
      task.agencies.push_back(mention);
    }
    document.tasks.push_back(std::move(task));
  }
  return document;
}

std::optional<AgencyVertex> find_vertex(const AgencyNetwork& network, std::string_view label) {
  for (AgencyVertex v = 0; v < boost::num_vertices(network.graph); ++v)
    if (network.graph[v].label == label) return v;
  return std::nullopt;
}

std::uint32_t vertex(const AgencyNetwork& network, std::string_view label) {
  const auto v = find_vertex(network, label);
  REQUIRE_MESSAGE(v.has_value(), "no vertex labelled " << label);
  return static_cast<std::uint32_t>(*v);
}

// The edge of `kind` from `a` to `b` as stored (symmetric kinds: lower index first).
const Link* find_link(const AgencyNetwork& network, std::string_view a, std::string_view b, LinkKind kind) {
  AgencyVertex u = vertex(network, a);
  AgencyVertex v = vertex(network, b);
  if (kind != LinkKind::LeadToCo && u > v) std::swap(u, v);
  for (auto [it, end] = boost::out_edges(u, network.graph); it != end; ++it)
    if (boost::target(*it, network.graph) == v && network.graph[*it].kind == kind) return &network.graph[*it];
  return nullptr;
}

using Tasks = std::vector<std::uint32_t>;

void check_link(const AgencyNetwork& network, std::string_view a, std::string_view b, LinkKind kind,
                const Tasks& tasks) {
  CAPTURE(a);
  CAPTURE(b);
  CAPTURE(to_string(kind));
  const Link* link = find_link(network, a, b, kind);
  REQUIRE(link != nullptr);
  CHECK(Tasks(link->tasks.begin(), link->tasks.end()) == tasks);
  CHECK(link->weight == static_cast<double>(tasks.size()));
}

struct Counts {
  std::uint32_t lead, co, owner;
};

void check_counts(const AgencyNetwork& network, std::string_view label, Counts expected, const Tasks& tasks) {
  CAPTURE(label);
  const Agency& agency = network.graph[vertex(network, label)];
  CHECK(agency.lead_tasks == expected.lead);
  CHECK(agency.co_tasks == expected.co);
  CHECK(agency.owner_tasks == expected.owner);
  CHECK(agency.tasks == tasks);
}

std::vector<std::string> labels(const AgencyNetwork& network) {
  std::vector<std::string> out;
  for (AgencyVertex v = 0; v < boost::num_vertices(network.graph); ++v) out.push_back(network.graph[v].label);
  return out;
}

}  // namespace

TEST_CASE("leads, co-leads, duplicates, owners and peers in one document") {
  const std::vector<Document> documents{make_document(
      "荆州市", {"jz.txt"},
      {
          {"1", {lead("市发改委"), co("市财政局"), co("市教育局"), co("市财政局")}},  // 市财政局 named twice
          {"2", {lead("市发改委"), lead("市住建局"), co("市财政局"), co("市发改委")}},  // lead and co: lead wins
          {"3", {co("市统计局")}},                                                   // alone, no lead: owner
          {"4", {co("市财政局"), co("市教育局")}},                                    // no lead: peers
          {"5", {}},                                                                 // names nobody
          {"6", {lead("市统计局")}},                                                 // a lead alone
      })};
  const AgencyNetwork network = build_network(documents);

  // Vertices sorted bytewise by canonical name within the one jurisdiction.
  CHECK(labels(network) == std::vector<std::string>{"市住建局", "市发改委", "市教育局", "市统计局", "市财政局"});
  CHECK(network.graph[0].jurisdiction == "荆州市");

  check_counts(network, "市发改委", {2, 0, 0}, {0, 1});
  check_counts(network, "市住建局", {1, 0, 0}, {1});
  check_counts(network, "市财政局", {0, 3, 0}, {0, 1, 3});
  check_counts(network, "市教育局", {0, 2, 0}, {0, 3});
  check_counts(network, "市统计局", {1, 0, 1}, {2, 5});

  CHECK(boost::num_edges(network.graph) == 5);
  check_link(network, "市发改委", "市财政局", LinkKind::LeadToCo, {0, 1});
  check_link(network, "市发改委", "市教育局", LinkKind::LeadToCo, {0});
  check_link(network, "市住建局", "市财政局", LinkKind::LeadToCo, {1});
  check_link(network, "市发改委", "市住建局", LinkKind::CoLead, {1});
  check_link(network, "市财政局", "市教育局", LinkKind::Peer, {3});
  // The co-lead link is stored once, from the lower index (市住建局 = 0) to the higher.
  const Link* colead = find_link(network, "市住建局", "市发改委", LinkKind::CoLead);
  REQUIRE(colead != nullptr);
  // A lead naming itself as co adds no self-loop.
  CHECK(find_link(network, "市发改委", "市发改委", LinkKind::LeadToCo) == nullptr);
  check_link(network, "市发改委", "市住建局", LinkKind::CoLead, {1});

  // Every task is kept, in order, including the one that names nobody.
  REQUIRE(network.tasks.size() == 6);
  CHECK(network.tasks[4].id == "5");
  CHECK(network.tasks[4].leads.empty());
  CHECK(network.tasks[4].co.empty());
  CHECK(network.tasks[2].owner == vertex(network, "市统计局"));
  CHECK(network.tasks[1].leads == IndexList{1, 0});  // 市发改委, 市住建局 as named
  CHECK(network.tasks[1].co == IndexList{4});
}

TEST_CASE("edges come out ordered by (source, target, kind), parallel kinds kept apart") {
  const std::vector<Document> documents{make_document(
      "荆州市", {"jz.txt"},
      {
          {"1", {lead("市发改委"), co("市财政局")}},
          {"2", {lead("市发改委"), lead("市财政局")}},
          {"3", {lead("市财政局"), co("市发改委")}},
          {"4", {co("市发改委"), co("市财政局")}},
      })};
  const AgencyNetwork network = build_network(documents);
  CHECK(labels(network) == std::vector<std::string>{"市发改委", "市财政局"});
  std::vector<std::tuple<AgencyVertex, AgencyVertex, LinkKind>> edges;
  for (auto [it, end] = boost::edges(network.graph); it != end; ++it)
    edges.emplace_back(boost::source(*it, network.graph), boost::target(*it, network.graph),
                       network.graph[*it].kind);
  std::sort(edges.begin(), edges.end());
  CHECK(edges == std::vector<std::tuple<AgencyVertex, AgencyVertex, LinkKind>>{
                     {0, 1, LinkKind::LeadToCo}, {0, 1, LinkKind::CoLead}, {0, 1, LinkKind::Peer},
                     {1, 0, LinkKind::LeadToCo}});
  // Out-edges of vertex 0 in insertion order: sorted by target then kind.
  std::vector<LinkKind> kinds;
  for (auto [it, end] = boost::out_edges(AgencyVertex{0}, network.graph); it != end; ++it) kinds.push_back(network.graph[*it].kind);
  CHECK(kinds == std::vector<LinkKind>{LinkKind::LeadToCo, LinkKind::CoLead, LinkKind::Peer});
  check_link(network, "市发改委", "市财政局", LinkKind::LeadToCo, {0});
  check_link(network, "市财政局", "市发改委", LinkKind::LeadToCo, {2});
}

TEST_CASE("no-lead policies: peers, first-listed, none") {
  const std::vector<Document> documents{make_document(
      "通山县", {"ts.txt"},
      {
          {"1", {co("县发改局"), co("县财政局"), co("县住建局")}},
          {"2", {co("县住建局")}},  // one unit: owner under every policy
          {"3", {co("县财政局"), co("县发改局")}},
      })};

  SUBCASE("peers") {
    const AgencyNetwork network = build_network(documents, {NoLeadPolicy::Peers, false});
    CHECK(boost::num_edges(network.graph) == 3);
    check_link(network, "县发改局", "县财政局", LinkKind::Peer, {0, 2});
    check_link(network, "县发改局", "县住建局", LinkKind::Peer, {0});
    check_link(network, "县财政局", "县住建局", LinkKind::Peer, {0});
    check_counts(network, "县发改局", {0, 2, 0}, {0, 2});
    check_counts(network, "县财政局", {0, 2, 0}, {0, 2});
    check_counts(network, "县住建局", {0, 1, 1}, {0, 1});
  }
  SUBCASE("first-listed") {
    const AgencyNetwork network = build_network(documents, {NoLeadPolicy::FirstListed, false});
    CHECK(boost::num_edges(network.graph) == 3);
    check_link(network, "县发改局", "县财政局", LinkKind::LeadToCo, {0});
    check_link(network, "县发改局", "县住建局", LinkKind::LeadToCo, {0});
    check_link(network, "县财政局", "县发改局", LinkKind::LeadToCo, {2});
    check_counts(network, "县发改局", {1, 1, 0}, {0, 2});
    check_counts(network, "县财政局", {1, 1, 0}, {0, 2});
    check_counts(network, "县住建局", {0, 1, 1}, {0, 1});
    CHECK(network.tasks[0].leads == IndexList{vertex(network, "县发改局")});
  }
  SUBCASE("none") {
    const AgencyNetwork network = build_network(documents, {NoLeadPolicy::None, false});
    CHECK(boost::num_edges(network.graph) == 0);
    check_counts(network, "县发改局", {0, 2, 0}, {0, 2});
    check_counts(network, "县财政局", {0, 2, 0}, {0, 2});
    check_counts(network, "县住建局", {0, 1, 1}, {0, 1});
  }
}

TEST_CASE("max_clique_units: a task with more units to link pairwise forms no such links and is warned about") {
  // Task 1: four peers; task 2: four co-leads and one co unit; task 3: three peers. With a bound of
  // 3, task 1's peers and task 2's co-leads are not linked to each other; task 2's leads still link
  // to its co unit (one link per lead, not a clique); task 3 is within the bound.
  const std::vector<Document> documents{make_document(
      "通山县", {"ts.txt"},
      {
          {"1", {co("县甲局"), co("县乙局"), co("县丙局"), co("县丁局")}},
          {"2", {lead("县甲局"), lead("县乙局"), lead("县丙局"), lead("县丁局"), co("县戊局")}},
          {"3", {co("县甲局"), co("县乙局"), co("县丙局")}},
      })};
  NetworkOptions options;
  options.max_clique_units = 3;
  const AgencyNetwork network = build_network(documents, options);
  // Task 3's three peer links, task 2's four lead-to-co links.
  CHECK(boost::num_edges(network.graph) == 7);
  check_link(network, "县甲局", "县乙局", LinkKind::Peer, {2});
  check_link(network, "县甲局", "县丙局", LinkKind::Peer, {2});
  check_link(network, "县乙局", "县丙局", LinkKind::Peer, {2});
  check_link(network, "县丁局", "县戊局", LinkKind::LeadToCo, {1});
  CHECK(find_link(network, "县甲局", "县乙局", LinkKind::CoLead) == nullptr);
  // Counts are those of the tasks as printed.
  check_counts(network, "县甲局", {1, 2, 0}, {0, 1, 2});
  check_counts(network, "县丁局", {1, 1, 0}, {0, 1});
  REQUIRE(network.warnings.size() == 2);
  CHECK(network.warnings[0] ==
        "ts.txt:1: task 1 has 4 peers, more than the 3 linked pairwise (--max-clique-units): they are not linked to each other");
  CHECK(network.warnings[1].starts_with("ts.txt:2: task 2 has 4 co-leads, more than the 3 "));

  SUBCASE("the default bound links tasks of that many units; 0 means no bound") {
    const AgencyNetwork full = build_network(documents);
    CHECK(full.warnings.empty());
    CHECK(find_link(full, "县甲局", "县丁局", LinkKind::Peer) != nullptr);
    options.max_clique_units = 0;
    CHECK(build_network(documents, options).warnings.empty());
  }
}

TEST_CASE("exclude_collectives drops collectives and their links but no other agency's counts") {
  const AgencyKind collective = AgencyKind::Collective;
  const std::vector<Document> documents{make_document(
      "通山县", {"ts.txt"},
      {
          {"1", {lead("县卫健局"), co("县医保局"), co("各乡镇人民政府", collective)}},
          {"2", {co("各乡镇人民政府", collective), co("县医保局")}},  // no lead, collective + one unit
          {"3", {co("县民政局领导小组成员单位", collective), co("县财政局"), co("县住建局")}},
          {"4", {lead("各乡镇人民政府", collective), co("县财政局")}},  // the only lead is a collective
      })};

  for (const NoLeadPolicy policy : {NoLeadPolicy::Peers, NoLeadPolicy::FirstListed, NoLeadPolicy::None}) {
    CAPTURE(static_cast<int>(policy));
    const AgencyNetwork all = build_network(documents, {policy, false});
    const AgencyNetwork kept = build_network(documents, {policy, true});
    CHECK(boost::num_vertices(all.graph) == 6);
    CHECK(labels(kept) == std::vector<std::string>{"县住建局", "县医保局", "县卫健局", "县财政局"});
    for (const std::string& label : labels(kept)) {
      CAPTURE(label);
      const Agency& a = all.graph[vertex(all, label)];
      const Agency& k = kept.graph[vertex(kept, label)];
      CHECK(a.lead_tasks == k.lead_tasks);
      CHECK(a.co_tasks == k.co_tasks);
      CHECK(a.owner_tasks == k.owner_tasks);
      CHECK(a.tasks == k.tasks);
    }
    // Task 2 keeps 县医保局 co-responsible, not owner, and links it to nobody.
    check_counts(kept, "县医保局", {0, 2, 0}, {0, 1});
    CHECK(!kept.tasks[1].owner.has_value());
    // Only the link between two units that are not collectives survives from task 1.
    check_link(kept, "县卫健局", "县医保局", LinkKind::LeadToCo, {0});
    check_link(all, "县卫健局", "各乡镇人民政府", LinkKind::LeadToCo, {0});
    check_link(all, "各乡镇人民政府", "县财政局", LinkKind::LeadToCo, {3});
    // Task 4's lead is dropped: 县财政局 stays co with nothing to link to.
    CHECK(kept.tasks[3].leads.empty());
    CHECK(kept.tasks[3].co == IndexList{vertex(kept, "县财政局")});
  }

  SUBCASE("peers: links between the remaining units of a task without a lead survive") {
    const AgencyNetwork kept = build_network(documents, {NoLeadPolicy::Peers, true});
    check_link(kept, "县财政局", "县住建局", LinkKind::Peer, {2});
    CHECK(boost::num_edges(kept.graph) == 2);
    const AgencyNetwork all = build_network(documents, {NoLeadPolicy::Peers, false});
    check_link(all, "县医保局", "各乡镇人民政府", LinkKind::Peer, {1});
    CHECK(boost::num_edges(all.graph) == 7);
  }
  SUBCASE("first-listed: a collective listed first is the lead that is dropped") {
    const AgencyNetwork kept = build_network(documents, {NoLeadPolicy::FirstListed, true});
    CHECK(boost::num_edges(kept.graph) == 1);
    CHECK(kept.tasks[2].leads.empty());
    check_counts(kept, "县财政局", {0, 2, 0}, {2, 3});
    const AgencyNetwork all = build_network(documents, {NoLeadPolicy::FirstListed, false});
    check_counts(all, "县民政局领导小组成员单位", {1, 0, 0}, {2});
    check_link(all, "县民政局领导小组成员单位", "县住建局", LinkKind::LeadToCo, {2});
    check_link(all, "各乡镇人民政府", "县医保局", LinkKind::LeadToCo, {1});
    CHECK(boost::num_edges(all.graph) == 6);
  }
  SUBCASE("none: no links for tasks without a lead, with or without collectives") {
    CHECK(boost::num_edges(build_network(documents, {NoLeadPolicy::None, true}).graph) == 1);
    CHECK(boost::num_edges(build_network(documents, {NoLeadPolicy::None, false}).graph) == 3);
  }
}

TEST_CASE("same name in two jurisdictions: two vertices with qualified labels") {
  const std::vector<Document> documents{
      make_document("荆州市", {"jz.txt"}, {{"1", {lead("市教育局"), co("市财政局")}}}),
      make_document("咸宁市", {"xn1.txt", "xn2.txt"}, {{"7", {lead("市教育局")}}, {"8", {co("市教育局")}, 1}}),
  };
  const AgencyNetwork network = build_network(documents);
  // 咸宁市 (E5 92 B8) sorts before 荆州市 (E8 8D 86).
  CHECK(labels(network) == std::vector<std::string>{"市教育局（咸宁市）", "市教育局（荆州市）", "市财政局"});
  CHECK(network.graph[0].name == "市教育局");
  CHECK(network.graph[0].jurisdiction == "咸宁市");
  check_counts(network, "市教育局（咸宁市）", {1, 0, 1}, {1, 2});
  check_counts(network, "市教育局（荆州市）", {1, 0, 0}, {0});
  check_link(network, "市教育局（荆州市）", "市财政局", LinkKind::LeadToCo, {0});
  CHECK(boost::num_edges(network.graph) == 1);

  // Provenance: task indices run across documents; sources and lines per task.
  REQUIRE(network.tasks.size() == 3);
  const TaskInfo& task = network.tasks[2];
  CHECK(task.document == 1);
  CHECK(task.id == "8");
  CHECK(network.source_path(task) == "xn2.txt");
  CHECK(task.line == 1);
  CHECK(task.text == "任务8");
  CHECK(network.source_path(network.tasks[1]) == "xn1.txt");
  CHECK(network.tasks[0].text == "任务1");
  REQUIRE(network.documents.size() == 2);
  CHECK(network.documents[1].sources == std::vector<std::string>{"xn1.txt", "xn2.txt"});
  CHECK(network.documents[1].jurisdiction == "咸宁市");
}

TEST_CASE("documents of unknown jurisdiction stay separate from each other and from known ones") {
  const std::vector<Document> documents{
      make_document(std::nullopt, {"b.txt"}, {{"1", {co("县住建局")}}}),
      make_document("通山县", {"ts.txt"}, {{"1", {co("县住建局")}}}),
      make_document(std::nullopt, {"a.txt"}, {{"1", {co("县住建局")}}}),
      make_document(std::nullopt, {"a.txt"}, {{"2", {co("县住建局")}}}),  // same key as the one above
  };
  const AgencyNetwork network = build_network(documents);
  CHECK(labels(network) == std::vector<std::string>{"县住建局（?a.txt）", "县住建局（?b.txt）", "县住建局（通山县）"});
  CHECK(network.graph[0].jurisdiction.empty());
  CHECK(network.graph[1].jurisdiction.empty());
  check_counts(network, "县住建局（?a.txt）", {0, 0, 2}, {2, 3});
  check_counts(network, "县住建局（?b.txt）", {0, 0, 1}, {0});
  CHECK(!network.documents[0].jurisdiction.has_value());
}

TEST_CASE("spellings merge under one canonical name; kind is the majority of the mentions") {
  MentionSpec long_name = co("市政务服务和大数据管理局", AgencyKind::Institution);
  long_name.canonical = "市政务服务和大数据局";
  const std::vector<Document> documents{make_document(
      "咸宁市", {"xn.txt"},
      {
          {"1", {lead("市政务服务和大数据局", AgencyKind::Department), long_name}},  // same agency twice
          {"2", {long_name, co("市财政局", AgencyKind::Vertical)}},
          {"3", {co("市财政局", AgencyKind::Department)}},
      })};
  const AgencyNetwork network = build_network(documents);
  REQUIRE(boost::num_vertices(network.graph) == 2);
  const Agency& agency = network.graph[vertex(network, "市政务服务和大数据局")];
  CHECK(agency.spellings == std::vector<std::string>{"市政务服务和大数据局", "市政务服务和大数据管理局"});
  CHECK(agency.kind == AgencyKind::Institution);                      // two of three mentions
  CHECK(network.graph[vertex(network, "市财政局")].kind == AgencyKind::Department);  // 1:1, lower enum
  check_counts(network, "市政务服务和大数据局", {1, 1, 0}, {0, 1});  // a lead in task 1, not also co
  CHECK(boost::num_edges(network.graph) == 1);
  check_link(network, "市政务服务和大数据局", "市财政局", LinkKind::Peer, {1});
}

TEST_CASE("an empty input gives an empty network") {
  const AgencyNetwork network = build_network({});
  CHECK(boost::num_vertices(network.graph) == 0);
  CHECK(network.tasks.empty());
}
