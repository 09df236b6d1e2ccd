#include "line_reader.hpp"

#include "byte_scan.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

namespace fastio {

std::string os_error_text(int err) { return std::string(std::strerror(err)) + " (os error " + std::to_string(err) + ")"; }

LineReader::~LineReader() {
  ahead_.reset();  // the thread reads fd_ until joined
  if (fd_ >= 0) ::close(fd_);
}

bool LineReader::open(const std::string& path, std::string* error, int sep, sema_fastcall* fc) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    *error = os_error_text(errno);
    return false;
  }
  struct stat st {};
  bool known = ::fstat(fd_, &st) == 0;
  if (known && S_ISDIR(st.st_mode)) {
    *error = os_error_text(EISDIR);
    return false;
  }
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  // A file of one read gains nothing from a thread.
  if (known && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > kReadSize) {
    try {
      ahead_ = std::make_unique<ReadAhead>(fd_, sep, fc);
    } catch (const std::system_error&) {
      // no thread to be had: read here
    }
  }
  return true;
}

// Moves the partial line buffer_[begin_, end_) to the front and makes room
// for `room` more bytes after it (doubling, so a long line costs linear time).
void LineReader::keep_partial_line(size_t room) {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    checked_ = checked_ > begin_ ? checked_ - begin_ : 0;
    begin_ = 0;
  }
  if (buffer_.size() - end_ < room) {
    size_t size = std::max(buffer_.size() * 2, end_ + room);
    Buffer bigger{std::make_unique_for_overwrite<uint8_t[]>(size), size};
    std::memcpy(bigger.data(), buffer_.data(), end_);
    buffer_ = std::move(bigger);
    newlines_.resize(buffer_.size() / 64 + 2);
    at_buffer();
  }
}

bool LineReader::refill(std::string* error) {
  if (pending_ != nullptr) {
    enter_block();
    return true;
  }
  if (ahead_) return take_block(error);
  size_t marked = begin_ > 0 ? 0 : end_;  // newlines_ is up to date for buffer_[0, marked)
  keep_partial_line(1);
  while (true) {
    ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = os_error_text(errno);
      return false;
    }
    if (n == 0) eof_ = true;
    end_ += static_cast<size_t>(n);
    size_t from = marked & ~size_t{63};  // the first word the read changed
    newline_bits(buffer_.data() + from, end_ - from, newlines_.data() + from / 64);
    check_block();
    return true;
  }
}

// refill from the read-ahead thread's next block. The rows read a block's
// lines in place; what buffer_ holds is the line that joins it to the
// block before (the partial line kept from that block and the new block's
// bytes up to its first "\n"), whose UTF-8 is checked here, and the rest of
// the block is entered once that line is taken (enter_block). A block with
// no "\n" is appended to the partial line whole.
bool LineReader::take_block(std::string* error) {
  if (in_block_) {
    // The block's partial last line is kept before the block is given back.
    const uint8_t* tail = data_ + begin_;
    size_t n = end_ - begin_;
    in_block_ = false;
    begin_ = end_ = checked_ = 0;
    at_buffer();
    keep_partial_line(n);
    std::memcpy(buffer_.data(), tail, n);
    end_ = n;
  }
  // The held block's lines are all taken (the partial one has no facts).
  if (holding_) ahead_->done();
  holding_ = false;
  facts_left_ = 0;
  const ReadAhead::Block& b = ahead_->next();
  if (b.error != 0) {
    *error = os_error_text(b.error);
    return false;
  }
  bool whole = b.first_newline == b.size;
  size_t head = whole ? b.size : b.first_newline + 1;  // the bytes copied
  keep_partial_line(head);
  size_t at = end_;
  std::memcpy(buffer_.data() + at, b.bytes.get(), head);
  // The partial line holds no "\n"; the head's bits are shifted to `at`.
  uint64_t* bits = newlines_.data();
  size_t base = at / 64, shift = at % 64, words = (head + 63) / 64;
  std::fill_n(bits, base + 1, uint64_t{0});
  if (shift == 0) {
    std::copy_n(b.newlines.data(), words, bits + base);
  } else {
    for (size_t i = 0; i < words; ++i) {
      bits[base + i] |= b.newlines[i] << shift;
      bits[base + i + 1] = b.newlines[i] >> (64 - shift);
    }
  }
  end_ = at + head;
  holding_ = true;  // given back at the next take: the rows read it in place
  auto joined = std::string_view(reinterpret_cast<const char*>(buffer_.data() + begin_), end_ - begin_);
  if (whole) {
    eof_ = b.eof;
    if (eof_ && valid_utf8(joined)) checked_ = end_;
    return true;
  }
  // (The head's bits past its "\n" are the block's next lines': cleared.)
  bits[(end_ - 1) / 64] &= ~uint64_t{0} >> (63 - (end_ - 1) % 64);
  checked_ = valid_utf8(joined) ? end_ : begin_;
  pending_ = &b;
  return true;
}

// The joining line is taken: the rows go on in the pending block itself.
void LineReader::enter_block() {
  const ReadAhead::Block& b = *std::exchange(pending_, nullptr);
  data_ = b.bytes.get();
  bits_ = b.newlines.data();
  in_block_ = true;
  begin_ = b.first_newline + 1;
  end_ = b.size;
  checked_ = b.checked_to;
  eof_ = b.eof;
  facts_ = facts_base_ = b.facts.get();
  ends_base_ = b.line_ends.get();
  lens_base_ = b.line_lens.get();
  facts_left_ = b.nfacts;
  facts_at_ = begin_;
}

// Extends the checked region over the unchecked bytes up to the last "\n"
// (all of them at the end of the file): UTF-8 sequences never contain "\n",
// so the region always ends between characters. An invalid block stays
// unchecked; its lines are checked one by one and the bad one is reported.
void LineReader::check_block() {
  size_t from = std::max(checked_, begin_);  // both fall between lines
  size_t to = end_;
  if (!eof_) {
    const void* nl = ::memrchr(buffer_.data() + from, '\n', end_ - from);
    if (nl == nullptr) return;
    to = static_cast<size_t>(static_cast<const uint8_t*>(nl) - buffer_.data()) + 1;
  }
  if (valid_utf8(std::string_view(reinterpret_cast<const char*>(buffer_.data() + from), to - from))) checked_ = to;
}

// No newline after begin_: the final line, or more bytes to read first.
LineReader::Status LineReader::next_after_refill(std::string_view* line, std::string* error) {
  while (true) {
    if (eof_) {
      size_t avail = end_ - begin_;
      if (avail == 0) return Status::End;
      *line = std::string_view(reinterpret_cast<const char*>(data_ + begin_), avail);
      line_facts_ = nullptr;
      begin_ = end_;
      line_valid_ = begin_ <= checked_;
      return Status::Line;
    }
    size_t scanned = end_ - begin_;  // a long line is searched once, not once per read
    if (!refill(error)) return Status::Error;
    if (next_newline(begin_ + scanned) != end_) return next(line, error);
  }
}

}  // namespace fastio
