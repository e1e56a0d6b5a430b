#include "agencygraph/io/trend_chart.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "io/escape.hpp"

namespace agencygraph::io {
namespace {

constexpr double kWidth = 960;
constexpr double kPanelWidth = 300, kPanelHeight = 200, kGap = 15;
constexpr double kTop = 70;  // below the title and subtitle
constexpr double kBurdenHeight = 320, kLegendWidth = 250;
// ColorBrewer Dark2 and Set1, distinguishable on white and in print.
constexpr std::array<const char*, 10> kPalette = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
                                                  "#e6ab02", "#a6761d", "#e41a1c", "#377eb8", "#666666"};
constexpr const char* kFigureColour = "#377eb8";

// Coordinates with two decimals, locale-independent.
std::string fixed(double value, int decimals = 2) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string text(buffer, result.ptr);
  if (text == "-0.00" || text == "-0") text.erase(0, 1);
  return text;
}

// A value for a tooltip or a tick: whole numbers as such, others with up to four significant digits.
std::string value_text(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e12) return fixed(value, 0);
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 4);
  return std::string(buffer, result.ptr);
}

// A y axis from 0 to a round number at or above the largest value, in 4 or 5 round steps.
struct Scale {
  double top = 1, step = 0.25;
  int decimals = 2;
};

Scale scale_for(double largest) {
  Scale s;
  if (!(largest > 0) || !std::isfinite(largest)) return s;
  const double raw = largest / 4;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * power;
    if (step >= raw) break;
  }
  s.step = step;
  s.top = std::ceil(largest / step - 1e-9) * step;
  const int digits = static_cast<int>(-std::floor(std::log10(step) + 1e-9));
  s.decimals = std::max(0, digits + (std::fmod(step / std::pow(10.0, -digits), 1.0) > 1e-9 ? 1 : 0));
  return s;
}

struct Series {
  std::string label;
  const char* colour;
  std::vector<std::optional<double>> values;  // by point
};

class Chart {
 public:
  Chart(const Trend& trend, const TrendChartOptions& options) : trend_(trend), options_(options) {
    for (const TrendPoint& point : trend.points) keys_.push_back(point.key);
  }

