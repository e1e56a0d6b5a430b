// Applies a corrections file to documents (agencygraph/corrections.hpp says what it means).
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "agencygraph/corrections.hpp"
#include "agencygraph/resolve_name.hpp"

namespace agencygraph {

namespace {

// The text without spaces, controls and line breaks of any kind: what is left of a task's text
// after a trip through the TSV and a spreadsheet (which may trim, or turn a line break into a space).
std::string compact(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == 0x7F) {
      ++i;
    } else if (s.substr(i).starts_with("\xE3\x80\x80") || s.substr(i).starts_with("\xE2\x80\xA8") ||
               s.substr(i).starts_with("\xE2\x80\xA9")) {
      i += 3;  // U+3000, U+2028, U+2029
    } else if (s.substr(i).starts_with("\xC2\xA0") || s.substr(i).starts_with("\xC2\x85")) {
      i += 2;  // U+00A0, U+0085
    } else {
      out += s[i++];
    }
  }
  return out;
}

// The formula guard's apostrophe may survive a spreadsheet that did not take it as a marker.
bool same_text(std::string_view corrected, std::string_view text) {
  const std::string a = compact(corrected);
  const std::string b = compact(text);
  return a == b || (a.starts_with('\'') && std::string_view(a).substr(1) == b);
}

// Byte ranges of the lines of a source's text, and the file line of each.
struct TextLine {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // before the line break
  std::uint32_t file_line = 0;
};

std::vector<TextLine> text_lines(const Source& source) {
  std::vector<TextLine> lines;
  const std::string_view text = source.content();
  std::uint32_t begin = 0;
  for (std::uint32_t k = 1; begin <= text.size(); ++k) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::uint32_t stop = static_cast<std::uint32_t>(end);
    if (stop > begin && text[stop - 1] == '\r') --stop;
    lines.push_back({begin, stop, source.original_line(k)});
    if (end == text.size()) break;
    begin = static_cast<std::uint32_t>(end + 1);
  }
  return lines;
}

// The first `n` characters of valid UTF-8 text (a continuation byte never starts one).
std::string_view first_characters(std::string_view text, std::size_t n) {
  std::size_t end = 0;
  for (std::size_t seen = 0; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == n) break;
  }
  return text.substr(0, end);
}

std::string where(const Corrections& corrections, std::size_t line) {
  return corrections.path + ":" + std::to_string(line) + ": ";
}

std::string task_name(const TaskCorrection& correction) {
  std::string name = "task " + correction.task + " of " + correction.file;
  if (correction.line) name += " (line " + std::to_string(*correction.line) + ")";
  return name;
}

bool same_agencies(const std::vector<AgencyMention>& a, const std::vector<AgencyMention>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const AgencyMention& x, const AgencyMention& y) {
    return x.name == y.name && x.canonical == y.canonical && x.role == y.role && x.kind == y.kind;
  });
}

// One document's tasks as the corrections leave them.
class DocumentCorrector {
 public:
  DocumentCorrector(Document& document, const Corrections& corrections, const AliasTable& aliases)
      : document_(document), corrections_(corrections), aliases_(aliases) {}

  // Applies the corrections of source `source` (its path's tasks in the file).
  void correct_source(std::uint32_t source, const std::vector<std::size_t>& corrections) {
    const NameResolver resolver(document_, source, aliases_);
    std::map<std::string, std::size_t> groups;  // corrections per task number, for telling lines apart
    for (std::size_t c : corrections) ++groups[corrections_.tasks[c].task];
    for (std::size_t c : corrections) {
      const TaskCorrection& correction = corrections_.tasks[c];
      if (correction.has_error) continue;  // reported with the file's errors
      const std::optional<std::size_t> task = find_task(source, correction, groups[correction.task] > 1);
      if (!task) continue;  // a warning was given, or the task is new
      if (*task == kNew) {
        add_task(source, correction, resolver);
        continue;
      }
      if (!claimed_.insert(*task).second) {
        warn(correction, task_name(correction) + " is corrected by other rows already: not applied");
        continue;
      }
      Task& target = document_.tasks[*task];
      if (!correction.text.empty() && !same_text(correction.text, document_.text(target))) {
        warn(correction, task_name(correction) + " has another text in the document now (\"" +
                             std::string(first_characters(document_.text(target), 30)) +
                             "…\"): changed since the corrections were made? Not applied; empty the text "
                             "column to apply the rows regardless");
        continue;
      }
      std::vector<AgencyMention> agencies = mentions(correction, resolver);
      if (agencies.empty()) {
        dropped_.push_back(*task);
        document_.skipped.push_back({target.source, target.line,
                                     "task " + target.id + " dropped: the corrections (" + corrections_.path + ":" +
                                         std::to_string(correction.row_line) + ") give it no agencies"});
        ++outcome_.dropped;
        continue;
      }
      if (same_agencies(agencies, target.agencies)) {
        ++outcome_.unchanged;
        continue;
      }
      target.agencies = std::move(agencies);
      target.lead_from_first_listed = false;  // the roles are the coder's now
      ++outcome_.changed;
    }
  }

