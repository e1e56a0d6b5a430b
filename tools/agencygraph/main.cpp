// agencygraph: reads government task-responsibility documents and analyses the agency network.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "output_file.hpp"
#include "safe_stderr.hpp"
#include "text/mapped_file.hpp"
#include "run_report.hpp"

namespace {

// A large input is read in place (mapped): if another program shrinks it meanwhile, reading its lost
// pages raises SIGBUS. Said as the problem it is, naming the file, with exit 1; no output has been
// renamed into place (output_file.hpp), so previous outputs stand. Only async-signal-safe calls here.
void on_bus_error(int, siginfo_t* info, void*) {
  const char* path = agencygraph::MappedFile::path_at(info->si_addr);
  auto say = [](const char* text) { (void)!::write(STDERR_FILENO, text, std::strlen(text)); };
  say("agencygraph: ");
  if (path == nullptr) say("an input file");
  for (const char* c = path; c != nullptr && *c != '\0'; ++c) {  // a control character in a name is not sent to the terminal
    const char shown = static_cast<unsigned char>(*c) < 0x20 || *c == 0x7F ? '?' : *c;
    (void)!::write(STDERR_FILENO, &shown, 1);
  }
  say(": the file shrank while it was read (another program is rewriting it?): stopped; output files are left as "
      "they were, standard output is cut short\n");
  ::_exit(1);
}

void report_bus_errors() {
  struct sigaction action {};
  action.sa_sigaction = on_bus_error;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  report_bus_errors();
  agencygraph::cli::make_stderr_safe();
  agencygraph::cli::route_standard_output();
  CLI::App app{"agencygraph: the agency network of Chinese government task-responsibility documents"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "agencygraph " AGENCYGRAPH_VERSION);  // PROJECT_VERSION
  int exit_code = 0;
  agencygraph::cli::register_parse(app, exit_code);
  agencygraph::cli::register_rank(app, exit_code);
  agencygraph::cli::register_clusters(app, exit_code);
  agencygraph::cli::register_map(app, exit_code);
  agencygraph::cli::register_export(app, exit_code);
  agencygraph::cli::register_check(app, exit_code);
  agencygraph::cli::register_report(app, exit_code);
  agencygraph::cli::register_compare(app, exit_code);
  agencygraph::cli::register_trend(app, exit_code);
  // CLI11 says only "A subcommand is required" for a misspelt one: name it, and the commands.
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* command : app.get_subcommands({})) {
      known = known || command->get_name() == argv[1];
      names += (names.empty() ? "" : ", ") + command->get_name();
    }
    if (!known) {
      std::fprintf(stderr, "agencygraph: unknown command '%s' (commands: %s; --help explains them)\n", argv[1],
                   names.c_str());
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors exit 2
  } catch (const std::exception& e) {
    std::fprintf(stderr, "agencygraph: %s\n", e.what());
    agencygraph::cli::finish_standard_output();
    return 1;
  }
  agencygraph::cli::print_timings();
  // A command whose output did not all arrive (a full disk, a closed pipe) has failed.
  if (!agencygraph::cli::finish_standard_output() && exit_code == 0) exit_code = 1;
  return exit_code;
}
