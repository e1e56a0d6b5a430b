#include "agencygraph/io/map_style.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_set>

#include <unicode/utf8.h>

#include "io/visible_text.hpp"

namespace agencygraph::io {
namespace {

// ColorBrewer Set3 without its grey: light fills that keep black text readable, distinguishable in print.
constexpr Rgb kPalette[kClusterPalette] = {
    {0x8d, 0xd3, 0xc7}, {0xff, 0xff, 0xb3}, {0xbe, 0xba, 0xda}, {0xfb, 0x80, 0x72}, {0x80, 0xb1, 0xd3},
    {0xfd, 0xb4, 0x62}, {0xb3, 0xde, 0x69}, {0xfc, 0xcd, 0xe5}, {0xbc, 0x80, 0xbd}, {0xcc, 0xeb, 0xc5},
    {0xff, 0xed, 0x6f}};
constexpr Rgb kOtherCluster{0xe0, 0xe0, 0xe0};
constexpr Rgb kEdgeColour{0x59, 0x59, 0x59};

constexpr std::size_t kTooltipTasks = 5;
constexpr std::int32_t kTooltipTaskChars = 48;

std::uint64_t fnv1a(std::string_view a, std::string_view b) {
  std::uint64_t h = 14695981039346656037ULL;
  auto mix = [&h](std::string_view s) {
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
  };
  mix(a);
  mix(std::string_view("\x1f", 1));  // separator: ("ab","c") and ("a","bc") differ
  mix(b);
  return h;
}

// At most `limit` code points of `text`, with "…" when cut.
std::string truncate(std::string_view text, std::int32_t limit) {
  std::int32_t i = 0, count = 0;
  const auto length = static_cast<std::int32_t>(text.size());
  while (i < length && count < limit) {
    U8_FWD_1(text.data(), i, length);
    ++count;
  }
  if (i >= length) return std::string(text);
  return std::string(text.substr(0, static_cast<std::size_t>(i))) + "…";
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string_view kind_label(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::Department: return "部门 department";
    case AgencyKind::Government: return "人民政府 people's government";
    case AgencyKind::ParkCommittee: return "管委会 park committee";
    case AgencyKind::PartyOrgan: return "党委机构 party organ";
    case AgencyKind::PeoplesOrganisation: return "人民团体 people's organisation";
    case AgencyKind::StateEnterprise: return "国有企业 state enterprise";
    case AgencyKind::School: return "学校 school";
    case AgencyKind::Vertical: return "垂直管理 vertical agency";
    case AgencyKind::Institution: return "事业单位 institution";
    case AgencyKind::Collective: return "集合 collective";
  }
  return "";
}

std::string_view link_label(LinkKind kind) {
  switch (kind) {
    case LinkKind::LeadToCo: return "牵头→责任 lead → co";
    case LinkKind::CoLead: return "共同牵头 co-leads";
    case LinkKind::Peer: return "同列单位 peers (no lead)";
  }
  return "";
}

// "#61 text…", with the document's jurisdiction/year when the network holds several documents.
std::string task_line(const AgencyNetwork& network, std::uint32_t index) {
  const TaskInfo& task = network.tasks[index];
  std::string line;
  if (network.documents.size() > 1) {
    const DocumentInfo& doc = network.documents[task.document];
    line += "[" + (doc.jurisdiction ? *doc.jurisdiction : "") + (doc.year ? std::to_string(*doc.year) : "") + "] ";
  }
  return line + "#" + task.id + " " + truncate(task.text, kTooltipTaskChars);
}

void add_task_lines(std::vector<std::string>& lines, const AgencyNetwork& network,
                    std::span<const std::uint32_t> tasks) {
  for (std::size_t i = 0; i < tasks.size() && i < kTooltipTasks; ++i) lines.push_back(task_line(network, tasks[i]));
  if (tasks.size() > kTooltipTasks) lines.push_back("… " + std::to_string(tasks.size() - kTooltipTasks) + " more");
}

template <typename T>
T metric_or(const std::vector<T>& values, std::size_t i, T fallback) {
  return i < values.size() ? values[i] : fallback;
}

}  // namespace

std::string Rgb::hex() const {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", r, g, b);
  return buffer;
}

Rgb cluster_colour(std::uint32_t community) {
  return community < kClusterPalette ? kPalette[community] : kOtherCluster;
}

std::vector<std::string> agency_ids(const AgencyGraph& graph) {
  const std::size_t n = boost::num_vertices(graph);
  // Each agency's 48-bit hash, then the hashes sorted with their vertex, so that a hash shared by
  // several agencies is seen at once: the first of them in vertex order keeps the plain id, the
  // others get "_<vertex>". (A hash set took 0.14 s for a national network's 200,000 agencies, in
  // the serial start of every export; sorting takes a tenth of that.) A suffixed id contains '_',
  // which no plain id does, so suffixed ids never collide with plain ones.
  std::vector<std::pair<std::uint64_t, AgencyVertex>> by_hash(n);
  for (AgencyVertex v = 0; v < n; ++v)
    by_hash[v] = {fnv1a(graph[v].jurisdiction, graph[v].name) & 0xFFFFFFFFFFFFULL, v};
  std::vector<std::string> ids(n);
  for (const auto& [hash, v] : by_hash) {
    constexpr char kHex[] = "0123456789abcdef";
    std::string& id = ids[v];
    id.resize(13);
    id[0] = 'a';
    for (int k = 0; k < 12; ++k) id[static_cast<std::size_t>(12 - k)] = kHex[(hash >> (4 * k)) & 0xF];
  }
  std::sort(by_hash.begin(), by_hash.end());
  for (std::size_t k = 1; k < n; ++k)
    if (by_hash[k].first == by_hash[k - 1].first) ids[by_hash[k].second] += "_" + std::to_string(by_hash[k].second);
  return ids;
}

std::string link_id(const std::string& from, const std::string& to, LinkKind kind) {
  return "e_" + from + "_" + to + "_" + std::string(to_string(kind));
}

std::string map_title(const AgencyNetwork& network) {
  // A corpus of thousands of documents is named by its first few and a count, not by a title of
  // thousands of names (which also took time quadratic in the number of documents to build).
  constexpr std::size_t kNamedDocuments = 8;
  std::string names;
  std::size_t distinct = 0;
  std::unordered_set<std::string> seen;
  for (const DocumentInfo& doc : network.documents) {
    std::string name;
    if (doc.title) name = *doc.title;
    else if (doc.jurisdiction) name = (doc.year ? std::to_string(*doc.year) + "年" : "") + *doc.jurisdiction;
    else if (!doc.sources.empty()) name = doc.sources.front().substr(doc.sources.front().find_last_of('/') + 1);
    if (name.empty() || !seen.insert(name).second) continue;  // pages of one document
    if (++distinct > kNamedDocuments) continue;
    if (!names.empty()) names += "；";
    names += name;
  }
  if (distinct > kNamedDocuments) names += "等" + std::to_string(distinct) + "份文件";
  return names.empty() ? "机构协同网络" : "机构协同网络：" + names;
}

namespace {

// Which agencies and links the map keeps and how they rank: decided once, for style_map and for
// node_looks alike.
struct Selection {
  std::vector<double> burden;            // by vertex
  std::vector<std::uint32_t> community;  // by vertex; 0 when not analysed
  std::vector<AgencyVertex> by_burden;   // vertices by burden, descending, ties by vertex order
  std::vector<std::size_t> rank;         // vertex -> its position in by_burden
  std::vector<bool> keep;                // on the map
  std::vector<AgencyEdge> edges;         // kept links in edge order; only with link styles or --top-links
  double max_burden = 0;                 // over the kept agencies

