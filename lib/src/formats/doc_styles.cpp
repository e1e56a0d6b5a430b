#include "formats/doc_styles.hpp"

#include "formats/doc_sprms.hpp"
#include "formats/little_endian.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::size_t kStdfBaseBytes = 10;  // StdfBase: sti and flags, stk and istdBase, …
constexpr unsigned kParagraphStyle = 1;     // stk

// A paragraph style's own list and level, from its STD (`std`, cbStd bytes); std::nullopt when the
// STD is cut short.
std::optional<ListReference> own_numbering(std::string_view std, std::size_t fixed_part) {
  std::size_t at = fixed_part;
  if (!fits(std, at, 2)) return std::nullopt;
  at += 2 + 2 * static_cast<std::size_t>(u16(std, at)) + 2;  // xstzName: cch, the name, a null
  if (!fits(std, at, 2)) return std::nullopt;
  const std::size_t upx = u16(std, at);  // LPUpxPapx: cbUpx, then UpxPapx: istd and grpprlPapx
  at += 2;
  if (upx < 2 || !fits(std, at, upx)) return upx == 0 ? std::optional<ListReference>(ListReference{}) : std::nullopt;
  ListReference numbering;
  for_each_sprm(std.substr(at + 2, upx - 2), [&numbering](std::uint16_t opcode, std::string_view operand) {
    if (opcode == kSprmPIlfo) numbering.list = static_cast<std::int16_t>(u16(operand, 0));
    if (opcode == kSprmPIlvl) numbering.level = static_cast<unsigned char>(operand[0]);
  });
  return numbering;
}

}  // namespace

DocStyles::DocStyles(std::string_view table, TableRange styles) {
  if (styles.second == 0) return;
  if (const char* problem = read(table, styles)) {
    styles_.clear();
    warning_ = std::string("style sheet damaged (") + problem + "): list numbers of styles not drawn";
  }
}

const char* DocStyles::read(std::string_view table, TableRange styles) {
  if (!fits(table, styles.first, styles.second) || styles.second < 2) return "beyond the table stream";
  const std::string_view sheet = table.substr(styles.first, styles.second);
  const std::size_t header = u16(sheet, 0);  // cbStshi
  if (header < 4 || !fits(sheet, 2, header)) return "its header cut short";
  const std::size_t count = u16(sheet, 2);       // cstd
  const std::size_t fixed_part = u16(sheet, 4);  // cbSTDBaseInFile
  if (fixed_part < kStdfBaseBytes) return "styles smaller than their fixed part";
  std::size_t at = 2 + header;
  styles_.reserve(count);
  for (std::size_t istd = 0; istd < count; ++istd) {
    if (!fits(sheet, at, 2)) return "fewer styles than it counts";
    const std::size_t size = u16(sheet, at);  // cbStd; 0 for an unused istd
    at += 2;
    if (!fits(sheet, at, size)) return "a style beyond the style sheet";
    Style& style = styles_.emplace_back();
    if (size >= fixed_part) {
      const std::string_view std = sheet.substr(at, size);
      const std::uint16_t kind_and_base = u16(std, 2);
      style.base = kind_and_base >> 4;
      if ((kind_and_base & 0x0F) == kParagraphStyle)
        if (const std::optional<ListReference> numbering = own_numbering(std, fixed_part)) style.numbering = *numbering;
    }
    at += size;
  }
  return nullptr;
}

ListReference DocStyles::numbering(std::size_t istd) const {
  ListReference out;
  // A few bases at most, and never round in a circle.
  for (int depth = 0; depth < 16 && istd < styles_.size() && (!out.list || !out.level); ++depth) {
    const Style& style = styles_[istd];
    if (!out.list) out.list = style.numbering.list;
    if (!out.level) out.level = style.numbering.level;
    istd = style.base;
  }
  return out;
}

}  // namespace agencygraph::detail
