// Agencies matched across networks: each network's agencies grouped under the name they are matched by,
// their successor's name where a succession table renames them (successions.hpp), with or without
// their jurisdiction. A group is usually one agency; it holds several where predecessors merged
// (文化部 and 国家旅游局 under 文化和旅游部) or, matched by name alone, where one name occurs in several
// jurisdictions. The network itself is not changed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"
#include "agencygraph/successions.hpp"

namespace agencygraph {

// How agencies of two networks are taken to be the same. The network keys an agency by (jurisdiction,
// canonical name); names are relative to their jurisdiction (市教育局), so matched by name alone the
// 市教育局 of 咸宁市 is matched with the 市教育局 of 荆州市: what a comparison of two places wants.
enum class MatchBy : std::uint8_t { Name, JurisdictionAndName };
std::string_view to_string(MatchBy match);  // "name", "jurisdiction_and_name"

struct GroupingOptions {
  MatchBy match = MatchBy::JurisdictionAndName;
  const SuccessionTable* successions = nullptr;  // null: names as they are
  std::optional<int> as_of;                      // the year whose names successions lead to; none: all apply
  BurdenWeights weights;
};

struct AgencyGroup {
  std::string name;          // the name matched by: the successor's where a succession applies
  std::string jurisdiction;  // empty when matched by name alone, or unknown
  std::vector<AgencyVertex> members;  // ascending
  // Over the members' tasks together, each task once in its strongest role (lead, else owner, else
  // co), as an agency named both lead and co of a task is its lead: for one member, its own counts.
  std::uint32_t lead_tasks = 0, co_tasks = 0, owner_tasks = 0;
  double burden = 0;       // weights.lead * lead + weights.owner * owner + weights.co * co
  std::size_t rank = 0;    // by burden, competition ranking (1, 2, 2, 4): as `agencygraph rank` ranks
  std::vector<std::uint32_t> tasks;  // indices into AgencyNetwork::tasks, ascending
};

struct AgencyGrouping {
  std::vector<AgencyGroup> groups;      // by (jurisdiction, name), bytewise
  std::vector<std::uint32_t> group_of;  // by vertex
  std::size_t renamed = 0;              // agencies a succession renamed
};

AgencyGrouping group_agencies(const AgencyNetwork& network, const GroupingOptions& options);

// The names the members print (their canonical names, with the jurisdiction where grouped by name
// alone across jurisdictions), where any differs from the group's name: ["国土资源部"] for 自然资源部.
std::vector<std::string> printed_names(const AgencyNetwork& network, const AgencyGroup& group);

// The links between groups: a network's links with their ends replaced by their groups, those within
// one group dropped, links of one kind between one pair of groups joined (their tasks united, weight
// the number of tasks). Symmetric kinds run from the lower group to the higher. By (from, to, kind).
struct GroupLink {
  std::uint32_t from = 0, to = 0;  // indices into AgencyGrouping::groups
  LinkKind kind = LinkKind::LeadToCo;
  std::vector<std::uint32_t> tasks;  // ascending
  double weight() const { return static_cast<double>(tasks.size()); }
};
std::vector<GroupLink> group_links(const AgencyNetwork& network, const AgencyGrouping& grouping);

// The latest year of the network's documents; none when none has a year.
std::optional<int> latest_year(const AgencyNetwork& network);

}  // namespace agencygraph
