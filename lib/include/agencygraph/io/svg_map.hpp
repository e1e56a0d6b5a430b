// The coordination map: lays out a MapStyle with Graphviz (cgraph + gvc, in-process) and renders it as
// SVG, PNG, PDF or laid-out DOT; the same layout gives the x/y written to GraphML.
//
// Graphviz is not thread-safe: one GVC_t serves the process and every call here is serialised.
// Every layout and rendering is freed before returning, so repeated maps do not grow memory.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/io/map_style.hpp"

namespace agencygraph::io {

// The layout engines accepted by `layout` in MapOptions.
bool valid_layout(std::string_view layout);
// The formats render_map accepts: svg, dot, png, pdf.
bool valid_map_format(std::string_view format);

// Renders the map. SVG keeps its text as text (searchable, selectable), scales to the viewer
// (width/height 100%, viewBox) and has a document <title>. Throws std::runtime_error when Graphviz fails.
std::string render_map(const MapStyle& style, const MapOptions& options, std::string_view format);

struct Point {
  double x = 0, y = 0;  // points, y up (Graphviz and Gephi agree)
  bool operator==(const Point&) const = default;
};
// Node centres of the laid-out map, by vertex index of the network; nullopt for agencies not on the map.
std::vector<std::optional<Point>> layout_positions(const MapStyle& style, const MapOptions& options,
                                                   std::size_t vertex_count);

}  // namespace agencygraph::io
