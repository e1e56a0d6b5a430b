#include "agencygraph/trend.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <utility>

namespace agencygraph {

Trend make_trend(const std::vector<TrendInput>& inputs, const TrendOptions& options) {
  Trend trend;
  trend.by = options.by;
  trend.match = options.by == SplitBy::Year ? MatchBy::JurisdictionAndName : MatchBy::Name;
  for (const TrendInput& input : inputs) {
    const std::optional<int> year = latest_year(*input.network);
    if (year && (!trend.as_of || *year > *trend.as_of)) trend.as_of = year;
  }
  if (trend.match == MatchBy::Name)
    trend.notes.push_back("agencies are matched across places by name alone (市教育局 of one place is taken for "
                          "市教育局 of another)");
  const GroupingOptions grouping_options{trend.match, options.successions, trend.as_of, options.weights};
  using Key = std::pair<std::string, std::string>;  // (jurisdiction, name)
  std::vector<std::map<Key, double>> burden_at(inputs.size());
  std::map<Key, double> in_top;  // the agencies of any top list, with their highest burden
  std::size_t renamed = 0;
  for (std::size_t p = 0; p < inputs.size(); ++p) {
    const TrendInput& input = inputs[p];
    static const AgencyMetrics kNoMetrics;
    TrendPoint& point = trend.points.emplace_back();
    point.key = input.key;
    point.figures = network_figures(*input.network, input.metrics ? *input.metrics : kNoMetrics);
    const AgencyGrouping grouping = group_agencies(*input.network, grouping_options);
    renamed += grouping.renamed;
    for (const AgencyGroup& group : grouping.groups) burden_at[p][{group.jurisdiction, group.name}] = group.burden;
    std::vector<std::size_t> order(grouping.groups.size());
    std::iota(order.begin(), order.end(), 0);
    const std::size_t shown = std::min(options.top, order.size());
    // Groups are in key order already, so a stable partial order by rank breaks ties by key.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return grouping.groups[x].rank < grouping.groups[y].rank; });
    for (std::size_t i = 0; i < shown; ++i) {
      const AgencyGroup& group = grouping.groups[order[i]];
      point.top.push_back({group.name, group.jurisdiction, printed_names(*input.network, group), group.burden,
                           group.lead_tasks, group.co_tasks, group.owner_tasks, group.rank});
      double& highest = in_top[{group.jurisdiction, group.name}];
      highest = std::max(highest, group.burden);
    }
  }
  if (options.successions != nullptr && !options.successions->empty())
    trend.notes.push_back("successions as of " + (trend.as_of ? std::to_string(*trend.as_of) : std::string("any year")) +
                          ": " + std::to_string(renamed) + " agencies over all " + std::string(to_string(options.by)) +
                          "s are listed under a successor's name");
  for (const auto& [key, highest] : in_top) {
    AgencySeries& series = trend.series.emplace_back();
    series.jurisdiction = key.first;
    series.name = key.second;
    for (std::size_t p = 0; p < inputs.size(); ++p) {
      const auto it = burden_at[p].find(key);
      series.burden.push_back(it == burden_at[p].end() ? std::nullopt : std::optional<double>(it->second));
    }
  }
  std::stable_sort(trend.series.begin(), trend.series.end(), [&](const AgencySeries& x, const AgencySeries& y) {
    return in_top[{x.jurisdiction, x.name}] > in_top[{y.jurisdiction, y.name}];
  });
  return trend;
}

}  // namespace agencygraph
