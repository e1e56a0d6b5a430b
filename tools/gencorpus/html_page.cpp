#include "html_page.hpp"

#include <algorithm>
#include <utility>

#include "text_edit.hpp"

namespace agencygraph::gencorpus {
namespace {

// How one page writes its markup, drawn once per page.
struct Markup {
  bool two_row_header = false;  // 责任单位 (colspan) over 牵头单位 | 配合单位
  bool deadline_column = false;
  bool layout_table = false;    // the site's layout table around navigation and content
  bool cell_per_line = false;   // <tr>, each <td> and </tr> on lines of their own
  bool header_th = false;       // <th> rather than <td> in the header
  bool quote_entities = false;  // “ ” written &ldquo; &rdquo;
  std::size_t columns = 4;
};

std::string escaped(std::string text, const Markup& markup) {
  text = replace_all(std::move(text), "&", "&amp;");
  text = replace_all(std::move(text), "<", "&lt;");
  text = replace_all(std::move(text), ">", "&gt;");
  if (markup.quote_entities) {
    text = replace_all(std::move(text), "“", "&ldquo;");
    text = replace_all(std::move(text), "”", "&rdquo;");
  }
  return text;
}

void add_feature(PlantedTask& task, const char* feature) {
  if (std::find(task.features.begin(), task.features.end(), feature) == task.features.end())
    task.features.emplace_back(feature);
}

std::string cell(const std::string& tag, const std::string& content, const std::string& attributes = "") {
  return "<" + tag + attributes + ">" + content + "</" + tag + ">";
}

void write_head(const HtmlPage& page, const Markup& markup, std::vector<std::string>& lines) {
  lines.emplace_back("<!DOCTYPE html>");
  lines.emplace_back("<html>");
  lines.emplace_back("<head>");
  lines.push_back("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + page.charset + "\" />");
  if (page.title) lines.push_back("<title>" + escaped(*page.title, markup) + "</title>");
  lines.emplace_back("<style type=\"text/css\">td { border: 1px solid #000; padding: 2px; }</style>");
  lines.emplace_back("<script type=\"text/javascript\">");
  lines.emplace_back("var template = \"<tr><td>1</td><td>牵头单位</td></tr>\"; if (a < b && b > c) {}");
  lines.emplace_back("</script>");
  lines.emplace_back("</head>");
}

void write_header_rows(const Markup& markup, std::vector<std::string>& lines) {
  const std::string tag = markup.header_th ? "th" : "td";
  const std::string two_rows = markup.two_row_header ? " rowspan=\"2\"" : "";
  std::string row = "<tr>" + cell(tag, "序号", two_rows) + cell(tag, "工作任务", two_rows);
  if (markup.two_row_header) {
    row += cell(tag, "责任单位", " colspan=\"2\"");
  } else {
    row += cell(tag, "牵头单位") + cell(tag, "责任单位");
  }
  if (markup.deadline_column) row += cell(tag, "完成时限", two_rows);
  lines.push_back(row + "</tr>");
  if (markup.two_row_header) lines.push_back("<tr>" + cell(tag, "牵头单位") + cell(tag, "配合单位") + "</tr>");
}

// The 责任单位 cell: runs joined by the page's comma, or now and then by a <br>; now and then a 市
// written as the character reference &#24066;.
std::string co_cell(Rng& rng, const TableTask& task, const HtmlPage& page, const Markup& markup, PlantedTask& planted) {
  std::string out;
  const bool line_breaks = task.co_runs.size() >= 2 && rng.chance(0.2);
  if (line_breaks) add_feature(planted, "br-in-cell");
  for (std::size_t i = 0; i < task.co_runs.size(); ++i) {
    if (i) out += line_breaks ? "<br/>" : std::string(page.style.comma());
    out += escaped(task.co_runs[i], markup);
  }
  if (const std::size_t at = out.find("市"); at != std::string::npos && rng.chance(0.1)) {
    out.replace(at, std::string_view("市").size(), "&#24066;");
    add_feature(planted, "entity");
  }
  return out;
}

// How many tasks from `first` on share its lead: they get one 牵头单位 cell.
std::size_t lead_run(const std::vector<TableTask>& tasks, std::size_t first) {
  if (tasks[first].leads.empty()) return 1;
  std::size_t end = first + 1;
  while (end < tasks.size() && tasks[end].leads == tasks[first].leads) ++end;
  return end - first;
}

void write_section(Rng& rng, TableSection& section, const HtmlPage& page, const Markup& markup,
                   std::vector<std::string>& lines) {
  lines.push_back("<tr><td colspan=\"" + std::to_string(markup.columns) + "\"><strong>" +
                  escaped(section.heading, markup) + "</strong></td></tr>");
  std::size_t covered_until = 0;  // rows before this have their lead cell (a rowspan from above)
  for (std::size_t k = 0; k < section.tasks.size(); ++k) {
    TableTask& task = section.tasks[k];
    std::vector<std::string> cells = {cell("td", std::to_string(task.planted.id)), cell("td", escaped(task.text, markup))};
    if (k >= covered_until) {
      const std::size_t run = lead_run(section.tasks, k);
      const std::string rowspan = run > 1 ? " rowspan=\"" + std::to_string(run) + "\"" : "";
      cells.push_back(cell("td", task.leads.empty() ? "&nbsp;" : escaped(task.leads, markup), rowspan));
      covered_until = k + run;
      if (run > 1)
        for (std::size_t j = k; j < k + run; ++j) add_feature(section.tasks[j].planted, "rowspan-lead");
    }
    const std::string co = co_cell(rng, task, page, markup, task.planted);
    cells.push_back(cell("td", co.empty() ? "&nbsp;" : co));
    if (markup.deadline_column) cells.push_back(cell("td", task.deadline.empty() ? "&nbsp;" : task.deadline));
    if (markup.cell_per_line) {
      lines.emplace_back("<tr>");
      task.planted.line = static_cast<std::uint32_t>(lines.size() + 1);  // the 序号 cell's line
      for (const std::string& c : cells) lines.push_back("  " + c);
      lines.emplace_back("</tr>");
    } else {
      task.planted.line = static_cast<std::uint32_t>(lines.size() + 1);
      std::string row = "<tr>";
      for (const std::string& c : cells) row += c;
      lines.push_back(row + "</tr>");
    }
  }
}

}  // namespace

std::vector<std::string> write_html_page(Rng& rng, HtmlPage& page) {
  Markup markup;
  markup.two_row_header = rng.chance(0.3);
  markup.deadline_column = rng.chance(0.5);
  markup.layout_table = rng.chance(0.3);
  markup.cell_per_line = rng.chance(0.3);
  markup.header_th = rng.chance(0.5);
  markup.quote_entities = rng.chance(0.5);
  markup.columns = markup.deadline_column ? 5 : 4;

  std::vector<std::string> lines;
  write_head(page, markup, lines);
  lines.emplace_back("<body>");
  if (markup.layout_table) lines.emplace_back("<table class=\"layout\" width=\"100%\"><tr><td class=\"nav\">");
  for (const std::string& line : page.navigation) lines.push_back("<div>" + escaped(line, markup) + "</div>");
  if (markup.layout_table) lines.emplace_back("</td><td class=\"content\">");
  lines.emplace_back("<!-- 正文 <tr><td>0</td><td>注释</td><td>市注释局</td></tr> -->");
  if (page.title) lines.push_back("<h1>" + escaped(*page.title, markup) + "</h1>");
  for (const std::string& paragraph : page.preamble) lines.push_back("<p>&emsp;&emsp;" + escaped(paragraph, markup) + "</p>");
  lines.emplace_back("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">");
  write_header_rows(markup, lines);
  for (TableSection& section : page.sections) write_section(rng, section, page, markup, lines);
  lines.emplace_back("</table>");
  for (const std::string& line : page.footer) lines.push_back("<p>" + escaped(line, markup) + "</p>");
  if (markup.layout_table) lines.emplace_back("</td></tr></table>");
  lines.emplace_back("<script>document.write(\"<p>1.假任务。（牵头单位：市假局）</p>\");</script>");
  lines.emplace_back("</body>");
  lines.emplace_back("</html>");
  return lines;
}

}  // namespace agencygraph::gencorpus
