// PLACEHOLDER until the decode module lands: UTF-8 only.
#include "agencygraph/decode.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace agencygraph {

DecodedText decode(std::string_view bytes, const std::optional<std::string>&) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return {std::string(bytes), "UTF-8"};
}

std::string read_file_bytes(const std::string& path) {
  if (path == "-") {
    std::ostringstream out;
    out << std::cin.rdbuf();
    return out.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open: no such file or not readable");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace agencygraph
