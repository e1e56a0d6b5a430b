// Hand corrections (agencygraph/corrections.hpp): the file read back with its errors, each kind of
// edit applied to a document worked by hand, and the round trip: the TSV that parse writes, given
// back unchanged, rebuilds exactly the network it came from.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "agencygraph/corrections.hpp"
#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/io/csv.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/tasks_tsv.hpp"
#include "agencygraph/io/tsv.hpp"
#include "agencygraph/metrics.hpp"
#include "agencygraph/resolve_name.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;
using agencygraph::test::Names;

namespace {

const std::string kHeader = "file\tline\tplace\ttitle\ttask\trole\tagency\tcanonical\tkind\ttext\n";

// A TSV row with the columns of kHeader that corrections read (place, title, canonical and kind
// are for people; left empty here).
std::string row(const std::string& file, const std::string& line, const std::string& task, const std::string& role,
                const std::string& agency, const std::string& text = "") {
  return file + "\t" + line + "\t\t\t" + task + "\t" + role + "\t" + agency + "\t\t\t" + text + "\n";
}

Document parsed(const std::string& path, const std::string& text) {
  return extract_document(Source{path, "UTF-8", text}, {});
}

Names names_of(const Document& d, const Task& t, Role role, bool canonical = false) {
  return test::role_names(d, t, role, canonical);
}

std::string graphml_of(const AgencyNetwork& network) {
  std::ostringstream out;
  io::write_graphml(out, network, analyse(network));
  return out.str();
}

std::string tsv_of(const std::vector<Document>& documents) {
  std::ostringstream out;
  io::write_tasks_tsv(out, documents);
  return out.str();
}

const std::string kDocument =
    "2023年荆州市《政府工作报告》重点任务分工方案\n"        // line 1
    "1.推进甲项工作。(牵头单位:市发改委;责任单位:市财政局、市教育局)\n"  // 2
    "2.推进乙项工作。(责任单位:市科技局)\n"                 // 3
    "3.推进丙项工作。\n"                                     // 4: no annotation, skipped
    "4.推进丁项工作。(牵头单位:市住建局)\n";                // 5

}  // namespace

TEST_CASE("corrections: the document as parsed, before any correction") {
  const Document d = parsed("d.txt", kDocument);
  REQUIRE(d.jurisdiction == std::optional<std::string>("荆州市"));
  REQUIRE(d.tasks.size() == 3);
  CHECK(d.text(d.tasks[0]) == "推进甲项工作。");
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 4);
}

TEST_CASE("corrections: rows removed, added and changed, a new task, a dropped task, warnings") {
  const std::string file =
      kHeader +
      row("d.txt", "2", "1", "lead", "市发改委", "推进甲项工作。") +            // 2: kept
      row("d.txt", "2", "1", "co", "荆州市财政局", "推进甲项工作。") +          // 3: renamed (same canonical)
      row("d.txt", "2", "1", "lead", "市人力资源和社会保障局", "推进甲项工作。") +  // 4: added; 市教育局 deleted
      row("d.txt", "3", "2", "lead", "市科技局") +                               // 5: co -> lead
      row("d.txt", "4", "3", "lead", "市商务局") +                               // 6: a task the parser skipped
      row("d.txt", "5", "4", "none", "", "推进丁项工作。") +                    // 7: drop the task
      row("d.txt", "9", "9", "co", "市民政局") +                                 // 8: no line 9
      row("other.txt", "1", "1", "co", "市民政局");                              // 9: not an input
  const Corrections corrections = parse_corrections(file, "corr.tsv");
  REQUIRE(corrections.errors.empty());
  REQUIRE(corrections.tasks.size() == 6);

  std::vector<Document> documents{parsed("d.txt", kDocument)};
  const CorrectionsOutcome outcome = apply_corrections(documents, corrections);
  CHECK(outcome.changed == 2);
  CHECK(outcome.added == 1);
  CHECK(outcome.dropped == 1);
  CHECK(outcome.unchanged == 0);
  REQUIRE(outcome.warnings.size() == 2);
  CHECK(outcome.warnings[0].starts_with("corr.tsv:8: task 9 of d.txt (line 9) is not in the document, which has no line 9"));
  CHECK(outcome.warnings[1].starts_with("corr.tsv:9: other.txt is not among the inputs"));

  const Document& d = documents[0];
  REQUIRE(d.tasks.size() == 3);
  const Task& first = d.tasks[0];
  CHECK(first.id == "1");
  CHECK(names_of(d, first, Role::Lead) == Names{"市发改委", "市人力资源和社会保障局"});
  CHECK(names_of(d, first, Role::Lead, true) == Names{"市发改委", "市人社局"});  // aliases applied
  CHECK(names_of(d, first, Role::Co) == Names{"荆州市财政局"});
  CHECK(names_of(d, first, Role::Co, true) == Names{"市财政局"});  // the document's own place made generic
  const Task& second = d.tasks[1];
  CHECK(second.id == "2");
  CHECK(names_of(d, second, Role::Lead) == Names{"市科技局"});
  CHECK(names_of(d, second, Role::Co).empty());
  const Task& added = d.tasks[2];
  CHECK(added.id == "3");
  CHECK(added.line == 4);
  CHECK(d.text(added) == "3.推进丙项工作。");  // the whole line: the coder gave no text
  CHECK(names_of(d, added, Role::Lead) == Names{"市商务局"});
  CHECK(added.agencies[0].kind == AgencyKind::Department);
  // The paragraph skipped at line 4 is a task now; the dropped task is listed as skipped.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 5);
  CHECK(d.skipped[0].reason == "task 4 dropped: the corrections (corr.tsv:7) give it no agencies");

  // The same corrections on the same document give the same result, byte for byte.
  std::vector<Document> again{parsed("d.txt", kDocument)};
  apply_corrections(again, corrections);
  CHECK(tsv_of(again) == tsv_of(documents));
}

