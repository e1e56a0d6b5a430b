// The report's page template, script and style (lib/src/io/report_assets/), compiled in at build time
// by cmake/embed_assets.cmake.
#pragma once

#include <string_view>

namespace agencygraph::io::detail {

// The bytes of lib/src/io/report_assets/<name>; empty for a name that is not there.
std::string_view report_asset(std::string_view name);

}  // namespace agencygraph::io::detail