  // 0..1: how a kept agency's burden compares with the largest; sizes grow with it.
  double scale(std::size_t v) const { return max_burden > 0 ? std::sqrt(std::max(0.0, burden[v]) / max_burden) : 0.0; }
  NodeLook look(std::size_t v) const {
    return {cluster_colour(community[v]), keep[v] ? 8 + 32 * scale(v) : 8.0};
  }
};

Selection select(const AgencyNetwork& network, const AgencyMetrics& metrics, const MapOptions& options) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  Selection s;
  std::vector<double>& burden = s.burden;
  burden.resize(n);
  s.community.resize(n);
  for (AgencyVertex v = 0; v < n; ++v) {
    const Agency& a = graph[v];
    burden[v] = metric_or(metrics.burden, v, a.lead_tasks + a.owner_tasks + 0.5 * a.co_tasks);
    s.community[v] = metric_or<std::uint32_t>(metrics.community, v, 0);
  }
  // Rank by burden, ties by vertex order, so the selection is deterministic.
  s.by_burden.resize(n);
  std::iota(s.by_burden.begin(), s.by_burden.end(), AgencyVertex{0});
  std::stable_sort(s.by_burden.begin(), s.by_burden.end(),
                   [&](std::size_t a, std::size_t b) { return burden[a] > burden[b]; });
  s.rank.resize(n);
  for (std::size_t r = 0; r < n; ++r) s.rank[s.by_burden[r]] = r;

