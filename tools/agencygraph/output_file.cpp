#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <streambuf>

namespace agencygraph::cli {
namespace {

// A stream buffer over a file descriptor that remembers the first error (errno) of any write, so
// that the message can say why ("No space left on device"), which std::ofstream cannot.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd), buffer_(1 << 16) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  int error() const { return error_; }
  bool drain() {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        break;
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

// Temporaries to remove if the process is interrupted (Ctrl-C, kill): a fixed table the signal
// handler can read without allocating. Slots hold pointers to the File's own path strings.
constexpr std::size_t kMaxPending = 64;
std::array<std::atomic<const char*>, kMaxPending> pending{};

extern "C" void remove_pending_and_die(int signal_number) {
  for (auto& slot : pending) {
    const char* path = slot.load();
    if (path != nullptr) ::unlink(path);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void install_signal_handlers() {
  static const bool installed = [] {
    for (int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_pending_and_die);
    return true;
  }();
  (void)installed;
}

std::string temporary_beside(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path target(path);
  const std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++);
  return (target.parent_path() / name).string();
}

}  // namespace

struct OutputFiles::File {
  std::string path, temporary;
  int fd = -1;
  std::unique_ptr<FdBuffer> buffer;
  std::unique_ptr<std::ostream> stream;
  std::size_t slot = kMaxPending;

  void forget() {
    if (slot < kMaxPending) pending[slot].store(nullptr);
    slot = kMaxPending;
  }
  void discard() {
    if (fd >= 0) ::close(fd);
    fd = -1;
    if (!temporary.empty()) ::unlink(temporary.c_str());
    forget();
  }
};

OutputFiles::OutputFiles() = default;

OutputFiles::~OutputFiles() {
  for (auto& file : files_) file->discard();
}

std::ostream* OutputFiles::open(const std::string& path) {
  if (path == "-") return &std::cout;
  install_signal_handlers();
  auto file = std::make_unique<File>();
  file->path = path;
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    // A device or a pipe (-o /dev/stdout, a FIFO): written in place, there is nothing to replace.
    file->fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  } else {
    file->temporary = temporary_beside(path);
    file->fd = ::open(file->temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  }
  if (file->fd < 0) {
    const int error = errno;
    std::fprintf(stderr, "%s: cannot write: %s\n", path.c_str(), std::strerror(error));
    file->temporary.clear();
    return nullptr;
  }
  for (std::size_t s = 0; s < kMaxPending && !file->temporary.empty(); ++s) {
    const char* expected = nullptr;
    if (pending[s].compare_exchange_strong(expected, file->temporary.c_str())) {
      file->slot = s;
      break;
    }
  }
  file->buffer = std::make_unique<FdBuffer>(file->fd);
  file->stream = std::make_unique<std::ostream>(file->buffer.get());
  files_.push_back(std::move(file));
  return files_.back()->stream.get();
}

bool OutputFiles::commit() {
  bool ok = true;
  for (auto& file : files_) {
    file->stream->flush();
    int error = file->buffer->error();
    if (error == 0 && ::fsync(file->fd) != 0 && errno != EINVAL) error = errno;  // EINVAL: cannot sync (a pipe)
    if (::close(file->fd) != 0 && error == 0) error = errno;
    file->fd = -1;
    if (error == 0 && !*file->stream) error = EIO;
    if (error != 0) {
      std::fprintf(stderr, "%s: cannot write: %s; the previous file, if any, is left as it was\n", file->path.c_str(),
                   std::strerror(error));
      ok = false;
      break;
    }
  }
  if (ok) {
    for (auto& file : files_) {
      if (file->temporary.empty()) continue;  // written in place
      if (std::rename(file->temporary.c_str(), file->path.c_str()) != 0) {
        const int error = errno;
        std::fprintf(stderr, "%s: cannot write: %s\n", file->path.c_str(), std::strerror(error));
        ok = false;
        break;
      }
      file->temporary.clear();
      file->forget();
    }
  }
  for (auto& file : files_) file->discard();
  files_.clear();
  return ok && (std::cout.flush(), static_cast<bool>(std::cout));
}

bool write_output(const std::string& path, const std::function<void(std::ostream&)>& write) {
  OutputFiles files;
  std::ostream* out = files.open(path);
  if (out == nullptr) return false;
  write(*out);
  return files.commit();
}

namespace {

FdBuffer& standard_output_buffer() {
  static FdBuffer buffer(STDOUT_FILENO);
  return buffer;
}

}  // namespace

void route_standard_output() { std::cout.rdbuf(&standard_output_buffer()); }

bool finish_standard_output() {
  std::cout.flush();
  int error = standard_output_buffer().error();
  bool ok = error == 0 && static_cast<bool>(std::cout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    if (error == 0) error = errno;
    ok = false;
  }
  if (!ok) {
    std::fprintf(stderr, "agencygraph: cannot write standard output: %s\n",
                 error != 0 ? std::strerror(error) : "a write failed");
  }
  return ok;
}

}  // namespace agencygraph::cli
