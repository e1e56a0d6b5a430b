// Streaming: extract_each hands documents over in input order whatever the threads do, and a
// NetworkBuilder fed from it (pages merged as they come) builds exactly the network that
// build_network builds from extract_files' merged documents. The reference is the batch path, which
// test_build_network checks against hand-worked answers; here every field of both networks is compared.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"

using namespace agencygraph;

namespace {

std::string example(const char* name) { return std::string(AGENCYGRAPH_EXAMPLES) + "/" + name; }

// Every field of the network, one line per item, so two networks compare as text with a readable diff.
std::string describe(const AgencyNetwork& network) {
  std::ostringstream out;
  for (const DocumentInfo& d : network.documents) {
    out << "document " << d.title.value_or("-") << " | " << d.jurisdiction.value_or("-") << " | " << d.year.value_or(0);
    for (const std::string& s : d.sources) out << " | " << s;
    for (const auto& path : d.sections) {
      out << " | section";
      for (const std::string& heading : path) out << ' ' << heading;
    }
    out << '\n';
  }
  auto list = [&out](std::span<const std::uint32_t> values) {
    out << '[';
    for (std::uint32_t v : values) out << v << ' ';
    out << ']';
  };
  for (const TaskInfo& t : network.tasks) {
    out << "task " << t.document << ' ' << t.id << ' ' << network.source_path(t) << ':' << t.line << ' ' << t.text << " leads";
    list(t.leads);
    out << " co";
    list(t.co);
    out << " owner " << (t.owner ? static_cast<long>(*t.owner) : -1L) << " section " << t.section << " place " << t.place << '\n';
  }
  const AgencyGraph& g = network.graph;
  for (AgencyVertex v = 0; v < boost::num_vertices(g); ++v) {
    const Agency& a = g[v];
    out << "agency " << v << ' ' << a.name << " | " << a.jurisdiction << " | " << a.label << " | "
        << to_string(a.kind) << " | " << a.lead_tasks << ' ' << a.co_tasks << ' ' << a.owner_tasks << " tasks";
    list(a.tasks);
    for (const std::string& s : a.spellings) out << " |" << s;
    out << '\n';
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const Link& l = g[*it];
    out << "link " << boost::source(*it, g) << "->" << boost::target(*it, g) << ' ' << to_string(l.kind) << ' '
        << l.weight << " tasks";
    list(task_span(l.tasks));
    out << '\n';
  }
  return out.str();
}

// A document parsed from text given here, as if read from `path`.
Document parsed(const std::string& path, const std::string& text) {
  return extract_document(Source{path, "UTF-8", text}, {});
}

std::vector<std::string> source_paths(const Document& document) {
  std::vector<std::string> out;
  for (const Source& source : document.sources) out.push_back(source.path);
  return out;
}

std::size_t agencies_named(const AgencyNetwork& network, std::string_view name) {
  std::size_t count = 0;
  for (AgencyVertex v = 0; v < boost::num_vertices(network.graph); ++v) count += network.graph[v].name == name;
  return count;
}

// The network a NetworkBuilder makes of these documents, merging pages as they come.
AgencyNetwork built_page_by_page(const std::vector<Document>& documents) {
  NetworkBuilder builder({}, /*merge_pages=*/true);
  for (const Document& document : documents) builder.add(document);
  return builder.finish();
}

AgencyNetwork streamed(const std::vector<std::string>& paths, const NetworkOptions& options, unsigned threads) {
  ExtractOptions extract;
  extract.threads = threads;
  NetworkBuilder builder(options, /*merge_pages=*/true);
  const std::vector<InputError> errors = extract_each(paths, extract, [&](Document&& d) { builder.add(d); });
  REQUIRE(errors.empty());
  return builder.finish();
}

// The network of the inputs read one at a time, their tasks handed to the builder three at a time
// (ExtractOptions::on_tasks into NetworkBuilder::add_tasks), as one large file is read.
AgencyNetwork in_batches_of_three(const std::vector<std::string>& paths, const NetworkOptions& options) {
  ExtractOptions extract;
  extract.threads = 1;
  extract.tasks_per_batch = 3;
  NetworkBuilder builder(options, /*merge_pages=*/true);
  extract.on_tasks = [&](const Document& so_far, std::vector<Task>& tasks) { builder.add_tasks(so_far, tasks); };
  REQUIRE(extract_each(paths, extract, [&](Document&& d) { builder.add(d); }).empty());
  return builder.finish();
}

AgencyNetwork batch(const std::vector<std::string>& paths, const NetworkOptions& options) {
  ExtractOptions extract;
  extract.threads = 1;
  const ExtractResult result = extract_files(paths, extract);
  REQUIRE(result.errors.empty());
  return build_network(result.documents, options);
}

}  // namespace

