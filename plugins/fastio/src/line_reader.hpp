// Streams a file's lines through a large reusable buffer (read(2), never
// the whole file in memory), with the line rules of stdlib.md §5.5. A
// regular file larger than one read is read ahead on a thread (ReadAhead),
// and its lines are read in the thread's blocks themselves.
#pragma once

#include "read_ahead.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fastio {

class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Opens path; on failure returns the OS message ("No such file or
  // directory (os error 2)"). sep >= 0: lines read ahead come with the
  // host's line facts for sep (line_facts), fc's when fc is given
  // (fastcall_line_facts).
  bool open(const std::string& path, std::string* error, int sep = -1, sema_fastcall* fc = nullptr);

  enum class Status { Line, End, Error };
  // The next line without its "\n" (and a "\r" before it). A final line
  // without "\n" is delivered; no empty line follows a final "\n". The view
  // stays valid until the next call.
  // Inline: the common case is a count of trailing zeros and a few stores.
  Status next(std::string_view* line, std::string* error) {
    if (!next_buffered(line)) [[unlikely]]
      return next_after_refill(line, error);
    return Status::Line;
  }
  // next's common case alone: the next line when it ends in the buffer,
  // else false with nothing changed (next would refill first). The views
  // it gives stay valid until a call of next that refills, so several can
  // be held at once.
  bool next_buffered(std::string_view* line) {
    size_t nl = next_newline(begin_);
    if (nl == end_) [[unlikely]]
      return false;
    const char* start = reinterpret_cast<const char*>(data_ + begin_);
    size_t len = nl - begin_;
    if (len > 0 && start[len - 1] == '\r') --len;
    *line = std::string_view(start, len);
    line_facts_ = facts_for(begin_, nl);
    begin_ = nl + 1;
    line_valid_ = begin_ <= checked_;
    return true;
  }
  // next_buffered for up to max lines that are known valid UTF-8, their
  // views into texts and lens; stops before the first line that would need
  // a refill or a check of its own (left for next_buffered and next).
  // Returns how many; line_is_valid() is then true if any were taken.
  // facts[k]: line k's facts (null: none). The reader's state stays in
  // registers for the whole run.
  size_t gather(const char** texts, size_t* lens, const sema_line_facts** facts, size_t max) {
    const char* base = reinterpret_cast<const char*>(data_);
    size_t begin = begin_, k = 0;
    // facts_for's cursor, in locals (the stores to the arrays could alias it)
    const sema_line_facts* f = facts_;
    size_t f_left = facts_left_, f_at = facts_at_;
    // The lines with facts: where each ends, and its length, as the
    // reading thread found them.
    if (begin == f_at && f_left != 0) {
      size_t j = static_cast<size_t>(f - facts_base_), m = std::min(max, f_left);
      const uint32_t* ends = ends_base_ + j;
      const uint32_t* ls = lens_base_ + j;
      for (; k < m; ++k) {
        size_t nl = ends[k];
        if (nl + 1 > checked_) [[unlikely]]
          break;
        texts[k] = base + begin;
        lens[k] = ls[k];
        facts[k] = f + k;
        begin = nl + 1;
      }
      f += k;
      f_left -= k;
      f_at = begin;
    }
    for (; k < max; ++k) {
      size_t nl = next_newline(begin);
      if (nl == end_ || nl + 1 > checked_) [[unlikely]]
        break;
      size_t len = nl - begin;
      if (len > 0 && base[begin + len - 1] == '\r') --len;
      texts[k] = base + begin;
      lens[k] = len;
      facts[k] = take_fact(begin, nl, f, f_left, f_at);
      begin = nl + 1;
    }
    if (k != 0) {
      begin_ = begin;
      line_valid_ = true;
      facts_ = f;
      facts_left_ = f_left;
      facts_at_ = f_at;
    }
    return k;
  }
  // Whether the last line is known to be valid UTF-8: each block read is
  // checked once up to its last "\n", so a typical line needs no check of
  // its own.
  bool line_is_valid() const { return line_valid_; }
  // The facts of the line next_buffered or next gave last (null: none).
  const sema_line_facts* line_facts() const { return line_facts_; }

 private:
  bool refill(std::string* error);
  void keep_partial_line(size_t room);
  bool take_block(std::string* error);
  void enter_block();
  void at_buffer() {
    data_ = buffer_.data();
    bits_ = newlines_.data();
  }
  void check_block();
  Status next_after_refill(std::string_view* line, std::string* error);
  // The facts of the line data_[begin, nl), taken in order: the block's
  // lines after the one that joins it to the previous block have them.
  const sema_line_facts* facts_for(size_t begin, size_t nl) {
    return take_fact(begin, nl, facts_, facts_left_, facts_at_);
  }
  // The cursor's step, on the members or on gather's copies of them.
  static const sema_line_facts* take_fact(size_t begin, size_t nl, const sema_line_facts*& next, size_t& left,
                                          size_t& at) {
    if (begin != at || left == 0) [[unlikely]]
      return nullptr;
    --left;
    at = nl + 1;
    return next++;
  }
  // The first newline in data_[from, end_), or end_.
  size_t next_newline(size_t from) const {
    size_t words = (end_ + 63) / 64, i = from / 64;
    if (i >= words) return end_;
    uint64_t w = bits_[i] & (~uint64_t{0} << (from % 64));
    while (w == 0) {
      if (++i == words) return end_;
      w = bits_[i];
    }
    return i * 64 + static_cast<size_t>(std::countr_zero(w));
  }

  int fd_ = -1;
  std::unique_ptr<ReadAhead> ahead_;  // null: the reader reads by itself
  // One read's size; the buffer holds it and a partial line before it.
  static constexpr size_t kReadSize = ReadAhead::kBlockSize;
  static constexpr size_t kInitialSize = kReadSize + (size_t{64} << 10);
  // Not zeroed: only the bytes reads filled (buffer_[0, end_)) are looked at.
  struct Buffer {
    std::unique_ptr<uint8_t[]> bytes;
    size_t n;
    uint8_t* data() const { return bytes.get(); }
    size_t size() const { return n; }
  };
  Buffer buffer_{std::make_unique_for_overwrite<uint8_t[]>(kInitialSize), kInitialSize};
  size_t begin_ = 0, end_ = 0;  // unread bytes are data_[begin_, end_)
  // The newlines of buffer_[0, end_), one bit per byte (newline_bits).
  // (One word more than a block's bits shifted to an unaligned end_ need.)
  std::vector<uint64_t> newlines_ = std::vector<uint64_t>(buffer_.size() / 64 + 2);
  // The bytes and newline bits the lines are read from: buffer_'s, or,
  // reading ahead, the held block's own (in_block_): its lines are read in
  // place, and only the line that joins two blocks is copied into buffer_.
  const uint8_t* data_ = buffer_.data();
  const uint64_t* bits_ = newlines_.data();
  bool in_block_ = false;
  // The block taken whose lines come after the joining line in buffer_.
  const ReadAhead::Block* pending_ = nullptr;
  bool eof_ = false;
  // data_[begin_, checked_) is known valid UTF-8 and ends after a "\n"
  // (or at the end of the file).
  size_t checked_ = 0;
  bool line_valid_ = false;
  // The held block's facts not yet taken, and where the line of the next
  // one starts in data_.
  const sema_line_facts* facts_ = nullptr;
  size_t facts_left_ = 0;
  size_t facts_at_ = 0;
  // The held block's facts, line ends and lengths (Block), from its first.
  const sema_line_facts* facts_base_ = nullptr;
  const uint32_t* ends_base_ = nullptr;
  const uint32_t* lens_base_ = nullptr;
  const sema_line_facts* line_facts_ = nullptr;
  bool holding_ = false;  // a block of ahead_ is held for its facts
};

std::string os_error_text(int err);  // "No such file or directory (os error 2)"

}  // namespace fastio