  std::string draw() {
    const std::size_t shown = std::min(options_.agencies, trend_.series.size());
    const double height = kTop + 2 * (kPanelHeight + kGap) + (shown > 0 ? kBurdenHeight + kGap : 0) + 10;
    const std::string title = options_.title.empty()
                                  ? std::string("机构协同网络趋势：") + (trend_.by == SplitBy::Year ? "按年份" : "按地区")
                                  : options_.title;
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + fixed(kWidth, 0) + "\" height=\"" + fixed(height, 0) +
            "\" viewBox=\"0 0 " + fixed(kWidth, 0) + ' ' + fixed(height, 0) + "\" font-family=\"" +
            xml_escape(options_.font + ", Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, "
                       "PingFang SC, sans-serif") + "\">\n";
    out_ += "<title>" + xml_escape(title) + "</title>\n";
    out_ += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    text(kWidth / 2, 30, title, 18, "middle", "bold");
    std::string subtitle = trend_.by == SplitBy::Year ? "by year" : "by jurisdiction (points not joined: places have no order)";
    subtitle += "; " + std::to_string(keys_.size()) + (trend_.by == SplitBy::Year ? " years" : " places");
    text(kWidth / 2, 52, subtitle, 12, "middle", "normal", "#555555");

    struct Panel {
      const char* title;
      std::optional<double> (*get)(const NetworkFigures&);
    };
    static constexpr std::array<Panel, 6> kPanels = {{
        {"机构数 agencies", [](const NetworkFigures& f) { return std::optional<double>(static_cast<double>(f.agencies)); }},
        {"连接数 links", [](const NetworkFigures& f) { return std::optional<double>(static_cast<double>(f.links)); }},
        {"密度 density", [](const NetworkFigures& f) { return f.density; }},
        {"多单位任务占比 tasks with >1 unit", [](const NetworkFigures& f) { return f.multi_unit_share; }},
        {"度数中心势 degree centralisation", [](const NetworkFigures& f) { return f.degree_centralisation; }},
        {"模块度 modularity (Louvain)", [](const NetworkFigures& f) { return f.modularity; }},
    }};
    for (std::size_t p = 0; p < kPanels.size(); ++p) {
      Series series{kPanels[p].title, kFigureColour, {}};
      for (const TrendPoint& point : trend_.points) series.values.push_back(kPanels[p].get(point.figures));
      const double x = 20 + static_cast<double>(p % 3) * (kPanelWidth + kGap);
      const double y = kTop + static_cast<double>(p / 3) * (kPanelHeight + kGap);
      panel(x, y, kPanelWidth, kPanelHeight, kPanels[p].title, {series});
    }
    if (shown > 0) {
      std::vector<Series> agencies;
      const bool places = several_jurisdictions();
      for (std::size_t i = 0; i < shown; ++i) {
        const AgencySeries& s = trend_.series[i];
        std::string label = s.name;
        if (places && !s.jurisdiction.empty()) label += "（" + s.jurisdiction + "）";
        agencies.push_back({label, kPalette[i % kPalette.size()], s.burden});
      }
      const double y = kTop + 2 * (kPanelHeight + kGap);
      panel(20, y, kWidth - 40 - kLegendWidth, kBurdenHeight, "负担最重的机构 burden of the most-burdened agencies", agencies);
      legend(kWidth - 20 - kLegendWidth + 10, y + 30, agencies);
    }
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  bool several_jurisdictions() const {
    std::string first;
    for (const AgencySeries& s : trend_.series) {
      if (s.jurisdiction.empty()) continue;
      if (first.empty()) first = s.jurisdiction;
      else if (s.jurisdiction != first) return true;
    }
    return false;
  }

  void text(double x, double y, const std::string& content, double size, const char* anchor = "start",
            const char* weight = "normal", const char* fill = "#222222", double rotate = 0) {
    out_ += "<text x=\"" + fixed(x) + "\" y=\"" + fixed(y) + "\" font-size=\"" + fixed(size, 0) + "\" text-anchor=\"" +
            anchor + "\"";
    if (std::string_view(weight) != "normal") out_ += std::string(" font-weight=\"") + weight + "\"";
    out_ += std::string(" fill=\"") + fill + "\"";
    if (rotate != 0) out_ += " transform=\"rotate(" + fixed(rotate, 0) + ' ' + fixed(x) + ' ' + fixed(y) + ")\"";
    out_ += ">" + xml_escape(content) + "</text>\n";
  }

  void line(double x1, double y1, double x2, double y2, const char* stroke, double width = 1) {
    out_ += "<line x1=\"" + fixed(x1) + "\" y1=\"" + fixed(y1) + "\" x2=\"" + fixed(x2) + "\" y2=\"" + fixed(y2) +
            "\" stroke=\"" + stroke + "\" stroke-width=\"" + fixed(width, 1) + "\"/>\n";
  }

  // A panel at (x, y): its title, a y axis from 0 with round ticks, the keys along x, and each series.
  void panel(double x, double y, double width, double height, const std::string& title, const std::vector<Series>& series) {
    out_ += "<g class=\"panel\">\n";
    out_ += "<rect x=\"" + fixed(x) + "\" y=\"" + fixed(y) + "\" width=\"" + fixed(width) + "\" height=\"" + fixed(height) +
            "\" fill=\"none\" stroke=\"#dddddd\"/>\n";
    text(x + 8, y + 18, title, 13, "start", "bold");
    const bool rotated = keys_.size() > 6 || std::any_of(keys_.begin(), keys_.end(), [](const std::string& k) {
                           return k.size() > 9;  // more than three ideographs, or a long name
                         });
    const double left = x + 52, right = x + width - 12, top = y + 30, bottom = y + height - (rotated ? 52 : 28);
    double largest = 0;
    for (const Series& s : series)
      for (const std::optional<double>& v : s.values)
        if (v && std::isfinite(*v)) largest = std::max(largest, *v);
    const Scale scale = scale_for(largest);
    auto y_of = [&](double value) { return bottom - (bottom - top) * (value / scale.top); };
    const std::size_t k = keys_.size();
    auto x_of = [&](std::size_t i) { return left + (right - left) * (static_cast<double>(i) + 0.5) / static_cast<double>(k); };
    for (double tick = 0; tick <= scale.top + scale.step / 2; tick += scale.step) {
      const double ty = y_of(tick);
      line(left, ty, right, ty, tick == 0 ? "#888888" : "#eeeeee");
      text(left - 6, ty + 4, fixed(tick, scale.decimals), 10, "end", "normal", "#555555");
    }
    line(left, top, left, bottom, "#888888");
    for (std::size_t i = 0; i < k; ++i) {
      if (rotated) text(x_of(i) + 3, bottom + 12, keys_[i], 10, "end", "normal", "#333333", -40);
      else text(x_of(i), bottom + 16, keys_[i], 10, "middle", "normal", "#333333");
    }
    const bool joined = trend_.by == SplitBy::Year;
    for (const Series& s : series) {
      out_ += std::string("<g class=\"series\" stroke=\"") + s.colour + "\" fill=\"" + s.colour + "\">\n";
      if (joined) {
        // A run of consecutive points with values is one polyline; a missing value breaks the line.
        std::string points;
        auto flush = [&] {
          if (points.find(' ') != std::string::npos)
            out_ += "<polyline fill=\"none\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
          points.clear();
        };
        for (std::size_t i = 0; i < k; ++i) {
          if (!s.values[i] || !std::isfinite(*s.values[i])) {
            flush();
            continue;
          }
          if (!points.empty()) points += ' ';
          points += fixed(x_of(i)) + ',' + fixed(y_of(*s.values[i]));
        }
        flush();
      }
      for (std::size_t i = 0; i < k; ++i) {
        if (!s.values[i] || !std::isfinite(*s.values[i])) continue;
        out_ += "<circle cx=\"" + fixed(x_of(i)) + "\" cy=\"" + fixed(y_of(*s.values[i])) + "\" r=\"3\"><title>" +
                xml_escape(s.label + " · " + keys_[i] + ": " + value_text(*s.values[i])) + "</title></circle>\n";
      }
      out_ += "</g>\n";
    }
    out_ += "</g>\n";
  }

  void legend(double x, double y, const std::vector<Series>& series) {
    for (std::size_t i = 0; i < series.size(); ++i) {
      const double row = y + static_cast<double>(i) * 20;
      out_ += std::string("<rect x=\"") + fixed(x) + "\" y=\"" + fixed(row - 9) + "\" width=\"14\" height=\"10\" fill=\"" +
              series[i].colour + "\"/>\n";
      text(x + 20, row, series[i].label, 12);
    }
  }

  const Trend& trend_;
  const TrendChartOptions& options_;
  std::vector<std::string> keys_;
  std::string out_;
};

}  // namespace

std::string trend_chart_svg(const Trend& trend, const TrendChartOptions& options) { return Chart(trend, options).draw(); }

}  // namespace agencygraph::io
