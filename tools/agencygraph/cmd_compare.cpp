// `agencygraph compare A B`: two networks side by side (a place in two years, or two places): the
// agencies that appear, disappear or stay with their burden and rank, the links gained and lost with
// their tasks, and the whole-network figures of each.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "agencygraph/compare.hpp"
#include "agencygraph/io/csv.hpp"
#include "burden_weights.hpp"
#include "change_support.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "run_report.hpp"
#include "text_table.hpp"

namespace agencygraph::cli {
namespace {

struct CompareCliOptions {
  InputOptions input;  // the reading options; each side's inputs are set from `sides` or --a/--b
  NetworkCliOptions network;
  std::vector<std::string> sides;  // "A B"
  std::vector<std::string> a, b;   // --a …, --b …
  std::string label_a, label_b;
  std::optional<std::string> successions;
  std::optional<int> as_of;
  std::string match = "auto";
  std::string format = "table";
  std::string table = "agencies";
  std::size_t top = 20;
  std::string weights;
  std::size_t width = 0;
};

struct Side {
  std::string label;
  LoadedNetwork loaded;
  AgencyMetrics metrics;
};

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// Empty for a value that is not there (an agency absent from a side, a figure not defined).
std::string csv_number(std::optional<double> value) { return value ? exact_number(*value) : std::string(); }
std::string shown_number(std::optional<double> value) { return value ? table_number(*value) : std::string("-"); }
nlohmann::ordered_json json_number(std::optional<double> value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

std::optional<double> difference(std::optional<double> a, std::optional<double> b) {
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

class Report {
 public:
  Report(const CompareCliOptions& options, const Side& a, const Side& b, const Comparison& comparison)
      : options_(options), a_(a), b_(b), c_(comparison) {}

  const AgencyGroup* group_a(const AgencyChange& change) const { return change.a ? &c_.a.groups[*change.a] : nullptr; }
  const AgencyGroup* group_b(const AgencyChange& change) const { return change.b ? &c_.b.groups[*change.b] : nullptr; }
  const GroupLink* link_a(const LinkChange& change) const { return change.a ? &c_.links_a[*change.a] : nullptr; }
  const GroupLink* link_b(const LinkChange& change) const { return change.b ? &c_.links_b[*change.b] : nullptr; }
  static std::optional<double> burden(const AgencyGroup* group) {
    return group ? std::optional<double>(group->burden) : std::nullopt;
  }
  static std::optional<double> rank(const AgencyGroup* group) {
    return group ? std::optional<double>(static_cast<double>(group->rank)) : std::nullopt;
  }
  static std::optional<double> weight(const GroupLink* link) {
    return link ? std::optional<double>(link->weight()) : std::nullopt;
  }
  // Burden change counts an absent side as 0 (an agency that appears gains all its burden); rank change
  // only for agencies on both sides, positive when it moved up (rank A - rank B).
  static std::optional<double> burden_change(const AgencyGroup* a, const AgencyGroup* b) {
    return (b ? b->burden : 0.0) - (a ? a->burden : 0.0);
  }
  static std::optional<double> rank_change(const AgencyGroup* a, const AgencyGroup* b) {
    if (!a || !b) return std::nullopt;
    return static_cast<double>(a->rank) - static_cast<double>(b->rank);
  }
  std::vector<std::string> printed(const AgencyChange& change) const {
    std::vector<std::string> names;
    if (const AgencyGroup* g = group_a(change)) names = printed_names(a_.loaded.network, *g);
    if (const AgencyGroup* g = group_b(change))
      for (std::string& name : printed_names(b_.loaded.network, *g))
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    return names;
  }

  void json(std::ostream& out) const {
    nlohmann::ordered_json root;
    root["schema"] = "agencygraph-compare/1";
    root["match"] = to_string(c_.match);
    root["as_of"] = c_.as_of ? nlohmann::ordered_json(*c_.as_of) : nlohmann::ordered_json(nullptr);
    root["a"] = side_json(a_);
    root["b"] = side_json(b_);
    nlohmann::ordered_json figures = nlohmann::ordered_json::array();
    const auto fa = figure_values(c_.figures_a), fb = figure_values(c_.figures_b);
    for (std::size_t i = 0; i < fa.size(); ++i)
      figures.push_back({{"figure", fa[i].name},
                         {"a", json_number(fa[i].value)},
                         {"b", json_number(fb[i].value)},
                         {"change", json_number(difference(fa[i].value, fb[i].value))}});
    root["figures"] = std::move(figures);
    nlohmann::ordered_json agencies = nlohmann::ordered_json::array();
    for (const AgencyChange& change : c_.agencies) {
      const AgencyGroup* ga = group_a(change);
      const AgencyGroup* gb = group_b(change);
      nlohmann::ordered_json entry;
      entry["name"] = change.name;
      entry["jurisdiction"] = change.jurisdiction.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(change.jurisdiction);
      entry["presence"] = to_string(change.presence);
      entry["a"] = group_json(a_, ga);
      entry["b"] = group_json(b_, gb);
      entry["burden_change"] = json_number(burden_change(ga, gb));
      entry["rank_change"] = json_number(rank_change(ga, gb));
      agencies.push_back(std::move(entry));
    }
    root["agencies"] = std::move(agencies);
    nlohmann::ordered_json links = nlohmann::ordered_json::array();
    for (const LinkChange& change : c_.links) {
      nlohmann::ordered_json entry;
      entry["from"] = change.from_name;
      entry["from_jurisdiction"] = change.from_jurisdiction.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(change.from_jurisdiction);
      entry["to"] = change.to_name;
      entry["to_jurisdiction"] = change.to_jurisdiction.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(change.to_jurisdiction);
      entry["kind"] = to_string(change.kind);
      entry["presence"] = to_string(change.presence);
      entry["a"] = link_json(a_, link_a(change));
      entry["b"] = link_json(b_, link_b(change));
      links.push_back(std::move(entry));
    }
    root["links"] = std::move(links);
    root["notes"] = c_.notes;
    out << root.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }

  void csv(std::ostream& out) const {
    out << io::kUtf8Bom;
    if (options_.table == "figures") {
      io::write_csv_row(out, {"figure", "a", "b", "change"});
      const auto fa = figure_values(c_.figures_a), fb = figure_values(c_.figures_b);
      for (std::size_t i = 0; i < fa.size(); ++i)
        io::write_csv_row(out, {fa[i].name, csv_number(fa[i].value), csv_number(fb[i].value),
                                csv_number(difference(fa[i].value, fb[i].value))});
    } else if (options_.table == "links") {
      io::write_csv_row(out, {"from", "from_jurisdiction", "to", "to_jurisdiction", "kind", "presence", "weight_a",
                              "weight_b", "weight_change", "tasks_a", "tasks_b"});
      for (const LinkChange& change : c_.links) {
        const GroupLink* la = link_a(change);
        const GroupLink* lb = link_b(change);
        io::write_csv_row(out, {change.from_name, change.from_jurisdiction, change.to_name, change.to_jurisdiction,
                                std::string(to_string(change.kind)), std::string(to_string(change.presence)),
                                csv_number(weight(la)), csv_number(weight(lb)),
                                csv_number((lb ? lb->weight() : 0.0) - (la ? la->weight() : 0.0)),
                                la ? task_references(a_.loaded.network, la->tasks) : "",
                                lb ? task_references(b_.loaded.network, lb->tasks) : ""});
      }
    } else {
      io::write_csv_row(out, {"name", "jurisdiction", "presence", "as_printed", "burden_a", "burden_b", "burden_change",
                              "rank_a", "rank_b", "rank_change", "lead_a", "co_a", "owner_a", "lead_b", "co_b", "owner_b"});
      for (const AgencyChange& change : c_.agencies) {
        const AgencyGroup* ga = group_a(change);
        const AgencyGroup* gb = group_b(change);
        auto count = [](const AgencyGroup* g, std::uint32_t AgencyGroup::*field) {
          return g ? std::to_string(g->*field) : std::string();
        };
        io::write_csv_row(out, {change.name, change.jurisdiction, std::string(to_string(change.presence)),
                                joined(printed(change), "|"), csv_number(burden(ga)), csv_number(burden(gb)),
                                csv_number(burden_change(ga, gb)), csv_number(rank(ga)), csv_number(rank(gb)),
                                csv_number(rank_change(ga, gb)), count(ga, &AgencyGroup::lead_tasks),
                                count(ga, &AgencyGroup::co_tasks), count(ga, &AgencyGroup::owner_tasks),
                                count(gb, &AgencyGroup::lead_tasks), count(gb, &AgencyGroup::co_tasks),
                                count(gb, &AgencyGroup::owner_tasks)});
      }
    }
  }

  void table(std::ostream& out) const {
    using io::Align;
    const std::size_t width = output_width(options_.width);
    out << "A: " << a_.label << "\nB: " << b_.label << "\n\n";
    {
      std::vector<std::vector<std::string>> rows;
      const auto fa = figure_values(c_.figures_a), fb = figure_values(c_.figures_b);
      for (std::size_t i = 0; i < fa.size(); ++i)
        rows.push_back({fa[i].name, shown_number(fa[i].value), shown_number(fb[i].value),
                        shown_number(difference(fa[i].value, fb[i].value))});
      write_table(out, {{"figure", Align::Left, 0}, {"A", Align::Right, 0}, {"B", Align::Right, 0},
                        {"change", Align::Right, 0}},
                  rows, width);
    }
    std::size_t stayed = 0, appeared = 0, disappeared = 0;
    for (const AgencyChange& change : c_.agencies)
      (change.presence == Presence::Stayed ? stayed : change.presence == Presence::Appeared ? appeared : disappeared)++;
    out << "\nAgencies, matched by " << (c_.match == MatchBy::Name ? "name" : "jurisdiction and name") << ": " << stayed
        << " on both sides, " << appeared << " only in B (appeared), " << disappeared << " only in A (disappeared)\n";
    const bool places = several_places();
    {
      std::vector<TableColumn> columns{{"rank A", Align::Right, 0}, {"rank B", Align::Right, 0},
                                       {"agency", Align::Left, 12}};
      if (places) columns.push_back({"jurisdiction", Align::Left, 6});
      for (TableColumn column : std::vector<TableColumn>{{"presence", Align::Left, 0},
                                                          {"burden A", Align::Right, 0},
                                                          {"burden B", Align::Right, 0},
                                                          {"change", Align::Right, 0},
                                                          {"as printed", Align::Left, 8}})
        columns.push_back(column);
      std::vector<std::vector<std::string>> rows;
      for (std::size_t i = 0; i < c_.agencies.size() && (options_.top == 0 || i < options_.top); ++i) {
        const AgencyChange& change = c_.agencies[i];
        const AgencyGroup* ga = group_a(change);
        const AgencyGroup* gb = group_b(change);
        std::vector<std::string> row{shown_number(rank(ga)), shown_number(rank(gb)), change.name};
        if (places) row.push_back(change.jurisdiction);
        for (std::string cell : {std::string(to_string(change.presence)), shown_number(burden(ga)),
                                 shown_number(burden(gb)), signed_number(burden_change(ga, gb)),
                                 joined(printed(change), "、")})
          row.push_back(std::move(cell));
        rows.push_back(std::move(row));
      }
      write_table(out, columns, rows, width);
      if (options_.top != 0 && c_.agencies.size() > options_.top)
        out << "(" << options_.top << " of " << c_.agencies.size() << " agencies, by their larger burden; --top 0 lists all)\n";
    }
    std::size_t kept = 0, gained = 0, lost = 0;
    for (const LinkChange& change : c_.links)
      (change.presence == Presence::Stayed ? kept : change.presence == Presence::Appeared ? gained : lost)++;
    out << "\nLinks: " << kept << " on both sides, " << gained << " gained in B, " << lost << " lost from A\n";
    for (const Presence presence : {Presence::Appeared, Presence::Disappeared}) {
      const bool is_gained = presence == Presence::Appeared;
      out << '\n' << (is_gained ? "Gained (in B only), heaviest first:" : "Lost (in A only), heaviest first:") << '\n';
      std::vector<std::vector<std::string>> rows;
      std::size_t listed = 0, all = 0;
      for (const LinkChange& change : c_.links) {
        if (change.presence != presence) continue;
        ++all;
        if (options_.top != 0 && listed >= options_.top) continue;
        ++listed;
        const GroupLink* link = is_gained ? link_b(change) : link_a(change);
        const AgencyNetwork& network = is_gained ? b_.loaded.network : a_.loaded.network;
        rows.push_back({change.from_name, change.to_name, std::string(to_string(change.kind)),
                        table_number(link->weight()), task_references(network, link->tasks)});
      }
      write_table(out, {{"from", Align::Left, 8}, {"to", Align::Left, 8}, {"kind", Align::Left, 0},
                        {"weight", Align::Right, 0}, {is_gained ? "tasks in B" : "tasks in A", Align::Left, 8}},
                  rows, width);
      if (listed < all) out << "(" << listed << " of " << all << "; --top 0 lists all)\n";
    }
    if (!c_.notes.empty()) {
      out << "\nNotes:\n";
      for (const std::string& note : c_.notes) out << "- " << note << '\n';
    }
  }

 private:
  static std::string signed_number(std::optional<double> value) {
    if (!value) return "-";
    const std::string text = table_number(*value);
    return *value > 0 ? "+" + text : text;
  }

  bool several_places() const {
    std::string first;
    for (const AgencyChange& change : c_.agencies) {
      if (change.jurisdiction.empty()) continue;
      if (first.empty()) first = change.jurisdiction;
      else if (change.jurisdiction != first) return true;
    }
    return false;
  }

  static nlohmann::ordered_json side_json(const Side& side) {
    nlohmann::ordered_json entry;
    entry["label"] = side.label;
    nlohmann::ordered_json documents = nlohmann::ordered_json::array();
    for (const DocumentInfo& document : side.loaded.network.documents) {
      documents.push_back({{"title", document.title ? nlohmann::ordered_json(*document.title) : nullptr},
                           {"jurisdiction", document.jurisdiction ? nlohmann::ordered_json(*document.jurisdiction) : nullptr},
                           {"year", document.year ? nlohmann::ordered_json(*document.year) : nullptr},
                           {"sources", document.sources}});
    }
    entry["documents"] = std::move(documents);
    return entry;
  }

  nlohmann::ordered_json group_json(const Side& side, const AgencyGroup* group) const {
    if (!group) return nullptr;
    return {{"burden", group->burden},
            {"rank", group->rank},
            {"lead", group->lead_tasks},
            {"co", group->co_tasks},
            {"owner", group->owner_tasks},
            {"as_printed", printed_names(side.loaded.network, *group)}};
  }

  static nlohmann::ordered_json link_json(const Side& side, const GroupLink* link) {
    if (!link) return nullptr;
    const AgencyNetwork& network = side.loaded.network;
    nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
    for (const std::uint32_t t : link->tasks) {
      const TaskInfo& task = network.tasks[t];
      tasks.push_back({{"document", task.document}, {"number", task.id}, {"text", task.text}});
    }
    return {{"weight", link->weight()}, {"tasks", std::move(tasks)}};
  }

  const CompareCliOptions& options_;
  const Side& a_;
  const Side& b_;
  const Comparison& c_;
};

int run_compare(const CompareCliOptions& options) {
  std::vector<std::string> inputs_a = options.a, inputs_b = options.b;
  if (!options.sides.empty()) {
    if (options.sides.size() != 2 || !inputs_a.empty() || !inputs_b.empty()) {
      std::fprintf(stderr, "agencygraph compare: give two inputs, A B, or the sides as --a INPUT... --b INPUT...\n");
      return 2;
    }
    inputs_a = {options.sides[0]};
    inputs_b = {options.sides[1]};
  }
  if (inputs_a.empty() || inputs_b.empty()) {
    std::fprintf(stderr, "agencygraph compare: both sides need inputs: A B, or --a INPUT... --b INPUT...\n");
    return 2;
  }
  const BurdenWeights weights = options.weights.empty() ? BurdenWeights{} : parse_weights(options.weights);
  const std::optional<SuccessionTable> successions = load_successions(options.successions, options.input);
  const bool texts = options.format == "json";
  auto load_side = [&](const std::vector<std::string>& inputs, const std::string& label, const char* name) {
    InputOptions input = options.input;
    input.inputs = inputs;
    Side side{"", load_network(input, options.network, texts ? TaskRecords::WithTexts : TaskRecords::WithoutTexts), {}};
    side.metrics = analyse_for_figures(side.loaded.network);
    side.label = label.empty() ? describe_documents(side.loaded.network, joined(inputs, ", ")) : label;
    if (boost::num_vertices(side.loaded.network.graph) == 0)
      std::fprintf(stderr, "agencygraph compare: side %s (%s) names no agencies\n", name, side.label.c_str());
    return side;
  };
  const Side a = load_side(inputs_a, options.label_a, "A");
  const Side b = load_side(inputs_b, options.label_b, "B");
  CompareOptions compare;
  if (options.match == "name") compare.match = MatchBy::Name;
  else if (options.match == "jurisdiction") compare.match = MatchBy::JurisdictionAndName;
  compare.successions = successions ? &*successions : nullptr;
  compare.as_of = options.as_of;
  compare.weights = weights;
  const Comparison comparison = [&] {
    Stage stage("compare");
    return compare_networks(a.loaded.network, a.metrics, b.loaded.network, b.metrics, compare);
  }();
  const Report report(options, a, b, comparison);
  if (options.format == "json") report.json(std::cout);
  else if (options.format == "csv") report.csv(std::cout);
  else report.table(std::cout);
  std::cout.flush();
  return a.loaded.had_errors || b.loaded.had_errors ? 1 : 0;
}

}  // namespace

void register_compare(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "compare", "two sets of documents side by side: agencies and links that appear, disappear or stay, and the "
                 "whole-network figures");
  auto options = std::make_shared<CompareCliOptions>();
  command->add_option("sides", options->sides, "A B: the two sides, each a file or a directory");
  command->add_option("--a", options->a, "side A's inputs (files, directories), for a side of several inputs");
  command->add_option("--b", options->b, "side B's inputs");
  add_reading_options(*command, options->input);
  add_network_options(*command, options->network);
  command->add_option("--label-a", options->label_a, "side A's name in the output (default: its places and years)");
  command->add_option("--label-b", options->label_b, "side B's name");
  command->add_option("--successions", options->successions,
                      "TSV of renamed agencies: old name<TAB>new name<TAB>year[<TAB>jurisdiction] (docs/compare.md)")
      ->check(CLI::ExistingFile);
  command->add_option("--as-of", options->as_of,
                      "the year whose names successions lead to (default: the latest year of either side)")
      ->check(CLI::Range(1949, 2100));
  command->add_option("--match", options->match,
                      "how agencies are matched: auto (by jurisdiction and name when both sides name the same "
                      "jurisdictions, else by name alone), name, jurisdiction")
      ->check(CLI::IsMember({"auto", "name", "jurisdiction"}))
      ->capture_default_str();
  command->add_option("--format", options->format, "table, csv (UTF-8 with BOM) or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  command->add_option("--table", options->table, "the table --format csv writes: agencies, links or figures")
      ->check(CLI::IsMember({"agencies", "links", "figures"}))
      ->capture_default_str();
  command->add_option("--top", options->top, "rows per list in the table format (0: all)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  add_weights_option(*command, options->weights);
  command->add_option("--width", options->width, "table width in columns (default: the terminal's, else 80)")
      ->check(CLI::NonNegativeNumber);
  command->callback([options, &exit_code] { exit_code = run_compare(*options); });
}

}  // namespace agencygraph::cli
