// Builds the agency network from extracted documents in two passes: the first finds the agencies
// (so vertex indices can be sorted before any edge exists), the second turns each task's roles into
// links, accumulated per (source, target, kind) and added to the Boost graph at the end.
#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "agencygraph/graph.hpp"
#include "graph/link_accumulator.hpp"

namespace agencygraph {

std::string_view to_string(LinkKind kind) {
  switch (kind) {
    case LinkKind::LeadToCo: return "lead_to_co";
    case LinkKind::CoLead: return "co_lead";
    case LinkKind::Peer: return "peer";
  }
  return "lead_to_co";
}

namespace {

using detail::LinkAccumulator;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kKindCount = static_cast<std::size_t>(AgencyKind::Collective) + 1;

// An agency while the first pass discovers it; becomes a vertex (or is dropped) afterwards.
struct Candidate {
  std::uint32_t document = 0;        // the first document naming it: its jurisdiction and key
  NameId canonical = 0;              // in that document's name table
  std::array<std::uint32_t, kKindCount> kind_votes{};
  std::vector<std::string_view> spellings;  // views into the documents' name tables
  std::uint32_t vertex = kNone;      // final index, kNone when excluded
  AgencyKind kind = AgencyKind::Department;
};

AgencyKind majority_kind(const std::array<std::uint32_t, kKindCount>& votes) {
  std::size_t best = 0;
  for (std::size_t k = 1; k < kKindCount; ++k)
    if (votes[k] > votes[best]) best = k;
  return static_cast<AgencyKind>(best);
}

// Per document, canonical NameId -> candidate index. Built once; the second pass only indexes it.
struct Discovery {
  std::vector<Candidate> candidates;
  std::vector<std::vector<std::uint32_t>> by_name;  // [document][canonical NameId]
  std::vector<std::string> keys;                    // jurisdiction_key() per document
};

Discovery discover(const std::vector<Document>& documents) {
  Discovery d;
  d.by_name.resize(documents.size());
  d.keys.reserve(documents.size());
  std::unordered_map<std::string, std::uint32_t> index;  // key + '\0' + canonical -> candidate
  std::string lookup;
  for (std::uint32_t doc = 0; doc < documents.size(); ++doc) {
    const Document& document = documents[doc];
    d.keys.push_back(document.jurisdiction_key());
    std::vector<std::uint32_t>& by_name = d.by_name[doc];
    by_name.assign(document.names.size(), kNone);
    // The candidate each printed name was last recorded as a spelling of: one push per pair.
    std::vector<std::uint32_t> spelled_for(document.names.size(), kNone);
    for (const Task& task : document.tasks) {
      for (const AgencyMention& mention : task.agencies) {
        std::uint32_t& slot = by_name.at(mention.canonical);
        if (slot == kNone) {
          lookup.assign(d.keys.back());
          lookup.push_back('\0');
          lookup.append(document.name(mention.canonical));
          auto [it, inserted] = index.try_emplace(lookup, static_cast<std::uint32_t>(d.candidates.size()));
          if (inserted) d.candidates.push_back({doc, mention.canonical, {}, {}, kNone, AgencyKind::Department});
          slot = it->second;
        }
        Candidate& candidate = d.candidates[slot];
        ++candidate.kind_votes[static_cast<std::size_t>(mention.kind)];
        if (spelled_for.at(mention.name) != slot) {
          spelled_for[mention.name] = slot;
          candidate.spellings.push_back(document.name(mention.name));
        }
      }
    }
  }
  return d;
}

// The units of one task by vertex index, after de-duplication and the no-lead policy.
struct TaskRoles {
  std::vector<std::uint32_t> leads, co;
  std::uint32_t owner = kNone;
  bool printed_lead = false;  // the task itself names a lead (before policy and exclusion)
};

class RoleResolver {
 public:
  explicit RoleResolver(std::size_t candidates) : stamp_(candidates, kNone) {}

  // Roles are decided on candidates (the task as printed), then excluded candidates are dropped,
  // so exclude_collectives never changes the counts of the agencies that remain.
  void resolve(const Task& task, std::uint32_t task_index, const std::vector<std::uint32_t>& by_name,
               const std::vector<Candidate>& candidates, NoLeadPolicy policy, TaskRoles& out) {
    leads_.clear();
    co_.clear();
    for (const AgencyMention& mention : task.agencies) {
      if (mention.role != Role::Lead) continue;
      const std::uint32_t c = by_name[mention.canonical];
      if (stamp_[c] == task_index) continue;
      stamp_[c] = task_index;
      leads_.push_back(c);
    }
    for (const AgencyMention& mention : task.agencies) {
      if (mention.role != Role::Co) continue;
      const std::uint32_t c = by_name[mention.canonical];
      if (stamp_[c] == task_index) continue;  // named twice, or a lead already
      stamp_[c] = task_index;
      co_.push_back(c);
    }
    std::uint32_t owner = kNone;
    out.printed_lead = !leads_.empty();
    if (leads_.empty()) {
      if (co_.size() == 1) {
        owner = co_.front();
        co_.clear();
      } else if (co_.size() > 1 && policy == NoLeadPolicy::FirstListed) {
        leads_.push_back(co_.front());
        co_.erase(co_.begin());
      }
    }
    out.leads.clear();
    out.co.clear();
    out.owner = owner == kNone ? kNone : candidates[owner].vertex;
    for (std::uint32_t c : leads_)
      if (candidates[c].vertex != kNone) out.leads.push_back(candidates[c].vertex);
    for (std::uint32_t c : co_)
      if (candidates[c].vertex != kNone) out.co.push_back(candidates[c].vertex);
  }

