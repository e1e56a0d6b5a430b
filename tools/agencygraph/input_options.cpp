#include "input_options.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <stdexcept>
#include <system_error>

#include "agencygraph/corrections.hpp"
#include "agencygraph/decode.hpp"
#include "agencygraph/extract.hpp"
#include "run_report.hpp"

namespace agencygraph::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("inputs", options.inputs, "documents: files, directories, or - for stdin")->required();
  add_reading_options(command, options);
}

void add_reading_options(CLI::App& command, InputOptions& options) {
  command.add_option("--encoding", options.encoding,
                     "read every input in this encoding (UTF-8, GB18030, GBK, UTF-16LE, ...) instead of detecting it")
      ->check(CLI::Validator(
          [](std::string& name) -> std::string {
            // A name ICU does not know is a usage error (exit 2), said once, not once per input.
            try {
              decode("", name);
            } catch (const DecodeError&) {
              return "unknown encoding '" + name + "'";
            }
            return {};
          },
          "ENCODING"));
  command.add_option("--jurisdiction", options.jurisdiction,
                     "the jurisdiction (e.g. 通山县) of documents whose title and signature name none");
  command.add_option("--year", options.year,
                     "the year of documents whose title, document number (文号) and signature date give none")
      ->check(CLI::Range(1949, 2100));
  command.add_option("--aliases", options.aliases_file,
                     "TSV of agency aliases: variant<TAB>canonical per line")->check(CLI::ExistingFile);
  command.add_option("--corrections", options.corrections_file,
                     "TSV of hand corrections: the output of parse --format tsv, edited (see README)")
      ->check(CLI::ExistingFile);
  command.add_flag("--first-listed-lead", options.first_listed_lead,
                   "the first unit listed for a task without a lead label is its lead");
  command.add_flag("--timings", options.timings, "print the wall time of each stage on stderr");
  command.add_flag("--quiet,-q", options.quiet, "no progress line on stderr");
}

namespace {

// What reading found wrong: inputs that could not be read, and whether rows of the corrections
// file could not be (their messages are on stderr already).
struct ReadProblems {
  std::vector<InputError> inputs;
  bool bad_corrections = false;
  bool any() const { return !inputs.empty() || bad_corrections; }
};

// Reads the inputs (all cores), handing each document to `sink` in input order; reports unreadable
// inputs, and parts of inputs that could not be read (Source::warnings: a scanned PDF page, columns
// past a sheet's table), on stderr and returns them.
ReadProblems read_inputs(const InputOptions& options, const std::function<void(Document&&)>& document_sink,
                         const std::function<void(const Document&, std::vector<Task>&)>& on_tasks = {}) {
  const auto sink = [&document_sink](Document&& document) {
    for (const Source& source : document.sources)
      for (const std::string& warning : source.warnings) std::fprintf(stderr, "%s: %s\n", source.path.c_str(), warning.c_str());
    document_sink(std::move(document));
  };
  run_report().timings = options.timings;
  run_report().quiet = options.quiet;
  AliasTable aliases = AliasTable::extending_builtin();
  if (options.aliases_file) aliases.load_tsv(*options.aliases_file);
  ExtractOptions extract_options;
  extract_options.jurisdiction = options.jurisdiction;
  extract_options.year = options.year;
  extract_options.encoding = options.encoding;
  extract_options.first_listed_is_lead = options.first_listed_lead;
  extract_options.aliases = &aliases;
  extract_options.on_tasks = on_tasks;
  extract_options.on_duplicate = [](const std::string& path, const std::string& same_as) {
    std::fprintf(stderr, "%s: the same bytes as %s: read once\n", path.c_str(), same_as.c_str());
  };
  std::optional<Corrections> corrections;
  if (options.corrections_file) {
    corrections = read_corrections(*options.corrections_file);
    for (const std::string& error : corrections->errors) std::fprintf(stderr, "%s\n", error.c_str());
  }
  Progress progress("reading documents");
  extract_options.on_progress = [&progress](std::size_t done, std::size_t total) { progress.advance(done, total); };
  std::vector<InputError> errors;
  if (!corrections) {
    errors = extract_each(options.inputs, extract_options, sink);
  } else {
    // Each document is corrected as it arrives (extract_each calls this from one thread at a time).
    CorrectionsApplier applier(*corrections, aliases);
    CorrectionsOutcome outcome;
    errors = extract_each(options.inputs, extract_options, [&](Document&& document) {
      CorrectionsOutcome applied = applier.apply(document);
      for (const std::string& warning : applied.warnings) std::fprintf(stderr, "%s\n", warning.c_str());
      applied.warnings.clear();
      outcome += applied;
      sink(std::move(document));
    });
    for (const std::string& warning : applier.unmatched_files()) std::fprintf(stderr, "%s\n", warning.c_str());
    if (!options.quiet)
      std::fprintf(stderr, "%s: %zu tasks corrected, %zu added, %zu dropped, %zu as they were\n",
                   corrections->path.c_str(), outcome.changed, outcome.added, outcome.dropped, outcome.unchanged);
  }
  for (const InputError& error : errors) std::fprintf(stderr, "%s: %s\n", error.path.c_str(), error.problem.c_str());
  return {std::move(errors), corrections && !corrections->errors.empty()};
}

}  // namespace

