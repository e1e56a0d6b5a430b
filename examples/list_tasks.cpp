// Lists a document's tasks with their lead and co-responsible agencies, using the library API.
//   list_tasks examples/jingzhou-2020.txt
#include <iostream>

#include "agencygraph/extract.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: list_tasks FILE...\n";
    return 2;
  }
  const agencygraph::ExtractResult result =
      agencygraph::extract_files(std::vector<std::string>(argv + 1, argv + argc), {});
  for (const auto& error : result.errors) std::cerr << error.path << ": " << error.problem << '\n';
  for (const agencygraph::Document& document : result.documents) {
    std::cout << "# " << document.title.value_or(document.sources.front().path) << '\n';
    for (const agencygraph::Task& task : document.tasks) {
      std::cout << task.id << '\t';
      for (const agencygraph::AgencyMention& mention : task.agencies)
        std::cout << (mention.role == agencygraph::Role::Lead ? "[lead] " : "") << document.name(mention.name) << ' ';
      std::cout << '\n';
    }
  }
  return result.errors.empty() ? 0 : 1;
}
