// release(): gives a container's memory back before the container goes out of scope.
//
// `container = {}` looks like it does this and does not: for std::vector (and the other standard
// containers) the empty braces pick the initializer_list assignment, which clears the elements and
// keeps the capacity. The network builder meant to drop its large arrays that way half-way through
// finish(), and kept them all until the builder itself went.
#pragma once

#include <utility>

namespace agencygraph::detail {

template <class Container>
void release(Container& container) noexcept {
  Container().swap(container);
}

}  // namespace agencygraph::detail