TEST_CASE("corrections: a task whose text changed is not corrected, and says so") {
  const std::string file = kHeader + row("d.txt", "3", "2", "lead", "市科技局", "完全不同的一项任务。");
  std::vector<Document> documents{parsed("d.txt", kDocument)};
  const CorrectionsOutcome outcome = apply_corrections(documents, parse_corrections(file, "corr.tsv"));
  REQUIRE(outcome.warnings.size() == 1);
  CHECK(outcome.warnings[0].starts_with("corr.tsv:2: task 2 of d.txt (line 3) has another text in the document now"));
  CHECK(outcome.warnings[0].find("(\"推进乙项工作。…\")") != std::string::npos);
  CHECK(outcome.changed == 0);
  CHECK(names_of(documents[0], documents[0].tasks[1], Role::Co) == Names{"市科技局"});
  // A long text is shown by its first 30 characters, never cut inside one.
  std::vector<Document> long_text{parsed("l.txt", "1.一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。(责任单位:市财政局)\n")};
  const CorrectionsOutcome shown =
      apply_corrections(long_text, parse_corrections(kHeader + row("l.txt", "1", "1", "co", "市教育局", "别的"), "c.tsv"));
  REQUIRE(shown.warnings.size() == 1);
  CHECK(shown.warnings[0].find("(\"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉…\")") != std::string::npos);
  // A text that only differs in spaces and line breaks, as a spreadsheet may leave it, is the same.
  const std::string spaced = kHeader + row("d.txt", "3", "2", "lead", "市科技局", " 推进乙项 工作。 ");
  const CorrectionsOutcome applied = apply_corrections(documents, parse_corrections(spaced, "corr.tsv"));
  CHECK(applied.warnings.empty());
  CHECK(applied.changed == 1);
}

TEST_CASE("corrections: a new task whose text is not at its line is not added") {
  const std::string file = kHeader + row("d.txt", "4", "3", "lead", "市商务局", "推进戊项工作。");
  std::vector<Document> documents{parsed("d.txt", kDocument)};
  const CorrectionsOutcome outcome = apply_corrections(documents, parse_corrections(file, "corr.tsv"));
  REQUIRE(outcome.warnings.size() == 1);
  CHECK(outcome.warnings[0].find("line 4 does not hold its text") != std::string::npos);
  CHECK(documents[0].tasks.size() == 3);
  // Its text given as it stands there: the span is that text.
  const std::string good = kHeader + row("d.txt", "4", "3", "lead", "市商务局", "推进丙项工作。");
  apply_corrections(documents, parse_corrections(good, "corr.tsv"));
  REQUIRE(documents[0].tasks.size() == 4);
  CHECK(documents[0].text(documents[0].tasks[2]) == "推进丙项工作。");
}

