#include "agencygraph/io/document_json.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_writer.hpp"

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
// Streaming writer: the same members through io/json_writer.hpp's JsonText, which writes the bytes
// of nlohmann's dump(1, ' ', false, replace) directly and flushes as it grows.
namespace agencygraph {
namespace {

using io::detail::JsonText;

template <typename T>
void write_optional(JsonText& w, const std::optional<T>& value) {
  if (value) w.value(*value);
  else w.value(nullptr);
}

void write_strings(JsonText& w, const std::vector<std::string>& items) {
  w.begin_array();
  for (const std::string& item : items) w.value(item);
  w.end_array();
}

void write_names_with_role(JsonText& w, const Document& document, const Task& task, Role role, bool canonical) {
  w.begin_array();
  for (const AgencyMention& mention : task.agencies)
    if (mention.role == role) w.value(document.name(canonical ? mention.canonical : mention.name));
  w.end_array();
}

// Same members, same order as task_to_json.
void write_task(JsonText& w, const Document& document, const Task& task) {
  w.begin_object();
  w.key("id"); w.value(task.id);
  w.key("source"); w.value(document.sources[task.source].path);
  w.key("line"); w.value(task.line);
  w.key("section"); write_strings(w, document.sections[task.section]);
  w.key("text"); w.value(document.text(task));
  w.key("leads"); write_names_with_role(w, document, task, Role::Lead, false);
  w.key("co"); write_names_with_role(w, document, task, Role::Co, false);
  w.key("leads_canonical"); write_names_with_role(w, document, task, Role::Lead, true);
  w.key("co_canonical"); write_names_with_role(w, document, task, Role::Co, true);
  w.key("agencies");
  w.begin_array();
  for (const AgencyMention& mention : task.agencies) {
    w.begin_object();
    w.key("name"); w.value(document.name(mention.name));
    w.key("canonical"); w.value(document.name(mention.canonical));
    w.key("role"); w.value(to_string(mention.role));
    w.key("kind"); w.value(to_string(mention.kind));
    w.end_object();
  }
  w.end_array();
  w.key("annotation"); w.value(document.view(task, task.annotation));
  w.key("deadline");
  if (task.deadline.empty()) w.value(nullptr);
  else w.value(task.deadline);
  w.key("remarks"); write_strings(w, task.remarks);
  if (task.lead_from_first_listed) { w.key("lead_from_first_listed"); w.value(true); }
  w.end_object();
}

// Same members, same order as document_to_json.
void write_document(JsonText& w, const Document& document) {
  w.begin_object();
  w.key("sources");
  w.begin_array();
  for (const Source& source : document.sources) w.value(source.path);
  w.end_array();
  w.key("title"); write_optional(w, document.title);
  w.key("jurisdiction"); write_optional(w, document.jurisdiction);
  w.key("year"); write_optional(w, document.year);
  w.key("encoding"); w.value(document.sources.empty() ? std::string_view("UTF-8") : document.sources.front().encoding);
  w.key("first_listed_is_lead"); w.value(document.first_listed_is_lead);
  w.key("tasks");
  w.begin_array();
  for (const Task& task : document.tasks) {
    write_task(w, document, task);
  }
  w.end_array();
  w.key("skipped");
  w.begin_array();
  for (const SkippedParagraph& s : document.skipped) {
    w.begin_object();
    w.key("source"); w.value(document.sources[s.source].path);
    w.key("line"); w.value(s.line);
    w.key("reason"); w.value(s.reason);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void write_documents_json(std::ostream& out, const std::vector<Document>& documents) {
  JsonText w(out, 1);  // flushed as it grows: memory stays bounded by the largest task
  w.begin_object();
  w.key("documents");
  w.begin_array();
  for (const Document& document : documents) write_document(w, document);
  w.end_array();
  w.end_object();
  w.flush();
}

}  // namespace agencygraph
