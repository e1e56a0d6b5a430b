// --weights lead=1,co=0.5,owner=1: the burden weights of rank, compare and trend.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "agencygraph/metrics.hpp"

namespace agencygraph::cli {

// Parses "lead=1,co=0.5,owner=1" (any subset, any order) over the defaults; throws
// std::invalid_argument naming the bad item.
BurdenWeights parse_weights(const std::string& text);

// Adds --weights, checked by parse_weights, storing the text in `weights` (empty: the defaults).
void add_weights_option(CLI::App& command, std::string& weights);

}  // namespace agencygraph::cli
