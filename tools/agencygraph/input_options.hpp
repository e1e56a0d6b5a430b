// The options every subcommand that reads documents shares, and the loading they drive.
#pragma once

#include <functional>
#include <span>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "agencygraph/aliases.hpp"
#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/model.hpp"

namespace agencygraph::cli {

struct InputOptions {
  std::vector<std::string> inputs;
  std::optional<std::string> encoding;
  std::optional<std::string> jurisdiction;
  std::optional<int> year;
  std::optional<std::string> aliases_file;
  std::optional<std::string> corrections_file;  // a TSV of hand corrections (agencygraph/corrections.hpp)
  bool first_listed_lead = false;
  bool timings = false;  // print per-stage wall times on stderr
  bool quiet = false;    // no progress line
};

// The inputs (a required positional list) and the options that say how to read them.
void add_input_options(CLI::App& command, InputOptions& options);
// The reading options alone, for commands whose inputs come otherwise (compare's two sides).
void add_reading_options(CLI::App& command, InputOptions& options);

// Reads every input (all cores), handing each document to `sink` in input order, pages not merged;
// problems go to stderr as load_inputs reports them. Returns whether some input could not be read.
bool read_documents(const InputOptions& options, const std::function<void(Document&&)>& sink);
// The same, each document's tasks handed to `on_tasks` in batches as they are read (see
// ExtractOptions::on_tasks) and the documents to `sink` without them. For one input at a time.
bool read_documents(const InputOptions& options, const std::function<void(Document&&)>& sink,
                    const std::function<void(const Document&, std::vector<Task>&)>& on_tasks);

// Whether the inputs are one regular file without corrections, whose tasks can then go on (be written,
// go into the network) batch by batch as they are read, so that memory follows the file's text and
// not its number of tasks (a document of hundreds of megabytes). Several inputs are read whole: pages
// of one document in several files are merged first; corrections apply to a document whole.
bool can_read_in_batches(const InputOptions& options);

struct LoadedInputs {
  std::vector<Document> documents;
  bool had_errors = false;  // some input (or corrections row) could not be read; its message is already on stderr
};

// Reads every input; problems go to stderr as "path: problem", the rest is still returned. With
// --corrections, each document is corrected as it is read, before pages are merged; bad rows of the
// corrections file count as errors, corrections that cannot be applied are warned about on stderr.
// Throws std::runtime_error for a problem that stops the whole run (a malformed alias file, a
// corrections file that cannot be read or has no header).
LoadedInputs load_inputs(const InputOptions& options);

struct NetworkCliOptions {
  std::string no_lead = "peers";
  bool exclude_collectives = false;
  std::size_t max_clique_units = NetworkOptions::kDefaultMaxCliqueUnits;
};

void add_network_options(CLI::App& command, NetworkCliOptions& options);
// Every floating-point option checks with this: a finite number, never nan or inf.
const CLI::Validator& finite_number();
NetworkOptions to_network_options(const NetworkCliOptions& options);
// Prints what building the network left out (AgencyNetwork::warnings) on stderr.
void print_network_warnings(const AgencyNetwork& network);

struct LoadedNetwork {
  AgencyNetwork network;
  bool had_errors = false;  // some input could not be read; its message is already on stderr
  std::vector<InputError> errors;  // those inputs, in input order
};

// Reads every input straight into the network (pages merged), never holding the corpus: what
// build_network(load_inputs(options).documents) gives, in memory that grows with agencies and tasks
// rather than with the text. Problems go to stderr as load_inputs reports them.
// `records`: what of each task the command needs (see NetworkOptions): nothing when it only measures
// the network, its record when it cites tasks, with its text when it shows them (tooltips, JSON).
// `observe`, when given, sees each document (pages not yet merged) before it goes into the network.
// Without it, one file (can_read_in_batches) goes into the network batch by batch as it is read, and
// `added`, when given, sees each batch as it goes in (the tasks the network numbers next, in order);
// it is not called when the inputs are not so read.
// `Indices`: no records, but agencies and links list their tasks by index (keep_task_lists).
enum class TaskRecords { None, Indices, WithoutTexts, WithTexts };
LoadedNetwork load_network(const InputOptions& options, const NetworkCliOptions& network_options, TaskRecords records,
                           const std::function<void(const Document&)>& observe = {},
                           const std::function<void(const Document&, std::span<const Task>)>& added = {});

}  // namespace agencygraph::cli
