// A trend as an SVG line chart drawn here (no plotting tool): a small panel per whole-network figure
// (agencies, links, density, share of tasks with more than one unit, degree centralisation, modularity)
// across the years or places, and a panel with the burden of the most-burdened agencies. Chinese labels
// in a CJK font list, every text XML-escaped, values in <title> tooltips; same trend, same bytes.
#pragma once

#include <cstddef>
#include <string>

#include "agencygraph/trend.hpp"

namespace agencygraph::io {

struct TrendChartOptions {
  std::string title;          // empty: 机构协同网络趋势 and what the trend is split by
  std::string font = "Noto Sans CJK SC";  // first of the font list; CJK fallbacks follow
  std::size_t agencies = 8;   // agencies drawn in the burden panel (the first of Trend::series)
};

// By year, points are joined by lines; by place, where the order means nothing, they are not.
std::string trend_chart_svg(const Trend& trend, const TrendChartOptions& options = {});

}  // namespace agencygraph::io
