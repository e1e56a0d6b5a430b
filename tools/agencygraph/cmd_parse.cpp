// `agencygraph parse`: the extraction as JSON, or as TSV for a spreadsheet, on stdout.
#include <cstdio>
#include <string>
#include <vector>
#include <iostream>

#include "agencygraph/io/document_json.hpp"
#include "agencygraph/io/tasks_tsv.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "run_report.hpp"

namespace agencygraph::cli {

namespace {

struct ParseOptions {
  InputOptions input;
  std::string format = "json";
};

void warn_no_annotations(const Document& document) {
  std::fprintf(stderr,
               "%s: no responsibility annotations: no task names a lead or responsible unit "
               "(a work report itself rather than its decomposition?)\n",
               document.sources.front().path.c_str());
}

// Writes what `parse` writes for one input, task batch by batch; returns whether it could not be read.
bool parse_streaming(const ParseOptions& options) {
  const bool tsv = options.format == "tsv";
  DocumentJsonStream json(std::cout);
  if (tsv) io::write_tasks_tsv_header(std::cout);
  std::size_t tasks = 0;
  std::string rows;
  const auto on_tasks = [&](const Document& so_far, std::vector<Task>& batch) {
    tasks += batch.size();
    if (tsv) {
      rows.clear();
      io::append_tasks_tsv(rows, so_far, batch);
      std::cout << rows;
    } else {
      json.tasks(so_far, batch);
    }
  };
  bool had_errors = false;
  {
    Stage stage("read, extract and write");
    had_errors = read_documents(options.input, [&](Document&& document) {
      if (tasks == 0) warn_no_annotations(document);
      if (!tsv) json.end_document(document);
    }, on_tasks);
  }
  if (!tsv) {
    json.finish();
    std::cout << '\n';
  }
  std::cout.flush();
  return had_errors;
}

}  // namespace

void register_parse(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("parse", "extract tasks, roles and agencies as JSON (or TSV for a spreadsheet)");
  auto options = std::make_shared<ParseOptions>();
  add_input_options(*command, options->input);
  command->add_option("--format", options->format,
                      "json, or tsv: one row per task, role and agency (UTF-8 with BOM), to check and correct "
                      "in a spreadsheet and give back with --corrections")
      ->check(CLI::IsMember({"json", "tsv"}))
      ->capture_default_str();
  command->callback([options, &exit_code] {
    if (can_read_in_batches(options->input)) {
      exit_code = parse_streaming(*options) ? 1 : 0;
      return;
    }
    LoadedInputs loaded = load_inputs(options->input);
    for (const Document& document : loaded.documents)
      if (document.tasks.empty()) warn_no_annotations(document);
    if (options->format == "tsv") {
      Stage stage("write TSV");
      io::write_tasks_tsv(std::cout, loaded.documents);
    } else {
      Stage stage("write JSON");
      // Streamed task by task: building the whole tree first took gigabytes on large corpora.
      write_documents_json(std::cout, loaded.documents);
      std::cout << '\n';
    }
    std::cout.flush();
    exit_code = loaded.had_errors ? 1 : 0;
  });
}

}  // namespace agencygraph::cli
