// `agencygraph parse`: the extraction as JSON on stdout.
#include <cstdio>
#include <iostream>

#include "agencygraph/io/document_json.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "run_report.hpp"

namespace agencygraph::cli {

void register_parse(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("parse", "extract tasks, roles and agencies as JSON");
  auto options = std::make_shared<InputOptions>();
  add_input_options(*command, *options);
  command->callback([options, &exit_code] {
    LoadedInputs loaded = load_inputs(*options);
    for (const Document& document : loaded.documents) {
      if (document.tasks.empty()) {
        std::fprintf(stderr,
                     "%s: no responsibility annotations: no task names a lead or responsible unit "
                     "(a work report itself rather than its decomposition?)\n",
                     document.sources.front().path.c_str());
      }
    }
    Stage stage("write JSON");
    // Streamed task by task: building the whole tree first took gigabytes on large corpora.
    write_documents_json(std::cout, loaded.documents);
    std::cout << '\n';
    std::cout.flush();
    exit_code = loaded.had_errors ? 1 : 0;
  });
}

}  // namespace agencygraph::cli
