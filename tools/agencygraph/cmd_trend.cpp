// `agencygraph trend CORPUS --by year|jurisdiction`: the corpus split by year (or place), each part's
// whole-network figures and most-burdened agencies, as a table, CSV or JSON, and an SVG line chart.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agencygraph/corpus_split.hpp"
#include "agencygraph/io/csv.hpp"
#include "agencygraph/io/trend_chart.hpp"
#include "agencygraph/trend.hpp"
#include "output_file.hpp"
#include "burden_weights.hpp"
#include "change_support.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "run_report.hpp"
#include "text_table.hpp"

namespace agencygraph::cli {
namespace {

struct TrendCliOptions {
  InputOptions input;
  NetworkCliOptions network;
  std::string by = "year";
  std::size_t top = 10;
  std::string format = "table";
  std::string table = "figures";
  std::optional<std::string> chart;
  std::string chart_title;
  std::size_t chart_agencies = 8;
  std::optional<std::string> successions;
  std::string weights;
  std::size_t width = 0;
};

std::string csv_number(std::optional<double> value) { return value ? exact_number(*value) : std::string(); }
std::string shown_number(std::optional<double> value) { return value ? table_number(*value) : std::string("-"); }

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// "市自然资源和规划局 (市国土资源局)": the name matched by, with the names printed where they differ.
std::string shown_name(const RankedAgency& agency, bool with_place) {
  std::string name = agency.name;
  if (with_place && !agency.jurisdiction.empty()) name += "（" + agency.jurisdiction + "）";
  if (!agency.printed.empty()) name += " (" + joined(agency.printed, "、") + ")";
  return name;
}

bool several_jurisdictions(const Trend& trend) {
  std::string first;
  for (const TrendPoint& point : trend.points)
    for (const RankedAgency& agency : point.top) {
      if (agency.jurisdiction.empty()) continue;
      if (first.empty()) first = agency.jurisdiction;
      else if (agency.jurisdiction != first) return true;
    }
  return false;
}

void write_json(std::ostream& out, const Trend& trend) {
  nlohmann::ordered_json root;
  root["schema"] = "agencygraph-trend/1";
  root["by"] = to_string(trend.by);
  root["match"] = to_string(trend.match);
  root["as_of"] = trend.as_of ? nlohmann::ordered_json(*trend.as_of) : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  for (const TrendPoint& point : trend.points) {
    nlohmann::ordered_json entry;
    entry[trend.by == SplitBy::Year ? "year" : "jurisdiction"] = point.key;
    nlohmann::ordered_json figures;
    for (const FigureValue& figure : figure_values(point.figures))
      figures[figure.name] = figure.value ? nlohmann::ordered_json(*figure.value) : nlohmann::ordered_json(nullptr);
    entry["figures"] = std::move(figures);
    nlohmann::ordered_json top = nlohmann::ordered_json::array();
    for (const RankedAgency& agency : point.top)
      top.push_back({{"rank", agency.rank},
                     {"name", agency.name},
                     {"jurisdiction", agency.jurisdiction.empty() ? nlohmann::ordered_json(nullptr)
                                                                  : nlohmann::ordered_json(agency.jurisdiction)},
                     {"as_printed", agency.printed},
                     {"burden", agency.burden},
                     {"lead", agency.lead_tasks},
                     {"co", agency.co_tasks},
                     {"owner", agency.owner_tasks}});
    entry["top"] = std::move(top);
    points.push_back(std::move(entry));
  }
  root["points"] = std::move(points);
  nlohmann::ordered_json series = nlohmann::ordered_json::array();
  for (const AgencySeries& s : trend.series) {
    nlohmann::ordered_json burden = nlohmann::ordered_json::array();
    for (const std::optional<double>& value : s.burden)
      burden.push_back(value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr));
    series.push_back({{"name", s.name},
                      {"jurisdiction", s.jurisdiction.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.jurisdiction)},
                      {"burden", std::move(burden)}});
  }
  root["series"] = std::move(series);
  root["notes"] = trend.notes;
  out << root.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void write_csv(std::ostream& out, const Trend& trend, const std::string& table) {
  out << io::kUtf8Bom;
  const char* key = trend.by == SplitBy::Year ? "year" : "jurisdiction";
  if (table == "agencies") {
    io::write_csv_row(out, {key, "rank", "name", "jurisdiction", "as_printed", "burden", "lead", "co", "owner"});
    for (const TrendPoint& point : trend.points)
      for (const RankedAgency& agency : point.top)
        io::write_csv_row(out, {point.key, std::to_string(agency.rank), agency.name, agency.jurisdiction,
                                joined(agency.printed, "|"), exact_number(agency.burden), std::to_string(agency.lead_tasks),
                                std::to_string(agency.co_tasks), std::to_string(agency.owner_tasks)});
    return;
  }
  std::vector<std::string> header{key};
  for (const FigureValue& figure : figure_values(NetworkFigures{})) header.push_back(figure.name);
  io::write_csv_row(out, header);
  for (const TrendPoint& point : trend.points) {
    std::vector<std::string> row{point.key};
    for (const FigureValue& figure : figure_values(point.figures)) row.push_back(csv_number(figure.value));
    io::write_csv_row(out, row);
  }
}

void write_text(std::ostream& out, const Trend& trend, std::size_t width) {
  using io::Align;
  std::vector<TableColumn> columns{{trend.by == SplitBy::Year ? "year" : "jurisdiction", Align::Left, 6}};
  const std::vector<FigureValue> names = figure_values(NetworkFigures{});
  for (const FigureValue& figure : names) {
    std::string header = figure.name;
    if (header == "multi_unit_share") header = "shared";  // tasks with more than one unit
    else if (header == "degree_centralisation") header = "centralisation";
    else if (header == "linked_pairs") header = "pairs";
    columns.push_back({header, Align::Right, 0});
  }
  std::vector<std::vector<std::string>> rows;
  for (const TrendPoint& point : trend.points) {
    std::vector<std::string> row{point.key};
    for (const FigureValue& figure : figure_values(point.figures)) row.push_back(shown_number(figure.value));
    rows.push_back(std::move(row));
  }
  write_table(out, columns, rows, width);
  out << "(shared: tasks naming more than one unit; centralisation: Freeman's degree centralisation; "
         "modularity: Louvain's)\n";
  const bool places = several_jurisdictions(trend);
  for (const TrendPoint& point : trend.points) {
    out << '\n' << point.key << ": the most-burdened agencies\n";
    std::vector<std::vector<std::string>> top;
    for (const RankedAgency& agency : point.top)
      top.push_back({std::to_string(agency.rank), shown_name(agency, places), table_number(agency.burden),
                     std::to_string(agency.lead_tasks), std::to_string(agency.co_tasks), std::to_string(agency.owner_tasks)});
    write_table(out, {{"rank", Align::Right, 0}, {"agency", Align::Left, 12}, {"burden", Align::Right, 0},
                      {"lead", Align::Right, 0}, {"co", Align::Right, 0}, {"owner", Align::Right, 0}},
                top, width);
  }
  if (!trend.notes.empty()) {
    out << "\nNotes:\n";
    for (const std::string& note : trend.notes) out << "- " << note << '\n';
  }
}

int run_trend(const TrendCliOptions& options) {
  const BurdenWeights weights = options.weights.empty() ? BurdenWeights{} : parse_weights(options.weights);
  const std::optional<SuccessionTable> successions = load_successions(options.successions, options.input);
  const SplitBy by = options.by == "year" ? SplitBy::Year : SplitBy::Jurisdiction;
  SplitNetworkBuilder builder(by, to_network_options(options.network), /*merge_pages=*/true);
  bool had_errors = false;
  {
    Stage stage("read, extract, add to networks");
    had_errors = read_documents(options.input, [&](Document&& document) { builder.add(document); });
  }
  const std::vector<std::string> unplaced = builder.unplaced();
  std::vector<std::pair<std::string, AgencyNetwork>> networks;
  {
    Stage stage("build networks");
    networks = builder.finish();
  }
  for (const auto& [key, network] : networks) print_network_warnings(network);
  if (!unplaced.empty()) {
    std::fprintf(stderr, "agencygraph trend: %zu document%s with no %s left out (first: %s); %s gives them one\n",
                 unplaced.size(), unplaced.size() == 1 ? "" : "s", by == SplitBy::Year ? "year" : "jurisdiction",
                 unplaced.front().c_str(), by == SplitBy::Year ? "--year" : "--jurisdiction");
  }
  if (networks.empty()) {
    std::fprintf(stderr, "agencygraph trend: no document has a %s: nothing to compare\n",
                 by == SplitBy::Year ? "year" : "jurisdiction");
    return 1;
  }
  std::vector<AgencyMetrics> metrics;
  {
    Stage stage("analyse");
    for (const auto& [key, network] : networks) metrics.push_back(analyse_for_figures(network));
  }
  std::vector<TrendInput> inputs;
  for (std::size_t i = 0; i < networks.size(); ++i) inputs.push_back({networks[i].first, &networks[i].second, &metrics[i]});
  TrendOptions trend_options;
  trend_options.by = by;
  trend_options.top = options.top;
  trend_options.successions = successions ? &*successions : nullptr;
  trend_options.weights = weights;
  const Trend trend = make_trend(inputs, trend_options);

  bool written = true;
  if (options.chart) {
    Stage stage("chart");
    io::TrendChartOptions chart;
    chart.title = options.chart_title;
    chart.agencies = options.chart_agencies;
    written = write_output(*options.chart, [&](std::ostream& out) { out << io::trend_chart_svg(trend, chart); });
  }
  if (options.format == "json") write_json(std::cout, trend);
  else if (options.format == "csv") write_csv(std::cout, trend, options.table);
  else write_text(std::cout, trend, output_width(options.width));
  std::cout.flush();
  return written && !had_errors ? 0 : 1;
}

}  // namespace

