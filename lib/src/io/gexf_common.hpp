// What the GEXF writers share: the namespaces of each version, the root element and the meta element.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "io/escape.hpp"
#include "agencygraph/io/gexf.hpp"
#include "io/network_table.hpp"

namespace agencygraph::io::detail {

// Writes the XML declaration, <gexf> with its namespaces, and <meta> with the creator and `description`.
// No xsi:schemaLocation: GEXF 1.3's RelaxNG schema refuses it, and no reader needs it.
inline void write_gexf_start(std::ostream& out, GexfVersion version, std::string_view description) {
  const bool v13 = version == GexfVersion::V1_3;
  const std::string_view ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<gexf xmlns=\"" << ns << "\" xmlns:viz=\"" << ns << "/viz\" version=\"" << (v13 ? "1.3" : "1.2") << "\">\n"
      << "  <meta>\n    <creator>agencygraph</creator>\n    <description>" << xml_escape(description)
      << "</description>\n  </meta>\n";
}

// GEXF's names for the column types.
inline std::string_view gexf_type(ColumnType type) {
  switch (type) {
    case ColumnType::String: return "string";
    case ColumnType::Int: return "integer";
    case ColumnType::Double: return "double";
    case ColumnType::Boolean: return "boolean";
  }
  return "string";
}

}  // namespace agencygraph::io::detail