  std::vector<bool>& keep = s.keep;
  keep.assign(n, true);
  if (options.top_agencies > 0)
    for (std::size_t v = 0; v < n; ++v) keep[v] = s.rank[v] < options.top_agencies;

  // Candidate links with their position in edge order, which the output keeps.
  // Without link styles and without --top-links nothing reads them: a national network has millions.
  std::vector<std::pair<std::size_t, AgencyEdge>> candidates;
  std::size_t order = 0;
  if (options.links || options.top_links > 0)
    for (auto [it, end] = boost::edges(graph); it != end; ++it, ++order)
      if (keep[boost::source(*it, graph)] && keep[boost::target(*it, graph)]) candidates.emplace_back(order, *it);
  if (options.top_links > 0 && candidates.size() > options.top_links) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const auto& a, const auto& b) { return graph[a.second].weight > graph[b.second].weight; });
    candidates.resize(options.top_links);
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (options.top_agencies == 0) {
      std::fill(keep.begin(), keep.end(), false);
      for (const auto& [i, e] : candidates) keep[boost::source(e, graph)] = keep[boost::target(e, graph)] = true;
    }
  }
  for (const auto& [i, e] : candidates) s.edges.push_back(e);
  for (std::size_t v = 0; v < n; ++v)
    if (keep[v]) s.max_burden = std::max(s.max_burden, burden[v]);
  return s;
}

}  // namespace

std::vector<NodeLook> node_looks(const AgencyNetwork& network, const AgencyMetrics& metrics, const MapOptions& options) {
  const Selection selection = select(network, metrics, options);
  std::vector<NodeLook> looks(selection.keep.size());
  for (std::size_t v = 0; v < looks.size(); ++v) looks[v] = selection.look(v);
  return looks;
}

