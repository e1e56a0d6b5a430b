#include "formats/docx_numbering.hpp"

#include <algorithm>
#include <charconv>

#include "formats/ooxml_package.hpp"
#include "formats/xml_names.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::string_view kWordTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";

// Counters stay far from overflow whatever start value a file gives.
constexpr long kMaxCounter = 1'000'000'000;

std::optional<long> number(std::string_view text) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  return std::clamp(value, -kMaxCounter, kMaxCounter);
}

// A child that may stand inside mc:AlternateContent (Word 2010 writes <w:numFmt w:val="custom">
// in mc:Choice and a plain format in mc:Fallback): the plain child, else the fallback's.
pugi::xml_node plain_or_fallback(pugi::xml_node node, std::string_view w, std::string_view local) {
  if (pugi::xml_node found = child(node, w, local)) return found;
  for (pugi::xml_node alternate = node.first_child(); alternate; alternate = alternate.next_sibling()) {
    if (local_name(alternate.name()) != "AlternateContent") continue;
    for (pugi::xml_node branch = alternate.first_child(); branch; branch = branch.next_sibling())
      if (local_name(branch.name()) == "Fallback")
        if (pugi::xml_node found = child(branch, w, local)) return found;
  }
  return {};
}

}  // namespace

DocxNumbering::DocxNumbering(const XmlPart* numbering, const XmlPart* styles) {
  if (styles) read_styles(*styles);
  if (numbering) read_numbering(*numbering);
}

void DocxNumbering::read_numbering(const XmlPart& part) {
  const std::string w = part.prefix(kWordTransitional, kWordStrict, "w");
  const auto read_level = [&w](pugi::xml_node node, Level& level) {
    if (const auto start = number(child_value(node, w, "start"))) level.start = std::max(*start, 0L);
    if (pugi::xml_node format = plain_or_fallback(node, w, "numFmt")) level.format = attribute(format, w, "val").value();
    level.text = child_value(node, w, "lvlText");
    if (pugi::xml_node restart = child(node, w, "lvlRestart")) {
      const long value = number(attribute(restart, w, "val").value()).value_or(-1);
      level.restart_after = value == 0 ? -2 : value > 0 ? static_cast<int>(std::min(value, 10L)) - 1 : -1;
    }
    level.legal = is_on(child(node, w, "isLgl"), w);
    const std::string_view suffix = child_value(node, w, "suff");
    level.suffix = suffix == "nothing" ? "" : " ";
    level.style = child_value(node, w, "pStyle");
  };
  const auto level_index = [&w](pugi::xml_node node) -> std::optional<int> {
    const std::optional<long> index = number(attribute(node, w, "ilvl").value());
    if (!index || *index < 0 || *index >= kLevels) return std::nullopt;
    return static_cast<int>(*index);
  };
  for (pugi::xml_node node = part.root().first_child(); node; node = node.next_sibling()) {
    if (is(node, w, "abstractNum")) {
      Abstract abstract;
      abstract.style_link = child_value(node, w, "numStyleLink");
      for (pugi::xml_node lvl = node.first_child(); lvl; lvl = lvl.next_sibling())
        if (is(lvl, w, "lvl"))
          if (const auto index = level_index(lvl)) read_level(lvl, abstract.levels[static_cast<std::size_t>(*index)]);
      abstracts_.insert_or_assign(attribute(node, w, "abstractNumId").value(), std::move(abstract));
    } else if (is(node, w, "num")) {
      const std::optional<long> id = number(attribute(node, w, "numId").value());
      if (!id) continue;
      Instance instance;
      instance.abstract_id = child_value(node, w, "abstractNumId");
      for (pugi::xml_node override_node = node.first_child(); override_node; override_node = override_node.next_sibling()) {
        if (!is(override_node, w, "lvlOverride")) continue;
        const auto index = level_index(override_node);
        if (!index) continue;
        const auto slot = static_cast<std::size_t>(*index);
        if (const auto start = number(child_value(override_node, w, "startOverride")))
          instance.start_override[slot] = std::max(*start, 0L);
        if (pugi::xml_node lvl = child(override_node, w, "lvl")) {
          Level level;
          read_level(lvl, level);
          instance.level_override[slot] = std::move(level);
        }
      }
      instances_.insert_or_assign(*id, std::move(instance));
    }
  }
}

