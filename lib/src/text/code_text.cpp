#include "text/code_text.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

#include "agencygraph/fold.hpp"
#include "text/html_text.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// Deeper nesting is skipped as one opaque value: no real data nests this deep, and recursion stays
// bounded whatever the input.
constexpr int kMaxDepth = 128;

// ---- values ----

struct Value {
  enum class Kind { Object, Array, String, Other } kind = Kind::Other;
  std::string text;    // String: unescaped; Other: as written, trimmed (numbers, true, identifiers)
  std::uint32_t line = 1;  // where the value starts in the file
  // Object. A struct declared here and defined below rather than std::pair<std::string, Value>: the
  // pair would need Value complete, which clang with libstdc++ refuses (vector<Member> may wait).
  struct Member;
  std::vector<Member> members;
  std::vector<Value> items;                            // Array
  bool scalar() const { return kind == Kind::String || kind == Kind::Other; }
};

struct Value::Member {
  std::string key;
  Value value;
};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_ident_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Reads JSON and JavaScript literals, tolerant of what real files hold: unquoted and quoted keys,
// single, double and backtick quotes, trailing commas, comments, calls and expressions as values.
class LiteralReader {
 public:
  explicit LiteralReader(std::string_view text) : s_(text) {}

  // Every top-level object, array and string literal of the text, in order; what lies between
  // (statements, SQL keywords, numbers) is passed over.
  std::vector<Value> read_all() {
    std::vector<Value> values;
    while (skip_space_and_comments(), i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '{' || c == '[' || is_quote(c)) {
        values.push_back(read_value(0));
      } else {
        advance();
      }
    }
    return values;
  }

 private:
  static bool is_quote(char c) { return c == '"' || c == '\'' || c == '`'; }

  void advance() {
    if (s_[i_] == '\n') ++line_;
    ++i_;
  }

  void skip_space_and_comments() {
    while (i_ < s_.size()) {
      if (is_space_byte(s_[i_])) {
        advance();
      } else if (s_.compare(i_, 2, "//") == 0) {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (s_.compare(i_, 2, "/*") == 0) {
        const std::size_t end = s_.find("*/", i_ + 2);
        const std::size_t stop = end == npos ? s_.size() : end + 2;
        while (i_ < stop) advance();
      } else {
        return;
      }
    }
  }

  Value read_value(int depth) {
    skip_space_and_comments();
    Value v;
    v.line = line_;
    if (i_ >= s_.size()) return v;
    const char c = s_[i_];
    if (is_quote(c)) {
      v.kind = Value::Kind::String;
      v.text = read_string();
    } else if ((c == '{' || c == '[') && depth >= kMaxDepth) {
      skip_balanced();
    } else if (c == '{') {
      v.kind = Value::Kind::Object;
      read_object(v, depth);
    } else if (c == '[') {
      v.kind = Value::Kind::Array;
      read_array(v, depth);
    } else {
      v.text = read_other();
    }
    return v;
  }

  void read_object(Value& v, int depth) {
    advance();  // {
    while (skip_space_and_comments(), i_ < s_.size() && s_[i_] != '}') {
      if (s_[i_] == ',') {
        advance();
        continue;
      }
      std::string key;
      if (is_quote(s_[i_])) {
        key = read_string();
      } else if (s_[i_] == '[') {  // a computed key: [expr]
        skip_balanced();
      } else {
        const std::size_t begin = i_;
        while (i_ < s_.size() && is_ident_byte(s_[i_])) ++i_;
        key.assign(s_.substr(begin, i_ - begin));
        if (i_ == begin) {  // neither a key nor the object's end: skip the character
          advance();
          continue;
        }
      }
      skip_space_and_comments();
      if (i_ < s_.size() && s_[i_] == ':') {
        advance();
        v.members.push_back(Value::Member{std::move(key), read_value(depth + 1)});
      } else if (i_ < s_.size() && s_[i_] == '(') {  // a method: name() { … }
        skip_balanced();
        skip_space_and_comments();
        if (i_ < s_.size() && s_[i_] == '{') skip_balanced();
      }
      // else a shorthand property: nothing to keep
    }
    if (i_ < s_.size()) advance();  // }
  }

  void read_array(Value& v, int depth) {
    advance();  // [
    while (skip_space_and_comments(), i_ < s_.size() && s_[i_] != ']') {
      if (s_[i_] == ',') {
        advance();
        continue;
      }
      const std::size_t before = i_;
      v.items.push_back(read_value(depth + 1));
      if (i_ == before) advance();  // a stray character: never loop on it
    }
    if (i_ < s_.size()) advance();  // ]
  }

  // A value that is not a literal: up to the next , } ] at its own nesting level.
  std::string read_other() {
    const std::size_t begin = i_;
    int depth = 0;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (is_quote(c)) {
        read_string();
        continue;
      }
      if (c == '(' || c == '{' || c == '[') ++depth;
      else if (c == ')' || c == '}' || c == ']') {
        if (depth == 0) break;
        --depth;
      } else if (c == ',' && depth == 0) {
        break;
      }
      advance();
    }
    std::string_view text = s_.substr(begin, i_ - begin);
    while (!text.empty() && is_space_byte(text.back())) text.remove_suffix(1);
    return std::string(text);
  }

  // Skips a bracketed stretch, strings inside it included.
  void skip_balanced() {
    int depth = 0;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (is_quote(c)) {
        read_string();
        continue;
      }
      if (c == '(' || c == '{' || c == '[') ++depth;
      else if ((c == ')' || c == '}' || c == ']') && --depth <= 0) {
        advance();
        return;
      }
      advance();
    }
  }

  // A quoted string, unescaped: \n \t \r \" \' \\ \/ \uXXXX (surrogate pairs joined) \xHH, and a
  // doubled quote inside single quotes (SQL). An unterminated string runs to the end.
  std::string read_string() {
    const char quote = s_[i_];
    advance();
    std::string out;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == quote) {
        if (quote == '\'' && i_ + 1 < s_.size() && s_[i_ + 1] == '\'') {  // SQL: '' is a quote
          out += '\'';
          i_ += 2;
          continue;
        }
        advance();
        return out;
      }
      if (c == '\\' && i_ + 1 < s_.size()) {
        const char e = s_[i_ + 1];
        i_ += 2;
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': break;
          case 'b': case 'f': case 'v': case '0': break;
          case 'u': append_code_unit_escape(out); break;
          case 'x': append_hex_escape(out, 2); break;
          case '\n': ++line_; break;  // a line continuation
          default: out += e; break;
        }
        continue;
      }
      out += c;
      advance();
    }
    return out;
  }

  // Reads `digits` hex digits at i_; -1 when they are not there.
  long read_hex(int digits) {
    if (i_ + static_cast<std::size_t>(digits) > s_.size()) return -1;
    long value = 0;
    for (int k = 0; k < digits; ++k) {
      const char h = s_[i_ + static_cast<std::size_t>(k)];
      const int d = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
      if (d < 0) return -1;
      value = value * 16 + d;
    }
    i_ += static_cast<std::size_t>(digits);
    return value;
  }

  void append_hex_escape(std::string& out, int digits) {
    const long value = read_hex(digits);
    if (value >= 0) append_utf8(out, static_cast<char32_t>(value));
  }

  void append_code_unit_escape(std::string& out) {
    long unit = -1;
    if (i_ < s_.size() && s_[i_] == '{') {  // \u{1F600}
      const std::size_t close = s_.find('}', i_);
      if (close != npos && close - i_ <= 7) {
        ++i_;
        unit = read_hex(static_cast<int>(close - i_));
        i_ = close + 1;
      }
      if (unit >= 0) append_utf8(out, static_cast<char32_t>(unit));
      return;
    }
    unit = read_hex(4);
    if (unit < 0) return;
    if (unit >= 0xD800 && unit <= 0xDBFF && s_.compare(i_, 2, "\\u") == 0) {
      const std::size_t at = i_;
      i_ += 2;
      const long low = read_hex(4);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, static_cast<char32_t>(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)));
        return;
      }
      i_ = at;
    }
    append_utf8(out, static_cast<char32_t>(unit));  // a lone surrogate appends nothing
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
};

