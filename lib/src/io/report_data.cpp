#include "io/report_data.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "io/metric_fields.hpp"
#include "io/report_json.hpp"

namespace agencygraph::io::detail {
namespace {

constexpr AgencyKind kKinds[] = {AgencyKind::Department, AgencyKind::Government, AgencyKind::ParkCommittee,
                                 AgencyKind::PartyOrgan, AgencyKind::PeoplesOrganisation, AgencyKind::StateEnterprise,
                                 AgencyKind::School, AgencyKind::Vertical, AgencyKind::Institution,
                                 AgencyKind::Collective};
constexpr LinkKind kLinkKinds[] = {LinkKind::LeadToCo, LinkKind::CoLead, LinkKind::Peer};
// Bridging agencies listed per cluster.
constexpr std::size_t kBridgingPerCluster = 10;

std::string_view policy_name(NoLeadPolicy policy) {
  switch (policy) {
    case NoLeadPolicy::Peers: return "peers";
    case NoLeadPolicy::FirstListed: return "first-listed";
    case NoLeadPolicy::None: return "none";
  }
  return "peers";
}

// Strings met many times (jurisdictions, sections) are written once and referred to by index.
class Interned {
 public:
  std::uint32_t operator()(std::string_view text) {
    const auto [it, added] = index_.emplace(std::string(text), static_cast<std::uint32_t>(strings_.size()));
    if (added) strings_.emplace_back(text);
    return it->second;
  }
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  std::vector<std::string> strings_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

void string_array(HtmlJson& json, const std::vector<std::string>& strings) {
  json.begin_array();
  for (const std::string& s : strings) json.string(s);
  json.end_array();
}

template <typename Range>
void integer_array(HtmlJson& json, const Range& values) {
  json.begin_array();
  for (const auto value : values) json.integer(static_cast<std::int64_t>(value));
  json.end_array();
}

class ReportData {
 public:
  ReportData(const AgencyNetwork& network, const AgencyMetrics& metrics, const ReportInputs& inputs,
             const MapStyle& style, const ReportOptions& options)
      : network_(network), metrics_(metrics), inputs_(inputs), style_(style), options_(options),
        graph_(network.graph), n_(boost::num_vertices(network.graph)) {}

  ReportDataParts write() {
    ReportDataParts parts;
    json_.begin_object();
    json_.key("title");
    json_.string(style_.title);
    summary();
    json_.key("kinds");
    json_.begin_array();
    for (const AgencyKind kind : kKinds) json_.string(to_string(kind));
    json_.end_array();
    json_.key("linkKinds");
    json_.begin_array();
    for (const LinkKind kind : kLinkKinds) json_.string(to_string(kind));
    json_.end_array();
    documents();
    measures(json_, true);
    clusters();
    map();
    json_.key("notes");
    string_array(json_, metrics_.notes);
    json_.end_object();
    parts.core = std::move(json_.text());
    HtmlJson agency_rows;
    agency_rows.begin_object();
    agencies(agency_rows);
    agency_rows.end_object();
    parts.agencies = std::move(agency_rows.text());
    HtmlJson all_measures;
    all_measures.begin_object();
    measures(all_measures, false);
    all_measures.end_object();
    parts.measures = std::move(all_measures.text());
    parts.task_blocks = tasks();
    parts.extra = extra();
    return parts;
  }

 private:
  bool has_clusters() const { return metrics_.community.size() == n_; }

  void summary() {
    json_.key("summary");
    json_.begin_object();
    json_.key("documents");
    json_.integer(static_cast<std::int64_t>(network_.documents.size()));
    json_.key("tasks");
    json_.integer(static_cast<std::int64_t>(network_.tasks.size()));
    json_.key("agencies");
    json_.integer(static_cast<std::int64_t>(n_));
    json_.key("links");
    json_.integer(static_cast<std::int64_t>(boost::num_edges(graph_)));
    json_.key("modularity");
    if (has_clusters()) json_.number(metrics_.modularity);
    else json_.null();
    json_.key("noLead");
    json_.string(policy_name(options_.network.no_lead));
    json_.key("excludeCollectives");
    json_.boolean(options_.network.exclude_collectives);
    json_.end_object();
  }

  void documents() {
    json_.key("documents");
    json_.begin_array();
    for (const DocumentInfo& doc : network_.documents) {
      json_.begin_array();
      json_.optional_string(doc.title);
      json_.optional_string(doc.jurisdiction);
      json_.optional_integer(doc.year);
      string_array(json_, doc.sources);
      json_.end_array();
    }
    json_.end_array();
  }

