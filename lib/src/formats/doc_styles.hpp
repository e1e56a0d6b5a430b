// The list numbering paragraph styles give in a Word 97-2003 document (.doc). WPS and Word often
// number headings and tasks through a style ("标题 2", a list style) rather than on each paragraph:
// the paragraph then names only its style (its PAPX's istd), and the style's properties hold
// sprmPIlfo and sprmPIlvl.
//
// [MS-DOC] 2.9.271 STSH (FIB fcStshf): an STSHI, whose cstd counts the styles and cbSTDBaseInFile
// gives the size of each style's fixed part (Stdf), then one LPStd per style (an empty one for an
// unused istd). A paragraph style's STD holds its Stdf (istdBase: the style it is based on), its
// name, then its paragraph properties (UpxPapx: an istd and a grpprl). A style's properties are
// those of its base with its own applied over them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/doc_lists.hpp"  // TableRange

namespace agencygraph::detail {

// A paragraph's list (sprmPIlfo) and level (sprmPIlvl), where set.
struct ListReference {
  std::optional<int> list;
  std::optional<int> level;
};

class DocStyles {
 public:
  DocStyles() = default;  // no styles

  // The styles of the STSH at `styles` in `table` (the table stream). A style sheet whose lengths
  // lie is left out: paragraphs are numbered by their own properties only, and warning() says why.
  DocStyles(std::string_view table, TableRange styles);

  const std::string& warning() const { return warning_; }

  // The list and level style `istd` gives its paragraphs, through the styles it is based on.
  ListReference numbering(std::size_t istd) const;

 private:
  struct Style {
    std::size_t base = kNoStyle;
    ListReference numbering;
  };
  static constexpr std::size_t kNoStyle = 0x0FFF;

  // Reads styles_; what is wrong with the style sheet, or nullptr.
  const char* read(std::string_view table, TableRange styles);

  std::vector<Style> styles_;
  std::string warning_;
};

}  // namespace agencygraph::detail
