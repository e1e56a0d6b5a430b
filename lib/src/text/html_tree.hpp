// HTML -> a small element tree, the way browsers recover from missing end tags (much simplified):
// html_text.cpp writes the tree out as lines. Text nodes keep the page's bytes; entities are decoded
// when the text is written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail::html {

struct Node {
  std::string name;                     // lower-case tag name; empty for a text node
  std::uint32_t begin = 0, end = 0;     // text nodes: the page's bytes, entities not yet decoded
  std::uint32_t line = 1;               // the line of the page where the node starts
  std::uint32_t rowspan = 1, colspan = 1;  // td and th
  std::vector<std::uint32_t> children;
  bool is_text() const { return name.empty(); }
};

// Builds the tree of a page (valid UTF-8). nodes[0] is the root; any input is accepted (unclosed or
// stray tags, a stray '<', an unterminated comment, quote or script, a truncated file), and nesting
// deeper than a limit is flattened.
std::vector<Node> build_tree(std::string_view html);

// Start tags that close an open <p>, as in HTML's tree construction (all of them are blocks).
bool closes_paragraph(std::string_view name);

}  // namespace agencygraph::detail::html
