// The property modifiers (Sprm and operand, [MS-DOC] 2.2.5) of a Word 97-2003 grpprl: a paragraph's
// properties in a PAPX, a style's in its UPX, a list level's in its LVL.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/little_endian.hpp"

namespace agencygraph::detail {

// sprmPIlvl and sprmPIlfo: a paragraph's list level and its list (a 1-based index of PlfLfo).
constexpr std::uint16_t kSprmPIlvl = 0x260A;
constexpr std::uint16_t kSprmPIlfo = 0x460B;

// Calls visit(opcode, operand) for each modifier of `grpprl` in order; stops at one cut short.
template <class Visit>
void for_each_sprm(std::string_view grpprl, Visit visit) {
  for (std::size_t at = 0; at + 2 <= grpprl.size();) {
    const std::uint16_t opcode = u16(grpprl, at);
    at += 2;
    std::size_t size = 0;
    switch (opcode >> 13) {  // spra: the operand's size
      case 0: case 1: size = 1; break;
      case 2: case 4: case 5: size = 2; break;
      case 3: size = 4; break;
      case 7: size = 3; break;
      default:  // 6: variable
        if (opcode == 0xD608) {  // sprmTDefTable: a 2-byte count, one more than the bytes after it
          if (at + 2 > grpprl.size()) return;
          size = 2 + std::max<std::size_t>(u16(grpprl, at), 1) - 1;
        } else {
          if (at >= grpprl.size()) return;
          size = 1 + static_cast<unsigned char>(grpprl[at]);
        }
    }
    if (size > grpprl.size() - at) return;
    visit(opcode, grpprl.substr(at, size));
    at += size;
  }
}

}  // namespace agencygraph::detail