void DocxNumbering::read_styles(const XmlPart& part) {
  const std::string w = part.prefix(kWordTransitional, kWordStrict, "w");
  for (pugi::xml_node node = part.root().first_child(); node; node = node.next_sibling()) {
    if (!is(node, w, "style")) continue;
    const std::string id = attribute(node, w, "styleId").value();
    Style style;
    style.based_on = child_value(node, w, "basedOn");
    const pugi::xml_node numbering = child(child(node, w, "pPr"), w, "numPr");
    if (const auto num_id = number(child_value(numbering, w, "numId"))) style.num_id = *num_id;
    if (const auto level = number(child_value(numbering, w, "ilvl")))
      style.level = static_cast<int>(std::clamp(*level, 0L, static_cast<long>(kLevels - 1)));
    const std::string_view is_default = attribute(node, w, "default").value();
    if ((is_default == "1" || is_default == "true" || is_default == "on") &&
        std::string_view(attribute(node, w, "type").value()) == "paragraph")
      default_style_ = id;
    styles_.insert_or_assign(id, std::move(style));
  }
}

const DocxNumbering::Abstract* DocxNumbering::abstract_of(const Instance& instance, std::string& abstract_id) const {
  abstract_id = instance.abstract_id;
  // A numbering style's abstract numbering only links to the style; the style names the instance
  // whose abstract numbering holds the levels. A few links at most, and never round in a circle.
  for (int hop = 0; hop < 4; ++hop) {
    const auto found = abstracts_.find(abstract_id);
    if (found == abstracts_.end()) return nullptr;
    if (found->second.style_link.empty()) return &found->second;
    const auto style = styles_.find(found->second.style_link);
    if (style == styles_.end() || !style->second.num_id) return &found->second;
    const auto linked = instances_.find(*style->second.num_id);
    if (linked == instances_.end()) return &found->second;
    abstract_id = linked->second.abstract_id;
  }
  return nullptr;
}

const DocxNumbering::Level& DocxNumbering::level_of(const Instance& instance, const Abstract& abstract, int level) const {
  const auto slot = static_cast<std::size_t>(level);
  return instance.level_override[slot] ? *instance.level_override[slot] : abstract.levels[slot];
}

std::optional<NumberingReference> DocxNumbering::reference(pugi::xml_node properties, std::string_view w) const {
  std::optional<long> num_id;
  std::optional<int> level;
  const pugi::xml_node own = child(properties, w, "numPr");
  if (const auto id = number(child_value(own, w, "numId"))) num_id = *id;
  if (const auto index = number(child_value(own, w, "ilvl")))
    level = static_cast<int>(std::clamp(*index, 0L, static_cast<long>(kLevels - 1)));
  const std::string_view style_id =
      child(properties, w, "pStyle") ? child_value(properties, w, "pStyle") : std::string_view(default_style_);
  std::string_view id = style_id;
  for (int depth = 0; depth < 16 && !id.empty() && (!num_id || !level); ++depth) {
    const auto style = styles_.find(std::string(id));
    if (style == styles_.end()) break;
    if (!num_id && style->second.num_id) num_id = style->second.num_id;
    if (!level && style->second.level) level = style->second.level;
    id = style->second.based_on;
  }
  if (!num_id || *num_id == 0) return std::nullopt;
  if (!level) {
    // A level may name the style it numbers (w:lvl/w:pStyle) instead of the style naming the level.
    level = 0;
    const auto instance = instances_.find(*num_id);
    std::string abstract_id;
    const Abstract* abstract = instance == instances_.end() ? nullptr : abstract_of(instance->second, abstract_id);
    for (int k = 0; abstract && k < kLevels; ++k)
      if (!style_id.empty() && abstract->levels[static_cast<std::size_t>(k)].style == style_id) level = k;
  }
  return NumberingReference{*num_id, *level};
}

std::string DocxNumbering::next(const NumberingReference& reference) {
  const auto instance = instances_.find(reference.num_id);
  if (instance == instances_.end()) return "";
  std::string abstract_id;
  const Abstract* abstract = abstract_of(instance->second, abstract_id);
  if (!abstract) return "";
  ListCounter& counter = counters_[abstract_id];
  if (std::find(instances_started_.begin(), instances_started_.end(), reference.num_id) == instances_started_.end()) {
    instances_started_.push_back(reference.num_id);
    for (int k = 0; k < kLevels; ++k)
      if (const auto& start = instance->second.start_override[static_cast<std::size_t>(k)]) counter.start_at(k, *start);
  }
  ListLevels levels{};
  for (int k = 0; k < kLevels; ++k) levels[static_cast<std::size_t>(k)] = &level_of(instance->second, *abstract, k);
  return counter.next(levels, reference.level);
}

}  // namespace agencygraph::detail