bool valid_font_name(std::string_view font) {
  if (font.empty() || font.size() > 200 || needs_visible_text(font)) return false;
  for (const char c : font) {
    const auto b = static_cast<unsigned char>(c);
    const bool ok = b >= 0x80 || std::isalnum(b) != 0 || c == ' ' || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

MapStyle style_map(const AgencyNetwork& network, const AgencyMetrics& metrics, const MapOptions& options) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  MapStyle style;
  style.title = options.title.empty() ? map_title(network) : options.title;
  // Pango reads a comma-separated family list: the CJK faces first so Chinese never falls back to a
  // Latin font's tofu, then generic sans-serif.
  const std::string font = valid_font_name(options.font) ? options.font : MapOptions{}.font;
  style.font_list = font;
  for (const char* fallback : {"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "sans-serif"})
    if (font != fallback) style.font_list += std::string(",") + fallback;
  style.legend = options.legend;
  style.total_agencies = n;
  style.total_links = boost::num_edges(graph);

  Selection selection = select(network, metrics, options);
  const std::vector<double>& burden = selection.burden;
  const std::vector<std::uint32_t>& community = selection.community;
  const std::vector<AgencyVertex>& by_burden = selection.by_burden;
  const std::vector<std::size_t>& rank = selection.rank;
  const std::vector<bool>& keep = selection.keep;
  std::vector<AgencyEdge>& edges = selection.edges;
  style.looks.resize(n);
  for (std::size_t v = 0; v < n; ++v) style.looks[v] = selection.look(v);

  double max_weight = 0;
  for (const AgencyEdge& e : edges) max_weight = std::max(max_weight, graph[e].weight);

  const std::vector<std::string> ids = agency_ids(graph);
  std::vector<std::size_t> community_size;
  for (std::size_t v = 0; v < n; ++v) {
    if (community[v] >= community_size.size()) community_size.resize(community[v] + 1, 0);
    ++community_size[community[v]];
  }

  style.nodes.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), true)));
  for (AgencyVertex v = 0; v < n; ++v) {
    if (!keep[v]) continue;
    const Agency& a = graph[v];
    const double s = selection.scale(v);
    NodeStyle node;
    node.vertex = v;
    node.id = ids[v];
    node.fill = style.looks[v].fill;
    node.size = style.looks[v].size;
    const bool labelled = options.max_labels == 0 || rank[v] < options.max_labels;
    if (labelled) {
      node.label = a.label.empty() ? a.name : a.label;
      node.shape = "box";
      node.style = "filled,rounded";
      node.fontsize = 12 + 8 * s;
      node.height = 0.3 + 0.35 * s;
      node.width = node.height;
    } else {
      node.shape = "circle";
      node.style = "filled";
      node.width = node.height = 0.12 + 0.25 * s;
    }
    if (a.kind == AgencyKind::Government) {
      node.peripheries = 2;  // a double border: a government, not one of its departments
    } else if (a.kind == AgencyKind::Collective) {
      node.style += ",dashed";  // stands for many units
    }
    if (options.tooltips) {
      node.tooltip.push_back(a.label.empty() ? a.name : a.label);
      if (!a.jurisdiction.empty() && a.label.find(a.jurisdiction) == std::string::npos)
        node.tooltip.push_back(a.jurisdiction);
      node.tooltip.push_back(std::string(kind_label(a.kind)) + (labelled ? "" : " · unlabelled"));
      node.tooltip.push_back("burden " + format_number(burden[v]) + " · lead " + std::to_string(a.lead_tasks) +
                             " · co " + std::to_string(a.co_tasks) + " · alone " + std::to_string(a.owner_tasks));
      node.tooltip.push_back("cluster " + std::to_string(community[v] + 1) + " · " +
                             std::to_string(a.tasks.size()) + " tasks:");
      add_task_lines(node.tooltip, network, a.tasks);
    }
    style.nodes.push_back(std::move(node));
  }

  if (!options.links) edges.clear();
  style.edges.reserve(edges.size());
  for (const AgencyEdge& e : edges) {
    const Link& link = graph[e];
    const AgencyVertex from = boost::source(e, graph), to = boost::target(e, graph);
    const double s = max_weight > 0 ? std::sqrt(link.weight / max_weight) : 0.0;
    EdgeStyle edge;
    edge.edge = e;
    edge.id = link_id(ids[from], ids[to], link.kind);
    edge.from = ids[from];
    edge.to = ids[to];
    edge.colour = kEdgeColour;
    edge.penwidth = 0.6 + 3.4 * s;
    edge.directed = link.kind == LinkKind::LeadToCo;
    edge.style = link.kind == LinkKind::Peer ? "dashed" : "solid";
    if (options.tooltips) {
      const char* arrow = edge.directed ? " → " : " — ";
      edge.tooltip.push_back(graph[from].label + arrow + graph[to].label);
      edge.tooltip.push_back(std::string(link_label(link.kind)) + " · weight " + format_number(link.weight) + " · " +
                             std::to_string(link.tasks.size()) + " tasks:");
      add_task_lines(edge.tooltip, network, task_span(link.tasks));
    }
    style.edges.push_back(std::move(edge));
  }

  for (std::uint32_t c = 0; c < community_size.size() && c < kClusterPalette; ++c) {
    if (community_size[c] < 2) continue;  // singletons are not clusters worth a legend row
    LegendCluster row{c, community_size[c], "", cluster_colour(c)};
    for (const AgencyVertex v : by_burden)
      if (community[v] == c) { row.top = graph[v].label.empty() ? graph[v].name : graph[v].label; break; }
    style.clusters.push_back(std::move(row));
  }
  return style;
}

}  // namespace agencygraph::io