  // Each task as [document, number, source, line, section, text, leads, co, owner or -1, peers]:
  // `peers` is 1 when its units are linked as peers. The page derives every link's tasks from these
  // (a lead links to each co unit and to the other leads; a task without a lead links its units as
  // peers when `peers` says so), which is how the network made its links; storing the links of a
  // national network with their tasks would take tens of megabytes more. In blocks of
  // kReportTasksPerBlock tasks, each a JSON array, which the page parses a block at a time.
  std::vector<std::string> tasks() {
    std::vector<char> peers(network_.tasks.size(), 0);
    for (auto [it, end] = boost::edges(graph_); it != end; ++it)
      if (graph_[*it].kind == LinkKind::Peer)
        for (const std::uint32_t t : graph_[*it].tasks) peers[t] = 1;
    sections_("");
    std::vector<std::string> blocks;
    for (std::size_t first = 0; first < network_.tasks.size(); first += kReportTasksPerBlock) {
      HtmlJson json;
      json.begin_array();
      for (std::size_t t = first; t < network_.tasks.size() && t < first + kReportTasksPerBlock; ++t) {
        const TaskInfo& task = network_.tasks[t];
        json.begin_array();
        json.integer(task.document);
        json.string(task.id);
        json.integer(task.source);
        json.integer(task.line);
        json.integer(sections_(inputs_.section(network_.source_path(task), task.line)));
        json.string(task.text);
        integer_array(json, task.leads);
        integer_array(json, task.co);
        json.integer(task.owner ? std::int64_t{*task.owner} : -1);
        json.integer(peers[t]);
        json.end_array();
      }
      json.end_array();
      blocks.push_back(std::move(json.text()));
    }
    return blocks;
  }

  // What only the tasks and the documents table read: the sections, and the extraction summary.
  std::string extra() {
    HtmlJson json;
    json.begin_object();
    json.key("sections");
    string_array(json, sections_.strings());
    extraction(json);
    json.end_object();
    return std::move(json.text());
  }

  // Each agency as [label, jurisdiction index, kind index, lead, co, owner, cluster (1 = largest, 0
  // when not computed), articulation point (0/1), spellings]; spellings is [] when it is the name alone.
  void agencies(HtmlJson& json) const {
    Interned jurisdictions;
    json.key("agencies");
    json.begin_array();
    for (AgencyVertex v = 0; v < n_; ++v) {
      const Agency& a = graph_[v];
      json.begin_array();
      json.string(a.label.empty() ? a.name : a.label);
      json.integer(jurisdictions(a.jurisdiction));
      json.integer(static_cast<std::int64_t>(a.kind));
      json.integer(a.lead_tasks);
      json.integer(a.co_tasks);
      json.integer(a.owner_tasks);
      json.integer(has_clusters() ? metrics_.community[v] + 1 : 0);
      json.integer(metrics_.articulation.size() == n_ && metrics_.articulation[v] ? 1 : 0);
      json.begin_array();
      if (!(a.spellings.size() == 1 && a.spellings.front() == a.name))
        for (const std::string& spelling : a.spellings) json.string(spelling);
      json.end_array();
      json.end_array();
    }
    json.end_array();
    json.key("jurisdictions");
    string_array(json, jurisdictions.strings());
  }

  // Burden alone in the core (search orders its results by it); every computed measure, burden
  // included, as one array by agency in the writers' order (metric_fields.hpp), in a block of its own.
  void measures(HtmlJson& json, bool burden_only) const {
    json.key("measures");
    json.begin_object();
    for_each_measure(metrics_, [&](const char* name, const auto& values) {
      if (values.size() != n_ || n_ == 0 || (burden_only && std::string_view(name) != "burden")) return;
      json.key(name);
      json.begin_array();
      for (const auto value : values) json.number(static_cast<double>(value));
      json.end_array();
    });
    json.end_object();
  }

