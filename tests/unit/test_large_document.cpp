// One large document in bounded memory (README, "Large documents"): a large UTF-8 text file is read
// in place (Source::mapping) and gives what the same file read into memory gives; what decoding would
// change is read into memory as before. Export's tasks table written as the tasks are read
// (io::TasksCsvStream) is the table written from the network's records, and a network that lists
// its tasks without records (NetworkOptions::keep_task_lists) cites them in GraphML as one with records.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/provenance.hpp"
#include "agencygraph/metrics.hpp"
#include "text/mapped_file.hpp"

using namespace agencygraph;

namespace {

// A directory of its own for the files a case writes, removed afterwards.
struct Scratch {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("agencygraph-large-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
  Scratch() { std::filesystem::create_directories(dir); }
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::string write(const std::string& name, const std::string& bytes) const {
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

// A document with headings, a table continued over lines and tasks enough for several batches.
std::string document_text() {
  std::string text = "2021年江城市重点任务分工方案\n一、稳增长\n";
  for (int i = 1; i <= 40; ++i) {
    if (i == 21) text += "二、惠民生\n";
    text += std::to_string(i) + ".推进第" + std::to_string(i) + "项工作。(牵头单位:市发改委;责任单位:市财政局、市教育局" +
            std::to_string(i % 4) + ")\n";
  }
  text += "\n江城市人民政府\n2021年3月1日\n";
  return text;
}

struct Read {
  std::vector<Document> documents;
  std::vector<InputError> errors;
};

Read read(const std::string& path, std::size_t read_in_place_from) {
  ExtractOptions options;
  options.threads = 1;
  options.read_in_place_from = read_in_place_from;
  Read out;
  out.errors = extract_each({path}, options, [&](Document&& d) { out.documents.push_back(std::move(d)); });
  return out;
}

// What a document says, task by task, as text (comparable across documents read apart).
std::string described(const Document& document) {
  std::ostringstream out;
  out << document.title.value_or("-") << '|' << document.jurisdiction.value_or("-") << '|' << document.year.value_or(0) << '\n';
  for (const Task& task : document.tasks) {
    out << task.id << ':' << task.line << ' ' << document.text(task) << " [" << document.view(task, task.annotation) << "]";
    for (const AgencyMention& mention : task.agencies)
      out << ' ' << (mention.role == Role::Lead ? "L:" : "C:") << document.name(mention.canonical);
    out << '\n';
  }
  for (const SkippedParagraph& skipped : document.skipped) out << "skipped " << skipped.line << ' ' << skipped.reason << '\n';
  return out.str();
}

// The resident kilobytes of the mapping that starts at `address` (/proc/self/smaps: its "Rss:" line).
std::size_t resident_kilobytes(const void* address) {
  std::ifstream smaps("/proc/self/smaps");
  std::ostringstream start;
  start << std::hex << reinterpret_cast<std::uintptr_t>(address) << '-';
  bool in_mapping = false;
  for (std::string line; std::getline(smaps, line);) {
    if (line.rfind(start.str(), 0) == 0) in_mapping = true;
    else if (in_mapping && line.rfind("Rss:", 0) == 0) return std::stoul(line.substr(4));
  }
  FAIL("no mapping at " << address);
  return 0;
}

}  // namespace

TEST_CASE("a large UTF-8 file is read in place and gives what it gives read into memory") {
  const Scratch scratch;
  const std::string text = document_text();
  for (const std::string& bytes : {text, "\xEF\xBB\xBF" + text}) {  // a BOM is left out of the text
    const std::string path = scratch.write("big.txt", bytes);
    const Read in_place = read(path, 1);
    const Read in_memory = read(path, 0);
    REQUIRE(in_place.errors.empty());
    REQUIRE(in_place.documents.size() == 1);
    REQUIRE(in_memory.documents.size() == 1);
    const Source& mapped = in_place.documents[0].sources[0];
    CHECK(mapped.mapping != nullptr);
    CHECK(mapped.text.empty());
    CHECK(mapped.content() == text);
    CHECK(mapped.encoding == "UTF-8");
    CHECK(in_memory.documents[0].sources[0].mapping == nullptr);
    CHECK(in_place.documents[0].tasks.size() == 40);
    CHECK(described(in_place.documents[0]) == described(in_memory.documents[0]));
  }
  // Below the size, a file is read into memory.
  const std::string path = scratch.write("small.txt", text);
  CHECK(read(path, text.size() + 1).documents[0].sources[0].mapping == nullptr);
  CHECK(read(path, text.size()).documents[0].sources[0].mapping != nullptr);
}

TEST_CASE("a large file that decoding or reading changes is read into memory, with the same tasks") {
  const Scratch scratch;
  const std::string text = document_text();
  const Read reference = read(scratch.write("plain.txt", text), 0);
  REQUIRE(reference.documents.size() == 1);
  const std::string expected = described(reference.documents[0]);
  // A zero-width space dropped, a small-form comma widened, a letter-spaced word closed up, line
  // ends that are lone carriage returns: each changes bytes in a line far from the first piece.
  std::string zero_width = text, small_form = text, spaced = text, carriage_returns = text;
  zero_width.insert(zero_width.find("推进第30项"), "\xE2\x80\x8B");
  small_form.replace(small_form.rfind("市财政局、"), std::string("市财政局、").size(), "市财政局\xEF\xB9\x91");  // ﹑
  spaced.replace(spaced.find("江城市人民政府"), std::string("江城市人民政府").size(), "江 城 市 人 民 政 府");
  for (char& c : carriage_returns)
    if (c == '\n') c = '\r';
  for (const std::string& changed : {zero_width, small_form, spaced, carriage_returns}) {
    const Read in_place = read(scratch.write("changed.txt", changed), 1);
    const Read in_memory = read(scratch.write("changed.txt", changed), 0);
    REQUIRE(in_place.documents.size() == 1);
    const Source& source = in_place.documents[0].sources[0];
    CHECK(source.mapping == nullptr);
    CHECK(described(in_place.documents[0]) == described(in_memory.documents[0]));
  }
  CHECK(described(read(scratch.write("zw.txt", zero_width), 1).documents[0]) == expected);
  CHECK(described(read(scratch.write("cr.txt", carriage_returns), 1).documents[0]) == expected);
  // GB18030 is decoded into memory; invalid bytes are reported as before, with their line.
  std::string gb_text;  // 推进工作。(牵头单位:市发改委) in GBK, five times
  for (char number = '1'; number <= '5'; ++number)
    gb_text += std::string(1, number) + ".\xCD\xC6\xBD\xF8\xB9\xA4\xD7\xF7\xA1\xA3(\xC7\xA3\xCD\xB7\xB5\xA5\xCE\xBB:"
               "\xCA\xD0\xB7\xA2\xB8\xC4\xCE\xAF)\n";
  const Read gb = read(scratch.write("gb.txt", gb_text), 1);
  REQUIRE(gb.documents.size() == 1);
  CHECK(gb.documents[0].sources[0].mapping == nullptr);
  CHECK(gb.documents[0].sources[0].encoding == "GB18030");
  CHECK(gb.documents[0].tasks.size() == 5);
  const Read bad = read(scratch.write("bad.txt", text + "\xFF\xFE\xFD\n"), 1);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].problem == read(scratch.write("bad.txt", text + "\xFF\xFE\xFD\n"), 0).errors[0].problem);
}

TEST_CASE("a mapped file's pages are given back while it is held, and read again alike") {
  const Scratch scratch;
  std::string bytes;
  for (int i = 0; bytes.size() < (std::size_t{1} << 20); ++i) bytes += std::to_string(i) + ".第" + std::to_string(i) + "项。\n";
  const std::string path = scratch.write("pages.txt", bytes);
  const auto mapping = MappedFile::map_if_large(path, 1);
  REQUIRE(mapping != nullptr);
  CHECK(MappedFile::map_if_large(path, bytes.size() + 1) == nullptr);
  CHECK(MappedFile::map_if_large(scratch.dir.string(), 1) == nullptr);  // a directory is no file to map
  // The watcher drops the pages many times over while they are read again and again.
  for (int round = 0; round < 20; ++round) {
    CHECK(mapping->bytes() == bytes);
    ::usleep(2000);
  }
  // Read whole, the mapping holds every page; soon after, none (what /proc/self/smaps says of it).
  std::size_t sum = 0;
  for (const char c : mapping->bytes()) sum += static_cast<unsigned char>(c);
  CHECK(sum > 0);
  std::size_t resident_kb = resident_kilobytes(mapping->bytes().data());
  for (int wait = 0; wait < 400 && resident_kb > 64; ++wait) {  // two seconds at most, on a loaded machine
    ::usleep(5000);
    resident_kb = resident_kilobytes(mapping->bytes().data());
  }
  CHECK(resident_kb <= 64);
}

TEST_CASE("the tasks table written as the tasks are read is the table of the network's records") {
  ExtractOptions options;
  options.tasks_per_batch = 3;
  std::ostringstream streamed;
  io::TasksCsvStream rows(streamed);
  NetworkOptions lists;
  lists.keep_task_records = false;
  lists.keep_task_lists = true;
  NetworkBuilder builder(lists, /*merge_pages=*/true);
  std::size_t batches = 0;
  options.on_tasks = [&](const Document& so_far, std::vector<Task>& tasks) {
    batches += !tasks.empty();
    rows.add(so_far, tasks);
    builder.add_tasks(so_far, tasks);
  };
  Document rest = extract_document(Source{"江城.txt", "UTF-8", document_text()}, options);
  rows.add(rest, rest.tasks);
  builder.add(rest);
  CHECK(batches > 5);
  const AgencyNetwork listed = builder.finish();
  const AgencyNetwork full = build_network({extract_document(Source{"江城.txt", "UTF-8", document_text()}, {})});
  std::ostringstream table;
  io::write_tasks_csv(table, full);
  CHECK(streamed.str() == table.str());
  // Row 21 is task 21, the first under the second heading (line 24: title, heading, 20 tasks, heading).
  CHECK(table.str().find("\r\n20,1,2021年江城市重点任务分工方案,江城市,2021,21,江城.txt,24,,二、惠民生,推进第21项工作。\r\n") !=
        std::string::npos);
  // GraphML citing tasks by id says the same of the network with task lists alone.
  auto graphml = [](const AgencyNetwork& network) {
    std::ostringstream out;
    io::GraphmlOptions ids;
    ids.provenance = io::Provenance::Ids;
    io::write_graphml(out, network, {}, ids);
    return out.str();
  };
  CHECK(listed.tasks.empty());
  CHECK(graphml(listed) == graphml(full));
  CHECK(graphml(full).find("<data key=\"n_tasks\">0;1;2;") != std::string::npos);
}
