#include "map_options.hpp"

namespace agencygraph::cli {

void add_map_options(CLI::App& command, io::MapOptions& options) {
  command.add_option("--layout", options.layout, "Graphviz layout: sfdp (default), neato, fdp, dot, circo")
      ->check(CLI::IsMember({"sfdp", "neato", "fdp", "dot", "circo"}));
  command.add_option("--top-agencies", options.top_agencies,
                     "draw only the N most-burdened agencies and the links among them (0: all)");
  command.add_option("--top-links", options.top_links, "draw only the N heaviest links (0: all)");
  command.add_option("--labels", options.max_labels,
                     "label the N most-burdened agencies, draw the rest as dots with tooltips (0: label all)")
      ->capture_default_str();
  command.add_option("--title", options.title, "the map's title (default: names the documents)");
  command.add_option("--font", options.font, "first font of the label font list")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& font) -> std::string {
            return io::valid_font_name(font) ? "" : "a font name has letters, digits, spaces, - _ . only";
          },
          "FONT"));
  command.add_flag("!--no-legend", options.legend, "leave out the legend of clusters and shapes");
  command.add_option("--seed", options.seed, "layout start seed (sfdp, neato, fdp)")->capture_default_str();
}

}  // namespace agencygraph::cli