  // Per cluster (index = cluster - 1): its size and its bridging agencies, the members linked to other
  // clusters, most other clusters first, then most tasks on those links, as
  // [agency, other clusters, tasks on links to them].
  void clusters() {
    json_.key("clusters");
    json_.begin_array();
    if (!has_clusters() || n_ == 0) {
      json_.end_array();
      return;
    }
    const std::vector<std::uint32_t>& community = metrics_.community;
    const std::size_t count = std::size_t{*std::max_element(community.begin(), community.end())} + 1;
    std::vector<std::size_t> size(count, 0);
    for (const std::uint32_t c : community) ++size[c];
    // (agency, other cluster) pairs with the tasks of their links, then counted per agency.
    std::vector<std::pair<std::uint64_t, double>> crossings;
    for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
      const AgencyVertex a = boost::source(*it, graph_), b = boost::target(*it, graph_);
      if (community[a] == community[b]) continue;
      crossings.emplace_back(std::uint64_t{a} << 32 | community[b], graph_[*it].weight);
      crossings.emplace_back(std::uint64_t{b} << 32 | community[a], graph_[*it].weight);
    }
    std::sort(crossings.begin(), crossings.end());
    struct Bridging {
      AgencyVertex agency;
      std::uint32_t clusters = 0;
      double tasks = 0;
    };
    std::vector<std::vector<Bridging>> bridging(count);
    for (std::size_t i = 0; i < crossings.size();) {
      const auto agency = static_cast<AgencyVertex>(crossings[i].first >> 32);
      Bridging b{agency};
      std::uint64_t previous = ~std::uint64_t{0};
      for (; i < crossings.size() && (crossings[i].first >> 32) == agency; ++i) {
        if (crossings[i].first != previous) ++b.clusters;
        previous = crossings[i].first;
        b.tasks += crossings[i].second;
      }
      bridging[community[agency]].push_back(b);
    }
    for (std::size_t c = 0; c < count; ++c) {
      std::vector<Bridging>& list = bridging[c];
      std::stable_sort(list.begin(), list.end(), [](const Bridging& x, const Bridging& y) {
        return x.clusters != y.clusters ? x.clusters > y.clusters : x.tasks > y.tasks;
      });
      json_.begin_array();
      json_.integer(static_cast<std::int64_t>(size[c]));
      json_.begin_array();
      for (std::size_t k = 0; k < list.size() && k < kBridgingPerCluster; ++k) {
        json_.begin_array();
        json_.integer(list[k].agency);
        json_.integer(list[k].clusters);
        json_.number(list[k].tasks);
        json_.end_array();
      }
      json_.end_array();
      json_.integer(static_cast<std::int64_t>(list.size()));  // all bridging members, listed or not
      json_.end_array();
    }
    json_.end_array();
  }

  // The drawn map: nodes as [agency, svg id, labelled 0/1], links as [from, to, kind index, svg id].
  void map() {
    json_.key("map");
    json_.begin_object();
    json_.key("nodes");
    json_.begin_array();
    for (const NodeStyle& node : style_.nodes) {
      json_.begin_array();
      json_.integer(node.vertex);
      json_.string(node.id);
      json_.integer(node.label.empty() ? 0 : 1);
      json_.end_array();
    }
    json_.end_array();
    json_.key("links");
    json_.begin_array();
    for (const EdgeStyle& edge : style_.edges) {
      json_.begin_array();
      json_.integer(boost::source(edge.edge, graph_));
      json_.integer(boost::target(edge.edge, graph_));
      json_.integer(static_cast<std::int64_t>(graph_[edge.edge].kind));
      json_.string(edge.id);
      json_.end_array();
    }
    json_.end_array();
    json_.end_object();
  }

  // Per input document: [path, format, encoding, title, jurisdiction, year, tasks found,
  // skipped as [place, reason index], warnings]; inputs that could not be read as [path, problem].
  void extraction(HtmlJson& json) {
    json.key("extraction");
    json.begin_object();
    json.key("reasons");
    string_array(json, inputs_.reasons());
    json.key("documents");
    json.begin_array();
    for (const ReportInputs::DocumentSummary& doc : inputs_.documents()) {
      json.begin_array();
      json.string(doc.path);
      json.string(doc.format);
      json.string(doc.encoding);
      json.optional_string(doc.title);
      json.optional_string(doc.jurisdiction);
      json.optional_integer(doc.year);
      json.integer(doc.tasks);
      json.begin_array();
      for (const ReportInputs::Skipped& skipped : doc.skipped) {
        json.begin_array();
        json.string(skipped.place);
        json.integer(skipped.reason);
        json.end_array();
      }
      json.end_array();
      string_array(json, doc.warnings);
      json.end_array();
    }
    json.end_array();
    json.key("errors");
    json.begin_array();
    for (const InputError& error : inputs_.errors()) {
      json.begin_array();
      json.string(error.path);
      json.string(error.problem);
      json.end_array();
    }
    json.end_array();
    json.end_object();
  }

  const AgencyNetwork& network_;
  const AgencyMetrics& metrics_;
  const ReportInputs& inputs_;
  const MapStyle& style_;
  const ReportOptions& options_;
  const AgencyGraph& graph_;
  const std::size_t n_;
  HtmlJson json_;
  Interned sections_;
};

}  // namespace

ReportDataParts report_data(const AgencyNetwork& network, const AgencyMetrics& metrics, const ReportInputs& inputs,
                            const MapStyle& style, const ReportOptions& options) {
  return ReportData(network, metrics, inputs, style, options).write();
}

}  // namespace agencygraph::io::detail
