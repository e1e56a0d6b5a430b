// Stages 2-4: find tasks in decoded text, parse their annotations, resolve agency names.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "agencygraph/aliases.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph {

struct ExtractOptions {
  // For documents whose title line and signature name no place (--jurisdiction); one found in the
  // document is kept.
  std::optional<std::string> jurisdiction;
  std::optional<int> year;                   // likewise for documents that give no year (--year)
  std::optional<std::string> encoding;       // forces an encoding (--encoding)
  bool first_listed_is_lead = false;         // apply the first-listed-lead convention (--first-listed-lead)
  const AliasTable* aliases = nullptr;       // nullptr: the built-in table only
  unsigned threads = std::thread::hardware_concurrency();  // documents parsed in parallel
  // Called after each input is read, with (inputs done, inputs in all), from any worker thread.
  std::function<void(std::size_t, std::size_t)> on_progress;
  // When set, an input whose bytes are an earlier input's (same length and 64-bit hash: the same file
  // named twice, a directory and a file in it, a copy) is read once: the later one is left out, so
  // that its tasks are not counted twice, and this is called, in input order, with the later path and
  // the earlier one. Unset, every input is read (the commands always set it).
  std::function<void(const std::string& path, const std::string& same_as)> on_duplicate;
  // When set, extract_document hands the tasks it finds to this in batches, in document order, as
  // soon as nothing later in the document can change them, and returns the document without them:
  // memory then follows the document's text, not its number of tasks (one large document). Each
  // call gets the document as far as it is read (sources, title, year and place, names and sections
  // up to these tasks; its own `tasks` are not for the caller: tasks still pending, or the batch
  // itself in the last call) and the next tasks, to take or leave; the last call may have none.
  // A document that states its conventions in a footnote (注：列第一位的为牵头单位) holds its tasks
  // to the end. Calls come from the thread that parses the document: for one input at a time.
  std::function<void(const Document& so_far, std::vector<Task>& tasks)> on_tasks;
  // How many tasks on_tasks is handed at a time, at least (a batch is handed over once there are
  // more; fewer come last).
  std::size_t tasks_per_batch = 4096;
  // A text file of at least this many bytes that decoding leaves as it is (UTF-8) is read in place:
  // mapped read-only, its pages given back as reading moves on, rather than copied into memory whole
  // (Source::mapping). 0: every file is read into memory. Without effect when `encoding` is set.
  std::size_t read_in_place_from = std::size_t{16} << 20;
};

// One input's problem that stopped it from being read at all (missing file, binary, bad bytes).
struct InputError {
  std::string path;
  std::string problem;
};

struct ExtractResult {
  std::vector<Document> documents;   // sources with the same title merged into one document
  std::vector<InputError> errors;    // inputs that could not be read; the others are still here
};

// Parses one decoded source into a document of its own. An HTML page (a saved page's source, or a
// fragment of one, detected conservatively) is first converted to the text a browser
// shows: block elements end lines, each table row is one TAB-separated line with merged
// (rowspan/colspan) cells repeated into every row and column they cover, entities are decoded, and
// scripts, styles, comments and the head but its <title> are dropped. The document's Source::text
// is then that converted text, and Source::original_lines maps its lines to the page's: task and
// skipped lines name the page's lines.
Document extract_document(Source source, const ExtractOptions& options);

// Reads, decodes and parses every path ("-" is stdin; directories are walked, sorted), then merges
// documents that share a title (pages of one document; a task printed on two pages is kept once).
ExtractResult extract_files(const std::vector<std::string>& paths, const ExtractOptions& options);

// Reads, decodes and parses every path as extract_files does, but hands each source's document to
// `sink` (pages not merged: NetworkBuilder can merge them) in input order, from one thread at a time,
// as soon as it and every input before it are done. Only a few documents per thread are held at once,
// so memory does not grow with the corpus. Returns the inputs that could not be read, in input order.
// An exception from `sink` stops the reading and is rethrown.
std::vector<InputError> extract_each(const std::vector<std::string>& paths, const ExtractOptions& options,
                                     const std::function<void(Document&&)>& sink);
// Merges documents with the same non-empty title and jurisdiction, in input order: a later one that
// is_further_page() accepts is a further page of the earlier, its tasks appended unless printed on a
// page before; one it refuses starts a document of its own (which later pages may follow).
std::vector<Document> merge_pages(std::vector<Document> documents);

// What is known of a document whose non-empty title and jurisdiction repeat an earlier document's.
struct PageEvidence {
  // The earlier document's last page came directly before it in the input.
  bool follows_directly = false;
  // Its first task's number is one the earlier document gave to another task (another text), and
  // none with its text: it starts a numbering of its own, as the next county's or year's document
  // does, where a page continues the numbering or repeats the task it was cut at.
  bool restarts_numbering = false;
};
// Whether that document is a further page of the earlier one. Never when it restarts the numbering.
// Otherwise always when the jurisdiction is known, and when it is not only when it follows directly:
// a title that names no place (2023年《政府工作报告》重点任务分工方案) can be any county's, merging two
// counties' documents would make their agencies one, and pages of one document are saved side by side.
bool is_further_page(const Document& document, const PageEvidence& evidence);

// Whether `page` restarts the numbering of `earlier` (PageEvidence::restarts_numbering). Its first
// task decides; a task without a number never restarts.
bool restarts_numbering(const Document& earlier, const Document& page);

}  // namespace agencygraph
