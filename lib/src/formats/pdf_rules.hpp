// The rules (ruling lines) a PDF page draws: the borders of a ruled table, which show where a cell
// merged down several rows lies (no rule between the rows in its column).
//
// poppler-cpp gives a page's words but none of its graphics, so the rules are read through
// poppler's core API (an OutputDev that is told every path the page paints). That API is not
// stable between poppler versions; it is used in this file alone.
//
// A rule is a horizontal or vertical stroke, or a filled rectangle thin in one direction, as Word,
// LibreOffice and WPS draw table borders. Paths only clipped to, curves, slanted lines, paint in
// white and shadings are no rules. Coordinates are those of poppler-cpp's text boxes
// (page::text_list()): points from the top left of the page's crop box, y down, the page's
// rotation applied. Pieces of one line (a border drawn cell by cell) are joined.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

// A horizontal rule at y = `at` from x = `from` to x = `to`; a vertical one at x = `at` from
// y = `from` to y = `to` (from < to).
struct Rule {
  double at = 0, from = 0, to = 0;
};

struct PageRules {
  std::vector<Rule> horizontal, vertical;  // each sorted by `at`, then `from`

  bool empty() const { return horizontal.empty() && vertical.empty(); }
};

// A page painting more path pieces than this is a drawing or a chart, not a table: its rules are
// not read (the page reads as a table without rules would).
constexpr std::size_t kMaxRulePieces = 20000;

// Pieces lying along one line (within a fraction of a point across, with gaps narrower than a
// border's width between them) joined into one rule each; pieces shorter than a few points
// after joining (dots, ticks) dropped. Sorted as PageRules holds them.
std::vector<Rule> join_rules(std::vector<Rule> pieces);

// The rules of a PDF's pages. Opens its own poppler document over `bytes`, which must outlive it.
// A damaged file or page has no rules: nothing here throws on bad input.
class PdfRules {
 public:
  explicit PdfRules(std::string_view bytes);
  ~PdfRules();
  PdfRules(const PdfRules&) = delete;
  PdfRules& operator=(const PdfRules&) = delete;

  // The rules of page `index` (from 0).
  PageRules page(int index) const;

 private:
  struct Core;
  std::unique_ptr<Core> core_;
};

}  // namespace agencygraph::detail
