// Automatic list numbers of a Word document: the "3." "（二）" "①" Word draws before a numbered
// paragraph, which is not in the paragraph's text. A 分工方案 typed in Word numbers its tasks and
// headings this way as often as by hand, and the parser needs the number to see a task.
//
// Follows [ECMA-376] Part 1 §17.9: a paragraph's w:numPr (its own, or its style's) names a
// numbering instance (w:num, by numId) and a level (ilvl, 0-8); the instance points to an abstract
// numbering (w:abstractNum) whose level gives the start value, the number format (w:numFmt), the
// text around the numbers (w:lvlText "%1." "（%1）" "%1.%2") and when the level restarts
// (w:lvlRestart); the instance may override a level's start (w:startOverride) or the whole level.
// Instances of one abstract numbering share its counters, as in Word: a new instance continues the
// list unless it overrides the start, which restarts it where the instance is first used.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "formats/list_counter.hpp"

namespace agencygraph::detail {

class XmlPart;

// A paragraph's numbering: instance and level.
struct NumberingReference {
  long num_id = 0;  // 0: numbering removed
  int level = 0;
};

class DocxNumbering {
 public:
  static constexpr int kLevels = kListLevels;

  // From numbering.xml and styles.xml, each possibly absent.
  DocxNumbering(const XmlPart* numbering, const XmlPart* styles);

  // The numbering a paragraph has from its w:pPr (which may be empty; `w` is the prefix of the
  // part it is in): its own w:numPr, else its style's (w:pStyle, through w:basedOn), else none.
  std::optional<NumberingReference> reference(pugi::xml_node paragraph_properties, std::string_view w) const;

  // The number text the next paragraph with that numbering shows, with what follows it (a tab or a
  // space become one space), and the counters advanced: "3. ", "（二）", "" for a bullet or an
  // instance that does not exist.
  std::string next(const NumberingReference& reference);

 private:
  struct Level : ListLevel {
    std::string style;  // w:pStyle: paragraphs of this style get this level
  };
  struct Abstract {
    std::array<Level, kLevels> levels;
    std::string style_link;  // w:numStyleLink: the levels are those of the numbering this style names
  };
  struct Instance {
    std::string abstract_id;
    std::array<std::optional<long>, kLevels> start_override;
    std::array<std::optional<Level>, kLevels> level_override;
  };
  struct Style {
    std::string based_on;
    std::optional<long> num_id;
    std::optional<int> level;
  };

  void read_numbering(const XmlPart& numbering);
  void read_styles(const XmlPart& styles);
  // The abstract numbering an instance uses, style links followed; nullptr when none.
  const Abstract* abstract_of(const Instance& instance, std::string& abstract_id) const;
  const Level& level_of(const Instance& instance, const Abstract& abstract, int level) const;

  std::map<std::string, Abstract> abstracts_;
  std::map<long, Instance> instances_;
  std::map<std::string, Style> styles_;
  std::string default_style_;
  std::map<std::string, ListCounter> counters_;  // by abstract numbering
  std::vector<long> instances_started_;       // instances with a start override used already
};

}  // namespace agencygraph::detail
