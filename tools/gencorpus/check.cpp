#include "check.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include <nlohmann/json.hpp>

namespace agencygraph::gencorpus {
namespace {

using json = nlohmann::json;

json load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    throw std::runtime_error(path + ": not valid JSON: " + e.what());
  }
}

std::string base_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::vector<std::string> names(const json& list) {
  std::vector<std::string> out;
  if (list.is_array())
    for (const json& n : list) out.push_back(n.is_string() ? n.get<std::string>() : n.dump());
  return out;
}

std::string show(const std::vector<std::string>& list) {
  std::string out = "[";
  for (std::size_t i = 0; i < list.size(); ++i) out += (i ? "、" : "") + list[i];
  return out + "]";
}

std::string show_json(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// What differs between two name lists, in words: missing and unexpected names, or only the order.
std::string difference(const std::vector<std::string>& expected, const std::vector<std::string>& got) {
  std::multiset<std::string> e(expected.begin(), expected.end()), g(got.begin(), got.end());
  if (e == g) return "same names, different order: expected " + show(expected) + " got " + show(got);
  std::vector<std::string> missing, unexpected;
  for (const std::string& n : expected)
    if (auto it = g.find(n); it != g.end()) g.erase(it); else missing.push_back(n);
  for (const std::string& n : got)
    if (auto it = e.find(n); it != e.end()) e.erase(it); else unexpected.push_back(n);
  std::string out;
  if (!missing.size() && !unexpected.size()) return "different order";
  if (!missing.empty()) out += "missing " + show(missing);
  if (!unexpected.empty()) out += std::string(out.empty() ? "" : ", ") + "unexpected " + show(unexpected);
  return out;
}

struct ParsedTask {
  std::uint32_t line = 0;
  std::vector<std::string> leads, co, leaders;
  bool seen = false;
};

struct Tally {
  std::size_t tasks = 0, wrong = 0;
};

}  // namespace

int check(const std::string& planted_path, const std::string& parse_path, const CheckOptions& options, std::ostream& out) {
  const json planted = load(planted_path);
  const json parsed = load(parse_path);
  if (!planted.contains("documents") || !planted["documents"].is_object())
    throw std::runtime_error(planted_path + ": no \"documents\" object (not a planted.json?)");
  if (!parsed.contains("documents") || !parsed["documents"].is_array())
    throw std::runtime_error(parse_path + ": no \"documents\" array (not `agencygraph parse` output?)");

  // Index the parse output by file name (directories differ between runs) and task id.
  std::map<std::string, const json*> document_of;
  std::map<std::pair<std::string, std::string>, ParsedTask> tasks;
  std::size_t reported = 0, problems = 0;
  auto report = [&](const std::string& line) {
    ++problems;
    if (reported++ < options.max_report) out << line << '\n';
  };
  for (const json& document : parsed["documents"]) {
    for (const json& source : document.value("sources", json::array())) document_of[base_name(source.get<std::string>())] = &document;
    for (const json& task : document.value("tasks", json::array())) {
      const std::string file = base_name(task.value("source", ""));
      const std::string id = show_json(task.value("id", json("")));
      ParsedTask entry{task.value("line", 0u), names(task.value("leads", json::array())), names(task.value("co", json::array())),
                       names(task.value("leaders", json::array())), false};
      if (!tasks.emplace(std::make_pair(file, id), std::move(entry)).second) report(file + " task " + id + ": extracted twice");
    }
  }

  std::size_t planted_tasks = 0, exact = 0, missing_tasks = 0, document_problems = 0;
  std::map<std::string, Tally> by_format, by_feature;
  for (const auto& [file, document] : planted["documents"].items()) {
    const auto found = document_of.find(file);
    if (found == document_of.end()) {
      report(file + ": not in the parse output");
      ++document_problems;
    } else {
      const json& got = *found->second;
      for (const char* field : {"title", "jurisdiction", "year"}) {
        const json expected = document.value(field, json(nullptr));
        const json actual = got.value(field, json(nullptr));
        // An unknown jurisdiction (no title line) may be inferred from the text; anything else must match.
        if (expected.is_null() && std::string(field) != "title") continue;
        if (expected != actual) {
          report(file + ": " + field + " expected " + show_json(expected) + " got " + show_json(actual));
          ++document_problems;
        }
      }
    }
    for (const json& task : document["tasks"]) {
      ++planted_tasks;
      const std::string id = show_json(task["id"]);
      const std::string format = task.value("format", "?");
      const std::vector<std::string> features = names(task.value("features", json::array()));
      const std::string where = file + ":" + std::to_string(task.value("line", 0u)) + " task " + id + " [" + format +
                                (features.empty() ? "" : "; " + show(features)) + "]";
      by_format[format].tasks++;
      for (const std::string& f : features) by_feature[f].tasks++;
      auto wrong = [&] {
        by_format[format].wrong++;
        for (const std::string& f : features) by_feature[f].wrong++;
      };
      const auto it = tasks.find({file, id});
      if (it == tasks.end()) {
        ++missing_tasks;
        wrong();
        report(where + ": not extracted");
        continue;
      }
      it->second.seen = true;
      const std::vector<std::string> leads = names(task["leads"]), co = names(task["co"]);
      std::string problem;
      if (it->second.leads != leads) problem += "; leads: " + difference(leads, it->second.leads);
      if (it->second.co != co) problem += "; co: " + difference(co, it->second.co);
      // Plants of --layouts say who answers for each task (none, mostly); older plants do not.
      if (task.contains("leaders") && it->second.leaders != names(task["leaders"]))
        problem += "; leaders: " + difference(names(task["leaders"]), it->second.leaders);
      if (it->second.line != task.value("line", 0u))
        problem += "; line " + std::to_string(it->second.line) + " instead of " + std::to_string(task.value("line", 0u));
      if (problem.empty()) {
        ++exact;
      } else {
        wrong();
        report(where + problem);
      }
    }
  }
  std::size_t extra = 0;
  for (const auto& [key, task] : tasks) {
    if (task.seen || !planted["documents"].contains(key.first)) continue;
    ++extra;
    report(key.first + ":" + std::to_string(task.line) + " task " + key.second + ": extracted but not planted");
  }
  if (reported > options.max_report) out << "… " << (reported - options.max_report) << " more problems not shown\n";

  out << "tasks: " << planted_tasks << " planted, " << exact << " exact, " << (planted_tasks - exact - missing_tasks)
      << " wrong, " << missing_tasks << " not extracted, " << extra << " extracted but not planted; "
      << document_problems << " document-level problems\n";
  auto table = [&](const char* what, const std::map<std::string, Tally>& tallies) {
    out << what << ":";
    for (const auto& [name, t] : tallies) out << ' ' << name << ' ' << (t.tasks - t.wrong) << '/' << t.tasks;
    out << '\n';
  };
  table("exact by format", by_format);
  table("exact by feature", by_feature);
  return problems == 0 ? 0 : 1;
}

}  // namespace agencygraph::gencorpus