TEST_CASE("extract_each hands documents over in input order on any number of threads") {
  // Twelve inputs of very different sizes, so that workers finish out of order.
  std::vector<std::string> paths;
  for (int round = 0; round < 3; ++round)
    for (const char* name : {"jingzhou-2020.txt", "tongshan-2023-excerpt.txt", "xianning-2023-p1.txt", "lueyang-2023-work-report.txt"})
      paths.push_back(example(name));
  for (unsigned threads : {1u, 2u, 8u}) {
    ExtractOptions options;
    options.threads = threads;
    std::vector<std::string> seen;
    const auto errors = extract_each(paths, options, [&](Document&& d) { seen.push_back(d.sources.at(0).path); });
    CHECK(errors.empty());
    CHECK(seen == paths);
  }
}

TEST_CASE("extract_each reports unreadable inputs in input order and keeps the others") {
  const std::vector<std::string> paths{example("jingzhou-2020.txt"), "/nonexistent/a.txt", example("tongshan-2023-excerpt.txt"),
                                       "/nonexistent/b.txt"};
  ExtractOptions options;
  options.threads = 2;
  std::vector<std::string> seen;
  const auto errors = extract_each(paths, options, [&](Document&& d) { seen.push_back(d.sources.at(0).path); });
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].path == "/nonexistent/a.txt");
  CHECK(errors[1].path == "/nonexistent/b.txt");
  CHECK(seen == std::vector<std::string>{paths[0], paths[2]});
}

TEST_CASE("with on_duplicate, an input with the bytes of an earlier one is read once and reported") {
  // The same file twice, a copy of it under another name, and another file between them.
  const std::string copy = "/tmp/agencygraph-test-duplicate-copy.txt";
  {
    std::ifstream in(example("tongshan-2023-excerpt.txt"), std::ios::binary);
    std::ofstream(copy, std::ios::binary) << in.rdbuf();
  }
  const std::vector<std::string> paths{example("tongshan-2023-excerpt.txt"), example("jingzhou-2020.txt"),
                                       example("tongshan-2023-excerpt.txt"), copy};
  ExtractOptions options;
  options.threads = 2;
  std::vector<std::pair<std::string, std::string>> duplicates;
  options.on_duplicate = [&](const std::string& path, const std::string& same_as) { duplicates.emplace_back(path, same_as); };
  std::vector<std::string> seen;
  const auto errors = extract_each(paths, options, [&](Document&& d) { seen.push_back(d.sources.at(0).path); });
  CHECK(errors.empty());
  CHECK(seen == std::vector<std::string>{paths[0], paths[1]});
  REQUIRE(duplicates.size() == 2);
  CHECK(duplicates[0] == std::pair{paths[2], paths[0]});
  CHECK(duplicates[1] == std::pair{copy, paths[0]});
  std::remove(copy.c_str());
}

TEST_CASE("an exception from the sink stops extract_each and reaches the caller") {
  std::vector<std::string> paths(20, example("tongshan-2023-excerpt.txt"));
  ExtractOptions options;
  options.threads = 2;
  int calls = 0;
  CHECK_THROWS_AS(extract_each(paths, options,
                               [&](Document&&) {
                                 if (++calls == 3) throw std::runtime_error("sink full");
                               }),
                  std::runtime_error);
  CHECK(calls == 3);
}

