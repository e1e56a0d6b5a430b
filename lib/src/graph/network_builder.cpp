// NetworkBuilder: the agency network one document at a time. Each document's agencies become
// candidates (keyed by jurisdiction and canonical name, owning their strings), its tasks become
// TaskInfo records and link occurrences, and then the document can go. Only finish() knows every
// agency, so only finish() decides kinds (by majority over all mentions), drops excluded collectives,
// sorts the vertices and puts tasks in document order; until then tasks and link occurrences refer
// to candidates and to tasks in arrival order.
#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <future>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"
#include "extract/page_numbering.hpp"
#include "graph/block_store.hpp"
#include "graph/link_accumulator.hpp"
#include "release_memory.hpp"

namespace agencygraph {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kKindCount = static_cast<std::size_t>(AgencyKind::Collective) + 1;

AgencyKind majority_kind(const std::array<std::uint32_t, kKindCount>& votes) {
  std::size_t best = 0;
  for (std::size_t k = 1; k < kKindCount; ++k)
    if (votes[k] > votes[best]) best = k;
  return static_cast<AgencyKind>(best);
}

// Where agencies are keyed: a jurisdiction, or for a document without one "?" + its first source path.
struct KeyRecord {
  std::string key;
  std::string jurisdiction;  // empty when unknown
};

struct Candidate {
  std::uint32_t key = 0;  // index into keys
  std::string name;       // canonical
  std::array<std::uint32_t, kKindCount> kind_votes{};
  std::vector<std::string> spellings;  // as printed; distinct within a document, made distinct at finish
  std::uint32_t vertex = kNone;        // set by finish(); kNone when excluded
  // Its tasks as lead, co and owner, counted as they come: the vertex's counts, kept or not its task list.
  std::array<std::uint32_t, 3> role_tasks{};
};

// Finds a jurisdiction's candidates by canonical name without a second copy of the name: each key has
// a set of candidate numbers that hashes and compares through the candidates themselves. (A map from
// a "key + name" string held each of a national corpus's few hundred thousand names twice; one set
// for all keys made every lookup a walk through a table of them all, missing the cache.)
struct CandidateLookup {
  using is_transparent = void;
  const std::vector<Candidate>* candidates;

  std::string_view name(std::uint32_t c) const { return (*candidates)[c].name; }
  std::size_t operator()(std::string_view n) const { return std::hash<std::string_view>{}(n); }
  std::size_t operator()(std::uint32_t c) const { return (*this)(name(c)); }
  bool operator()(std::uint32_t a, std::uint32_t b) const { return name(a) == name(b); }
  bool operator()(std::string_view a, std::uint32_t b) const { return a == name(b); }
  bool operator()(std::uint32_t a, std::string_view b) const { return name(a) == b; }
};
using CandidateSet = std::unordered_set<std::uint32_t, CandidateLookup, CandidateLookup>;

// A link occurrence while candidates are not yet vertices: (a, b << 2 | kind, task), a and b candidates.
using Occurrence = detail::LinkAccumulator::Occurrence;

// The units of one task by candidate, after de-duplication and the no-lead policy.
struct TaskRoles {
  std::vector<std::uint32_t> leads, co;
  std::uint32_t owner = kNone;
  bool printed_lead = false;  // the task itself names a lead
};

}  // namespace