TEST_CASE("corrections: the line tells apart tasks that share a number") {
  const std::string text =
      "一、第一部分\n"
      "1.甲项任务。(责任单位:市财政局)\n"
      "二、第二部分\n"
      "1.乙项任务。(责任单位:市教育局)\n";
  std::vector<Document> documents{parsed("s.txt", text)};
  REQUIRE(documents[0].tasks.size() == 2);
  const std::string file = kHeader + row("s.txt", "4", "1", "co", "市民政局");
  CorrectionsOutcome outcome = apply_corrections(documents, parse_corrections(file, "c.tsv"));
  CHECK(outcome.warnings.empty());
  CHECK(names_of(documents[0], documents[0].tasks[0], Role::Co) == Names{"市财政局"});
  CHECK(names_of(documents[0], documents[0].tasks[1], Role::Co) == Names{"市民政局"});
  // Without a line, which task 1 is meant cannot be told.
  const std::string no_line = kHeader + row("s.txt", "", "1", "co", "市民政局");
  outcome = apply_corrections(documents, parse_corrections(no_line, "c.tsv"));
  REQUIRE(outcome.warnings.size() == 1);
  CHECK(outcome.warnings[0] ==
        "c.tsv:2: task 1 of s.txt: 2 tasks have this number, at lines 2, 4, and none at the line given: not applied");
}

TEST_CASE("corrections: a document saved again with a line inserted keeps its corrections") {
  const std::string file = kHeader + row("d.txt", "3", "2", "lead", "市科技局", "推进乙项工作。");
  std::vector<Document> documents{parsed("d.txt", "（新增的一行说明）\n" + kDocument)};
  const CorrectionsOutcome outcome = apply_corrections(documents, parse_corrections(file, "corr.tsv"));
  CHECK(outcome.warnings.empty());
  CHECK(outcome.changed == 1);
  CHECK(names_of(documents[0], documents[0].tasks[1], Role::Lead) == Names{"市科技局"});
}

TEST_CASE("corrections file: bad rows are errors naming file and line, their tasks left as parsed") {
  const std::string file =
      "file\ttask\trole\tagency\tline\n"
      "a.txt\t1\tlaed\t市财政局\t\n"         // 2: unknown role
      "a.txt\t\tco\t市财政局\n"               // 3: no task number
      "a.txt\t2\tco\t市财政局\tx12\n"         // 4: not a line
      "a.txt\t3\tnone\t市财政局\n"            // 5: none with an agency
      "a.txt\t4\tco\t市财政局\t\textra\n"     // 6: more fields than the header
      "a.txt\t5\tnone\t\n"                    // 7: none beside agencies (line 8)
      "a.txt\t5\tco\t市教育局\n"              // 8
      "\t1\tco\tX\n"                          // 9: no file
      "a.txt\t6\tco\t\n"                      // 10: an empty agency: no agencies, fine
      "a.txt\t7\t\t市财政局\n"                // 11: no role
      "\t\t\t\n";                             // 12: a spreadsheet's empty row, skipped
  const Corrections corrections = parse_corrections(file, "c.tsv");
  const std::vector<std::string> expected{
      "c.tsv:2: role 'laed' is not lead, co or none (task 1 of a.txt is left as parsed)",
      "c.tsv:3: no task number",
      "c.tsv:4: line 'x12' is not a line number (task 2 of a.txt is left as parsed)",
      "c.tsv:5: role none with agency 市财政局: a none row names no agency (task 3 of a.txt is left as parsed)",
      "c.tsv:6: 6 fields, but the header has 5 (task 4 of a.txt is left as parsed)",
      "c.tsv:7: task 5 of a.txt has a none row (no agencies) and rows naming agencies: keep one or the other "
      "(task 5 of a.txt is left as parsed)",
      "c.tsv:9: no file: every row names the file its task is in",
      "c.tsv:11: no role for 市财政局: lead, co, or none (task 7 of a.txt is left as parsed)",
  };
  CHECK(corrections.errors == expected);
  REQUIRE(corrections.tasks.size() == 2);
  CHECK(corrections.tasks[0].task == "5");
  CHECK(corrections.tasks[0].has_error);
  CHECK(corrections.tasks[1].task == "6");
  CHECK_FALSE(corrections.tasks[1].has_error);
  CHECK(corrections.tasks[1].agencies.empty());
  CHECK(corrections.tasks[1].row_line == 10);

  // A task with an error is not touched even where its other rows are fine.
  const std::string text = "5.甲项任务。(责任单位:市财政局)\n6.乙项任务。(责任单位:市教育局)\n";
  std::vector<Document> documents{parsed("a.txt", text)};
  const CorrectionsOutcome outcome = apply_corrections(documents, corrections);
  CHECK(outcome.dropped == 1);
  REQUIRE(documents[0].tasks.size() == 1);
  CHECK(documents[0].tasks[0].id == "5");
  CHECK(names_of(documents[0], documents[0].tasks[0], Role::Co) == Names{"市财政局"});
}