TEST_CASE("the streamed network equals the batch network, pages merged wherever they come") {
  // 咸宁 page 2 arrives after other documents, and page 1 comes twice: its tasks must be kept once.
  const std::vector<std::string> paths{example("xianning-2023-p1.txt"), example("jingzhou-2020.txt"),
                                       example("xianning-2023-p2.txt"), example("lueyang-2023-work-report.txt"),
                                       example("xianning-2023-p1.txt"), example("tongshan-2023-excerpt.txt")};
  const AgencyNetwork reference = batch(paths, {});
  REQUIRE(reference.documents.size() == 4);  // the three 咸宁 sources are one document
  CHECK(reference.documents[0].sources.size() == 3);
  const std::string expected = describe(reference);
  for (unsigned threads : {1u, 2u}) CHECK(describe(streamed(paths, {}, threads)) == expected);

  // Without task texts pages are matched by a hash of each task's text; the network must not change.
  const NetworkOptions no_texts{NoLeadPolicy::Peers, false, false};
  CHECK(streamed(paths, no_texts, 2).tasks.size() == reference.tasks.size());
  for (const NetworkOptions options : {NetworkOptions{NoLeadPolicy::FirstListed, true}, NetworkOptions{NoLeadPolicy::None, false},
                                       NetworkOptions{NoLeadPolicy::Peers, true}, no_texts}) {
    CHECK(describe(streamed(paths, options, 2)) == describe(batch(paths, options)));
  }
}

TEST_CASE("without merge_pages the builder keeps documents with one title apart, as build_network does") {
  ExtractOptions extract;
  extract.threads = 1;
  const std::vector<std::string> paths{example("xianning-2023-p1.txt"), example("xianning-2023-p2.txt")};
  std::vector<Document> documents;
  extract_each(paths, extract, [&](Document&& d) { documents.push_back(std::move(d)); });
  REQUIRE(documents.size() == 2);
  NetworkBuilder builder;
  for (const Document& d : documents) builder.add(d);
  const AgencyNetwork network = builder.finish();
  CHECK(network.documents.size() == 2);
  CHECK(describe(network) == describe(build_network(documents)));
  CHECK_THROWS_AS(builder.finish(), std::logic_error);
}

TEST_CASE("a title that names no place merges only pages side by side; with a place, pages merge wherever they come") {
  // Two counties can print the same placeless title; merged as pages, their 县发改委 would be one agency.
  const std::string placeless = "2023年《政府工作报告》重点任务分工方案\n";
  const std::string placed = "2023年枣湖县《政府工作报告》重点任务分工方案\n";
  std::vector<Document> documents;
  documents.push_back(parsed("a1.txt", placeless + "1.推进甲。(牵头单位:县发改委;责任单位:县财政局)\n"));
  documents.push_back(parsed("a2.txt", placeless + "2.推进乙。(牵头单位:县发改委;责任单位:县住建局)\n"));
  documents.push_back(parsed("c1.txt", placed + "1.推进丙。(牵头单位:县发改委;责任单位:县财政局)\n"));
  documents.push_back(parsed("b1.txt", placeless + "1.推进丁。(牵头单位:县发改委;责任单位:县教育局)\n"));
  documents.push_back(parsed("b2.txt", placeless + "2.推进戊。(牵头单位:县发改委;责任单位:县卫健委)\n"));
  documents.push_back(parsed("c2.txt", placed + "2.推进己。(牵头单位:县发改委;责任单位:县住建局)\n"));
  REQUIRE(!documents[0].jurisdiction);
  REQUIRE(documents[2].jurisdiction == std::optional<std::string>("枣湖县"));

  const std::vector<Document> merged = merge_pages(documents);
  REQUIRE(merged.size() == 3);
  CHECK(source_paths(merged[0]) == std::vector<std::string>{"a1.txt", "a2.txt"});
  CHECK(source_paths(merged[1]) == std::vector<std::string>{"c1.txt", "c2.txt"});  // a page of 枣湖县 after others
  CHECK(source_paths(merged[2]) == std::vector<std::string>{"b1.txt", "b2.txt"});  // not a page of a1.txt's document

  const AgencyNetwork network = build_network(merged);
  CHECK(agencies_named(network, "县发改委") == 3);  // one per document: two placeless counties and 枣湖县

  CHECK(describe(built_page_by_page(documents)) == describe(network));
}

