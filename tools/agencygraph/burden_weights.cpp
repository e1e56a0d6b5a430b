#include "burden_weights.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace agencygraph::cli {

// Parses "lead=1,co=0.5,owner=1" (any subset, any order) over the defaults.
BurdenWeights parse_weights(const std::string& text) {
  BurdenWeights weights;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find(',', begin), text.size());
    const std::string item = text.substr(begin, end - begin);
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("'" + item + "' is not KEY=NUMBER");
    const std::string key = item.substr(0, eq);
    const std::string number = item.substr(eq + 1);
    std::size_t used = 0;
    double value = 0;
    try {
      value = std::stod(number, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (number.empty() || used != number.size() || !std::isfinite(value))
      throw std::invalid_argument("'" + number + "' is not a number");
    if (key == "lead") weights.lead = value;
    else if (key == "co") weights.co = value;
    else if (key == "owner") weights.owner = value;
    else throw std::invalid_argument("unknown weight '" + key + "' (lead, co, owner)");
    begin = end + 1;
  }
  return weights;
}

void add_weights_option(CLI::App& command, std::string& weights) {
  command.add_option("--weights", weights, "burden weights, e.g. lead=1,co=0.5,owner=1 (the default)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            try {
              parse_weights(value);
            } catch (const std::exception& e) {
              return e.what();
            }
            return {};
          },
          "lead=X,co=Y,owner=Z"));
}

}  // namespace agencygraph::cli