struct NetworkBuilder::State {
  NetworkOptions options;
  bool merge_pages = false;
  AgencyNetwork network;  // documents (and, from finish(), tasks)
  detail::BlockStore<TaskInfo> arrived;  // tasks by arrival index, units by candidate until finish()
  detail::BlockStore<PackedString> arrived_ids;  // their numbers instead, without task records
  // Without task records but with task lists (NetworkOptions::keep_task_lists): (candidate, arrival
  // index) for each unit of each task, from which finish() makes the agencies' task lists.
  detail::BlockStore<std::pair<std::uint32_t, std::uint32_t>> unit_tasks;
  std::uint32_t task_count = 0;
  std::vector<std::uint32_t> document_key;          // per document: index into keys
  std::vector<std::vector<std::uint32_t>> document_tasks;  // per document: task indices in arrival order
  detail::PageGrouping pages;  // which merged document each source goes into
  // Pages compare tasks by number and a hash of their text (64 bits: a collision between two different
  // texts under one number in one document is not a practical concern), so that the texts themselves
  // need not be kept when nothing will show them (their size at scale: docs/performance.md).
  detail::BlockStore<std::uint64_t, 16384> task_text_hash;  // by arrival index
  static std::uint64_t text_hash(std::string_view text) { return std::hash<std::string_view>{}(text); }
  std::string_view task_id(std::uint32_t t) const {
    return options.keep_task_records ? arrived[t].id.view() : arrived_ids[t].view();
  }
  std::map<std::uint32_t, std::set<std::pair<std::string, std::uint64_t>>> page_task_keys;  // documents with pages

  std::vector<KeyRecord> keys;
  std::unordered_map<std::string, std::uint32_t> key_index;
  std::vector<Candidate> candidates;
  std::vector<CandidateSet> candidate_index;  // by key
  detail::BlockStore<Occurrence, 32768> occurrences;
  std::vector<std::uint32_t> stamp;  // per candidate: the last task that named it
  std::vector<std::uint32_t> section_of;  // the document being added: its section -> the merged document's
  TaskRoles roles;
  // The document being added: its tasks may come in batches (add_tasks) before add() closes it.
  struct OpenDocument {
    bool open = false;
    std::uint32_t doc = 0;  // the merged document it goes into
    std::vector<std::uint32_t> by_name;      // its canonical names -> candidates
    std::vector<std::uint32_t> spelled_for;  // its names as printed -> the candidate last given them
    std::set<std::pair<std::string, std::uint64_t>>* present = nullptr;  // a page: the tasks already there
  } current;
  bool finished = false;

  std::uint32_t intern_key(const Document& document) {
    std::string key = document.jurisdiction_key();
    auto [it, inserted] = key_index.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (inserted) {
      keys.push_back({std::move(key), document.jurisdiction.value_or("")});
      candidate_index.emplace_back(0, CandidateLookup{&candidates}, CandidateLookup{&candidates});
    }
    return it->second;
  }

  std::uint32_t candidate(std::uint32_t key, std::string_view name) {
    CandidateSet& index = candidate_index[key];
    if (const auto it = index.find(name); it != index.end()) return *it;
    const auto c = static_cast<std::uint32_t>(candidates.size());
    candidates.push_back({key, std::string(name), {}, {}, kNone});
    stamp.push_back(kNone);
    index.insert(c);
    return c;
  }

  // restarts_numbering() of extract.hpp, against an earlier document of which only the task numbers and
  // text hashes are kept: whether `page`, whose first task is `first` (none: it has no tasks), restarts
  // the numbering of merged document `earlier`.
  bool page_restarts_numbering(std::uint32_t earlier, const Document& page, const Task* first) const {
    if (first == nullptr) return false;
    const std::uint64_t hash = text_hash(page.text(*first));
    return detail::numbering_restarts(
        first->id, document_tasks[earlier], [&](std::uint32_t t) { return task_id(t); },
        [&](std::uint32_t t) { return task_text_hash[t] == hash; });
  }

  // The merged document a source belongs to; a new one unless it is a further page of an earlier
  // document with its title (and jurisdiction), as merge_pages() decides (is_further_page).
  std::uint32_t document_for(const Document& document, const Task* first, bool& is_page) {
    is_page = false;
    const auto index = static_cast<std::uint32_t>(network.documents.size());
    if (merge_pages) {
      const auto placement =
          pages.place(document, index, [&](std::uint32_t i) { return page_restarts_numbering(i, document, first); });
      if (placement.is_page) {
        is_page = true;
        return placement.document;
      }
    }
    DocumentInfo& info = network.documents.emplace_back();
    info.title = document.title;
    info.jurisdiction = document.jurisdiction;
    info.year = document.year;
    document_key.push_back(intern_key(document));
    document_tasks.emplace_back();
    return index;
  }