TEST_CASE("a document that restarts the numbering is not a further page, even side by side") {
  // Two counties' documents with one placeless title sorted next to each other, and one county's two
  // years under a title without a year: each second document starts again at task 1 with another
  // task. A page continues the numbering, or repeats the task it was cut at.
  const std::string placeless = "2023年《政府工作报告》重点任务分工方案\n";
  const std::string yearless = "枣湖县《政府工作报告》重点任务分工方案\n";
  std::vector<Document> documents;
  documents.push_back(parsed("a1.txt", placeless + "1.推进甲。(牵头单位:县发改委;责任单位:县财政局)\n"
                                                     "2.推进乙。(牵头单位:县发改委;责任单位:县住建局)\n"));
  documents.push_back(parsed("a2.txt", placeless + "2.推进乙。(牵头单位:县发改委;责任单位:县住建局)\n"
                                                     "3.推进丙。(牵头单位:县发改委;责任单位:县教育局)\n"));
  documents.push_back(parsed("b1.txt", placeless + "1.推进丁。(牵头单位:县发改委;责任单位:县卫健委)\n"));
  documents.push_back(parsed("b2.txt", placeless + "2.推进戊。(牵头单位:县发改委;责任单位:县民政局)\n"));
  documents.push_back(parsed("y1.txt", yearless + "1.推进己。(牵头单位:县发改委;责任单位:县财政局)\n"));
  documents.push_back(parsed("y2.txt", yearless + "1.推进庚。(牵头单位:县发改委;责任单位:县财政局)\n"));
  REQUIRE(!documents[0].jurisdiction);
  REQUIRE(documents[4].jurisdiction == std::optional<std::string>("枣湖县"));

  CHECK_FALSE(restarts_numbering(documents[0], documents[1]));  // continues at 2, repeating task 2
  CHECK(restarts_numbering(documents[0], documents[2]));         // task 1 again, another task
  CHECK_FALSE(restarts_numbering(documents[2], documents[3]));
  CHECK(restarts_numbering(documents[4], documents[5]));
  CHECK_FALSE(is_further_page(documents[2], {/*follows_directly=*/true, /*restarts_numbering=*/true}));
  CHECK(is_further_page(documents[2], {/*follows_directly=*/true, /*restarts_numbering=*/false}));
  CHECK_FALSE(is_further_page(documents[5], {/*follows_directly=*/true, /*restarts_numbering=*/true}));

  const std::vector<Document> merged = merge_pages(documents);
  REQUIRE(merged.size() == 4);
  CHECK(source_paths(merged[0]) == std::vector<std::string>{"a1.txt", "a2.txt"});
  CHECK(merged[0].tasks.size() == 3);  // task 2, printed on both pages, kept once
  CHECK(source_paths(merged[1]) == std::vector<std::string>{"b1.txt", "b2.txt"});
  CHECK(source_paths(merged[2]) == std::vector<std::string>{"y1.txt"});
  CHECK(source_paths(merged[3]) == std::vector<std::string>{"y2.txt"});

  const AgencyNetwork network = build_network(merged);
  CHECK(agencies_named(network, "县发改委") == 3);  // two placeless counties apart, and 枣湖县's one across its years

  CHECK(describe(built_page_by_page(documents)) == describe(network));
}

