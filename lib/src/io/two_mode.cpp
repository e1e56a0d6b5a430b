#include "agencygraph/io/two_mode.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "agencygraph/fold.hpp"
#include "agencygraph/io/csv.hpp"
#include "io/escape.hpp"
#include "agencygraph/io/map_style.hpp"
#include "agencygraph/io/provenance.hpp"
#include "io/gexf_common.hpp"
#include "io/json_writer.hpp"
#include "io/network_table.hpp"

namespace agencygraph::io {
namespace {

// Each (task, unit) pair in the order the GraphML two-mode export writes them: by task, then its leads,
// owner, co-responsible units.
template <typename Visit>
void for_each_role(const AgencyNetwork& network, Visit visit) {
  for (std::uint32_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    for (const std::uint32_t v : task.leads) visit(t, v, "lead");
    if (task.owner) visit(t, *task.owner, "owner");
    for (const std::uint32_t v : task.co) visit(t, v, "co");
  }
}

const DocumentInfo& document_of(const AgencyNetwork& network, const TaskInfo& task) {
  return network.documents[task.document];
}

std::string task_id(std::size_t t) { return "t" + std::to_string(t); }

std::string agency_label(const Agency& agency) { return agency.label.empty() ? agency.name : agency.label; }

bool is_digit_or_numeral(char32_t c) {
  return (c >= U'0' && c <= U'9') || std::u32string_view(U"一二三四五六七八九十百零〇两").find(c) != std::u32string_view::npos;
}

}  // namespace

std::string bare_heading(std::string_view heading) {
  FoldedText folded;
  Folder(false).append(heading, 0, static_cast<std::uint32_t>(heading.size()), folded);
  const std::u32string_view c = folded.chars;
  std::size_t begin = 0, end = c.size();
  auto skip_spaces = [&] {
    while (begin < end && (c[begin] == U' ' || c[begin] == U'\t')) ++begin;
  };
  skip_spaces();
  std::size_t i = begin;
  if (i < end && (c[i] == U'(' || c[i] == U'〔' || c[i] == U'【' || c[i] == U'[')) {
    std::size_t k = i + 1;
    while (k < end && is_digit_or_numeral(c[k])) ++k;
    if (k > i + 1 && k < end && (c[k] == U')' || c[k] == U'〕' || c[k] == U'】' || c[k] == U']')) begin = k + 1;
  } else if (i < end && c[i] == U'第') {  // 第二部分 重点任务, 第三章、…
    std::size_t k = i + 1;
    const std::size_t digits = k;
    while (k < end && is_digit_or_numeral(c[k])) ++k;
    if (k > digits && k + 1 < end && c[k] == U'部' && c[k + 1] == U'分') k += 2;
    else if (k > digits && k < end && std::u32string_view(U"章节篇条").find(c[k]) != std::u32string_view::npos) ++k;
    else k = digits;  // 第 not followed by a numbered part: a heading that starts with 第
    if (k > digits && k < end && (c[k] == U' ' || c[k] == U'、' || c[k] == U'.' || c[k] == U',' || c[k] == U':'))
      begin = k + 1;
  } else {
    std::size_t k = i;
    while (k < end && is_digit_or_numeral(c[k])) ++k;
    if (k > i && k < end && (c[k] == U'、' || c[k] == U'.' || c[k] == U',')) begin = k + 1;
  }
  skip_spaces();
  while (end > begin && std::u32string_view(U" \t。.;:,、").find(c[end - 1]) != std::u32string_view::npos) --end;
  if (begin >= end) return std::string(heading);  // nothing but a number: keep it as printed
  return std::string(heading.substr(folded.offsets[begin], folded.offsets[end] - folded.offsets[begin]));
}

void write_two_mode_json(std::ostream& stream, const AgencyNetwork& network) {
  const AgencyGraph& graph = network.graph;
  const std::vector<std::string> ids = agency_ids(graph);
  detail::JsonText out(stream, 0);
  out.begin_object();
  out.key("schema");
  out.value("agencygraph-two-mode/1");
  out.key("title");
  out.value(map_title(network));
  out.key("documents");
  out.elements(network.documents.size(), [&](auto& o, std::size_t d) {
    const DocumentInfo& document = network.documents[d];
    o.begin_object();
    o.key("title");
    if (document.title) o.value(*document.title);
    else o.value(nullptr);
    o.key("jurisdiction");
    if (document.jurisdiction) o.value(*document.jurisdiction);
    else o.value(nullptr);
    o.key("year");
    if (document.year) o.value(*document.year);
    else o.value(nullptr);
    o.key("sources");
    o.begin_array();
    for (const std::string& source : document.sources) o.value(source);
    o.end_array();
    o.end_object();
  });
  out.key("tasks");
  out.elements(network.tasks.size(), [&](auto& o, std::size_t t) {
    const TaskInfo& task = network.tasks[t];
    const DocumentInfo& document = document_of(network, task);
    o.begin_object();
    o.key("id");
    o.value(task_id(t));
    o.key("document");
    o.value(task.document);
    o.key("number");
    o.value(task.id);
    o.key("source");
    o.value(network.source_path(task));
    o.key("line");
    o.value(task.line);
    if (!task.place.empty()) {
      o.key("place");
      o.value(task.place);
    }
    o.key("section");
    o.begin_array();
    if (task.section < document.sections.size())
      for (const std::string& heading : document.sections[task.section]) o.value(heading);
    o.end_array();
    o.key("text");
    o.value(task.text);
    o.end_object();
  });
  out.key("agencies");
  out.elements(boost::num_vertices(graph), [&](auto& o, std::size_t v) {
    const Agency& agency = graph[static_cast<AgencyVertex>(v)];
    o.begin_object();
    o.key("id");
    o.value(ids[v]);
    o.key("label");
    o.value(agency_label(agency));
    o.key("name");
    o.value(agency.name);
    o.key("jurisdiction");
    o.value(agency.jurisdiction);
    o.key("kind");
    o.value(to_string(agency.kind));
    o.end_object();
  });
  struct RoleEdge {
    std::uint32_t task, agency;
    const char* role;
  };
  std::vector<RoleEdge> edges;
  for_each_role(network, [&](std::uint32_t t, std::uint32_t v, const char* role) { edges.push_back({t, v, role}); });
  out.key("edges");
  out.elements(edges.size(), [&](auto& o, std::size_t e) {
    o.begin_object();
    o.key("task");
    o.value(task_id(edges[e].task));
    o.key("agency");
    o.value(ids[edges[e].agency]);
    o.key("role");
    o.value(edges[e].role);
    o.end_object();
  });
  out.end_object();
  out.finish();
}

void write_two_mode_gexf(std::ostream& out, const AgencyNetwork& network, GexfVersion version) {
  const AgencyGraph& graph = network.graph;
  const std::vector<std::string> ids = agency_ids(graph);
  detail::write_gexf_start(out, version, map_title(network) + "; two-mode: tasks and agencies");
  out << "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
      << "    <attributes class=\"node\" mode=\"static\">\n";
  for (const char* name : {"type", "kind", "jurisdiction", "number", "section", "text", "source", "place", "title"})
    out << "      <attribute id=\"" << name << "\" title=\"" << name << "\" type=\"string\"/>\n";
  for (const char* name : {"document", "line", "year"})
    out << "      <attribute id=\"" << name << "\" title=\"" << name << "\" type=\"integer\"/>\n";
  out << "    </attributes>\n"
      << "    <attributes class=\"edge\" mode=\"static\">\n"
      << "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
      << "    </attributes>\n";
  auto attvalue = [&out](const char* key, std::string_view value) {
    out << "          <attvalue for=\"" << key << "\" value=\"" << xml_escape(value) << "\"/>\n";
  };
  out << "    <nodes count=\"" << network.tasks.size() + boost::num_vertices(graph) << "\">\n";
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    const DocumentInfo& document = document_of(network, task);
    out << "      <node id=\"" << task_id(t) << "\" label=\"#" << xml_escape(detail::task_refs(network, {static_cast<std::uint32_t>(t)}))
        << "\">\n        <attvalues>\n";
    attvalue("type", "task");
    attvalue("number", task.id);
    attvalue("section", section_label(document, task.section));
    attvalue("text", task.text);
    attvalue("source", network.source_path(task));
    if (document.title) attvalue("title", *document.title);
    attvalue("document", std::to_string(task.document));
    attvalue("line", std::to_string(task.line));
    if (!task.place.empty()) attvalue("place", task.place);
    if (document.year) attvalue("year", std::to_string(*document.year));
    out << "        </attvalues>\n      </node>\n";
  }
  for (AgencyVertex v = 0; v < boost::num_vertices(graph); ++v) {
    const Agency& agency = graph[v];
    out << "      <node id=\"" << ids[v] << "\" label=\"" << xml_escape(agency_label(agency)) << "\">\n        <attvalues>\n";
    attvalue("type", "agency");
    attvalue("kind", std::string(to_string(agency.kind)));
    attvalue("jurisdiction", agency.jurisdiction);
    out << "        </attvalues>\n      </node>\n";
  }
  out << "    </nodes>\n";
  std::size_t edges = 0;
  for_each_role(network, [&](std::uint32_t, std::uint32_t, const char*) { ++edges; });
  out << "    <edges count=\"" << edges << "\">\n";
  std::size_t edge = 0;
  for_each_role(network, [&](std::uint32_t t, std::uint32_t v, const char* role) {
    out << "      <edge id=\"r" << edge++ << "\" source=\"" << task_id(t) << "\" target=\"" << ids[v]
        << "\">\n        <attvalues>\n          <attvalue for=\"role\" value=\"" << role
        << "\"/>\n        </attvalues>\n      </edge>\n";
  });
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void write_two_mode_nodes_csv(std::ostream& out, const AgencyNetwork& network) {
  const AgencyGraph& graph = network.graph;
  const std::vector<std::string> ids = agency_ids(graph);
  out << kUtf8Bom;
  write_csv_row(out, {"Id", "Label", "type", "kind", "jurisdiction", "document", "year", "number", "section", "source",
                      "line", "place", "text"});
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    const DocumentInfo& document = document_of(network, task);
    write_csv_row(out, {task_id(t), "#" + detail::task_refs(network, {static_cast<std::uint32_t>(t)}), "task", "",
                        document.jurisdiction.value_or(""), std::to_string(task.document + 1),
                        document.year ? std::to_string(*document.year) : std::string(), task.id.str(),
                        section_label(document, task.section), network.source_path(task), std::to_string(task.line),
                        task.place.str(), task.text.str()});
  }
  for (AgencyVertex v = 0; v < boost::num_vertices(graph); ++v) {
    const Agency& agency = graph[v];
    write_csv_row(out, {ids[v], agency_label(agency), "agency", std::string(to_string(agency.kind)), agency.jurisdiction,
                        "", "", "", "", "", "", "", ""});
  }
}