// ---- what a key says ----

enum class Field { Ignored, Id, Text, Lead, Co, Annotation, People, Deadline, Children };

std::string lower_ascii(std::string_view key) {
  std::string out(key);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool key_is(std::string_view key, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

bool key_has(std::string_view key, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return key.find(w) != npos; });
}

// The English words of a key written in camelCase or snake_case (provinceLeadDepartment:
// province, lead, department), lower case.
std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    const bool upper = c >= 'A' && c <= 'Z';
    const bool letter = upper || (c >= 'a' && c <= 'z');
    if (!letter || (upper && !word.empty() && !(key[i - 1] >= 'A' && key[i - 1] <= 'Z'))) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    }
    if (letter) word += static_cast<char>(upper ? c - 'A' + 'a' : c);
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// A role a key's English words name, when it names departments or units too
// (provinceLeadDepartment, cityCoordinationDepartment, assist_units): Lead, Co, or Ignored.
Field role_of_key_words(std::string_view raw_key) {
  const std::vector<std::string> words = key_words(raw_key);
  if (words.size() < 2) return Field::Ignored;
  const auto has = [&](std::initializer_list<std::string_view> names) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return key_is(w, names); });
  };
  if (!has({"department", "departments", "dept", "depts", "unit", "units", "org", "orgs", "organization",
            "organizations", "agency", "agencies", "office", "offices", "bureau", "bureaus"}))
    return Field::Ignored;
  // cityLeadDepartmentId, leadDeptCode: a key into another table, not the units' names.
  if (has({"id", "ids", "code", "codes", "no", "num", "number", "key", "keys", "type", "count", "index"})) return Field::Ignored;
  if (has({"lead", "leading", "main", "primary", "host", "responsible"})) return Field::Lead;
  if (has({"coordination", "coordinate", "coordinating", "cooperation", "cooperate", "cooperating", "co", "assist",
           "assisting", "support", "supporting", "partner", "partners", "collaboration", "collaborating",
           "participating", "participate", "related", "other", "others"}))
    return Field::Co;
  return Field::Ignored;
}