  // The document's sections not mapped yet into the merged document's (a page's headings after the
  // pages' before it, a heading path already there kept once): extends section_of. A document read
  // in batches has more sections with each batch.
  void map_sections(const Document& document, DocumentInfo& info) {
    const std::size_t mapped = std::max<std::size_t>(section_of.size(), 1);
    section_of.resize(document.sections.size(), 0);
    for (std::size_t s = mapped; s < document.sections.size(); ++s) {
      const auto& path = document.sections[s];
      auto it = std::find(info.sections.begin() + 1, info.sections.end(), path);
      section_of[s] = static_cast<std::uint32_t>(it - info.sections.begin());
      if (it == info.sections.end()) info.sections.push_back(path);
    }
  }

  // Roles are decided on candidates (the task as printed); exclusion happens in finish(), so
  // exclude_collectives never changes the counts of the agencies that remain.
  void resolve(const Task& task, std::uint32_t t, const std::vector<std::uint32_t>& by_name) {
    roles.leads.clear();
    roles.co.clear();
    for (const AgencyMention& mention : task.agencies) {
      if (mention.role != Role::Lead) continue;
      const std::uint32_t c = by_name[mention.canonical];
      if (stamp[c] == t) continue;
      stamp[c] = t;
      roles.leads.push_back(c);
    }
    for (const AgencyMention& mention : task.agencies) {
      if (mention.role != Role::Co) continue;
      const std::uint32_t c = by_name[mention.canonical];
      if (stamp[c] == t) continue;  // named twice, or a lead already
      stamp[c] = t;
      roles.co.push_back(c);
    }
    roles.owner = kNone;
    roles.printed_lead = !roles.leads.empty();
    if (roles.leads.empty()) {
      if (roles.co.size() == 1) {
        roles.owner = roles.co.front();
        roles.co.clear();
      } else if (roles.co.size() > 1 && options.no_lead == NoLeadPolicy::FirstListed) {
        roles.leads.push_back(roles.co.front());
        roles.co.erase(roles.co.begin());
      }
    }
  }

  void link(std::uint32_t a, std::uint32_t b, LinkKind kind, std::uint32_t t) {
    occurrences.push_back({a, b << 2 | static_cast<std::uint32_t>(kind), t});
  }

  void add_task(const Document& document, const Task& task, std::uint64_t hash, std::uint32_t doc,
                const std::vector<std::uint32_t>& by_name) {
    const std::uint32_t t = task_count;
    if (t == kNone) throw std::length_error("NetworkBuilder: too many tasks");
    resolve(task, t, by_name);
    ++task_count;
    task_text_hash.push_back(hash);  // computed by add(), which matches pages by it
    document_tasks[doc].push_back(t);
    for (std::uint32_t c : roles.leads) ++candidates[c].role_tasks[0];
    for (std::uint32_t c : roles.co) ++candidates[c].role_tasks[1];
    if (roles.owner != kNone) ++candidates[roles.owner].role_tasks[2];
    if (options.keep_task_records) {
      record_task(document, task, doc);
    } else {
      arrived_ids.push_back(task.id);
      if (options.keep_task_lists) note_units(t);
    }
    // A task with no lead as printed: its units are peers under Peers (FirstListed gave it a lead).
    if (!roles.printed_lead && roles.leads.empty()) {
      if (options.no_lead == NoLeadPolicy::Peers && clique_allowed(document, task, roles.co.size(), "peers"))
        for (std::size_t i = 0; i < roles.co.size(); ++i)
          for (std::size_t j = i + 1; j < roles.co.size(); ++j) link(roles.co[i], roles.co[j], LinkKind::Peer, t);
      return;
    }
    for (std::uint32_t l : roles.leads)
      for (std::uint32_t c : roles.co) link(l, c, LinkKind::LeadToCo, t);
    if (clique_allowed(document, task, roles.leads.size(), "co-leads"))
      for (std::size_t i = 0; i < roles.leads.size(); ++i)
        for (std::size_t j = i + 1; j < roles.leads.size(); ++j) link(roles.leads[i], roles.leads[j], LinkKind::CoLead, t);
  }

