// Stage 3: the grammar of responsibility annotations, on folded text.
//
// An annotation is one of: a bracket group holding role labels (牵头单位:…;责任单位:…) or role verbs
// (发展改革委牵头,各有关部门按职责分工负责); labels outside brackets (inline or on lines of their own);
// or prose (此项工作由A主办,B协办). This module finds it and cuts it into role lists; names.hpp
// cuts the role lists into agency names.
#pragma once

#include <optional>
#include <limits>
#include <vector>

#include "agencygraph/model.hpp"
#include "u32.hpp"

namespace agencygraph::detail {

// What a label introduces: units in a role, a deadline, people, clauses read by their role verbs
// (部门分工：X牵头，各地配合), or nothing of use (联系人).
enum class ListRole { Lead, Co, Deadline, People, Verbs, Ignored };

struct RoleList {
  Role role = Role::Co;
  Range names;  // the list text after the label / before the verb
};

struct ParsedAnnotation {
  std::vector<RoleList> roles;
  std::vector<Range> deadlines;
  std::vector<Range> remarks;
  std::vector<Range> people;  // officials named as answering for the task (分管领导: 王某某), never agencies
  // The lists from roles[agencies_only_from] on follow a table's column names on their line (牵头部门
  // 主责单位 协办单位 …) with the rows' cells run together after them, as a PDF preview prints a table:
  // which column a word came from is lost, and only the words that end like an agency are certainly units.
  std::uint32_t agencies_only_from = std::numeric_limits<std::uint32_t>::max();
  bool has_roles() const { return !roles.empty(); }
};

// Where the annotation sits in a task block.
struct FoundAnnotation {
  Range whole;        // what is cut off the task text (brackets included)
  Range content;      // inside the brackets / from the first label
  ParsedAnnotation parsed;
  bool prose = false;  // read from a sentence (此项工作由X主办…), not from brackets or labels
};

// Parses the contents of an annotation. Labelled content is cut at its labels; otherwise clauses
// are read by their role verbs. Returns no roles when nothing looks like an annotation.
ParsedAnnotation parse_annotation(std::u32string_view s, Range content);

// Finds the annotation of the task block s[block]: labels outside brackets first, then the last
// bracket group holding roles, then prose. Bracket groups after the annotation that hold only
// deadlines or remarks are attached to it.
std::optional<FoundAnnotation> find_annotation(std::u32string_view s, Range block);

// The annotation of a line that follows a task's first line, read on its own: what
// find_annotation() finds in it; else the whole line as prose by its role verbs (此项工作由X主办，
// A、B协办。); else role clauses that open the line (由某某副市长负责，X牵头，Y配合，抓好…), where
// the official is kept in `people`.
std::optional<FoundAnnotation> find_line_annotation(std::u32string_view s, Range line);
// find_line_annotation() without find_annotation(): the prose readings alone.
std::optional<FoundAnnotation> find_line_prose(std::u32string_view s, Range line);
// Role clauses opening a line, up to its first full stop: the longest run of clauses from the start
// that reads as roles (and officials) and nothing else (X负责，A、B配合，严格实施…).
std::optional<FoundAnnotation> find_leading_clauses(std::u32string_view s, Range line);

// True when c can start a role label (牵头单位, 责任单位, 完成时限, …).
bool may_start_label(char32_t c);

// True when some role verb (牵头, 按职责分工负责, 承办, 指导, …) ends in c: the scanners' test for a
// clause that may close its units with a verb.
bool ends_role_verb(char32_t c);

// True when a label may start after c: a space (牵头单位:A  责任单位:B), a clause separator, 、,
// \r or an opening bracket. Labels also start at the start of an annotation.
bool ends_label_boundary(char32_t c);

// Whether find_annotation could read a label at the start of `rest`, folded text that follows a
// label boundary at the top nesting level. `rest` may be cut short (a window of the block); the
// answer is then "may", never a wrong "no". Lets a scanner skip folding blocks without labels.
bool may_be_label_at(std::u32string_view rest);
// The same for a label in brackets of its own (【牵头单位】), `rest` following the opening bracket.
bool may_be_bracketed_label_at(std::u32string_view rest);

// Whether folded `line` opens with a label of people and its colon (责任人：…, 牵头负责领导:…, 分管领导：…).
bool opens_with_people_label(std::u32string_view line);

// Adds the clauses of a bracket group that follows the annotation on its line (deadlines,
// remarks) to `parsed`; false when the group is empty and so not part of the annotation.
bool attach_trailing_group(std::u32string_view s, Range inner, ParsedAnnotation& parsed);

// True when the text reads like an agency list (every item ends like an agency name or is a
// collective); used to accept role-verb clauses and bare bracketed lists.
bool looks_like_agency_list(std::u32string_view list);

// True for a clause about the units rather than units, met inside a list of them: the
// first-listed rule (排在首位的为牵头单位，下同), a standing remark (以下…均需…落实，不再单独列出), a
// label this grammar does not know (适用范围：…), or prose. Names of units hold none of its words.
bool looks_like_remark(std::u32string_view clause);

// False when the text holds no digit, no full stop and no character that starts a word of
// looks_like_deadline() or looks_like_remark(): one look-up per character rules most lists out.
bool may_be_clause(std::u32string_view text);
// may_be_clause() of one character.
bool may_be_clause_character(char32_t c);

// True for time expressions that belong in a deadline field: 2023年底前, 年内, 长期坚持, 6月底.
bool looks_like_deadline(std::u32string_view clause);

}  // namespace agencygraph::detail
