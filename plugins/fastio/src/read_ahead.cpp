#include "read_ahead.hpp"

#include "byte_scan.hpp"

#include <sema/sema.hpp>

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <string_view>

namespace fastio {

ReadAhead::ReadAhead(int fd, int sep, sema_fastcall* fc)
    : fd_(fd), sep_(sep), keyed_for_(fc != nullptr && SEMA_HOST_HAS(sema::api, fastcall_line_facts) ? fc : nullptr) {
  // Everything the thread uses exists before it starts: it allocates nothing.
  if (sep_ >= 0)
    for (Block& b : blocks_) {
      b.facts = std::make_unique_for_overwrite<sema_line_facts[]>(kMaxFacts);
      b.line_ends = std::make_unique_for_overwrite<uint32_t[]>(kMaxFacts);
      b.line_lens = std::make_unique_for_overwrite<uint32_t[]>(kMaxFacts);
    }
  thread_ = std::thread([this] { run(); });
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

const ReadAhead::Block& ReadAhead::next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return filled_ > taken_; });
  return blocks_[taken_ % kBlocks];
}

void ReadAhead::done() {
  {
    std::lock_guard lock(mutex_);
    ++taken_;
  }
  changed_.notify_all();
}

void ReadAhead::run() {
  // Signals go to the process's other threads: this one only reads.
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
  for (size_t i = 0;; ++i) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || i - taken_ < kBlocks; });
      if (stop_) return;
    }
    Block& b = blocks_[i % kBlocks];
    fill(b);
    {
      std::lock_guard lock(mutex_);
      ++filled_;
    }
    changed_.notify_all();
    if (b.eof || b.error != 0) return;
  }
}

namespace {

// The index of the first set bit of bits[0, words), or words * 64.
size_t first_bit(const uint64_t* bits, size_t words) {
  for (size_t i = 0; i < words; ++i)
    if (bits[i] != 0) return i * 64 + static_cast<size_t>(std::countr_zero(bits[i]));
  return words * 64;
}

// The index of the last set bit of bits[0, words) (one is known to be set).
size_t last_bit(const uint64_t* bits, size_t words) {
  size_t i = words;
  while (bits[--i] == 0) {
  }
  return i * 64 + 63 - static_cast<size_t>(std::countl_zero(bits[i]));
}

}  // namespace

void ReadAhead::fill(Block& b) {
  b.size = 0;
  b.nfacts = 0;
  b.eof = false;
  b.error = pending_error_;
  if (b.error != 0) return;
  while (b.size < kBlockSize) {
    ssize_t n = ::read(fd_, b.bytes.get() + b.size, kBlockSize - b.size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      // The bytes before the failure are delivered first, as a reader
      // reading by itself would.
      (b.size == 0 ? b.error : pending_error_) = errno;
      break;
    }
    if (n == 0) {
      b.eof = true;
      break;
    }
    b.size += static_cast<size_t>(n);
  }
  size_t words = (b.size + 63) / 64;
  newline_bits(b.bytes.get(), b.size, b.newlines.data());
  b.first_newline = std::min(first_bit(b.newlines.data(), words), b.size);
  if (b.first_newline == b.size) {
    b.checked_to = b.size;  // counts only at the end of the file
    return;
  }
  size_t from = b.first_newline + 1;
  size_t to = b.eof ? b.size : last_bit(b.newlines.data(), words) + 1;
  auto text = std::string_view(reinterpret_cast<const char*>(b.bytes.get()) + from, to - from);
  b.checked_to = valid_utf8(text) ? to : from;
  if (sep_ >= 0) find_facts(b);
}

// The facts of each line after the first newline that ends in the block
// (and where it ends, and its length),
// its text as LineReader delivers it (no "\n", no "\r" before it).
void ReadAhead::find_facts(Block& b) {
  const char* base = reinterpret_cast<const char*>(b.bytes.get());
  const uint64_t* bits = b.newlines.data();
  size_t words = (b.size + 63) / 64;
  size_t begin = b.first_newline + 1, i = begin / 64;
  uint64_t w = i < words ? bits[i] & (~uint64_t{0} << (begin % 64)) : 0;
  while (b.nfacts < kMaxFacts) {
    while (w == 0) {
      if (++i >= words) return;
      w = bits[i];
    }
    size_t nl = i * 64 + static_cast<size_t>(std::countr_zero(w));
    w &= w - 1;
    size_t len = nl - begin;
    if (len > 0 && base[begin + len - 1] == '\r') --len;
    b.line_ends[b.nfacts] = static_cast<uint32_t>(nl);
    b.line_lens[b.nfacts] = static_cast<uint32_t>(len);
    if (keyed_for_ != nullptr)
      sema::api->fastcall_line_facts(keyed_for_, base + begin, len, &b.facts[b.nfacts++]);
    else
      sema::api->line_facts(sep_, base + begin, len, &b.facts[b.nfacts++]);
    begin = nl + 1;
  }
}

}  // namespace fastio
