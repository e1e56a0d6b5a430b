// HTML character references: named (the ones met on Chinese government pages and the common
// typographic ones), decimal and hexadecimal, read the way browsers read them.
#pragma once

#include <cstddef>
#include <string_view>

namespace agencygraph::detail::html {

struct Entity {
  char32_t code = 0;
  std::size_t length = 0;  // bytes read, '&' and ';' included; 0: not an entity, '&' is text
};

// The entity at s[at] == '&', reading no further than `end`. Unknown names stay text, as written.
Entity read_entity(std::string_view s, std::size_t at, std::size_t end);

}  // namespace agencygraph::detail::html