  // Removes the dropped tasks, places the new ones among the others by source and line.
  CorrectionsOutcome finish() {
    if (!dropped_.empty() || !added_.empty()) {
      std::sort(dropped_.begin(), dropped_.end());
      std::vector<Task> tasks;
      tasks.reserve(document_.tasks.size() - dropped_.size() + added_.size());
      for (std::size_t t = 0; t < document_.tasks.size(); ++t)
        if (!std::binary_search(dropped_.begin(), dropped_.end(), t)) tasks.push_back(std::move(document_.tasks[t]));
      for (Task& task : added_) {
        // Before the first task that stands after it (the parser's order is the document's).
        const auto at = std::find_if(tasks.begin(), tasks.end(), [&](const Task& other) {
          return other.source != task.source ? other.source > task.source : other.line > task.line;
        });
        tasks.insert(at, std::move(task));
      }
      document_.tasks = std::move(tasks);
      std::stable_sort(document_.skipped.begin(), document_.skipped.end(),
                       [](const SkippedParagraph& a, const SkippedParagraph& b) {
                         return a.source != b.source ? a.source < b.source : a.line < b.line;
                       });
    }
    return std::move(outcome_);
  }

 private:
  static constexpr std::size_t kNew = static_cast<std::size_t>(-1);

  // The index of the task the correction names, kNew for a task to add, nothing when it cannot be
  // applied (warned). `shared_number`: other corrections name the same task number in this file.
  std::optional<std::size_t> find_task(std::uint32_t source, const TaskCorrection& correction, bool shared_number) {
    if (tasks_by_id_source_ != source || tasks_by_id_.empty()) {
      // Indexed once per source: a document of thousands of tasks is corrected in one pass.
      tasks_by_id_.clear();
      for (std::size_t t = 0; t < document_.tasks.size(); ++t)
        if (document_.tasks[t].source == source) tasks_by_id_[document_.tasks[t].id].push_back(t);
      tasks_by_id_source_ = source;
    }
    const auto found = tasks_by_id_.find(correction.task);
    const std::vector<std::size_t> candidates = found == tasks_by_id_.end() ? std::vector<std::size_t>() : found->second;
    for (std::size_t t : candidates)
      if (correction.line && document_.tasks[t].line == *correction.line) return t;
    // The line only tells apart tasks that share a number: a document saved again may have moved.
    if (candidates.size() == 1 && !shared_number) return candidates.front();
    if (candidates.empty()) return kNew;
    std::string lines;
    for (std::size_t t : candidates) lines += (lines.empty() ? "" : ", ") + std::to_string(document_.tasks[t].line);
    warn(correction, task_name(correction) + ": " + std::to_string(candidates.size()) +
                         " tasks have this number, at lines " + lines + ", and none at the line given: not applied");
    return std::nullopt;
  }

  // A task the parser did not find, at the correction's line.
  void add_task(std::uint32_t source, const TaskCorrection& correction, const NameResolver& resolver) {
    if (!correction.line) {
      warn(correction, task_name(correction) +
                           " is not in the document, and a new task needs the line it stands at: not applied");
      return;
    }
    if (correction.agencies.empty()) {
      warn(correction, task_name(correction) + " is not in the document: nothing to drop");
      return;
    }
    if (lines_source_ != source || lines_.empty()) {
      lines_ = text_lines(document_.sources[source]);
      lines_source_ = source;
    }
    const auto line = std::find_if(lines_.begin(), lines_.end(),
                                   [&](const TextLine& l) { return l.file_line == *correction.line; });
    if (line == lines_.end()) {
      warn(correction, task_name(correction) + " is not in the document, which has no line " +
                           std::to_string(*correction.line) + ": changed since the corrections were made? Not applied");
      return;
    }
    const std::string_view text = document_.sources[source].content();
    const std::string_view content = text.substr(line->begin, line->end - line->begin);
    Task task;
    task.id = correction.task;
    task.source = source;
    task.line = *correction.line;
    if (correction.text.empty()) {
      task.text = trimmed_span(line->begin, content);
    } else if (const std::size_t at = content.find(correction.text); at != std::string_view::npos) {
      task.text = {static_cast<std::uint32_t>(line->begin + at), static_cast<std::uint32_t>(correction.text.size())};
    } else if (compact(content).find(compact(correction.text)) != std::string::npos) {
      task.text = trimmed_span(line->begin, content);
    } else {
      warn(correction, task_name(correction) + " is not in the document, and line " + std::to_string(*correction.line) +
                           " does not hold its text: changed since the corrections were made? Not applied; "
                           "empty the text column to add the task at that line regardless");
      return;
    }
    // The section of the task before it, if any.
    for (const Task& other : document_.tasks)
      if (other.source == source && other.line <= task.line) task.section = other.section;
    task.agencies = mentions(correction, resolver);
    if (task.agencies.empty()) {
      warn(correction, task_name(correction) + " is not in the document, and its rows name no agency: nothing to add");
      return;
    }
    // The paragraph was skipped; now it is a task.
    std::erase_if(document_.skipped, [&](const SkippedParagraph& s) { return s.source == source && s.line == task.line; });
    added_.push_back(std::move(task));
    ++outcome_.added;
  }

