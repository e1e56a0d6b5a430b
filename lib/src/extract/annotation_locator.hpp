// Finding a task block's annotation as find_annotation() does, while folding little of the block.
//
// find_annotation() reads a folded block: labels at the top nesting level first, then the last
// bracket group that holds roles, then a bare agency list or prose. Nearly every task is the
// second case, and its annotation is a small part of the block. The locator scans the block's
// UTF-8 bytes for its top-level bracket groups and for anything that may be a top-level label,
// then folds and parses the groups from the last one back. When the scan sees a possible label,
// or no group holds roles, it folds the whole block and defers to find_annotation(), so the
// result is always the one find_annotation() gives on the folded block.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "agencygraph/fold.hpp"
#include "annotation.hpp"
#include "utf8_text.hpp"

namespace agencygraph::detail {

struct LocatedAnnotation {
  ByteRange whole;        // the bytes cut off the task text (brackets included)
  FoundAnnotation found;  // content and role lists; indices into AnnotationLocator::folded()
};

class AnnotationLocator {
 public:
  // `text` and `folder` must outlive the locator.
  AnnotationLocator(std::string_view text, const Folder& folder) : text_(text), folder_(folder) {}

  // The annotation of text[block], where block ends at the end of a line's content.
  std::optional<LocatedAnnotation> locate(ByteRange block);

  // The annotation of text[line], a line after a task's first line read on its own, as
  // find_line_annotation() reads it folded: locate(), else prose (此项工作由X主办，A、B协办。)
  // or role clauses opening the line (由某某副市长负责，X牵头，Y配合，…).
  std::optional<LocatedAnnotation> locate_line(ByteRange line);

  // The annotation of text[block] read without its line breaks, as a paragraph a PDF wrapped over
  // its lines breaks labels and names (责任科 / 室:组干科): for a bracket group left open at the end
  // of a line and closed on a later one.
  // Breaks before byte `unwrap_from` are kept (the lines of labels above a wrapped list).
  std::optional<LocatedAnnotation> locate_unwrapped(ByteRange block, std::uint32_t unwrap_from = 0);

  // How many bracket groups are open at the end of text[block], counting from `depth` open before
  // it (a closing bracket with none open is ignored).
  int bracket_depth_after(ByteRange block, int depth = 0) const;

  // Role clauses opening text[line] (X负责，A、B配合，严格实施…), as find_leading_clauses() reads them.
  std::optional<LocatedAnnotation> locate_opening_clauses(ByteRange line);

  // text[units] as an annotation naming its units in `role`, cut from the text over `whole` (which
  // holds `units`): the units a sentence opens with (财政部负责…), read as a list.
  LocatedAnnotation units_as_annotation(ByteRange units, ByteRange whole, Role role);

  // The folded text the last located annotation's ranges refer to (valid until the next call).
  const FoldedText& folded() const { return folded_; }

  // Where the text goes on after each top-level bracket group of the block last scanned, spaces
  // skipped, while before `limit`: for a caller to see what follows an annotation (…(X负责)2.…).
  // Stops at the first position `visit` accepts, and returns it.
  // How many top-level bracket groups the block last scanned holds.
  std::size_t groups() const { return groups_.size(); }

  template <class Visit>
  std::optional<std::uint32_t> after_group(std::uint32_t limit, Visit visit) const {
    for (const Group& group : groups_) {
      std::uint32_t i = group.end;
      while (i < limit && text_[i] == ' ') ++i;
      if (i < limit && visit(i)) return i;
    }
    return std::nullopt;
  }

 private:
  // A top-level bracket group, in bytes.
  struct Group {
    std::uint32_t open;   // the opening bracket
    std::uint32_t inner;  // just after it
    std::uint32_t close;  // the closing bracket, or the block end when the group is left open
    std::uint32_t end;    // just after the closing bracket, or the block end
  };

  bool scan(ByteRange block);
  bool may_be_label(std::uint32_t at, std::uint32_t limit, bool bracketed) const;
  std::optional<LocatedAnnotation> parse_group(std::size_t k, ByteRange block);
  void attach_trailing_groups(std::size_t chosen, ByteRange block, LocatedAnnotation& located);
  bool may_be_prose(ByteRange block) const;
  bool may_end_in_clauses_by(std::string_view text, ByteRange line) const;
  bool has_clause_ending_in_role_verb(std::string_view text, std::uint32_t begin, std::uint32_t end) const;
  bool may_end_in_role_verb(ByteRange line, std::uint32_t end) const;
  bool may_hold_annotation(ByteRange line) const;
  bool earlier_group_may_hold_roles(std::size_t k) const;
  bool may_hold_role_verb(ByteRange line) const;
  std::optional<LocatedAnnotation> locate_in_folded_block(ByteRange block);
  using Finder = std::optional<FoundAnnotation> (*)(std::u32string_view, Range);
  // Folds text[range] and reads it with `find` (find_annotation, find_line_prose, …), in bytes.
  std::optional<LocatedAnnotation> read_folded(ByteRange range, Finder find);
  // Reads the folded text as it is with `find`, in bytes.
  std::optional<LocatedAnnotation> read_current_fold(Finder find);
  void fold(std::uint32_t begin, std::uint32_t end);

  std::string_view text_;
  const Folder& folder_;
  FoldedText folded_;
  std::vector<Group> groups_;
};

// Whether text[clause] ends in an ideograph that some role verb ends in (牵头, 负责, 指导, …; see
// ends_role_verb), read from its bytes.
bool ends_in_role_verb_character(std::string_view text, ByteRange clause);

}  // namespace agencygraph::detail
