#include "text/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

namespace agencygraph {

// How often the watcher gives the pages back. Reading touches a few tens of megabytes in this time;
// giving back pages no one maps costs next to nothing.
constexpr std::chrono::milliseconds kReleaseInterval{5};

struct MappedFile::Watcher {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::jthread thread;
};

MappedFile::MappedFile(void* address, std::size_t size) : address_(address), size_(size) {
  watcher_ = std::make_unique<Watcher>();
  watcher_->thread = std::jthread([this](std::stop_token stop) {
    std::unique_lock lock(watcher_->mutex);
    for (;;) {
      watcher_->wake.wait_for(lock, stop, kReleaseInterval, [] { return false; });
      if (stop.stop_requested()) return;
      ::madvise(address_, size_, MADV_DONTNEED);
    }
  });
}

MappedFile::~MappedFile() {
  watcher_->thread.request_stop();
  watcher_->thread.join();
  ::munmap(address_, size_);
}

std::shared_ptr<const MappedFile> MappedFile::map_if_large(const std::string& path, std::size_t least_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* address = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      static_cast<std::size_t>(st.st_size) >= least_bytes)
    address = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (address == MAP_FAILED) return nullptr;
  ::madvise(address, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
  return std::shared_ptr<const MappedFile>(new MappedFile(address, static_cast<std::size_t>(st.st_size)));
}

}  // namespace agencygraph
