// extract_files: inputs (files, directories, stdin) -> decoded sources -> documents, pages merged.
#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <system_error>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"
#include "extract/page_numbering.hpp"
#include "formats/read_source.hpp"

namespace agencygraph {
namespace {

namespace fs = std::filesystem;

// Expands directories into their regular files, sorted by path so runs are deterministic.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::vector<InputError>& errors) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        found.push_back(it->path().string());
      }
      if (ec) errors.push_back({path, "cannot read directory: " + ec.message()});
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

using TaskKeys = std::set<std::pair<std::string, std::string>>;

// Appends `page` to `into`: sources, sections and names are renumbered; a task already present
// (same number and same text, printed on both pages) is kept once. `present` holds the keys of
// the tasks `into` already has.
void append_page(Document& into, Document page, TaskKeys& present) {
  const auto source_offset = static_cast<std::uint32_t>(into.sources.size());
  const auto section_offset = static_cast<std::uint32_t>(into.sections.size() - 1);
  for (Source& source : page.sources) into.sources.push_back(std::move(source));
  for (std::size_t k = 1; k < page.sections.size(); ++k) into.sections.push_back(std::move(page.sections[k]));
  for (Task& task : page.tasks) {
    task.source += source_offset;
    if (task.section != 0) task.section += section_offset;
    if (!present.emplace(task.id, std::string(into.text(task))).second) continue;
    for (AgencyMention& mention : task.agencies) {
      mention.name = into.names.intern(page.names[mention.name]);
      mention.canonical = into.names.intern(page.names[mention.canonical]);
    }
    into.tasks.push_back(std::move(task));
  }
  for (SkippedParagraph& skipped : page.skipped) {
    skipped.source += source_offset;
    into.skipped.push_back(std::move(skipped));
  }
  into.first_listed_is_lead = into.first_listed_is_lead || page.first_listed_is_lead;
}

}  // namespace

bool is_further_page(const Document& document, const PageEvidence& evidence) {
  if (evidence.restarts_numbering) return false;
  return document.jurisdiction.has_value() || evidence.follows_directly;
}

bool restarts_numbering(const Document& earlier, const Document& page) {
  if (page.tasks.empty()) return false;
  const Task& first = page.tasks.front();
  return detail::numbering_restarts(
      first.id, earlier.tasks, [](const Task& task) -> std::string_view { return task.id; },
      [&](const Task& task) { return earlier.text(task) == page.text(first); });
}

std::vector<Document> merge_pages(std::vector<Document> documents) {
  std::vector<Document> merged;
  std::vector<TaskKeys> keys;  // per merged document, built when a second page arrives
  detail::PageGrouping grouping;
  for (Document& document : documents) {
    const auto placement = grouping.place(document, static_cast<std::uint32_t>(merged.size()),
                                          [&](std::uint32_t i) { return restarts_numbering(merged[i], document); });
    if (placement.is_page) {
      Document& into = merged[placement.document];
      TaskKeys& present = keys[placement.document];
      if (present.empty())
        for (const Task& task : into.tasks) present.emplace(task.id, std::string(into.text(task)));
      append_page(into, std::move(document), present);
      continue;
    }
    merged.push_back(std::move(document));
    keys.emplace_back();
  }
  return merged;
}

std::vector<InputError> extract_each(const std::vector<std::string>& paths, const ExtractOptions& options,
                                     const std::function<void(Document&&)>& sink) {
  std::vector<InputError> errors;
  const std::vector<std::string> files = expand_inputs(paths, errors);
  const bool reads_stdin = std::find(files.begin(), files.end(), "-") != files.end();
  const unsigned threads =
      reads_stdin ? 1u : std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(files.size())));
  // Documents are independent: they are parsed on all cores, each into its input's slot, and handed
  // to `sink` strictly in input order (so every byte written later is independent of scheduling).
  // A worker may run at most `window` inputs ahead of the next one due, which bounds the documents
  // held at once whatever the corpus size.
  const std::size_t window = 4 * static_cast<std::size_t>(threads);
  struct Slot {
    std::optional<Document> document;
    std::optional<InputError> error;
    detail::ContentKey content;
    bool finished = false;
  };
  // Each content seen, with the first input that had it (identical inputs are read once).
  std::map<detail::ContentKey, std::string> seen;
  std::vector<Slot> slots(files.size());
  std::mutex mutex;
  std::condition_variable advanced;
  std::size_t due = 0;      // the next input to hand over
  bool delivering = false;  // a worker is handing documents over (to one sink call at a time)
  std::exception_ptr sink_failure;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};

  auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < files.size();) {
      {
        std::unique_lock lock(mutex);
        advanced.wait(lock, [&] { return k < due + window || sink_failure; });
        if (sink_failure) return;
      }
      Slot slot;
      try {
        slot.document = extract_document(detail::read_source_file(files[k], options, slot.content), options);
      } catch (const std::exception& e) {
        slot.error = InputError{files[k], e.what()};
      }
      slot.finished = true;
      if (options.on_progress) options.on_progress(done.fetch_add(1) + 1, files.size());

      std::unique_lock lock(mutex);
      slots[k] = std::move(slot);
      if (delivering) continue;  // the worker handing over will reach this slot
      delivering = true;
      while (due < files.size() && slots[due].finished && !sink_failure) {
        Slot ready = std::move(slots[due]);
        slots[due] = Slot{};
        slots[due].finished = true;
        if (ready.error) errors.push_back(std::move(*ready.error));
        if (ready.document && options.on_duplicate) {
          const auto [first, fresh] = seen.emplace(ready.content, files[due]);
          if (!fresh) {
            ready.document.reset();
            options.on_duplicate(files[due], first->second);
          }
        }
        lock.unlock();
        try {
          if (ready.document) sink(std::move(*ready.document));
        } catch (...) {
          lock.lock();
          sink_failure = std::current_exception();
          lock.unlock();
        }
        ready = Slot{};  // free the document before taking the lock again
        lock.lock();
        ++due;
        advanced.notify_all();
      }
      delivering = false;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
  if (sink_failure) std::rethrow_exception(sink_failure);
  return errors;
}

ExtractResult extract_files(const std::vector<std::string>& paths, const ExtractOptions& options) {
  ExtractResult result;
  std::vector<Document> parsed;
  result.errors = extract_each(paths, options, [&](Document&& document) { parsed.push_back(std::move(document)); });
  result.documents = merge_pages(std::move(parsed));
  return result;
}

}  // namespace agencygraph
