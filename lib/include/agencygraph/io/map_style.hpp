// What the coordination map looks like, decided once for every output that carries it: the SVG/PNG/PDF
// map, the GraphML (colour, size, x/y) and the DOT export. Which agencies and links are shown, their ids,
// labels, tooltips, colours, shapes and sizes; the layout itself is in io/graphviz_map.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::io {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  // "#rrggbb"
};

// Fill colour of a Louvain community (0 = largest); small communities beyond the palette share grey.
Rgb cluster_colour(std::uint32_t community);
inline constexpr std::size_t kClusterPalette = 11;

// Stable ids: "a" + 12 hex digits of FNV-1a over jurisdiction and name, so an agency keeps its id across
// maps of different subsets; a (never yet seen) collision gets "_<vertex index>" appended. Only [a-z0-9_]: Graphviz
// writes "-" in SVG ids as a character reference.
std::vector<std::string> agency_ids(const AgencyGraph& graph);
// "e_<from id>_<to id>_<kind>"; parallel links of one kind do not occur.
std::string link_id(const std::string& from, const std::string& to, LinkKind kind);

// "机构协同网络：" followed by the documents' titles (or jurisdiction and year, or file name).
std::string map_title(const AgencyNetwork& network);

struct MapOptions {
  std::string layout = "sfdp";            // sfdp, neato, fdp, dot, circo
  std::size_t top_agencies = 0;           // keep only the N most-burdened agencies (0: all)
  std::size_t top_links = 0;              // keep only the N heaviest links (0: all)
  std::size_t max_labels = 80;            // label the N most-burdened agencies, draw the rest as dots (0: all)
  std::string title;                      // empty: map_title(network)
  std::string font = "Noto Sans CJK SC";  // first of the font list; CJK fallbacks follow (see valid_font_name)
  bool legend = true;
  int seed = 1;                           // layout start seed (sfdp, neato, fdp)
  bool tooltips = true;                   // build tooltips (a drawn map needs them; exports do not)
  bool links = true;                      // style the links (a drawn map and its layout need them; exports
                                          // read only the agencies' colours and sizes)
};

struct NodeStyle {
  AgencyVertex vertex = 0;
  std::string id;
  std::string label;       // as displayed (empty for a dot); plain text, not escaped
  std::vector<std::string> tooltip;  // lines, plain text
  Rgb fill;
  std::string shape;       // Graphviz shape
  std::string style;       // Graphviz style
  int peripheries = 1;
  double width = 0, height = 0;  // inches; minimum for labelled nodes, fixed for dots
  double fontsize = 0;
  double size = 0;         // GraphML/Gephi node size (points), by burden
};

struct EdgeStyle {
  AgencyEdge edge;
  std::string id;
  std::string from, to;    // ids of its ends
  std::vector<std::string> tooltip;  // lines, plain text
  Rgb colour;
  double penwidth = 1;
  bool directed = true;    // lead -> co carries an arrow; symmetric links none
  std::string style;       // Graphviz style
};

struct LegendCluster {
  std::uint32_t community = 0;
  std::size_t agencies = 0;  // in the whole network
  std::string top;           // its most-burdened agency's label
  Rgb fill;
};

// What exports carry of the map for one agency: its fill colour and its GraphML/Gephi node size.
struct NodeLook {
  Rgb fill;
  double size = 8;  // points, by burden
};

struct MapStyle {
  std::string title;
  std::string font_list;     // Graphviz fontname: the font followed by CJK fallbacks
  std::vector<NodeStyle> nodes;  // kept agencies, by vertex index
  std::vector<EdgeStyle> edges;  // kept links, in edge order
  std::vector<LegendCluster> clusters;  // legend rows, by community
  // Every agency by vertex, on the map or not (one a --top selection leaves off keeps its cluster
  // colour and gets the smallest size): what GraphML and CSV exports write.
  std::vector<NodeLook> looks;
  bool legend = true;
  std::size_t total_agencies = 0, total_links = 0;
};

// Whether `font` can name a font family: letters (any script), digits, spaces, - _ . only. Graphviz
// writes the font list into the SVG's font-family attributes without escaping it, so a quote or an
// angle bracket there would end the attribute and inject markup; style_map uses the default font
// instead of one that is not valid, and the command refuses it.
bool valid_font_name(std::string_view font);

// Metrics vectors may be empty (not analysed): burden then falls back to lead + owner + co/2 and every
// agency is in community 0.
MapStyle style_map(const AgencyNetwork& network, const AgencyMetrics& metrics, const MapOptions& options);

// style_map(...).looks alone, without the per-agency Graphviz attributes (about 200 bytes an agency,
// 40 MB for a national network) that only a drawn map or a DOT export reads.
std::vector<NodeLook> node_looks(const AgencyNetwork& network, const AgencyMetrics& metrics, const MapOptions& options);

}  // namespace agencygraph::io
