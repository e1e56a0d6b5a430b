// `agencygraph rank`: agencies ordered by burden or a centrality, with the counts behind the score.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <cmath>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agencygraph/analysis/burden.hpp"
#include "agencygraph/io/csv.hpp"
#include "agencygraph/measures.hpp"
#include "agencygraph/metrics.hpp"
#include "burden_weights.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "text_table.hpp"

namespace agencygraph::cli {
namespace {

// What --by accepts: the task counts, then every rankable column of the measures' list
// (measures.hpp), by the name the exports give it.
std::vector<std::string> rank_keys() {
  std::vector<std::string> keys{"lead", "co"};
  for (const MeasureSpec& spec : measure_specs())
    for (const MeasureColumn& column : spec.columns)
      if (column.rankable) keys.emplace_back(column.name);
  return keys;
}

std::string rank_keys_help() {
  std::string help = "the measure: lead, co (task counts), or a column of the exports:";
  for (const std::string& key : rank_keys())
    if (key != "lead" && key != "co") help += " " + key;
  return help;
}

struct RankOptions {
  InputOptions input;
  NetworkCliOptions network;
  std::size_t top = 20;
  std::string by = "burden";
  std::string format = "table";
  std::string weights;
  std::size_t width = 0;
};

std::vector<double> measure_values(const AgencyNetwork& network, const std::string& by, const BurdenWeights& weights,
                                   const std::vector<double>& burden) {
  const AgencyGraph& g = network.graph;
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> values(n);
  if (by == "burden") return burden;
  if (by == "lead" || by == "co") {
    for (AgencyVertex v = 0; v < n; ++v) values[v] = by == "lead" ? g[v].lead_tasks : g[v].co_tasks;
    return values;
  }
  // Only the measure behind the column is computed.
  AnalysisOptions options;
  options.weights = weights;
  options.measures = static_cast<std::uint32_t>(*measure_of_column(by));
  AgencyMetrics m = analyse(network, options);
  for (const std::string& note : m.notes) std::fprintf(stderr, "agencygraph rank: %s\n", note.c_str());
  return measure_column_values(m, by);
}

int run_rank(const RankOptions& options) {
  const BurdenWeights weights = options.weights.empty() ? BurdenWeights{} : parse_weights(options.weights);
  LoadedNetwork loaded = load_network(options.input, options.network, TaskRecords::None);
  const AgencyNetwork& network = loaded.network;
  const AgencyGraph& g = network.graph;
  const std::size_t n = boost::num_vertices(g);
  if (n == 0) {
    std::fprintf(stderr, "agencygraph rank: the inputs name no agencies: nothing to rank\n");
    return 1;
  }
  const std::vector<double> burden = burden_scores(network, weights);
  const std::vector<double> values = measure_values(network, options.by, weights, burden);

  std::vector<AgencyVertex> order(n);
  for (AgencyVertex v = 0; v < n; ++v) order[v] = v;
  const std::size_t shown = options.top == 0 ? n : std::min(options.top, n);
  // Labels are unique, so the order is total and the top `shown` come out the same either way; a
  // national network has hundreds of thousands of agencies, and sorting them all for the top 20 is
  // wasted work.
  const auto ranks_before = [&](AgencyVertex a, AgencyVertex b) {
    if (values[a] != values[b]) return values[a] > values[b];
    return g[a].label < g[b].label;
  };
  if (shown < n) {
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(), ranks_before);
  } else {
    std::sort(order.begin(), order.end(), ranks_before);
  }
  // Competition ranking: agencies with equal values share a rank ("1, 2, 2, 4").
  std::vector<std::size_t> ranks(shown);
  for (std::size_t i = 0; i < shown; ++i)
    ranks[i] = (i > 0 && values[order[i]] == values[order[i - 1]]) ? ranks[i - 1] : i + 1;
  const bool extra_column = options.by != "burden" && options.by != "lead" && options.by != "co";

