// Documents carried inside code and data -> the plain text the extraction reads.
//
// Why it exists: task lists reach users inside web applications and their databases as often as
// on pages: a JSON file, a JavaScript object literal behind a chart or an app
// ({id: "3", content: "…", departments: "X牵头，Y、Z按职责分工负责"}, an ECharts tree of
// {name, children}), an SQL dump whose string column holds the page's HTML. The parser reads
// lines; this turns such a file into them once, before parsing:
// - string literals are unescaped (\" \' \n \t \\ \uXXXX, SQL's doubled quote); a string that is
//   HTML is converted as a page is (html_text.hpp);
// - an object becomes one line: its number, its text fields and, in brackets, its responsibility
//   fields, labelled by their key where the key names a role (牵头单位, lead, co…);
// - a node whose children are all leaves (a tree of task → clauses) becomes one line, label first
//   ("label：clause；clause（annotation）"), the leaf that reads as an annotation bracketed;
// - other values and nesting are walked in order, each text on a line of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

struct CodeText {
  std::string text;                  // lines separated by '\n'
  std::vector<std::uint32_t> lines;  // lines[i]: the 1-based line of the file where line i + 1 began
};

// Whether the text is code or data this module reads (a JSON value, a JavaScript object literal or
// assignment, an SQL INSERT statement), told by how it starts; then its text. Nothing for other
// text, which is read as it is.
std::optional<CodeText> code_to_text(std::string_view text);

}  // namespace agencygraph::detail
