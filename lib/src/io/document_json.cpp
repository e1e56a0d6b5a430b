#include "agencygraph/io/document_json.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace agencygraph {
namespace {

using json = nlohmann::ordered_json;

template <typename T>
json optional_to_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json names_with_role(const Document& document, const Task& task, Role role, bool canonical) {
  json names = json::array();
  for (const AgencyMention& mention : task.agencies)
    if (mention.role == role) names.push_back(document.name(canonical ? mention.canonical : mention.name));
  return names;
}

json task_to_json(const Document& document, const Task& task) {
  json out;
  out["id"] = task.id;
  out["source"] = document.sources[task.source].path;
  out["line"] = task.line;
  out["section"] = document.sections[task.section];
  out["text"] = document.text(task);
  out["leads"] = names_with_role(document, task, Role::Lead, false);
  out["co"] = names_with_role(document, task, Role::Co, false);
  out["leads_canonical"] = names_with_role(document, task, Role::Lead, true);
  out["co_canonical"] = names_with_role(document, task, Role::Co, true);
  json agencies = json::array();
  for (const AgencyMention& mention : task.agencies) {
    agencies.push_back({{"name", document.name(mention.name)},
                        {"canonical", document.name(mention.canonical)},
                        {"role", to_string(mention.role)},
                        {"kind", to_string(mention.kind)}});
  }
  out["agencies"] = std::move(agencies);
  out["annotation"] = document.view(task, task.annotation);
  out["deadline"] = task.deadline.empty() ? json(nullptr) : json(task.deadline);
  out["remarks"] = task.remarks;
  if (task.lead_from_first_listed) out["lead_from_first_listed"] = true;
  return out;
}

}  // namespace

json document_to_json(const Document& document) {
  json out;
  json sources = json::array();
  for (const Source& source : document.sources) sources.push_back(source.path);
  out["sources"] = std::move(sources);
  out["title"] = optional_to_json(document.title);
  out["jurisdiction"] = optional_to_json(document.jurisdiction);
  out["year"] = optional_to_json(document.year);
  out["encoding"] = document.sources.empty() ? "UTF-8" : document.sources.front().encoding;
  out["first_listed_is_lead"] = document.first_listed_is_lead;
  json tasks = json::array();
  for (const Task& task : document.tasks) tasks.push_back(task_to_json(document, task));
  out["tasks"] = std::move(tasks);
  json skipped = json::array();
  for (const SkippedParagraph& s : document.skipped)
    skipped.push_back({{"source", document.sources[s.source].path}, {"line", s.line}, {"reason", s.reason}});
  out["skipped"] = std::move(skipped);
  return out;
}

json documents_to_json(const std::vector<Document>& documents) {
  json list = json::array();
  for (const Document& document : documents) list.push_back(document_to_json(document));
  return json{{"documents", std::move(list)}};
}

}  // namespace agencygraph

// ---------------------------------------------------------------------------------------------
// Streaming writer. Mirrors nlohmann's serializer for dump(1, ' ', false, replace) byte for byte:
// objects and arrays open with "{\n"/"[\n", one space of indent per level, ",\n" between members,
// "key": value, empty containers as {} and []; strings keep valid UTF-8, escape " \ and control
// characters, and replace each maximal invalid UTF-8 subpart with U+FFFD as nlohmann's DFA does.
namespace agencygraph {
namespace {

constexpr std::size_t kFlushBytes = std::size_t{1} << 16;

// Length of the valid UTF-8 sequence starting at s[i], or 0 after setting `bad_end` to the index
// where decoding must resume (the first byte that cannot continue the sequence, or the end).
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::size_t& bad_end) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range allowed for the second byte
  if (b >= 0xC2 && b <= 0xDF) need = 1;
  else if (b == 0xE0) { need = 2; lo = 0xA0; }
  else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) need = 2;
  else if (b == 0xED) { need = 2; hi = 0x9F; }
  else if (b == 0xF0) { need = 3; lo = 0x90; }
  else if (b >= 0xF1 && b <= 0xF3) need = 3;
  else if (b == 0xF4) { need = 3; hi = 0x8F; }
  else { bad_end = i + 1; return 0; }  // stray continuation byte, C0/C1, F5..FF: consumed alone
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= s.size()) { bad_end = s.size(); return 0; }  // truncated at the end
    const auto c = static_cast<unsigned char>(s[i + k]);
    const bool ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!ok) { bad_end = i + k; return 0; }  // this byte is read again as a new start
  }
  return need + 1;
}

void append_escaped(std::string& buf, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  buf += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    // Copy the run of bytes that pass through unchanged (printable ASCII, valid UTF-8) in one go.
    std::size_t run = i;
    while (run < s.size()) {
      const auto c = static_cast<unsigned char>(s[run]);
      if (c >= 0x80) {
        std::size_t resume = 0;
        const std::size_t n = utf8_sequence(s, run, resume);
        if (n == 0) break;
        run += n;
        continue;
      }
      if (c < 0x20 || c == '"' || c == '\\') break;
      ++run;
    }
    buf.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t resume = 0;
      const std::size_t n = utf8_sequence(s, i, resume);
      if (n > 0) {
        buf.append(s.data() + i, n);
        i += n;
      } else {
        buf += "\xEF\xBF\xBD";
        i = resume;
      }
      continue;
    }
    switch (c) {
      case '"': buf += "\\\""; break;
      case '\\': buf += "\\\\"; break;
      case '\b': buf += "\\b"; break;
      case '\t': buf += "\\t"; break;
      case '\n': buf += "\\n"; break;
      case '\f': buf += "\\f"; break;
      case '\r': buf += "\\r"; break;
      default:
        buf += "\\u00";
        buf += kHex[c >> 4];
        buf += kHex[c & 0xF];
        break;
    }
    ++i;
  }
  buf += '"';
}