void register_trend(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "trend", "the corpus year by year (or place by place): whole-network figures, the most-burdened agencies, a chart");
  auto options = std::make_shared<TrendCliOptions>();
  add_input_options(*command, options->input);
  add_network_options(*command, options->network);
  command->add_option("--by", options->by, "split the corpus by year or by jurisdiction")
      ->check(CLI::IsMember({"year", "jurisdiction"}))
      ->capture_default_str();
  command->add_option("--top", options->top, "agencies listed per year (place)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command->add_option("--format", options->format, "table, csv (UTF-8 with BOM) or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  command->add_option("--table", options->table,
                      "the table --format csv writes: figures (a row per year or place) or agencies (the top ones)")
      ->check(CLI::IsMember({"figures", "agencies"}))
      ->capture_default_str();
  command->add_option("--chart", options->chart, "also draw the trend as an SVG line chart into this file");
  command->add_option("--chart-title", options->chart_title, "the chart's title (default: 机构协同网络趋势 and the split)");
  command->add_option("--chart-agencies", options->chart_agencies, "agencies drawn in the chart's burden panel")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command->add_option("--successions", options->successions,
                      "TSV of renamed agencies: old name<TAB>new name<TAB>year[<TAB>jurisdiction] (docs/compare.md)")
      ->check(CLI::ExistingFile);
  add_weights_option(*command, options->weights);
  command->add_option("--width", options->width, "table width in columns (default: the terminal's, else 80)")
      ->check(CLI::NonNegativeNumber);
  command->callback([options, &exit_code] { exit_code = run_trend(*options); });
}

}  // namespace agencygraph::cli