TEST_CASE("corrections file: a header without the needed columns, or no header, stops the run") {
  CHECK_THROWS_WITH_AS(parse_corrections("file\ttask\tagency\na.txt\t1\tX\n", "c.tsv"),
                       doctest::Contains("c.tsv:1: the header row has no column role"), std::runtime_error);
  CHECK_THROWS_WITH_AS(parse_corrections("\n\n", "c.tsv"), doctest::Contains("c.tsv:1: empty"), std::runtime_error);
  CHECK_THROWS_WITH_AS(read_corrections("/nonexistent/c.tsv"), doctest::Contains("/nonexistent/c.tsv: cannot open"),
                       std::runtime_error);
  // Columns in any order, other columns ignored, names in any case.
  const Corrections reordered = parse_corrections("Agency\tnote\tROLE\ttask\tfile\n市财政局\tx\tco\t1\ta.txt\n", "c.tsv");
  CHECK(reordered.errors.empty());
  REQUIRE(reordered.tasks.size() == 1);
  CHECK(reordered.tasks[0].agencies.front().agency == "市财政局");
}

TEST_CASE("NameResolver resolves every name of the examples as the parser did") {
  const ExtractResult result = extract_files({AGENCYGRAPH_EXAMPLES}, {});
  const AliasTable aliases = AliasTable::extending_builtin();
  std::size_t checked = 0;
  for (const Document& document : result.documents) {
    for (const Task& task : document.tasks) {
      const NameResolver resolver(document, task.source, aliases);
      NameTable names = document.names;
      for (const AgencyMention& mention : task.agencies) {
        const std::optional<ResolvedName> resolved = resolver.resolve(names, document.name(mention.name));
        REQUIRE(resolved);
        CHECK(names[resolved->canonical] == document.name(mention.canonical));
        CHECK(resolved->name == mention.name);
        CHECK(resolved->kind == mention.kind);
        ++checked;
      }
    }
  }
  CHECK(checked > 500);  // the examples name hundreds of agencies: the loop ran
}

TEST_CASE("round trip: the TSV of parse given back unchanged rebuilds the same network, batch and streamed") {
  const std::vector<std::string> inputs{AGENCYGRAPH_EXAMPLES};
  const ExtractResult original = extract_files(inputs, {});
  const std::string tsv = tsv_of(original.documents);
  REQUIRE(tsv.starts_with(io::kUtf8Bom));  // as a spreadsheet saves it back, the reader gets decoded text
  const Corrections corrections = parse_corrections(std::string_view(tsv).substr(3), "examples.tsv");
  REQUIRE(corrections.errors.empty());
  std::size_t tasks = 0;
  for (const Document& document : original.documents) tasks += document.tasks.size();
  CHECK(corrections.tasks.size() == tasks);
  const std::string expected = graphml_of(build_network(original.documents));

  // Batch: every task's agencies taken away, then given back by the corrections alone.
  ExtractResult fresh = extract_files(inputs, {});
  for (Document& document : fresh.documents)
    for (Task& task : document.tasks) task.agencies.clear();
  const CorrectionsOutcome outcome = apply_corrections(fresh.documents, corrections);
  CHECK(outcome.warnings.empty());
  CHECK(outcome.changed == tasks);
  CHECK(outcome.added == 0);
  CHECK(outcome.dropped == 0);
  CHECK(graphml_of(build_network(fresh.documents)) == expected);
  CHECK(tsv_of(fresh.documents) == tsv);

  // Streamed as the CLI streams it: each page corrected as it arrives, pages merged by the builder.
  const AliasTable aliases = AliasTable::extending_builtin();
  CorrectionsApplier applier(corrections, aliases);
  NetworkBuilder builder({}, /*merge_pages=*/true);
  std::vector<std::string> warnings;
  extract_each(inputs, {}, [&](Document&& document) {
    for (Task& task : document.tasks) task.agencies.clear();
    const CorrectionsOutcome applied = applier.apply(document);
    warnings.insert(warnings.end(), applied.warnings.begin(), applied.warnings.end());
    builder.add(document);
  });
  CHECK(warnings.empty());
  CHECK(applier.unmatched_files().empty());
  CHECK(graphml_of(builder.finish()) == expected);
}
