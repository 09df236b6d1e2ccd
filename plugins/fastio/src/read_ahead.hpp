// Reads a regular file on a thread of its own, up to two blocks ahead of the
// LineReader that consumes them: the read(2) copy, the newline bitmap, the
// UTF-8 check and the host's line facts (sema.h, line_facts) of the next
// blocks run on the other core while the callback runs on this one. Only
// for regular files: their reads never block for long, so the thread can
// always be joined promptly.
#pragma once

#include <sema/sema.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace fastio {

class ReadAhead {
 public:
  static constexpr size_t kBlockSize = size_t{1} << 20;
  // Lines past this many in a block get no facts (1BRC's have ~80k).
  static constexpr size_t kMaxFacts = kBlockSize / 8;
  static constexpr size_t kBlocks = 3;  // one held by the reader, two ahead

  // One block of the file as the thread leaves it.
  struct Block {
    std::unique_ptr<uint8_t[]> bytes = std::make_unique_for_overwrite<uint8_t[]>(kBlockSize);
    std::vector<uint64_t> newlines = std::vector<uint64_t>(kBlockSize / 64);  // newline_bits of bytes[0, size)
    size_t size = 0;
    bool eof = false;  // nothing follows in the file
    int error = 0;     // a failed read's errno; nothing follows (size is 0)
    // The first "\n"'s index, or size when there is none.
    size_t first_newline = 0;
    // bytes[first_newline + 1, checked_to) is known valid UTF-8 and ends
    // after a "\n" (or at the end of the file); the bytes up to the first
    // "\n" belong to a line that started in an earlier block, so the
    // reader checks them.
    size_t checked_to = 0;
    // With a separator: the line facts of the block's lines that end in it
    // after first_newline, in order (the first nfacts of them).
    // (Not zeroed: only the pages of the facts written are ever touched.)
    std::unique_ptr<sema_line_facts[]> facts;
    size_t nfacts = 0;
    // Those lines' "\n" indices and their lengths as LineReader gives them
    // (no "\r" before the "\n"): the rows take them as they are.
    std::unique_ptr<uint32_t[]> line_ends, line_lens;
  };

  // Starts reading fd from its current offset, with line facts for sep
  // (fastcall_line_sep; -1: none), fc's (fastcall_line_facts) when fc is
  // given and the host has them; throws std::system_error when no thread
  // can be started (the caller then reads by itself).
  ReadAhead(int fd, int sep, sema_fastcall* fc = nullptr);
  // Stops the thread (after a read in progress) and joins it.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next block, once read; it stays the caller's (and next returns it
  // again) until done. The caller holds at most one block.
  const Block& next();
  // The caller has finished with next's block: the thread may refill it.
  void done();

 private:
  void run();
  void fill(Block& b);
  void find_facts(Block& b);

  int fd_;
  int sep_;
  sema_fastcall* keyed_for_;  // fastcall_line_facts' fc, or null: line_facts
  Block blocks_[kBlocks];
  int pending_error_ = 0;  // a read failed after a block's first bytes
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t filled_ = 0;  // blocks the thread has filled, in file order
  size_t taken_ = 0;   // blocks the caller is done with
  bool stop_ = false;
  std::thread thread_;  // started once everything it uses exists
};

}  // namespace fastio
