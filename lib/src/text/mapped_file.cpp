#include "text/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

namespace agencygraph {

// How often the watcher gives the pages back. Reading touches a few tens of megabytes in this time;
// giving back pages no one maps costs next to nothing.
constexpr std::chrono::milliseconds kReleaseInterval{5};

namespace {

// The mappings path_at() looks up, without a lock: a slot is claimed, filled and then published by
// its address; cleared by its address first. More mappings at once than slots go unnamed.
struct MappingSlot {
  std::atomic<bool> claimed{false};
  std::atomic<std::uintptr_t> begin{0};
  std::size_t size = 0;
  char path[512] = {};
};
constexpr int kSlots = 32;
MappingSlot g_slots[kSlots];

int claim_slot(const void* address, std::size_t size, const std::string& path) {
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (!g_slots[i].claimed.compare_exchange_strong(expected, true)) continue;
    g_slots[i].size = size;
    const std::size_t length = std::min(path.size(), sizeof g_slots[i].path - 1);
    std::memcpy(g_slots[i].path, path.data(), length);
    g_slots[i].path[length] = '\0';
    g_slots[i].begin.store(reinterpret_cast<std::uintptr_t>(address), std::memory_order_release);
    return i;
  }
  return -1;
}

void release_slot(int slot) {
  if (slot < 0) return;
  g_slots[slot].begin.store(0, std::memory_order_release);
  g_slots[slot].claimed.store(false, std::memory_order_release);
}

}  // namespace

const char* MappedFile::path_at(const void* address) noexcept {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  for (const MappingSlot& slot : g_slots) {
    const std::uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    if (begin != 0 && at >= begin && at - begin < slot.size) return slot.path;
  }
  return nullptr;
}

struct MappedFile::Watcher {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::jthread thread;
};

MappedFile::MappedFile(void* address, std::size_t size, const std::string& path)
    : address_(address), size_(size), slot_(claim_slot(address, size, path)) {
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
  release_slot(slot_);
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
  return std::shared_ptr<const MappedFile>(new MappedFile(address, static_cast<std::size_t>(st.st_size), path));
}

}  // namespace agencygraph