void write_two_mode_edges_csv(std::ostream& out, const AgencyNetwork& network) {
  const std::vector<std::string> ids = agency_ids(network.graph);
  out << kUtf8Bom;
  write_csv_row(out, {"Source", "Target", "Type", "Id", "role"});
  std::size_t edge = 0;
  for_each_role(network, [&](std::uint32_t t, std::uint32_t v, const char* role) {
    write_csv_row(out, {task_id(t), ids[v], "Undirected", "r" + std::to_string(edge++), role});
  });
}

void write_section_matrix_csv(std::ostream& out, const AgencyNetwork& network, const SectionMatrixOptions& options) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  const std::vector<std::string> ids = agency_ids(graph);
  const std::size_t level = std::max<std::size_t>(options.level, 1);
  // Each document's sections -> a column, numbered in order of first occurrence.
  std::map<std::string, std::size_t> column_of;
  std::vector<std::string> columns;
  std::vector<std::vector<std::size_t>> column_of_section(network.documents.size());
  for (std::size_t d = 0; d < network.documents.size(); ++d) {
    const DocumentInfo& document = network.documents[d];
    for (const std::vector<std::string>& path : document.sections) {
      std::string name;
      for (std::size_t k = 0; k < path.size() && k < level; ++k) {
        if (!name.empty()) name += " / ";
        name += bare_heading(path[k]);
      }
      if (name.empty()) name = "(no section)";
      const auto [it, added] = column_of.try_emplace(name, columns.size());
      if (added) columns.push_back(name);
      column_of_section[d].push_back(it->second);
    }
  }
  // Only columns some task stands under: a heading with no task under it is no policy area of anyone's.
  std::vector<std::size_t> used(columns.size(), 0);
  std::vector<std::map<std::size_t, std::uint32_t>> counts(n);
  for (const TaskInfo& task : network.tasks) {
    const std::vector<std::size_t>& sections = column_of_section[task.document];
    const std::size_t column = task.section < sections.size() ? sections[task.section] : sections.front();
    ++used[column];
    for (const std::uint32_t v : task.leads) ++counts[v][column];
    if (task.owner) ++counts[*task.owner][column];
    for (const std::uint32_t v : task.co) ++counts[v][column];
  }
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (used[c] > 0) shown.push_back(c);
  out << kUtf8Bom;
  std::vector<std::string> header{"Id", "Label", "name", "jurisdiction", "kind", "tasks"};
  for (const std::size_t c : shown) header.push_back(columns[c]);
  write_csv_row(out, header);
  for (AgencyVertex v = 0; v < n; ++v) {
    const Agency& agency = graph[v];
    std::vector<std::string> row{ids[v], agency_label(agency), agency.name, agency.jurisdiction,
                                 std::string(to_string(agency.kind)), std::to_string(agency.tasks.size())};
    for (const std::size_t c : shown) {
      const auto it = counts[v].find(c);
      row.push_back(std::to_string(it == counts[v].end() ? 0u : it->second));
    }
    write_csv_row(out, row);
  }
}

}  // namespace agencygraph::io