Field field_of(std::string_view raw_key) {
  const std::string key = lower_ascii(raw_key);
  if (key_has(key, {"领导", "leader", "责任人"})) return Field::People;
  if (key_has(key, {"牵头", "主办", "主责"}) || key_is(key, {"lead", "leads", "lead_dept", "leading", "qtdw", "qtbm"}))
    return Field::Lead;
  if (key_has(key, {"责任单位", "责任部门", "配合", "协办", "参与", "协作"}) ||
      key_is(key, {"co", "cooperate", "cooperation", "assist", "assists", "zrdw", "phdw", "xbdw"}))
    return Field::Co;
  if (const Field role = role_of_key_words(raw_key); role != Field::Ignored) return role;
  if (key_has(key, {"时限", "期限", "deadline"})) return Field::Deadline;
  if (key_has(key, {"部门", "单位", "分工"}) ||
      key_is(key, {"departments", "department", "dept", "depts", "dep", "deps", "units", "unit", "org", "orgs",
                   "organization", "organizations", "responsible", "responsibility", "duty", "owner", "owners",
                   "agency", "agencies", "bm", "dw"}))
    return Field::Annotation;
  if (key_is(key, {"id", "no", "num", "number", "index", "idx", "seq", "order", "xh", "sn", "序号", "编号"})) return Field::Id;
  if (key_is(key, {"children", "items", "list", "subs", "sub", "nodes", "tasks", "data", "rows", "records", "child"}))
    return Field::Children;
  if (key_has(key, {"任务", "内容", "名称", "标题", "事项", "措施"}) ||
      key_is(key, {"title", "name", "content", "task", "text", "label", "desc", "description", "detail", "measure",
                   "item", "work", "value", "body", "summary"}))
    return Field::Text;
  return Field::Ignored;
}

// Whether a field's text says a role itself (X牵头，Y配合 / 责任单位：…), rather than only naming units.
bool holds_role_word(std::string_view s) {
  for (std::string_view word : {"牵头", "负责", "配合", "协办", "主办", "参与", "协作", "协同", "责任", "落实", "主责", "承办"})
    if (s.find(word) != npos) return true;
  return false;
}

// Whether a string holds Chinese text (a key we do not know may still carry the task).
bool has_cjk(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xE4 && b <= 0xE9) return true;
  }
  return false;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && is_space_byte(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_byte(s.back())) s.remove_suffix(1);
  return s;
}