  // The task's record, its units as resolve() left them in `roles`.
  void record_task(const Document& document, const Task& task, std::uint32_t doc) {
    TaskInfo& info = arrived.emplace_back();
    info.document = doc;
    info.id = task.id;
    // Sources of later pages follow those already in the merged document.
    info.source = static_cast<std::uint32_t>(network.documents[doc].sources.size() - document.sources.size() + task.source);
    info.line = task.line;
    if (const Source& source = document.sources[task.source]; !source.places.empty()) info.place = source.place(task.line);
    info.section = task.section < section_of.size() ? section_of[task.section] : 0;
    if (options.keep_task_texts) info.text = std::string(document.text(task));
    info.leads = IndexList(roles.leads.begin(), roles.leads.end());
    info.co = IndexList(roles.co.begin(), roles.co.end());
    if (roles.owner != kNone) info.owner = roles.owner;
  }

  // The units of task t as resolve() left them in `roles`, for its agencies' task lists.
  void note_units(std::uint32_t t) {
    for (std::uint32_t c : roles.leads) unit_tasks.push_back({c, t});
    if (roles.owner != kNone) unit_tasks.push_back({roles.owner, t});
    for (std::uint32_t c : roles.co) unit_tasks.push_back({c, t});
  }

  // Whether `units` units of a task may be linked pairwise (NetworkOptions::max_clique_units); a
  // warning names the task otherwise.
  bool clique_allowed(const Document& document, const Task& task, std::size_t units, const char* what) {
    if (options.max_clique_units == 0 || units <= options.max_clique_units) return true;
    const std::string path = task.source < document.sources.size() ? document.sources[task.source].path : "";
    network.warnings.push_back(path + ":" + std::to_string(task.line) + ": task " + task.id + " has " +
                               std::to_string(units) + " " + what + ", more than the " +
                               std::to_string(options.max_clique_units) +
                               " linked pairwise (--max-clique-units): they are not linked to each other");
    return false;
  }

  // Opens `document` (its first task `first`, if any): its merged document, its sources, and this
  // document's lookups from names to candidates.
  void open(const Document& document, const Task* first) {
    bool is_page = false;
    current.doc = document_for(document, first, is_page);
    current.open = true;
    for (const Source& source : document.sources) network.documents[current.doc].sources.push_back(source.path);
    section_of.clear();
    current.by_name.clear();
    current.spelled_for.clear();
    // A page repeats tasks printed on the page before; one already present (same number and text) is kept once.
    current.present = nullptr;
    if (is_page) {
      current.present = &page_task_keys[current.doc];
      if (current.present->empty())
        for (std::uint32_t t : document_tasks[current.doc]) current.present->emplace(task_id(t), task_text_hash[t]);
    }
  }

  // The next tasks of the open document, which is read as far as `document` holds (its names and
  // sections may have grown since the last call).
  void add_tasks(const Document& document, std::span<const Task> tasks) {
    const std::uint32_t doc = current.doc;
    const std::uint32_t key = document_key[doc];
    map_sections(document, network.documents[doc]);
    // This document's canonical names -> candidates, and each candidate's spellings once per document.
    current.by_name.resize(document.names.size(), kNone);
    current.spelled_for.resize(document.names.size(), kNone);
    for (const Task& task : tasks) {
      const std::uint64_t hash = text_hash(document.text(task));
      if (current.present != nullptr && !current.present->emplace(task.id, hash).second) continue;
      for (const AgencyMention& mention : task.agencies) {
        std::uint32_t& slot = current.by_name.at(mention.canonical);
        if (slot == kNone) slot = candidate(key, document.name(mention.canonical));
        Candidate& c = candidates[slot];
        ++c.kind_votes[static_cast<std::size_t>(mention.kind)];
        if (current.spelled_for.at(mention.name) != slot) {
          current.spelled_for[mention.name] = slot;
          c.spellings.emplace_back(document.name(mention.name));
        }
      }
      add_task(document, task, hash, doc, current.by_name);
    }
  }

  void add(const Document& document) {
    if (!current.open) open(document, document.tasks.empty() ? nullptr : &document.tasks.front());
    add_tasks(document, document.tasks);
    current.open = false;
  }

