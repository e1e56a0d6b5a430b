#include "agencygraph/io/document_json.hpp"

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
