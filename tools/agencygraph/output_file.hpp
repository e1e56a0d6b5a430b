// Every command's output goes through here, so that an output is whole or absent: a file is written
// to a temporary file beside it and renamed over it only once every write, the flush, fsync and close
// have succeeded; on any failure (a full disk, an error in the command, Ctrl-C) the previous file
// is left untouched, the temporary removed and the reason printed. A path that names a device or a
// pipe (-o /dev/stdout) is written in place. Standard output is checked once,
// at exit (finish_standard_output), so no command can report success after a lost write.
#pragma once

#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace agencygraph::cli {

// The files of one output written together (export --format csv: nodes.csv, edges.csv, tasks.csv):
// all are written to temporaries first, and renamed into place only when every one was written, one
// rename after another, so a failed run leaves the previous set whole (a crash between two renames
// can still mix old and new files: POSIX has no rename of several files at once).
class OutputFiles {
 public:
  OutputFiles();
  ~OutputFiles();  // removes the temporaries of files not committed
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;

  // A stream for `path` ("-": standard output, written directly), or nullptr after a message when
  // the temporary cannot be created (a missing directory, no permission).
  std::ostream* open(const std::string& path);
  // Flushes, syncs and closes every file, then renames them all into place; on any failure prints
  // "path: cannot write: reason", removes every temporary, renames none and returns false.
  bool commit();

 private:
  struct File;
  std::vector<std::unique_ptr<File>> files_;
};

// Writes what `write` produces to `path` ("-": standard output) through OutputFiles.
bool write_output(const std::string& path, const std::function<void(std::ostream&)>& write);

// Sends std::cout through a buffer that remembers why a write failed (main() calls it first).
void route_standard_output();

// Flushes standard output and says whether everything written to it arrived; prints
// "agencygraph: cannot write standard output: reason" otherwise. main() calls it last.
bool finish_standard_output();

}  // namespace agencygraph::cli