bool read_documents(const InputOptions& options, const std::function<void(Document&&)>& sink) {
  return read_inputs(options, sink).any();
}

bool read_documents(const InputOptions& options, const std::function<void(Document&&)>& sink,
                    const std::function<void(const Document&, std::vector<Task>&)>& on_tasks) {
  return read_inputs(options, sink, on_tasks).any();
}

bool can_read_in_batches(const InputOptions& options) {
  std::error_code error;
  return options.inputs.size() == 1 && !options.corrections_file && options.inputs.front() != "-" &&
         std::filesystem::is_regular_file(options.inputs.front(), error);
}

LoadedInputs load_inputs(const InputOptions& options) {
  Stage stage("read, decode, extract");
  std::vector<Document> documents;
  const bool had_errors =
      read_inputs(options, [&](Document&& document) { documents.push_back(std::move(document)); }).any();
  return {merge_pages(std::move(documents)), had_errors};
}

LoadedNetwork load_network(const InputOptions& options, const NetworkCliOptions& network_options, TaskRecords records,
                           const std::function<void(const Document&)>& observe,
                           const std::function<void(const Document&, std::span<const Task>)>& added) {
  NetworkOptions network = to_network_options(network_options);
  network.keep_task_records = records == TaskRecords::WithoutTexts || records == TaskRecords::WithTexts;
  network.keep_task_lists = records == TaskRecords::Indices;
  network.keep_task_texts = records == TaskRecords::WithTexts;
  NetworkBuilder builder(network, /*merge_pages=*/true);
  ReadProblems problems;
  {
    // Each document goes into the network as soon as it is parsed, and its text is freed then.
    Stage stage("read, extract, add to network");
    const bool in_batches = !observe && can_read_in_batches(options);
    const auto add = [&](Document&& document) {
      if (observe) observe(document);
      if (added && in_batches) added(document, document.tasks);
      builder.add(document);
    };
    if (in_batches)
      problems = read_inputs(options, add, [&](const Document& so_far, std::vector<Task>& batch) {
        if (added) added(so_far, batch);
        builder.add_tasks(so_far, batch);
      });
    else
      problems = read_inputs(options, add);
  }
  Stage stage("build network");
  const bool had_errors = problems.any();
  AgencyNetwork built = builder.finish();
  print_network_warnings(built);
  return {std::move(built), had_errors, std::move(problems.inputs)};
}

void print_network_warnings(const AgencyNetwork& network) {
  for (const std::string& warning : network.warnings) std::fprintf(stderr, "%s\n", warning.c_str());
}

const CLI::Validator& finite_number() {
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        // CLI11 reads "nan" and "inf" into a double, and no option of ours means either.
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(value)) return "not a finite number: " + text;
        return {};
      },
      "FINITE");
  return validator;
}

void add_network_options(CLI::App& command, NetworkCliOptions& options) {
  command.add_option("--no-lead", options.no_lead,
                     "tasks with several units and no lead: peers (link them all), first-listed, none")
      ->check(CLI::IsMember({"peers", "first-listed", "none"}));
  command.add_option("--max-clique-units", options.max_clique_units,
                     "a task with more units than this to link pairwise (peers, co-leads) gets no such links, "
                     "with a warning (0: no bound)")
      ->capture_default_str();
  command.add_flag("--exclude-collectives", options.exclude_collectives,
                   "leave out collectives such as 各县市区政府 and …成员单位");
}

NetworkOptions to_network_options(const NetworkCliOptions& options) {
  NetworkOptions result;
  result.exclude_collectives = options.exclude_collectives;
  result.max_clique_units = options.max_clique_units;
  if (options.no_lead == "first-listed") result.no_lead = NoLeadPolicy::FirstListed;
  else if (options.no_lead == "none") result.no_lead = NoLeadPolicy::None;
  return result;
}

}  // namespace agencygraph::cli