  void add_tasks_of_open(const Document& so_far, std::span<const Task> tasks) {
    if (!current.open) {
      if (tasks.empty()) return;  // opened by the first batch with tasks, or by add()
      open(so_far, &tasks.front());
    }
    add_tasks(so_far, tasks);
  }

  // Decides kinds and exclusion and sorts the kept candidates into vertices (by jurisdiction, then
  // canonical name, then key, bytewise): sets Candidate::vertex and returns the kept candidates by
  // vertex. No Agency exists yet, so that the graph can be built first (see finish()).
  std::vector<std::uint32_t> number_vertices(std::vector<AgencyKind>& kinds) {
    kinds.resize(candidates.size());
    std::vector<std::uint32_t> kept;
    kept.reserve(candidates.size());
    for (std::uint32_t c = 0; c < candidates.size(); ++c) {
      kinds[c] = majority_kind(candidates[c].kind_votes);
      if (!(options.exclude_collectives && kinds[c] == AgencyKind::Collective)) kept.push_back(c);
    }
    // The order is (jurisdiction, name, key). The few thousand keys are ranked first, by jurisdiction
    // and by key; the candidates are then bucketed by their jurisdiction's rank (a counting sort) and
    // each bucket, a jurisdiction's agencies, sorted by (name, key rank). Sorting all of them with the
    // jurisdictions compared as strings took a quarter of finish() at 3,000 documents.
    std::vector<std::uint32_t> by_jurisdiction(keys.size()), by_key(keys.size());
    std::iota(by_jurisdiction.begin(), by_jurisdiction.end(), 0u);
    std::sort(by_jurisdiction.begin(), by_jurisdiction.end(),
              [&](std::uint32_t a, std::uint32_t b) { return keys[a].jurisdiction < keys[b].jurisdiction; });
    std::vector<std::uint32_t> jurisdiction_rank(keys.size()), key_rank(keys.size());
    for (std::uint32_t i = 0, rank = 0; i < by_jurisdiction.size(); ++i) {
      if (i > 0 && keys[by_jurisdiction[i]].jurisdiction != keys[by_jurisdiction[i - 1]].jurisdiction) ++rank;
      jurisdiction_rank[by_jurisdiction[i]] = rank;
    }
    std::iota(by_key.begin(), by_key.end(), 0u);
    std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t a, std::uint32_t b) { return keys[a].key < keys[b].key; });
    for (std::uint32_t i = 0; i < by_key.size(); ++i) key_rank[by_key[i]] = i;  // keys are distinct
    std::vector<std::size_t> start(keys.size() + 1, 0);
    for (std::uint32_t c : kept) ++start[jurisdiction_rank[candidates[c].key] + 1];
    for (std::size_t r = 0; r < keys.size(); ++r) start[r + 1] += start[r];
    {
      std::vector<std::uint32_t> bucketed(kept.size());
      std::vector<std::size_t> next(start.begin(), start.end() - 1);
      for (std::uint32_t c : kept) bucketed[next[jurisdiction_rank[candidates[c].key]]++] = c;
      kept = std::move(bucketed);
    }
    for (std::size_t r = 0; r < keys.size(); ++r) {
      std::sort(kept.begin() + static_cast<std::ptrdiff_t>(start[r]), kept.begin() + static_cast<std::ptrdiff_t>(start[r + 1]),
                [&](std::uint32_t a, std::uint32_t b) {
                  const Candidate& x = candidates[a];
                  const Candidate& y = candidates[b];
                  if (int r2 = x.name.compare(y.name); r2 != 0) return r2 < 0;
                  return key_rank[x.key] < key_rank[y.key];
                });
    }
    if (kept.size() >= (std::size_t{1} << 30)) throw std::length_error("build_network: too many agencies");
    for (std::uint32_t v = 0; v < kept.size(); ++v) candidates[kept[v]].vertex = v;
    return kept;
  }

  // The vertices' records without their task counts, moving names and spellings out of the candidates.
  std::vector<Agency> make_agencies(const std::vector<std::uint32_t>& kept, const std::vector<AgencyKind>& kinds) {
    std::unordered_map<std::string_view, std::uint32_t> name_count;
    name_count.reserve(kept.size());
    for (std::uint32_t c : kept) ++name_count[candidates[c].name];
    std::vector<Agency> agencies(kept.size());
    for (std::size_t v = 0; v < kept.size(); ++v) {
      Candidate& c = candidates[kept[v]];
      Agency& agency = agencies[v];
      agency.label = name_count[c.name] > 1 ? c.name + "（" + keys[c.key].key + "）" : c.name;
      agency.jurisdiction = keys[c.key].jurisdiction;
      agency.kind = kinds[kept[v]];
      std::sort(c.spellings.begin(), c.spellings.end());
      c.spellings.erase(std::unique(c.spellings.begin(), c.spellings.end()), c.spellings.end());
      agency.spellings = std::move(c.spellings);
    }
    detail::release(name_count);  // its keys view the names about to move
    for (std::size_t v = 0; v < kept.size(); ++v) agencies[v].name = std::move(candidates[kept[v]].name);
    return agencies;
  }

  // Tasks in document order (pages of a document follow its first page), units by vertex; returns
  // the new index of each task by arrival index. The vertices' task lists come later (list_tasks).
  std::vector<std::uint32_t> order_tasks(const std::vector<std::uint32_t>& vertex_of) {
    std::vector<std::uint32_t> order;  // arrival indices in final order
    order.reserve(arrived.size());
    for (const std::vector<std::uint32_t>& document : document_tasks) order.insert(order.end(), document.begin(), document.end());
    detail::release(document_tasks);
    network.tasks = arrived.take(order);
    std::vector<std::uint32_t> new_index(order.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) new_index[order[i]] = i;
    auto to_vertices = [&](IndexList& units) {
      std::size_t kept = 0;
      for (std::uint32_t c : units)
        if (vertex_of[c] != kNone) units[kept++] = vertex_of[c];
      units.resize(kept);
    };
    for (TaskInfo& task : network.tasks) {
      to_vertices(task.leads);
      to_vertices(task.co);
      if (task.owner) {
        const std::uint32_t v = vertex_of[*task.owner];
        if (v == kNone) task.owner.reset();
        else task.owner = v;
      }
    }
    return new_index;
  }

  // The final index of each task by arrival index, without task records: as order_tasks() orders them.
  std::vector<std::uint32_t> final_task_indices() {
    std::vector<std::uint32_t> new_index(task_count);
    std::uint32_t next = 0;
    for (const std::vector<std::uint32_t>& document : document_tasks)
      for (const std::uint32_t t : document) new_index[t] = next++;
    return new_index;
  }

  // Each vertex's task list without task records, from the units noted as tasks came (note_units).
  void list_noted_tasks(const std::vector<std::uint32_t>& vertex_of, const std::vector<std::uint32_t>& new_index) {
    AgencyGraph& graph = network.graph;
    for (AgencyVertex v = 0; v < boost::num_vertices(graph); ++v)
      graph[v].tasks.reserve(std::size_t{graph[v].lead_tasks} + graph[v].co_tasks + graph[v].owner_tasks);
    for (std::size_t i = 0; i < unit_tasks.size(); ++i) {
      const auto [c, t] = unit_tasks[i];
      if (const std::uint32_t v = vertex_of[c]; v != kNone) graph[v].tasks.push_back(new_index[t]);
    }
    unit_tasks.clear();
    // Arrival order is final order but where pages of a document came apart.
    for (AgencyVertex v = 0; v < boost::num_vertices(graph); ++v)
      if (!std::is_sorted(graph[v].tasks.begin(), graph[v].tasks.end())) std::sort(graph[v].tasks.begin(), graph[v].tasks.end());
  }

  // Each vertex's task list, from the tasks in their final order; its counts (set already) give each
  // list's exact length, so that none holds the room of a doubling.
  void list_tasks() {
    AgencyGraph& graph = network.graph;
    for (AgencyVertex v = 0; v < boost::num_vertices(graph); ++v)
      graph[v].tasks.reserve(std::size_t{graph[v].lead_tasks} + graph[v].co_tasks + graph[v].owner_tasks);
    for (std::uint32_t t = 0; t < network.tasks.size(); ++t) {
      const TaskInfo& task = network.tasks[t];
      // Tasks are visited in order and a vertex at most once per task: appending keeps lists sorted.
      for (std::uint32_t v : task.leads) graph[v].tasks.push_back(t);
      if (task.owner) graph[*task.owner].tasks.push_back(t);
      for (std::uint32_t v : task.co) graph[v].tasks.push_back(t);
    }
  }

  AgencyNetwork finish() {
    if (finished) throw std::logic_error("NetworkBuilder::finish called twice");
    if (current.open) throw std::logic_error("NetworkBuilder::finish while a document's tasks are coming (add_tasks without add)");
    finished = true;
    // The vertices are numbered first. Then the agencies' records and the links, which need nothing
    // of each other until the records go into the graph, are made on two threads. (The records then
    // exist twice for a moment, well below the analysis's peak.)
    std::vector<AgencyKind> kinds;
    const std::vector<std::uint32_t> kept = number_vertices(kinds);
    std::vector<std::uint32_t> vertex_of(candidates.size());
    for (std::size_t c = 0; c < candidates.size(); ++c) vertex_of[c] = candidates[c].vertex;
    auto agencies = std::async(std::launch::async, [&] {
      detail::release(candidate_index);  // it hashes through `candidates`, emptied next
      return make_agencies(kept, kinds);
    });
    const bool records = options.keep_task_records;
    const bool lists = records || options.keep_task_lists;
    const std::vector<std::uint32_t> new_index =
        records ? order_tasks(vertex_of) : lists ? final_task_indices() : std::vector<std::uint32_t>{};
    if (!records) detail::release(document_tasks);  // order_tasks() frees it once used
    task_text_hash.clear();
    arrived_ids.clear();
    detail::LinkAccumulator links;
    links.take(occurrences.take(), [&](std::uint32_t c) { return vertex_of[c]; },
               [&](std::uint32_t t) { return lists ? new_index[t] : t; }, kNone);
    network.graph = links.build(kept.size(), lists);
    {
      std::vector<Agency> made = agencies.get();
      for (AgencyVertex v = 0; v < made.size(); ++v) network.graph[v] = std::move(made[v]);
    }
    for (AgencyVertex v = 0; v < kept.size(); ++v) {
      const Candidate& c = candidates[kept[v]];
      network.graph[v].lead_tasks = c.role_tasks[0];
      network.graph[v].co_tasks = c.role_tasks[1];
      network.graph[v].owner_tasks = c.role_tasks[2];
    }
    detail::release(candidates);
    detail::release(stamp);
    if (records) list_tasks();
    else if (lists) list_noted_tasks(vertex_of, new_index);
    return std::move(network);
  }
};

NetworkBuilder::NetworkBuilder(const NetworkOptions& options, bool merge_pages) : state_(std::make_unique<State>()) {
  state_->options = options;
  state_->merge_pages = merge_pages;
}

NetworkBuilder::~NetworkBuilder() = default;
NetworkBuilder::NetworkBuilder(NetworkBuilder&&) noexcept = default;
NetworkBuilder& NetworkBuilder::operator=(NetworkBuilder&&) noexcept = default;

void NetworkBuilder::add(const Document& document) {
  if (state_->finished) throw std::logic_error("NetworkBuilder::add after finish");
  state_->add(document);
}

void NetworkBuilder::add_tasks(const Document& so_far, std::span<const Task> tasks) {
  if (state_->finished) throw std::logic_error("NetworkBuilder::add_tasks after finish");
  state_->add_tasks_of_open(so_far, tasks);
}

AgencyNetwork NetworkBuilder::finish() { return state_->finish(); }

AgencyNetwork build_network(const std::vector<Document>& documents, const NetworkOptions& options) {
  NetworkBuilder builder(options);
  for (const Document& document : documents) builder.add(document);
  return builder.finish();
}

}  // namespace agencygraph