TEST_CASE("a link's tasks stay ascending when a page arrives after another document of its place") {
  // Streamed, the second page's tasks arrive after document B's but are numbered before them (tasks are
  // in document order, pages with their first page): the link 县发改委 -> 县财政局 gets its tasks out of
  // arrival order, and must still list them ascending, as the batch network does.
  const std::string title_a = "2023年枣湖县《政府工作报告》重点任务分工方案\n";
  const std::string title_b = "枣湖县人民政府办公室关于印发2023年重点工作任务分工方案的通知\n";
  const std::string task = "。(牵头单位:县发改委;责任单位:县财政局)\n";
  std::vector<Document> documents;
  documents.push_back(extract_document(Source{"a1.txt", "UTF-8", title_a + "1.推进甲" + task}, {}));
  documents.push_back(extract_document(Source{"b.txt", "UTF-8", title_b + "1.推进乙" + task}, {}));
  documents.push_back(extract_document(Source{"a2.txt", "UTF-8", title_a + "2.推进丙" + task}, {}));
  REQUIRE(documents[1].jurisdiction == documents[0].jurisdiction);

  const AgencyNetwork batch_network = build_network(merge_pages(documents));
  const AgencyNetwork streamed_network = built_page_by_page(documents);
  REQUIRE(boost::num_edges(streamed_network.graph) == 1);
  const Link& link = streamed_network.graph[*boost::edges(streamed_network.graph).first];
  CHECK(std::vector<std::uint32_t>(link.tasks.begin(), link.tasks.end()) == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(streamed_network.tasks[1].text == "推进丙。");  // the second page's task comes second
  CHECK(describe(streamed_network) == describe(batch_network));
}

TEST_CASE("tasks handed over in batches as they are read build the network of the documents read whole") {
  // ExtractOptions::on_tasks into NetworkBuilder::add_tasks, then add() of the document without them:
  // one task at a time and a few at a time, pages merged (咸宁 page 2, and page 1 again, arrive in
  // batches too), with task texts and without.
  const std::vector<std::string> paths{example("xianning-2023-p1.txt"), example("jingzhou-2020.txt"),
                                       example("xianning-2023-p2.txt"), example("tongshan-2023-excerpt.txt"),
                                       example("xianning-2023-p1.txt"), example("lueyang-2023-work-report.txt")};
  const NetworkOptions no_texts{NoLeadPolicy::Peers, false, false};
  for (const NetworkOptions& options : {NetworkOptions{}, no_texts}) {
    const std::string expected = describe(streamed(paths, options, 1));
    for (std::size_t per_batch : {1u, 3u}) {
      ExtractOptions extract;
      extract.threads = 1;  // on_tasks serves one input at a time
      extract.tasks_per_batch = per_batch;
      NetworkBuilder builder(options, /*merge_pages=*/true);
      std::size_t batches = 0;
      extract.on_tasks = [&](const Document& so_far, std::vector<Task>& tasks) {
        batches += !tasks.empty();
        builder.add_tasks(so_far, tasks);
      };
      const auto errors = extract_each(paths, extract, [&](Document&& d) {
        CHECK(d.tasks.empty());  // all handed over
        builder.add(d);
      });
      REQUIRE(errors.empty());
      CHECK(batches > paths.size());
      CHECK(describe(builder.finish()) == expected);
    }
  }
}

TEST_CASE("a builder with a document's tasks still coming does not finish") {
  const Document document = parsed("a.txt", "1.推进甲。(牵头单位:县发改委;责任单位:县财政局)\n2.推进乙。(牵头单位:县发改委;责任单位:县住建局)\n");
  Document so_far = document;
  so_far.tasks.clear();
  NetworkBuilder builder;
  builder.add_tasks(so_far, std::span<const Task>(document.tasks).first(1));
  CHECK_THROWS_AS(builder.finish(), std::logic_error);
  NetworkBuilder whole_then_rest;
  whole_then_rest.add_tasks(so_far, std::span<const Task>(document.tasks).first(1));
  Document rest = document;
  rest.tasks.erase(rest.tasks.begin());
  whole_then_rest.add(rest);
  CHECK(describe(whole_then_rest.finish()) == describe(build_network({document})));
}

TEST_CASE("without task records the network is the one with them, less its provenance") {
  // keep_task_records = false keeps no TaskInfo and no task lists; the vertices, their counts, the
  // links and their weights must be those of the full network (which the cases above and
  // test_build_network check against hand-worked answers), under every no-lead policy, with
  // collectives dropped, pages merged (page 1 of 咸宁 twice: its tasks counted once), read whole or in
  // batches.
  const std::vector<std::string> paths{example("xianning-2023-p1.txt"), example("jingzhou-2020.txt"),
                                       example("xianning-2023-p2.txt"), example("tongshan-2023-excerpt.txt"),
                                       example("xianning-2023-p1.txt"), example("lueyang-2023-work-report.txt")};
  auto without_provenance = [](AgencyNetwork network) {
    network.tasks.clear();
    for (AgencyVertex v = 0; v < boost::num_vertices(network.graph); ++v) network.graph[v].tasks.clear();
    for (auto [it, end] = boost::edges(network.graph); it != end; ++it) network.graph[*it].tasks.clear();
    return network;
  };
  for (const NetworkOptions& full : {NetworkOptions{}, NetworkOptions{NoLeadPolicy::FirstListed, true},
                                     NetworkOptions{NoLeadPolicy::None, false}, NetworkOptions{NoLeadPolicy::Peers, true, false, 2}}) {
    NetworkOptions lean = full;
    lean.keep_task_records = false;
    const AgencyNetwork reference = streamed(paths, full, 1);
    REQUIRE(reference.tasks.size() > 100);
    const std::string expected = describe(without_provenance(reference));
    const AgencyNetwork measured = streamed(paths, lean, 2);
    CHECK(measured.tasks.empty());
    bool lists_empty = true;
    for (AgencyVertex v = 0; v < boost::num_vertices(measured.graph); ++v) lists_empty = lists_empty && measured.graph[v].tasks.empty();
    for (auto [it, end] = boost::edges(measured.graph); it != end; ++it) lists_empty = lists_empty && measured.graph[*it].tasks.empty();
    CHECK(lists_empty);
    CHECK(describe(measured) == expected);
    CHECK(describe(batch(paths, lean)) == expected);
    CHECK(measured.warnings == reference.warnings);  // max_clique_units 2: peers over the bound are named alike
    CHECK(describe(in_batches_of_three(paths, lean)) == expected);  // as one large file is read
  }
}

TEST_CASE("with task lists but no records, agencies and links list the tasks the full network lists") {
  // keep_task_lists: Agency::tasks and Link::tasks hold the indices the tasks have in the full
  // network's AgencyNetwork::tasks, which stays empty: pages merged wherever they come (咸宁 page 2
  // after other documents, so that a page's tasks are not in arrival order), collectives dropped, read
  // whole or in batches.
  const std::vector<std::string> paths{example("xianning-2023-p1.txt"), example("jingzhou-2020.txt"),
                                       example("xianning-2023-p2.txt"), example("tongshan-2023-excerpt.txt"),
                                       example("xianning-2023-p1.txt"), example("lueyang-2023-work-report.txt")};
  for (const NetworkOptions& full : {NetworkOptions{}, NetworkOptions{NoLeadPolicy::FirstListed, true},
                                     NetworkOptions{NoLeadPolicy::None, false}}) {
    NetworkOptions lists = full;
    lists.keep_task_records = false;
    lists.keep_task_lists = true;
    AgencyNetwork reference = streamed(paths, full, 1);
    REQUIRE(reference.tasks.size() > 100);
    reference.tasks.clear();
    const std::string expected = describe(reference);
    const AgencyNetwork listed = streamed(paths, lists, 2);
    CHECK(listed.tasks.empty());
    std::size_t cited = 0;
    for (AgencyVertex v = 0; v < boost::num_vertices(listed.graph); ++v) cited += listed.graph[v].tasks.size();
    CHECK(cited > 100);
    CHECK(describe(listed) == expected);
    CHECK(describe(in_batches_of_three(paths, lists)) == expected);
  }
}
