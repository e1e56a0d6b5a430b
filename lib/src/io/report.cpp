// The report page: the template (report_assets/report.html) with its title, the Content-Security-Policy
// naming the hashes of its one script and one style, the map's SVG and the data filled in.
#include "agencygraph/io/report.hpp"

#include <stdexcept>

#include "io/escape.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "io/report_assets.hpp"
#include "io/report_data.hpp"
#include "io/sha256.hpp"

namespace agencygraph::io {
namespace {

// Graphviz's SVG made fit to sit inside HTML: the XML declaration, doctype and comments go (the
// comments name nodes by their ids, and nothing in a comment belongs in the page), and so do the
// <title> elements Graphviz gives every node and link (their ids, which browsers would show as
// tooltips; the page shows names itself). Graphviz escapes every text it writes, so "<" in the SVG
// only ever starts markup.
std::string inline_svg(const std::string& svg, std::string_view title) {
  std::string out;
  std::size_t at = svg.find("<svg");
  if (at == std::string::npos) throw std::runtime_error("Graphviz gave no SVG");
  out.reserve(svg.size());
  while (at < svg.size()) {
    const std::size_t next = svg.find('<', at);
    if (next == std::string::npos) {
      out.append(svg, at, std::string::npos);
      break;
    }
    out.append(svg, at, next - at);
    if (svg.compare(next, 4, "<!--") == 0) {
      const std::size_t end = svg.find("-->", next);
      at = end == std::string::npos ? svg.size() : end + 3;
      if (at < svg.size() && svg[at] == '\n') ++at;
    } else if (svg.compare(next, 7, "<title>") == 0) {
      const std::size_t end = svg.find("</title>", next);
      at = end == std::string::npos ? svg.size() : end + 8;
      if (at < svg.size() && svg[at] == '\n') ++at;
    } else {
      out += '<';
      at = next + 1;
    }
  }
  // The root gets an id for the script and a name for screen readers in place of the <title>.
  const std::size_t root = out.find("<svg");
  out.replace(root, 4, "<svg id=\"map-svg\" role=\"img\" aria-label=\"" + xml_escape(single_line(title)) + "\"");
  return out;
}

// The template's @@NAME@@ markers, replaced in order; a marker missing from the template is a build
// mistake, not a user's.
void fill(std::string& page, std::string_view marker, std::string_view value) {
  const std::size_t at = page.find(marker);
  if (at == std::string::npos) throw std::logic_error("report template: no marker " + std::string(marker));
  page.replace(at, marker.size(), value);
}

}  // namespace

void write_report(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                  const ReportInputs& inputs, const ReportOptions& options) {
  MapOptions map_options = options.map;
  map_options.tooltips = false;  // the page's panels say more, and without the SVG's weight
  MapStyle style = style_map(network, metrics, map_options);
  const detail::ReportDataParts data = detail::report_data(network, metrics, inputs, style, options);
  // The page's header names the documents; the map's own legend only says what it is.
  const std::string title = style.title;
  if (options.map.title.empty()) style.title = "机构协同网络 coordination map";
  const std::string svg = style.nodes.empty() ? std::string() : inline_svg(render_map(style, map_options, "svg"), title);

  const std::string_view script = detail::report_asset("report.js");
  const std::string_view css = detail::report_asset("report.css");
  // The script and style are allowed by their hashes alone; nothing else may load, connect or run.
  // The JSON data block is not script (its type is not JavaScript), so it needs no hash.
  const std::string policy = "default-src 'none'; script-src '" + detail::csp_hash(script) + "'; style-src '" +
                             detail::csp_hash(css) + "'; img-src data:; base-uri 'none'; form-action 'none'";
  // Filled before the large parts, so that a marker inside the SVG or the data could never be taken
  // for the template's (neither can hold "@@" followed by a marker name in any case: both are escaped).
  std::string head(detail::report_asset("report.html"));
  fill(head, "@@CSP@@", policy);
  fill(head, "@@TITLE@@", xml_escape(single_line(title)));
  const std::size_t style_at = head.find("@@STYLE@@");
  const std::size_t svg_at = head.find("@@SVG@@");
  const std::size_t data_at = head.find("@@DATA@@");
  const std::size_t script_at = head.find("@@SCRIPT@@");
  const std::size_t tasks_at = head.find("@@TASKS@@");
  if (style_at == std::string::npos || svg_at == std::string::npos || data_at == std::string::npos ||
      script_at == std::string::npos || tasks_at == std::string::npos ||
      !(style_at < svg_at && svg_at < data_at && data_at < script_at && script_at < tasks_at))
    throw std::logic_error("report template: markers missing or out of order");
  const std::string_view page(head);
  out << page.substr(0, style_at) << css;
  out << page.substr(style_at + 9, svg_at - style_at - 9) << svg;
  out << page.substr(svg_at + 7, data_at - svg_at - 7) << data.core;
  out << page.substr(data_at + 8, script_at - data_at - 8) << script;
  out << page.substr(script_at + 10, tasks_at - script_at - 10);
  // After the script: the page shows the map and answers searches while the browser still reads these.
  out << "<script type=\"application/json\" id=\"report-agencies\">" << data.agencies << "</script>\n";
  out << "<script type=\"application/json\" id=\"report-measures\">" << data.measures << "</script>\n";
  for (const std::string& block : data.task_blocks)
    out << "<script type=\"application/json\" class=\"report-tasks\">" << block << "</script>\n";
  out << "<script type=\"application/json\" id=\"report-extra\">" << data.extra << "</script>";
  out << page.substr(tasks_at + 9);
}

}  // namespace agencygraph::io