// A clause that reads as an annotation by its ending: the role verbs of annotation.cpp that close
// a State Council-style clause. The parser decides; this only brackets the candidate.
bool ends_with_role_verb(std::string_view clause) {
  clause = trim_view(clause);
  for (std::string_view stop : {"。", "；", ";", "."})
    if (clause.ends_with(stop)) clause.remove_suffix(stop.size());
  for (std::string_view verb : {"负责", "牵头", "配合", "落实", "协办", "参与", "协作", "实施", "主办", "負責", "牽頭",
                                "協辦", "參與", "協作"})
    if (clause.ends_with(verb)) return true;
  return false;
}

// ---- values -> lines ----

class LineMaker {
 public:
  CodeText take() { return std::move(out_); }

  void render(const Value& v) {
    switch (v.kind) {
      case Value::Kind::String: emit_text(v.text, v.line); break;
      case Value::Kind::Array:
        for (const Value& item : v.items) render(item);
        break;
      case Value::Kind::Object: render_object(v); break;
      case Value::Kind::Other: break;
    }
  }

 private:
  // One string's text: HTML converted as a page, else its lines.
  void emit_text(std::string_view text, std::uint32_t line) {
    if (trim_view(text).empty()) return;
    if (looks_like_html(text)) {
      const HtmlText page = html_to_text(text);
      std::size_t start = 0;
      for (std::size_t k = 0; k < page.lines.size(); ++k) {
        const std::size_t end = std::min(page.text.find('\n', start), page.text.size());
        emit_line(std::string_view(page.text).substr(start, end - start), line + page.lines[k] - 1);
        start = end + 1;
      }
      return;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      emit_line(text.substr(start, end - start), line);
      start = end + 1;
    }
  }

  void emit_line(std::string_view text, std::uint32_t line) {
    if (!out_.lines.empty()) out_.text += '\n';
    out_.text += text;
    out_.lines.push_back(line);
  }

  static bool is_leaf(const Value& v) {
    if (v.kind == Value::Kind::String) return true;
    if (v.kind != Value::Kind::Object) return false;
    return std::all_of(v.members.begin(), v.members.end(), [](const auto& m) { return m.value.scalar(); });
  }

  // A leaf's text: a string, or its text fields.
  static std::string leaf_text(const Value& v) {
    if (v.kind == Value::Kind::String) return std::string(trim_view(v.text));
    std::string text;
    for (const auto& [key, value] : v.members)
      if (value.kind == Value::Kind::String && field_of(key) == Field::Text) text += trim_view(value.text);
    return text;
  }

  // The object's children: its array members of objects or strings.
  static const Value* children_of(const Value& v) {
    for (const auto& [key, value] : v.members)
      if (value.kind == Value::Kind::Array && !value.items.empty() && field_of(key) == Field::Children) return &value;
    return nullptr;
  }

  void render_object(const Value& v) {
    std::string id, text, lead, co, annotation, people, deadline;
    auto append = [](std::string& to, std::string_view what, std::string_view separator) {
      what = trim_view(what);
      if (what.empty()) return;
      if (!to.empty()) to += separator;
      to += what;
    };
    for (const auto& [key, value] : v.members) {
      if (!value.scalar()) continue;
      const std::string_view s = value.text;
      switch (field_of(key)) {
        case Field::Id: append(id, s, ""); break;
        case Field::Text: append(text, s, "。"); break;
        case Field::Lead: append(lead, s, "、"); break;
        case Field::Co: append(co, s, "、"); break;
        case Field::Annotation: append(annotation, s, "，"); break;
        case Field::People: append(people, s, "、"); break;
        case Field::Deadline: append(deadline, s, "；"); break;
        case Field::Children: break;
        case Field::Ignored:
          // A field we cannot name that holds a sentence of Chinese is part of the task's text.
          if (value.kind == Value::Kind::String && has_cjk(s) && s.size() >= 6 * 3) append(text, s, "。");
          break;
      }
    }
    const Value* children = children_of(v);
    if (children && lead.empty() && co.empty() && annotation.empty() &&
        std::all_of(children->items.begin(), children->items.end(), is_leaf) && !text.empty()) {
      if (render_clause_node(text, *children, v.line)) return;
    }
    // An object with a responsible-units field beside a field of units that names no role
    // ({owner: "X", co: "A、B"}) gives that field's units the lead: the key is the role.
    if (lead.empty() && !co.empty() && !annotation.empty() && !holds_role_word(annotation)) {
      lead.swap(annotation);
      annotation.clear();
    }
    std::string bracket;
    if (!lead.empty()) append(bracket, "牵头单位：" + lead, "；");
    if (!co.empty()) append(bracket, "责任单位：" + co, "；");
    if (!annotation.empty()) append(bracket, annotation, "；");
    if (!people.empty()) append(bracket, "责任领导：" + people, "；");
    if (!deadline.empty()) append(bracket, "完成时限：" + deadline, "；");
    std::string line;
    if (!id.empty() && id.find_first_not_of("0123456789") == npos) line = id + ".";
    else if (!id.empty()) line = id + " ";
    line += text;
    if (!bracket.empty()) line += "（" + bracket + "）";
    if (looks_like_html(text) && bracket.empty()) {
      emit_text(text, v.line);
    } else if (!text.empty() || !bracket.empty()) {
      emit_text(line, v.line);
    }
    for (const auto& [key, value] : v.members)
      if (!value.scalar()) render(value);
  }