  static Span trimmed_span(std::uint32_t begin, std::string_view content) {
    std::size_t first = 0;
    std::size_t last = content.size();
    while (first < last && (content[first] == ' ' || content[first] == '\t')) ++first;
    while (last > first && (content[last - 1] == ' ' || content[last - 1] == '\t')) --last;
    return {static_cast<std::uint32_t>(begin + first), static_cast<std::uint32_t>(last - first)};
  }

  // The corrected agencies, resolved as the parser resolves names; a name and role given twice is kept once.
  std::vector<AgencyMention> mentions(const TaskCorrection& correction, const NameResolver& resolver) {
    std::vector<AgencyMention> agencies;
    for (const AgencyCorrection& row : correction.agencies) {
      const std::optional<ResolvedName> resolved = resolver.resolve(document_.names, row.agency);
      if (!resolved) continue;
      AgencyMention mention;
      mention.name = resolved->name;
      mention.canonical = resolved->canonical;
      mention.kind = resolved->kind;
      mention.role = row.role;
      const bool seen = std::any_of(agencies.begin(), agencies.end(), [&](const AgencyMention& m) {
        return m.name == mention.name && m.role == mention.role;
      });
      if (!seen) agencies.push_back(mention);
    }
    return agencies;
  }

  void warn(const TaskCorrection& correction, const std::string& problem) {
    outcome_.warnings.push_back(where(corrections_, correction.row_line) + problem);
  }

  Document& document_;
  const Corrections& corrections_;
  const AliasTable& aliases_;
  CorrectionsOutcome outcome_;
  std::vector<std::size_t> dropped_;  // indices into document_.tasks
  std::vector<Task> added_;
  std::unordered_set<std::size_t> claimed_;  // tasks a correction was applied to
  std::vector<TextLine> lines_;
  std::uint32_t lines_source_ = 0;
  std::unordered_map<std::string, std::vector<std::size_t>> tasks_by_id_;  // of tasks_by_id_source_
  std::uint32_t tasks_by_id_source_ = 0;
};

}  // namespace

CorrectionsOutcome& CorrectionsOutcome::operator+=(const CorrectionsOutcome& other) {
  changed += other.changed;
  unchanged += other.unchanged;
  added += other.added;
  dropped += other.dropped;
  warnings.insert(warnings.end(), other.warnings.begin(), other.warnings.end());
  return *this;
}

CorrectionsApplier::CorrectionsApplier(const Corrections& corrections, const AliasTable& aliases)
    : corrections_(corrections), aliases_(aliases) {
  for (std::size_t c = 0; c < corrections.tasks.size(); ++c) by_file_[corrections.tasks[c].file].push_back(c);
}

CorrectionsOutcome CorrectionsApplier::apply(Document& document) {
  DocumentCorrector corrector(document, corrections_, aliases_);
  for (std::uint32_t source = 0; source < document.sources.size(); ++source) {
    const auto it = by_file_.find(document.sources[source].path);
    if (it == by_file_.end()) continue;
    seen_files_.insert(it->first);
    corrector.correct_source(source, it->second);
  }
  return corrector.finish();
}

std::vector<std::string> CorrectionsApplier::unmatched_files() const {
  std::vector<std::string> warnings;
  std::vector<std::pair<std::size_t, std::string>> files;  // first row line, file
  for (const auto& [file, corrections] : by_file_)
    if (!seen_files_.contains(file)) files.emplace_back(corrections_.tasks[corrections.front()].row_line, file);
  std::sort(files.begin(), files.end());
  for (const auto& [row_line, file] : files) {
    const std::size_t tasks = by_file_.at(file).size();
    warnings.push_back(where(corrections_, row_line) + file + " is not among the inputs: the corrections of its " +
                       std::to_string(tasks) + (tasks == 1 ? " task were" : " tasks were") +
                       " not applied (is its path written as on the command line?)");
  }
  return warnings;
}

CorrectionsOutcome apply_corrections(std::vector<Document>& documents, const Corrections& corrections,
                                     const AliasTable& aliases) {
  CorrectionsApplier applier(corrections, aliases);
  CorrectionsOutcome outcome;
  for (Document& document : documents) outcome += applier.apply(document);
  const std::vector<std::string> unmatched = applier.unmatched_files();
  outcome.warnings.insert(outcome.warnings.end(), unmatched.begin(), unmatched.end());
  return outcome;
}

CorrectionsOutcome apply_corrections(std::vector<Document>& documents, const Corrections& corrections) {
  static const AliasTable builtin = AliasTable::extending_builtin();
  return apply_corrections(documents, corrections, builtin);
}

}  // namespace agencygraph
