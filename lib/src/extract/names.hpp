// Stage 4a: cutting a role list into agency names (DOMAIN.md, "Agency names").
//   、 inside a run, , between runs; 及/和/与 only between two complete names;
//   a trailing 等/等单位 dropped, "A、B等市政府有关部门" -> A, B, 市政府有关部门;
//   grouped place names share one suffix: "荆州开发区、纪南文旅区管委会" -> two 管委会.
#pragma once

#include <vector>

#include "u32.hpp"

namespace agencygraph::detail {

// One agency name as ranges of the folded text: `main`, followed by a `shared_suffix` borrowed
// from the last name of its run (empty when the name is complete by itself).
struct NamePiece {
  Range main;
  Range shared_suffix;
  bool marked_lead = false;  // the name carried its own lead mark: 市发改委(牵头)
};

// Cuts role lists into names. Keeps its buffers from one list to the next: a document has
// hundreds of lists.
class NameSplitter {
 public:
  // The names of the list s[list], in order; valid until the next call.
  const std::vector<NamePiece>& split(std::u32string_view s, Range list) { return split_list<false>(s, list); }

  // The same for a table's cell, whose line breaks a sheet, a page or a Word table prints as spaces:
  // a name a break cut in two (农产品流通工作 / 专班) is one name.
  const std::vector<NamePiece>& split_cell(std::u32string_view s, Range cell) { return split_list<true>(s, cell); }

  // The comma groups of the last list split that are clauses about its units rather than units: a
  // deadline, a remark (排在首位的为牵头单位, 下同), and whatever follows a full stop. In order.
  const std::vector<Range>& clauses() const { return clauses_; }

 private:
  template <bool kCell>
  const std::vector<NamePiece>& split_list(std::u32string_view s, Range list);
  void end_run(std::u32string_view s);
  void end_run_items(std::u32string_view s);
  void join_place_collectives(std::u32string_view s);
  void join_bare_generics(std::u32string_view s);
  bool is_clause_run(std::u32string_view s) const;
  void strip_bracketed_remark(std::u32string_view s, Range& item);

  std::vector<NamePiece> names_;
  std::vector<Range> items_;
  std::vector<Range> clauses_;
  bool run_may_be_clause_ = false;  // the current run holds a colon or a digit
};

// True when the name ends like a complete agency name (局, 委, 政府, 管委会, 中心, 公司, …), so that a
// following 和/及/等 joins or ends names rather than being part of one.
bool ends_like_agency(std::u32string_view name);

// A place named without its government or office (甲区, 乙镇, 丙街道), which can borrow the suffix
// of the last name in its run (甲区、乙区政府).
bool is_bare_place(std::u32string_view item);

// A bureau's section (基教科, 人秘科): a name of three characters or more ending in 科, never a field
// of study (本科, 学科).
inline bool is_bureau_section(std::u32string_view name) { return name.size() >= 3 && name.back() == U'科'; }

// Whether a name ending in `last` may end like an agency, bare places aside: the one-character
// test that rules most words out before ends_like_agency() reads them whole.
bool may_end_agency_name(char32_t last);

}  // namespace agencygraph::detail