  // A node whose children are clauses of one task, the last of them (or another) its annotation:
  // "label：clause；clause（annotation）". False, and nothing written, when no clause reads as one.
  bool render_clause_node(const std::string& label, const Value& children, std::uint32_t line) {
    std::string clauses, annotation;
    for (const Value& child : children.items) {
      std::string clause = leaf_text(child);
      if (clause.empty()) continue;
      if (ends_with_role_verb(clause) && clause.size() <= 200 * 3) {
        if (!annotation.empty()) annotation += "，";
        annotation += clause;
        continue;
      }
      if (!clauses.empty() && !clauses.ends_with("。") && !clauses.ends_with("；")) clauses += "；";
      clauses += clause;
    }
    if (annotation.empty()) return false;
    emit_text(label + "：" + clauses + "（" + annotation + "）", line);
    return true;
  }

  CodeText out_;
};

// ---- detection ----

bool starts_with_no_case(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    char c = text[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[k]) return false;
  }
  return true;
}

// An excerpt cut from inside an object literal opens with a property: a key (a name, or quoted),
// a colon and a value that opens a literal, an array or an object (risk: [, "tasks": [, title: "…").
bool opens_with_property(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
    const char quote = text[i++];
    while (i < text.size() && text[i] != quote && text[i] != '\n') ++i;
    if (i >= text.size() || text[i] != quote) return false;
    ++i;
  } else {
    const auto name_char = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    };
    while (i < text.size() && name_char(text[i])) ++i;
    if (i == 0) return false;
  }
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i >= text.size() || text[i] != ':') return false;
  ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i < text.size() && std::string_view("[{\"'`").find(text[i]) != std::string_view::npos;
}

bool is_code(std::string_view text) {
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < text.size() && is_space_byte(text[i])) ++i;
  const std::string_view rest = text.substr(i);
  if (rest.empty()) return false;
  if (rest.front() == '{' || rest.front() == '[') return true;
  if (opens_with_property(rest)) return true;
  for (std::string_view start : {"insert into", "replace into", "insert ignore into", "var ", "let ", "const ",
                                 "export default", "export const", "module.exports", "window.", "//", "/*",
                                 // an SQL dump's header: mysqldump opens with "-- MySQL dump", others with DDL
                                 "-- ", "drop table", "create table", "lock tables"})
    if (starts_with_no_case(rest, start)) return true;
  return false;
}

// Chinese characters (three-byte sequences of U+4000..U+9FFF) in the text.
std::size_t count_cjk(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    n += b >= 0xE4 && b <= 0xE9;
  }
  return n;
}

}  // namespace

std::optional<CodeText> code_to_text(std::string_view text) {
  if (!is_code(text)) return std::nullopt;
  LineMaker maker;
  for (const Value& value : LiteralReader(text).read_all()) maker.render(value);
  CodeText out = maker.take();
  // Text that only starts like code ([打印本页] 1.…) keeps its Chinese outside literals: read as it is.
  if (count_cjk(out.text) * 2 < count_cjk(text)) return std::nullopt;
  if (out.lines.empty()) out.lines.push_back(1);
  return out;
}

}  // namespace agencygraph::detail
