#include "agencygraph/io/gexf.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "io/gexf_common.hpp"
#include "io/network_table.hpp"
#include "io/ordered_chunks.hpp"

namespace agencygraph::io {
namespace {

using detail::Column;
using detail::Table;

// Node columns that GEXF carries otherwise: the label is the node's own attribute, colour, size and
// position are viz elements.
bool node_column_left_out(const Column& column) {
  return column.name == "label" || column.name == "r" || column.name == "g" || column.name == "b" ||
         column.name == "size" || column.name == "x" || column.name == "y";
}

// Link columns GEXF carries otherwise (source, target, weight are the edge's attributes) or that say
// nothing the file does not (GraphML leaves out the same: the ends' labels are on their nodes,
// `symmetric` follows from `kind`, `task_count` equals the weight).
bool link_column_left_out(const Column& column) {
  return column.name == "source" || column.name == "target" || column.name == "weight" ||
         detail::is_end_label(column) || column.name == "symmetric" || column.name == "task_count";
}

std::vector<const Column*> kept_columns(const Table& table, bool (*left_out)(const Column&)) {
  std::vector<const Column*> kept;
  for (const Column& column : table.columns)
    if (!left_out(column)) kept.push_back(&column);
  return kept;
}

// Attributes are declared with numeric ids, 0, 1, … in column order, their names as titles (as Gephi
// writes GEXF): a national network has millions of <attvalue>s, and the names repeated in each made
// the file a tenth larger. Readers (Gephi, NetworkX) name the values by title.
void write_attributes(std::ostream& out, const char* element_class, const std::vector<const Column*>& columns,
                      const char* dynamic_title) {
  out << "    <attributes class=\"" << element_class << "\" mode=\"static\">\n";
  for (std::size_t id = 0; id < columns.size(); ++id) {
    out << "      <attribute id=\"" << id << "\" title=\"" << xml_escape(columns[id]->name) << "\" type=\""
        << detail::gexf_type(columns[id]->type) << "\"/>\n";
  }
  out << "    </attributes>\n";
  if (dynamic_title == nullptr) return;
  out << "    <attributes class=\"" << element_class << "\" mode=\"dynamic\">\n"
      << "      <attribute id=\"" << columns.size() << "\" title=\"" << dynamic_title << "\" type=\"double\"/>\n"
      << "    </attributes>\n";
}

// The row's static <attvalue>s (none for a column without a value in the row).
void append_attvalues(std::string& out, const std::vector<const Column*>& columns, std::size_t row, std::string& scratch) {
  for (std::size_t id = 0; id < columns.size(); ++id) {
    const Column* column = columns[id];
    scratch.clear();
    if (!column->append(row, scratch)) continue;
    out += "        <attvalue for=\"";
    detail::append_int(out, static_cast<long long>(id));
    out += "\" value=\"";
    if (column->plain) out += scratch;
    else append_xml_escaped(out, scratch);
    out += "\"/>\n";
  }
}

double rounded(double value) { return std::round(value * 100.0) / 100.0; }

// A year's value as a dynamic <attvalue> of the attribute numbered `id`.
void append_yearly(std::string& out, std::size_t id, double value, int year) {
  out += "        <attvalue for=\"";
  detail::append_int(out, static_cast<long long>(id));
  out += "\" value=\"";
  detail::append_double(out, value);
  out += "\" start=\"";
  detail::append_int(out, year);
  out += "\" end=\"";
  detail::append_int(out, year);
  out += "\"/>\n";
}

// <spells>: runs of consecutive years as closed intervals, [2019, 2021] for 2019, 2020 and 2021.
void append_spells(std::string& out, const std::vector<int>& years) {
  if (years.empty()) return;
  out += "      <spells>\n";
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    out += "        <spell start=\"";
    detail::append_int(out, years[i]);
    out += "\" end=\"";
    detail::append_int(out, years[j]);
    out += "\"/>\n";
    i = j + 1;
  }
  out += "      </spells>\n";
}

struct YearCounts {
  std::uint32_t lead = 0, co = 0, owner = 0;
};

}  // namespace

std::vector<int> gexf_years(const AgencyNetwork& network, const GexfOptions& options) {
  if (!options.dynamic) return {};
  std::set<int> years;
  for (const DocumentInfo& document : network.documents)
    if (document.year) years.insert(*document.year);
  if (years.size() < 2) return {};
  return {years.begin(), years.end()};
}

