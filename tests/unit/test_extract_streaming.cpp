// ExtractOptions::on_tasks: a document's tasks handed over in batches as they are read give the same
// tasks, in the same order, with the same skipped paragraphs, as the document read whole. The texts
// are long enough for several batches, with what may change a task after it is read: a table's
// continuation rows across a batch's end, a paragraph that lost its number before any numbered task,
// and a convention stated in a footnote after every task.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;

namespace {

// What a task says, by name: comparable across documents whose name tables differ.
struct Reading {
  std::string id;
  std::uint32_t line = 0;
  std::vector<std::string> leads, co;
  bool operator==(const Reading&) const = default;
};

Reading reading(const Document& document, const Task& task) {
  return {task.id, task.line, test::role_names(document, task, Role::Lead), test::role_names(document, task, Role::Co)};
}

struct Streamed {
  std::vector<Reading> tasks;
  std::size_t batches = 0;
  Document rest;
};

Streamed read_in_batches(const std::string& text, std::size_t tasks_per_batch = 4096) {
  Streamed out;
  ExtractOptions options;
  options.tasks_per_batch = tasks_per_batch;
  options.on_tasks = [&](const Document& so_far, std::vector<Task>& batch) {
    ++out.batches;
    for (const Task& task : batch) out.tasks.push_back(reading(so_far, task));
  };
  out.rest = test::parse_text(text, options);
  return out;
}

void check_same_as_whole(const std::string& text, std::size_t at_least_batches, std::size_t tasks_per_batch = 4096) {
  const Document whole = test::parse_text(text);
  const Streamed streamed = read_in_batches(text, tasks_per_batch);
  CHECK(streamed.batches >= at_least_batches);
  CHECK(streamed.rest.tasks.empty());
  REQUIRE(streamed.tasks.size() == whole.tasks.size());
  for (std::size_t k = 0; k < whole.tasks.size(); ++k) {
    CAPTURE(k);
    CHECK(streamed.tasks[k] == reading(whole, whole.tasks[k]));
  }
  REQUIRE(streamed.rest.skipped.size() == whole.skipped.size());
  for (std::size_t k = 0; k < whole.skipped.size(); ++k) {
    CHECK(streamed.rest.skipped[k].line == whole.skipped[k].line);
    CHECK(streamed.rest.skipped[k].reason == whole.skipped[k].reason);
  }
  CHECK(streamed.rest.sections == whole.sections);
  CHECK(streamed.rest.title == whole.title);
}

std::string numbered_tasks(int from, int to) {
  std::string text;
  for (int i = from; i <= to; ++i)
    text += std::to_string(i) + ".第" + std::to_string(i) + "项工作。(牵头单位:市财政局" + std::to_string(i % 7) +
            ";责任单位:市教育局、市民政局" + std::to_string(i % 5) + ")\n";
  return text;
}

}  // namespace

TEST_CASE("tasks in batches: a numbered document and a table whose continuation rows cross a batch's end") {
  std::string text = "2023年某市政府工作报告重点任务分工方案\n一、重点任务\n" + numbered_tasks(1, 4000);
  text += "序号|工作任务|牵头单位|责任单位\n";
  for (int i = 4001; i <= 4400; ++i) {
    text += std::to_string(i) + "|任务" + std::to_string(i) + "|市发改委|市财政局\n";
    if (i % 3 == 0) text += "||市统计局|市税务局" + std::to_string(i % 4) + "\n";  // continues the task above
  }
  text += "\n二、保障措施\n" + numbered_tasks(4401, 9000);
  check_same_as_whole(text, 2);
}

TEST_CASE("tasks in batches: a paragraph that lost its number waits for the document to number its tasks") {
  // More unnumbered tasks than a batch before the first numbered one: whether the debris is a lost
  // number is known only then.
  std::string text = "?。(二)推进东部石化基地建设。(市发改委牵头,市经贸委配合)\n";
  for (int i = 1; i <= 5000; ++i)
    text += "第" + std::to_string(i) + "项工作。(牵头单位:市财政局;责任单位:市教育局" + std::to_string(i % 5) + ")\n";
  text += numbered_tasks(1, 100) + "⸀㊢挀索建立平安建设。(牵头单位:市自然资源局)\n" + numbered_tasks(101, 6000);
  check_same_as_whole(text, 2);
  CHECK(test::parse_text(text).skipped.size() == 2);
}

TEST_CASE("tasks in batches: a table early in a long document does not hold the tasks after it") {
  std::string text = "序号|工作任务|牵头单位|责任单位\n1|任务一|市发改委|市财政局\n||市统计局|市税务局\n\n";
  text += numbered_tasks(2, 12000);
  check_same_as_whole(text, 2);
  std::size_t largest = 0;
  ExtractOptions options;
  options.on_tasks = [&](const Document&, std::vector<Task>& batch) { largest = std::max(largest, batch.size()); };
  test::parse_text(text, options);
  CHECK(largest < 5000);
}

TEST_CASE("tasks in batches: a convention stated in a footnote after every task holds them all to the end") {
  std::string text;
  for (int i = 1; i <= 9000; ++i)
    text += std::to_string(i) + ".第" + std::to_string(i) + "项工作。(责任单位:市教育局、市民政局" + std::to_string(i % 5) + ")\n";
  text += "注：列第一位的为牵头单位。\n";
  const Document whole = test::parse_text(text);
  REQUIRE(whole.tasks.size() == 9000);
  CHECK(test::leads(whole, 8999) == test::Names{"市教育局"});
  check_same_as_whole(text, 1);
  CHECK(read_in_batches(text).batches == 1);
}

TEST_CASE("tasks in batches: paragraphs reported on one line come in the same order however the tasks went out") {
  // Found by fuzz_extract's comparison of the two readings: lines ended by lone carriage returns are
  // one line of the file, and lost numbers reported as their batch went out came before the skipped
  // paragraphs found after them, where the document read whole reports them last.
  std::ifstream in(std::string(AGENCYGRAPH_TEST_DATA) + "/fuzz_regressions/extract-skipped-on-one-line.txt",
                   std::ios::binary);
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(test::parse_text(text).skipped.size() == 5);
  check_same_as_whole(text, 2, 1);
}