 private:
  std::vector<std::uint32_t> stamp_;  // last task index a candidate was seen in
  std::vector<std::uint32_t> leads_, co_;
};

void add_pairs(const std::vector<std::uint32_t>& units, LinkKind kind, std::uint32_t task, LinkAccumulator& links) {
  for (std::size_t i = 0; i < units.size(); ++i)
    for (std::size_t j = i + 1; j < units.size(); ++j) links.add(units[i], units[j], kind, task);
}

// Sorts the kept candidates into vertices and fills their static properties.
void make_vertices(const std::vector<Document>& documents, Discovery& d, bool exclude_collectives,
                   AgencyGraph& graph) {
  std::vector<std::uint32_t> kept;
  kept.reserve(d.candidates.size());
  for (std::uint32_t c = 0; c < d.candidates.size(); ++c) {
    Candidate& candidate = d.candidates[c];
    candidate.kind = majority_kind(candidate.kind_votes);
    if (!(exclude_collectives && candidate.kind == AgencyKind::Collective)) kept.push_back(c);
  }
  auto jurisdiction = [&](const Candidate& c) -> std::string_view {
    const auto& j = documents[c.document].jurisdiction;
    return j ? std::string_view(*j) : std::string_view();
  };
  auto name = [&](const Candidate& c) { return documents[c.document].name(c.canonical); };
  std::sort(kept.begin(), kept.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Candidate& x = d.candidates[a];
    const Candidate& y = d.candidates[b];
    if (int r = jurisdiction(x).compare(jurisdiction(y)); r != 0) return r < 0;
    if (int r = name(x).compare(name(y)); r != 0) return r < 0;
    return d.keys[x.document] < d.keys[y.document];
  });
  std::unordered_map<std::string_view, std::uint32_t> name_count;
  name_count.reserve(kept.size());
  for (std::uint32_t c : kept) ++name_count[name(d.candidates[c])];

  if (kept.size() >= (std::size_t{1} << 30)) throw std::length_error("build_network: too many agencies");
  graph = AgencyGraph(kept.size());
  for (std::uint32_t v = 0; v < kept.size(); ++v) {
    Candidate& candidate = d.candidates[kept[v]];
    candidate.vertex = v;
    Agency& agency = graph[v];
    agency.name = std::string(name(candidate));
    agency.jurisdiction = std::string(jurisdiction(candidate));
    agency.label = name_count[name(candidate)] > 1 ? agency.name + "（" + d.keys[candidate.document] + "）" : agency.name;
    agency.kind = candidate.kind;
    std::sort(candidate.spellings.begin(), candidate.spellings.end());
    candidate.spellings.erase(std::unique(candidate.spellings.begin(), candidate.spellings.end()),
                              candidate.spellings.end());
    agency.spellings.assign(candidate.spellings.begin(), candidate.spellings.end());
  }
}

}  // namespace

AgencyNetwork build_network(const std::vector<Document>& documents, const NetworkOptions& options) {
  AgencyNetwork network;
  Discovery d = discover(documents);
  make_vertices(documents, d, options.exclude_collectives, network.graph);

  std::size_t task_total = 0, mention_total = 0;
  for (const Document& document : documents) {
    task_total += document.tasks.size();
    for (const Task& task : document.tasks) mention_total += task.agencies.size();
  }
  if (task_total >= kNone) throw std::length_error("build_network: too many tasks");
  network.tasks.reserve(task_total);
  network.documents.reserve(documents.size());

  LinkAccumulator links;
  links.reserve(mention_total);
  RoleResolver resolver(d.candidates.size());
  TaskRoles roles;
  AgencyGraph& graph = network.graph;
  for (std::uint32_t doc = 0; doc < documents.size(); ++doc) {
    const Document& document = documents[doc];
    DocumentInfo& info = network.documents.emplace_back();
    for (const Source& source : document.sources) info.sources.push_back(source.path);
    info.title = document.title;
    info.jurisdiction = document.jurisdiction;
    info.year = document.year;
    for (const Task& task : document.tasks) {
      const auto t = static_cast<std::uint32_t>(network.tasks.size());
      resolver.resolve(task, t, d.by_name[doc], d.candidates, options.no_lead, roles);
      TaskInfo& task_info = network.tasks.emplace_back();
      task_info.document = doc;
      task_info.id = task.id;
      task_info.source = document.sources.at(task.source).path;
      task_info.line = task.line;
      task_info.text = std::string(document.text(task));
      task_info.leads = roles.leads;
      task_info.co = roles.co;
      if (roles.owner != kNone) task_info.owner = roles.owner;

      // Vertices are met in role order, and each at most once per task: appending keeps tasks sorted.
      for (std::uint32_t v : roles.leads) {
        ++graph[v].lead_tasks;
        graph[v].tasks.push_back(t);
      }
      if (roles.owner != kNone) {
        ++graph[roles.owner].owner_tasks;
        graph[roles.owner].tasks.push_back(t);
      }
      for (std::uint32_t v : roles.co) {
        ++graph[v].co_tasks;
        graph[v].tasks.push_back(t);
      }
      // A task with no lead as printed: its units are peers under Peers (FirstListed gave it a lead).
      if (!roles.printed_lead && roles.leads.empty()) {
        if (options.no_lead == NoLeadPolicy::Peers) add_pairs(roles.co, LinkKind::Peer, t, links);
        continue;
      }
      for (std::uint32_t l : roles.leads)
        for (std::uint32_t c : roles.co) links.add(l, c, LinkKind::LeadToCo, t);
      add_pairs(roles.leads, LinkKind::CoLead, t, links);
    }
  }
  links.emit(graph);
  return network;
}

}  // namespace agencygraph
