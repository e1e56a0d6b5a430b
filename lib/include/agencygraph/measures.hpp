// The one list of measures: each measure analyse() can compute, its name for --measures, the view it
// runs on, and the per-agency columns it fills, with the name every export (JSON, GraphML, CSV, DOT)
// and `rank --by` give each column and a one-line definition. measure_from_name(), measure_names(),
// `rank --by` and the columns are read from it; tests check the writers and docs/analysis.md against it.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "agencygraph/metrics.hpp"

namespace agencygraph {

// What a measure is computed on (docs/analysis.md, "the two views").
enum class MeasureView {
  Tasks,       // the agencies' task counts, no graph
  Directed,    // the simple digraph G
  Undirected,  // the simple undirected graph Gu
};

struct MeasureColumn {
  std::string_view name;        // the column / attribute name in every export
  bool integer;                 // a count or a label, written without decimals
  bool rankable;                // `rank --by` accepts it (labels and flags are not ranked)
  std::string_view definition;  // one line
};

struct MeasureSpec {
  Measure measure;
  std::string_view name;  // in --measures and AnalysisOptions selection
  MeasureView view;
  std::span<const MeasureColumn> columns;  // per-agency columns, in export order
};

// Every measure, in the order analyse() documents them; constant, O(1).
std::span<const MeasureSpec> measure_specs();

// The column called `name` (e.g. "in_degree"), or nullptr; O(number of columns).
const MeasureColumn* find_measure_column(std::string_view name);

// The measure that fills column `name`; nullopt for an unknown column.
std::optional<Measure> measure_of_column(std::string_view name);

// The values of column `name` in `metrics`, one per agency, as doubles (labels and flags as 0/1 and
// their number); empty when the column is unknown or its measure was not computed. O(n).
std::vector<double> measure_column_values(const AgencyMetrics& metrics, std::string_view name);

}  // namespace agencygraph
