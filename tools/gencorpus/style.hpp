// A document's punctuation: scraped pages print half-width ( ) : ; , and official sites full-width.
#pragma once

#include <string_view>

namespace agencygraph::gencorpus {

struct Style {
  bool full_width = false;
  std::string_view comma() const { return full_width ? "，" : ","; }
  std::string_view colon() const { return full_width ? "：" : ":"; }
  std::string_view semicolon() const { return full_width ? "；" : ";"; }
  std::string_view open() const { return full_width ? "（" : "("; }
  std::string_view close() const { return full_width ? "）" : ")"; }
};

}  // namespace agencygraph::gencorpus
