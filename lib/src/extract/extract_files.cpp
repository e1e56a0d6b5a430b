// extract_files: inputs (files, directories, stdin) -> decoded sources -> documents, pages merged.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"

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

// Appends `page` to `into`: sources, sections and names are renumbered; a task already present
// (same number and same text, printed on both pages) is kept once.
void append_page(Document& into, Document page) {
  const auto source_offset = static_cast<std::uint32_t>(into.sources.size());
  const auto section_offset = static_cast<std::uint32_t>(into.sections.size() - 1);
  std::set<std::pair<std::string, std::string>> present;
  for (const Task& task : into.tasks) present.emplace(task.id, std::string(into.text(task)));
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

std::vector<Document> merge_pages(std::vector<Document> documents) {
  std::vector<Document> merged;
  std::map<std::pair<std::string, std::string>, std::size_t> by_title;
  for (Document& document : documents) {
    if (document.title && !document.title->empty()) {
      const auto key = std::make_pair(*document.title, document.jurisdiction.value_or(""));
      if (auto it = by_title.find(key); it != by_title.end()) {
        append_page(merged[it->second], std::move(document));
        continue;
      }
      by_title.emplace(key, merged.size());
    }
    merged.push_back(std::move(document));
  }
  return merged;
}

ExtractResult extract_files(const std::vector<std::string>& paths, const ExtractOptions& options) {
  ExtractResult result;
  std::vector<Document> documents;
  for (const std::string& path : expand_inputs(paths, result.errors)) {
    try {
      const std::string bytes = read_file_bytes(path);
      DecodedText decoded = decode(bytes, options.encoding);
      documents.push_back(extract_document({path, std::move(decoded.encoding), std::move(decoded.text)}, options));
    } catch (const std::exception& e) {
      result.errors.push_back({path, e.what()});
    }
  }
  result.documents = merge_pages(std::move(documents));
  return result;
}

}  // namespace agencygraph
