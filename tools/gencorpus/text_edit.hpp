// Small string edits shared by the generator's writers.
#pragma once

#include <string>
#include <string_view>

namespace agencygraph::gencorpus {

// `text` with every occurrence of `from` replaced by `to`, left to right, never rescanning a replacement.
inline std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace agencygraph::gencorpus