  if (options.format == "json") {
    nlohmann::ordered_json out;
    out["measure"] = options.by;
    out["weights"] = {{"lead", weights.lead}, {"co", weights.co}, {"owner", weights.owner}};
    out["agencies_total"] = n;
    nlohmann::ordered_json agencies = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < shown; ++i) {
      const AgencyVertex v = order[i];
      nlohmann::ordered_json a;
      a["rank"] = ranks[i];
      a["vertex"] = v;
      a["agency"] = g[v].label;
      a["name"] = g[v].name;
      a["jurisdiction"] = g[v].jurisdiction.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(g[v].jurisdiction);
      a["kind"] = to_string(g[v].kind);
      a["lead"] = g[v].lead_tasks;
      a["co"] = g[v].co_tasks;
      a["owner"] = g[v].owner_tasks;
      a["burden"] = burden[v];
      if (extra_column && find_measure_column(options.by)->integer)
        a[options.by] = static_cast<std::uint64_t>(values[v]);  // counts stay integers
      else if (extra_column)
        a[options.by] = values[v];
      agencies.push_back(std::move(a));
    }
    out["agencies"] = std::move(agencies);
    std::cout << out.dump(1) << '\n';
  } else if (options.format == "csv") {
    std::cout << io::kUtf8Bom;
    std::vector<std::string> header{"rank", "agency", "name", "jurisdiction", "kind", "lead", "co", "owner", "burden"};
    if (extra_column) header.push_back(options.by);
    io::write_csv_row(std::cout, header);
    for (std::size_t i = 0; i < shown; ++i) {
      const AgencyVertex v = order[i];
      std::vector<std::string> row{std::to_string(ranks[i]), g[v].label, g[v].name, g[v].jurisdiction,
                                   std::string(to_string(g[v].kind)), std::to_string(g[v].lead_tasks),
                                   std::to_string(g[v].co_tasks), std::to_string(g[v].owner_tasks),
                                   exact_number(burden[v])};
      if (extra_column) row.push_back(exact_number(values[v]));
      io::write_csv_row(std::cout, row);
    }
  } else {
    using io::Align;
    std::vector<TableColumn> columns{{"rank", Align::Right, 0},  {"agency", Align::Left, 12},
                                     {"jurisdiction", Align::Left, 6}, {"kind", Align::Left, 6},
                                     {"lead", Align::Right, 0},  {"co", Align::Right, 0},
                                     {"owner", Align::Right, 0}, {"burden", Align::Right, 0}};
    if (extra_column) columns.push_back({options.by, Align::Right, 0});
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < shown; ++i) {
      const AgencyVertex v = order[i];
      std::vector<std::string> row{std::to_string(ranks[i]), g[v].label, g[v].jurisdiction,
                                   std::string(to_string(g[v].kind)), std::to_string(g[v].lead_tasks),
                                   std::to_string(g[v].co_tasks), std::to_string(g[v].owner_tasks),
                                   table_number(burden[v])};
      if (extra_column) row.push_back(table_number(values[v]));
      rows.push_back(std::move(row));
    }
    write_table(std::cout, columns, rows, output_width(options.width));
    if (shown < n) std::cout << "(" << shown << " of " << n << " agencies; --top 0 lists all)\n";
  }
  return loaded.had_errors ? 1 : 0;
}

}  // namespace

void register_rank(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("rank", "agencies ranked by task burden or a centrality");
  auto options = std::make_shared<RankOptions>();
  add_input_options(*command, options->input);
  add_network_options(*command, options->network);
  command->add_option("--top", options->top, "how many agencies to list (0: all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command->add_option("--by", options->by, rank_keys_help())
      ->check(CLI::IsMember(rank_keys()))
      ->capture_default_str();
  command->add_option("--format", options->format, "table, csv (UTF-8 with BOM) or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  add_weights_option(*command, options->weights);
  command->add_option("--width", options->width, "table width in columns (default: the terminal's, else 80)")
      ->check(CLI::NonNegativeNumber);
  command->callback([options, &exit_code] { exit_code = run_rank(*options); });
}

}  // namespace agencygraph::cli
