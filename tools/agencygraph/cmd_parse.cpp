// `agencygraph parse`: the extraction as JSON, or as TSV for a spreadsheet, on stdout.
#include <cstdio>
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
    LoadedInputs loaded = load_inputs(options->input);
    for (const Document& document : loaded.documents) {
      if (document.tasks.empty()) {
        std::fprintf(stderr,
                     "%s: no responsibility annotations: no task names a lead or responsible unit "
                     "(a work report itself rather than its decomposition?)\n",
                     document.sources.front().path.c_str());
      }
    }
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
