// Matching elements and attributes of an Open XML part by prefix and local name ("w:" + "p"),
// without building the qualified name: the prefix is the one the part binds its namespace to
// (XmlPart::prefix), which is "w:" in nearly every file but need not be.
#pragma once

#include <string_view>

#include <pugixml.hpp>

namespace agencygraph::detail {

inline bool qualified_name_is(std::string_view name, std::string_view prefix, std::string_view local) {
  return name.size() == prefix.size() + local.size() && name.starts_with(prefix) && name.ends_with(local);
}

inline bool is(pugi::xml_node node, std::string_view prefix, std::string_view local) {
  return node.type() == pugi::node_element && qualified_name_is(node.name(), prefix, local);
}

inline pugi::xml_node child(pugi::xml_node node, std::string_view prefix, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (is(c, prefix, local)) return c;
  return {};
}

inline pugi::xml_attribute attribute(pugi::xml_node node, std::string_view prefix, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (qualified_name_is(a.name(), prefix, local)) return a;
  return {};
}

// The w:val of a child element (<w:ilvl w:val="2"/>), "" when there is none.
inline std::string_view child_value(pugi::xml_node node, std::string_view prefix, std::string_view local) {
  return attribute(child(node, prefix, local), prefix, "val").value();
}

// An on/off property (<w:vanish/>, <w:isLgl w:val="0"/>): present and not switched off.
inline bool is_on(pugi::xml_node property, std::string_view prefix) {
  if (!property) return false;
  const std::string_view value = attribute(property, prefix, "val").value();
  return value != "0" && value != "false" && value != "off";
}

}  // namespace agencygraph::detail