// A pretty-printer with nlohmann's layout for indent 1, writing through a buffer it flushes at
// points the caller chooses (after each task), so no more than one task is held at a time.
class JsonStream {
 public:
  explicit JsonStream(std::ostream& out) : out_(out) { buf_.reserve(kFlushBytes * 2); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  void key(std::string_view k) {
    separate();
    append_escaped(buf_, k);
    buf_ += ": ";
    after_key_ = true;
  }

  void string(std::string_view s) { value_start(); append_escaped(buf_, s); }
  void number(long long n) { value_start(); buf_ += std::to_string(n); }
  void boolean(bool b) { value_start(); buf_ += b ? "true" : "false"; }
  void null() { value_start(); buf_ += "null"; }

  template <typename T>
  void optional(const std::optional<T>& value) {
    if (!value) null();
    else if constexpr (std::is_same_v<T, std::string>) string(*value);
    else number(*value);
  }

  void string_array(const std::vector<std::string>& items) {
    begin_array();
    for (const std::string& item : items) string(item);
    end_array();
  }

  void maybe_flush() {
    if (buf_.size() >= kFlushBytes) flush();
  }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  // Before a member of an object (from key()) or an element of an array: the separator and indent.
  void separate() {
    if (!has_members_.empty()) {
      buf_ += has_members_.back() ? ",\n" : "\n";
      has_members_.back() = true;
    }
    buf_.append(has_members_.size(), ' ');
  }
  void value_start() {
    if (after_key_) after_key_ = false;  // the key already placed it
    else separate();
  }
  void open(char bracket) {
    value_start();
    buf_ += bracket;
    has_members_.push_back(false);
  }
  void close(char bracket) {
    const bool had = has_members_.back();
    has_members_.pop_back();
    if (had) {
      buf_ += '\n';
      buf_.append(has_members_.size(), ' ');
    }
    buf_ += bracket;
  }

  std::ostream& out_;
  std::string buf_;
  std::vector<bool> has_members_;  // one per open container
  bool after_key_ = false;
};

void write_names_with_role(JsonStream& w, const Document& document, const Task& task, Role role, bool canonical) {
  w.begin_array();
  for (const AgencyMention& mention : task.agencies)
    if (mention.role == role) w.string(document.name(canonical ? mention.canonical : mention.name));
  w.end_array();
}

// Same members, same order as task_to_json.
void write_task(JsonStream& w, const Document& document, const Task& task) {
  w.begin_object();
  w.key("id"); w.string(task.id);
  w.key("source"); w.string(document.sources[task.source].path);
  w.key("line"); w.number(task.line);
  w.key("section"); w.string_array(document.sections[task.section]);
  w.key("text"); w.string(document.text(task));
  w.key("leads"); write_names_with_role(w, document, task, Role::Lead, false);
  w.key("co"); write_names_with_role(w, document, task, Role::Co, false);
  w.key("leads_canonical"); write_names_with_role(w, document, task, Role::Lead, true);
  w.key("co_canonical"); write_names_with_role(w, document, task, Role::Co, true);
  w.key("agencies");
  w.begin_array();
  for (const AgencyMention& mention : task.agencies) {
    w.begin_object();
    w.key("name"); w.string(document.name(mention.name));
    w.key("canonical"); w.string(document.name(mention.canonical));
    w.key("role"); w.string(to_string(mention.role));
    w.key("kind"); w.string(to_string(mention.kind));
    w.end_object();
  }
  w.end_array();
  w.key("annotation"); w.string(document.view(task, task.annotation));
  w.key("deadline");
  if (task.deadline.empty()) w.null();
  else w.string(task.deadline);
  w.key("remarks"); w.string_array(task.remarks);
  if (task.lead_from_first_listed) { w.key("lead_from_first_listed"); w.boolean(true); }
  w.end_object();
}

// Same members, same order as document_to_json.
void write_document(JsonStream& w, const Document& document) {
  w.begin_object();
  w.key("sources");
  w.begin_array();
  for (const Source& source : document.sources) w.string(source.path);
  w.end_array();
  w.key("title"); w.optional(document.title);
  w.key("jurisdiction"); w.optional(document.jurisdiction);
  w.key("year"); w.optional(document.year);
  w.key("encoding"); w.string(document.sources.empty() ? std::string_view("UTF-8") : document.sources.front().encoding);
  w.key("first_listed_is_lead"); w.boolean(document.first_listed_is_lead);
  w.key("tasks");
  w.begin_array();
  for (const Task& task : document.tasks) {
    write_task(w, document, task);
    w.maybe_flush();
  }
  w.end_array();
  w.key("skipped");
  w.begin_array();
  for (const SkippedParagraph& s : document.skipped) {
    w.begin_object();
    w.key("source"); w.string(document.sources[s.source].path);
    w.key("line"); w.number(s.line);
    w.key("reason"); w.string(s.reason);
    w.end_object();
    w.maybe_flush();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void write_documents_json(std::ostream& out, const std::vector<Document>& documents) {
  JsonStream w(out);
  w.begin_object();
  w.key("documents");
  w.begin_array();
  for (const Document& document : documents) write_document(w, document);
  w.end_array();
  w.end_object();
  w.flush();
}

}  // namespace agencygraph