void write_gexf(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                const GexfOptions& options) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  const std::vector<int> years = gexf_years(network, options);
  const bool dynamic = !years.empty();
  const bool v13 = options.version == GexfVersion::V1_3;

  const detail::SharedRefs refs = detail::network_refs(network, options.provenance);
  const Table nodes = detail::node_table(network, metrics, {nullptr, nullptr, options.provenance}, refs);
  const Table links = detail::link_table(network, refs, options.provenance);
  const std::vector<const Column*> node_columns = kept_columns(nodes, node_column_left_out);
  const std::vector<const Column*> link_columns = kept_columns(links, link_column_left_out);
  const std::vector<NodeLook>* looks = options.looks != nullptr && options.looks->size() == n ? options.looks : nullptr;
  const std::vector<std::optional<Point>>* positions =
      options.positions != nullptr && options.positions->size() == n ? options.positions : nullptr;

  std::string description = options.title.empty() ? map_title(network) : options.title;
  if (metrics.community.size() == n && n > 0) {
    description += "; Louvain modularity ";
    detail::append_double(description, metrics.modularity);
  }
  detail::write_gexf_start(out, options.version, description);
  out << "  <graph defaultedgetype=\"directed\" mode=\"" << (dynamic ? "dynamic" : "static") << '"';
  // Years as numbers: Gephi reads "double" as its own numeric time (it has no "integer"), NetworkX as floats.
  if (dynamic) out << " timeformat=\"double\" start=\"" << years.front() << "\" end=\"" << years.back() << '"';
  out << ">\n";
  write_attributes(out, "node", node_columns, dynamic ? "yearly_burden" : nullptr);
  write_attributes(out, "edge", link_columns, dynamic ? "yearly_weight" : nullptr);
  const std::size_t yearly_burden = node_columns.size(), yearly_weight = link_columns.size();
  auto year_of = [&](std::uint32_t t) { return network.documents[network.tasks[t].document].year; };

  out << "    <nodes count=\"" << n << "\">\n";
  detail::write_in_order(out, n, 0, [&](std::size_t begin, std::size_t end, std::string& text) {
    std::string scratch;
    for (std::size_t row = begin; row < end; ++row) {
      const auto v = static_cast<AgencyVertex>(row);
      const Agency& agency = graph[v];
      text += "    <node id=\"";
      nodes.append_id(row, text);
      text += "\" label=\"";
      append_xml_escaped(text, agency.label.empty() ? agency.name : agency.label);
      text += "\">\n      <attvalues>\n";
      append_attvalues(text, node_columns, row, scratch);
      std::vector<int> present;
      if (dynamic) {
        std::map<int, YearCounts> by_year;
        for (const std::uint32_t t : agency.tasks) {
          const std::optional<int> year = year_of(t);
          if (!year) continue;
          const TaskInfo& task = network.tasks[t];
          YearCounts& counts = by_year[*year];
          if (std::find(task.leads.begin(), task.leads.end(), v) != task.leads.end()) ++counts.lead;
          else if (task.owner && *task.owner == v) ++counts.owner;
          else ++counts.co;
        }
        for (const auto& [year, counts] : by_year) {
          const BurdenWeights& w = options.weights;
          append_yearly(text, yearly_burden, w.lead * counts.lead + w.owner * counts.owner + w.co * counts.co, year);
          present.push_back(year);
        }
      }
      text += "      </attvalues>\n";
      append_spells(text, present);
      if (looks != nullptr) {
        const NodeLook& look = (*looks)[row];
        text += "      <viz:color r=\"";
        detail::append_int(text, look.fill.r);
        text += "\" g=\"";
        detail::append_int(text, look.fill.g);
        text += "\" b=\"";
        detail::append_int(text, look.fill.b);
        text += "\"/>\n      <viz:size value=\"";
        detail::append_double(text, rounded(look.size));
        text += "\"/>\n";
      }
      if (positions != nullptr && (*positions)[row]) {
        text += "      <viz:position x=\"";
        detail::append_double(text, rounded((*positions)[row]->x));
        text += "\" y=\"";
        detail::append_double(text, rounded((*positions)[row]->y));
        text += "\" z=\"0\"/>\n";
      }
      text += "    </node>\n";
    }
  });
  out << "    </nodes>\n";

  out << "    <edges count=\"" << links.rows << "\">\n";
  const Column& source = links.columns[0];
  const Column& target = links.columns[1];
  std::vector<AgencyEdge> edges;
  edges.reserve(links.rows);
  for (auto [it, end] = boost::edges(graph); it != end; ++it) edges.push_back(*it);
  detail::write_in_order(out, links.rows, 0, [&](std::size_t begin, std::size_t end, std::string& text) {
    std::string scratch;
    for (std::size_t row = begin; row < end; ++row) {
      const Link& link = graph[edges[row]];
      text += "    <edge id=\"";
      links.append_id(row, text);
      text += "\" source=\"";
      source.append(row, text);
      text += "\" target=\"";
      target.append(row, text);
      text += "\" weight=\"";
      detail::append_double(text, link.weight);
      if (v13) {  // 1.3 names parallel edges' kinds, which Gephi keeps apart
        text += "\" kind=\"";
        text += to_string(link.kind);
      }
      text += "\">\n      <attvalues>\n";
      append_attvalues(text, link_columns, row, scratch);
      std::vector<int> present;
      if (dynamic) {
        std::map<int, std::uint32_t> by_year;
        for (const std::uint32_t t : link.tasks)
          if (const std::optional<int> year = year_of(t)) ++by_year[*year];
        for (const auto& [year, count] : by_year) {
          append_yearly(text, yearly_weight, count, year);
          present.push_back(year);
        }
      }
      text += "      </attvalues>\n";
      append_spells(text, present);
      text += "    </edge>\n";
    }
  });
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace agencygraph::io
