// The map's options, shared by `map` (which draws it) and `export` (whose GraphML/DOT carry its colours,
// sizes and positions), so that both see the same picture for the same options.
#pragma once

#include <CLI/CLI.hpp>

#include "agencygraph/io/map_style.hpp"

namespace agencygraph::cli {

void add_map_options(CLI::App& command, io::MapOptions& options);

}  // namespace agencygraph::cli
