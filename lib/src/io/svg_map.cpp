#include "agencygraph/io/svg_map.hpp"

#include <cstdio>
#include <cstring>
#include <mutex>
#include <stdexcept>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "io/visible_text.hpp"
#include "io/escape.hpp"

namespace agencygraph::io {
namespace {

constexpr std::string_view kLayouts[] = {"sfdp", "neato", "fdp", "dot", "circo"};
constexpr std::string_view kFormats[] = {"svg", "dot", "png", "pdf"};

// Graphviz keeps global state and is not thread-safe: one context for the process, one caller at a time.
// The context lives until exit (gvFreeContext in the destructor), so its plugins are loaded once.
std::mutex graphviz_mutex;

GVC_t* context() {
  struct Holder {
    GVC_t* gvc = gvContext();
    Holder() { if (gvc == nullptr) throw std::runtime_error("Graphviz: cannot create a context"); }
    Holder(const Holder&) = delete;
    Holder& operator=(const Holder&) = delete;
    ~Holder() { gvFreeContext(gvc); }
  };
  static Holder holder;
  return holder.gvc;
}

// cgraph's API takes char* but copies every string it is given.
char* c(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* c(const char* s) { return const_cast<char*>(s); }

void set(void* object, const char* name, const std::string& value) { agsafeset(object, c(name), c(value), c("")); }

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

// Tooltip lines for Graphviz: each line an escString, joined by a character reference Graphviz copies
// into the SVG as is, so browsers show line breaks.
std::string tooltip(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (!out.empty()) out += "&#10;";
    out += graphviz_string(visible_text(line), true);
  }
  return out;
}

// Text inside an HTML-like label: Graphviz expands \G, \N, \L there as in escStrings (a --title of
// "A \G" became "A agencygraph"), after decoding character references, so a backslash is doubled
// as in an escString.
std::string html_label_text(const std::string& text) {
  const std::string escaped = xml_escape(single_line(visible_text(text)));
  std::string out;
  out.reserve(escaped.size());
  for (const char c : escaped) {
    if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

// A legend chip: the text in a box drawn as the map draws nodes. Chips rather than swatch-and-text
// pairs because Graphviz stretches the cells of shorter legend lines, which would pull a swatch away
// from its text.
std::string chip(const std::string& text, const Rgb& fill, const char* border_style, int border) {
  return "<TD BGCOLOR=\"" + fill.hex() + "\" BORDER=\"" + std::to_string(border) + "\" COLOR=\"#333333\"" +
         (border_style[0] ? std::string(" STYLE=\"") + border_style + "\"" : "") +
         " CELLPADDING=\"3\"><FONT POINT-SIZE=\"13\">" + html_label_text(text) + "</FONT></TD>";
}

std::string text_cell(const std::string& text, int size, const char* colour = "#000000") {
  return "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + std::to_string(size) + "\" COLOR=\"" + colour + "\">" +
         html_label_text(text) + "</FONT></TD>";
}

// One legend line: its own table, so that its columns do not share widths with other lines.
std::string line(const std::string& cells) {
  return "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"5\" CELLPADDING=\"0\"><TR>" + cells +
         "</TR></TABLE></TD></TR>";
}

// The title and legend as one HTML-like label at the top of the map: it takes no part in the layout,
// so it can never cover a node.
std::string legend_label(const MapStyle& style) {
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">";
  html += "<TR>" + text_cell(style.title, 22) + "</TR>";
  const std::string shown = std::to_string(style.nodes.size()) + " of " + std::to_string(style.total_agencies) +
                            " agencies, " + std::to_string(style.edges.size()) + " of " +
                            std::to_string(style.total_links) +
                            " links shown · box size: task burden · line width: shared tasks · colour: cluster";
  html += "<TR>" + text_cell(shown, 13, "#444444") + "</TR>";
  if (!style.legend) return html + "</TABLE>";
  const Rgb white{0xff, 0xff, 0xff};
  html += line(chip("部门等 department etc.", white, "rounded", 1) + "<TD BORDER=\"1\" COLOR=\"#333333\" CELLPADDING=\"1\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" COLOR=\"#333333\"><TR>" +
               chip("人民政府 people's government", white, "", 1) + "</TR></TABLE></TD>" +
               chip("集合 collective", white, "dashed", 1) +
               text_cell("→ 牵头→责任 lead to co-responsible   — 共同牵头 co-leads   ┄ 同列 peers", 13));
  constexpr std::size_t kPerLine = 5;
  for (std::size_t i = 0; i < style.clusters.size(); i += kPerLine) {
    std::string cells;
    for (std::size_t k = i; k < i + kPerLine && k < style.clusters.size(); ++k) {
      const LegendCluster& row = style.clusters[k];
      cells += chip("cluster " + std::to_string(row.community + 1) + " (" + std::to_string(row.agencies) +
                        "): " + row.top + " …",
                    row.fill, "rounded", 1);
    }
    html += line(cells);
  }
  return html + "</TABLE>";
}

// A cgraph graph built from the style; closed (with its layout freed) on destruction.
class LaidOutGraph {
 public:
  // `title`: draw the title (and legend, when the style has one). Positions alone need neither, and
  // leaving out the HTML-like legend avoids Graphviz 2.42's leak in its HTML-label parser (about 72
  // bytes per text item per layout, never freed by gvFreeLayout or agclose).
  LaidOutGraph(const MapStyle& style, const MapOptions& options, bool title) : gvc_(context()) {
    graph_ = agopen(c("agencygraph"), Agdirected, nullptr);
    build(style, options, title);
    if (gvLayout(gvc_, graph_, options.layout.c_str()) != 0) {
      agclose(graph_);
      throw std::runtime_error("Graphviz: layout " + options.layout + " failed");
    }
  }
  LaidOutGraph(const LaidOutGraph&) = delete;
  LaidOutGraph& operator=(const LaidOutGraph&) = delete;
  ~LaidOutGraph() {
    gvFreeLayout(gvc_, graph_);
    agclose(graph_);
  }

  std::string render(const std::string& format) {
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc_, graph_, format.c_str(), &data, &length) != 0) {
      if (data) gvFreeRenderData(data);
      throw std::runtime_error("Graphviz: cannot render " + format);
    }
    std::string out(data, length);
    gvFreeRenderData(data);
    return out;
  }

  std::optional<Point> position(const std::string& id) const {
    Agnode_t* node = agnode(graph_, c(id), 0);
    if (node == nullptr) return std::nullopt;
    return Point{ND_coord(node).x, ND_coord(node).y};
  }

 private:
  void build(const MapStyle& style, const MapOptions& options, bool title) {
    Agraph_t* g = graph_;
    const bool spring = options.layout != "dot" && options.layout != "circo";
    set(g, "fontname", style.font_list);
    set(g, "charset", "UTF-8");
    set(g, "bgcolor", "white");
    set(g, "pad", "0.4");
    set(g, "outputorder", "edgesfirst");  // lines under the boxes, never across a label
    set(g, "labelloc", "t");
    set(g, "labeljust", "l");
    if (spring) {
      set(g, "overlap", "prism");          // no two boxes overlap
      // Compact: a map scaled to a page or a screen keeps its labels at a readable size.
      set(g, "overlap_scaling", "-2");
      set(g, "sep", "+4");
      set(g, "start", std::to_string(options.seed));  // fixed seed: same input, same picture
      set(g, "splines", style.edges.size() <= 400 ? "true" : "line");
      set(g, "K", "0.6");
    } else {
      set(g, "nodesep", "0.25");
      set(g, "ranksep", "0.6");
    }
    if (title && style.legend) {
      Agsym_t* label = agattr(g, AGRAPH, c("label"), c(""));
      char* html = agstrdup_html(g, c(legend_label(style)));
      agxset(g, label, html);
      agstrfree(g, html);
    } else if (title) {
      set(g, "label", graphviz_string(visible_text(style.title), true));
      set(g, "fontsize", "20");
    }

    // Node and edge defaults declared once; per-object values below override them.
    agattr(g, AGNODE, c("fontname"), c(style.font_list));
    agattr(g, AGNODE, c("color"), c("#333333"));
    agattr(g, AGNODE, c("penwidth"), c("1"));
    agattr(g, AGNODE, c("margin"), c("0.08,0.03"));
    agattr(g, AGEDGE, c("arrowsize"), c("0.7"));

    for (const NodeStyle& ns : style.nodes) {
      Agnode_t* n = agnode(g, c(ns.id), 1);
      set(n, "id", ns.id);
      set(n, "label", graphviz_string(visible_text(ns.label), true));
      set(n, "tooltip", tooltip(ns.tooltip));
      set(n, "shape", ns.shape);
      set(n, "style", ns.style);
      set(n, "fillcolor", ns.fill.hex());
      set(n, "peripheries", std::to_string(ns.peripheries));
      set(n, "width", number(ns.width));
      set(n, "height", number(ns.height));
      if (ns.label.empty()) set(n, "fixedsize", "true");
      else set(n, "fontsize", number(ns.fontsize));
    }
    for (const EdgeStyle& es : style.edges) {
      Agnode_t* from = agnode(g, c(es.from), 0);
      Agnode_t* to = agnode(g, c(es.to), 0);
      Agedge_t* e = agedge(g, from, to, c(es.id), 1);
      set(e, "id", es.id);
      set(e, "tooltip", tooltip(es.tooltip));
      set(e, "penwidth", number(es.penwidth));
      set(e, "color", es.colour.hex() + "80");
      set(e, "style", es.style);
      set(e, "dir", es.directed ? "forward" : "none");
    }
  }

  GVC_t* gvc_;
  Agraph_t* graph_ = nullptr;
};

// Graphviz writes absolute width/height in points; a map for screens and papers should fill its
// container instead, which the viewBox already allows. The document also gets a <title> naming the
// documents (Graphviz's own <title> elements name only the graph and its nodes).
std::string finish_svg(std::string svg, const MapStyle& style) {
  const std::size_t open = svg.find("<svg ");
  if (open == std::string::npos) return svg;
  const std::size_t close = svg.find('>', open);
  std::string tag = svg.substr(open, close - open);
  for (const char* attribute : {"width=\"", "height=\""}) {
    const std::size_t at = tag.find(std::string(" ") + attribute);
    if (at == std::string::npos) continue;
    const std::size_t value = at + 1 + std::strlen(attribute);
    const std::size_t end = tag.find('"', value);
    tag.replace(value, end - value, "100%");
  }
  tag += " preserveAspectRatio=\"xMidYMid meet\"";
  const std::string title = "\n<title>" + xml_escape(single_line(visible_text(style.title))) + "</title>";
  return svg.substr(0, open) + tag + ">" + title + svg.substr(close + 1);
}

}  // namespace

bool valid_layout(std::string_view layout) {
  for (std::string_view l : kLayouts) if (l == layout) return true;
  return false;
}

bool valid_map_format(std::string_view format) {
  for (std::string_view f : kFormats) if (f == format) return true;
  return false;
}

std::string render_map(const MapStyle& style, const MapOptions& options, std::string_view format) {
  if (!valid_layout(options.layout)) throw std::runtime_error("unknown layout: " + options.layout);
  if (!valid_map_format(format)) throw std::runtime_error("unknown map format: " + std::string(format));
  std::lock_guard lock(graphviz_mutex);
  LaidOutGraph graph(style, options, true);
  // SVG from the core renderer keeps text as <text>; raster and PDF go through cairo with pango fonts.
  const std::string renderer = format == "svg" ? "svg" : format == "dot" ? "dot" : std::string(format) + ":cairo";
  std::string out = graph.render(renderer);
  return format == "svg" ? finish_svg(std::move(out), style) : out;
}

std::vector<std::optional<Point>> layout_positions(const MapStyle& style, const MapOptions& options,
                                                   std::size_t vertex_count) {
  if (!valid_layout(options.layout)) throw std::runtime_error("unknown layout: " + options.layout);
  std::vector<std::optional<Point>> positions(vertex_count);
  std::lock_guard lock(graphviz_mutex);
  LaidOutGraph graph(style, options, false);
  for (const NodeStyle& node : style.nodes)
    if (node.vertex < vertex_count) positions[node.vertex] = graph.position(node.id);
  return positions;
}

}  // namespace agencygraph::io
