#include "formats/read_source.hpp"

#include <utility>

#include "agencygraph/decode.hpp"

namespace agencygraph::detail {

Source read_source(const std::string& path, std::string bytes, const ExtractOptions& options) {
  DecodedText decoded = decode_owned(std::move(bytes), options.encoding);
  return Source{path, std::move(decoded.encoding), std::move(decoded.text)};
}

}  // namespace agencygraph::detail
