// Formats the rows of a large export (a national network's GraphML has 1.7 million links) on several
// threads and writes them in row order. Rows are cut into chunks of consecutive rows; workers format
// whole chunks into their own buffers while this thread writes the finished ones in chunk order, so
// the bytes are exactly those of formatting every row in order on one thread, and formatting overlaps
// the writing (the kernel's copy into the page cache is a good part of writing a large file).
//
// Memory stays bounded: each worker holds the chunk it formats, and at most two chunks per worker are
// formatted and waiting to be written at any time.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <limits>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace agencygraph::io::detail {

// Rows per chunk: up to a few megabytes of text (a node of a national network's GraphML takes about
// 1.3 KB, a link 0.3 KB), so that handing chunks over costs nothing next to formatting them.
inline constexpr std::size_t kChunkRows = 2048;

// 0: the hardware's concurrency. Never more workers than chunks.
inline unsigned chunk_workers(unsigned threads, std::size_t chunks) {
  const unsigned wanted = threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(wanted, std::max<std::size_t>(chunks, 1)));
}

// Calls format(begin, end, text) to append rows [begin, end) to `text`, for consecutive chunks of
// `chunk_rows` rows covering [0, rows), and writes each chunk's text to `out` in order. With one
// thread (or one chunk) everything runs here; otherwise `format` runs on `threads` workers at once,
// so it may only read shared state. An exception thrown by `format` stops the work and is rethrown.
template <class Format>
void write_in_order(std::ostream& out, std::size_t rows, unsigned threads, Format format,
                    std::size_t chunk_rows = kChunkRows) {
  const std::size_t chunks = (rows + chunk_rows - 1) / chunk_rows;
  auto chunk_end = [&](std::size_t c) { return std::min(rows, (c + 1) * chunk_rows); };
  const unsigned workers = chunk_workers(threads, chunks);
  if (workers <= 1) {
    std::string text;
    for (std::size_t c = 0; c < chunks; ++c) {
      text.clear();
      format(c * chunk_rows, chunk_end(c), text);
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    return;
  }

  // Chunk c is formatted into slot c % slots, once chunk c - slots has been written from it.
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  const std::size_t slots = 2 * static_cast<std::size_t>(workers);
  std::vector<std::string> text(slots);
  std::vector<std::size_t> ready(slots, kNone);  // the chunk a slot holds formatted, waiting to be written
  std::size_t next = 0;                          // the next chunk a worker takes
  std::size_t written = 0;                       // chunks written so far
  bool stop = false;
  std::exception_ptr error;
  std::mutex mutex;
  std::condition_variable changed;

  auto work = [&] {
    std::string buffer;
    std::unique_lock lock(mutex);
    while (!stop && next < chunks) {
      const std::size_t c = next++;
      changed.wait(lock, [&] { return stop || c < written + slots; });
      if (stop) break;
      lock.unlock();
      // Formatted into the worker's own string and then swapped into its slot: strings side by side
      // in `text` share cache lines, and every append writes the string's length.
      buffer.clear();
      try {
        format(c * chunk_rows, chunk_end(c), buffer);
      } catch (...) {
        lock.lock();
        if (!error) error = std::current_exception();
        stop = true;
        changed.notify_all();
        break;
      }
      lock.lock();
      text[c % slots].swap(buffer);  // chunk c - slots is written: the slot is free
      ready[c % slots] = c;
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers);
  try {
    for (unsigned t = 0; t < workers; ++t) pool.emplace_back(work);
    for (std::size_t c = 0; c < chunks; ++c) {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return stop || ready[c % slots] == c; });
      if (stop) break;
      lock.unlock();
      const std::string& buffer = text[c % slots];
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      lock.lock();
      ready[c % slots] = kNone;
      ++written;
      changed.notify_all();
    }
  } catch (...) {  // no thread to be had, or the stream threw: stop the workers before leaving
    {
      const std::lock_guard lock(mutex);
      if (!error) error = std::current_exception();
      stop = true;
    }
    changed.notify_all();
  }
  for (std::thread& worker : pool) worker.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace agencygraph::io::detail
