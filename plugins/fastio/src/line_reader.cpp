#include "line_reader.hpp"

#include "byte_scan.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace fastio {

std::string os_error_text(int err) { return std::string(std::strerror(err)) + " (os error " + std::to_string(err) + ")"; }

LineReader::~LineReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool LineReader::open(const std::string& path, std::string* error) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    *error = os_error_text(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
    *error = os_error_text(EISDIR);
    return false;
  }
  ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  return true;
}

bool LineReader::refill(std::string* error) {
  size_t marked = end_;  // newlines_ is up to date for buffer_[0, marked)
  if (begin_ > 0) {  // keep the partial line at the front
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    checked_ = checked_ > begin_ ? checked_ - begin_ : 0;
    begin_ = 0;
    marked = 0;
  }
  if (end_ == buffer_.size()) {  // a line longer than the buffer
    Buffer bigger{std::make_unique_for_overwrite<uint8_t[]>(buffer_.size() * 2), buffer_.size() * 2};
    std::memcpy(bigger.data(), buffer_.data(), end_);
    buffer_ = std::move(bigger);
    newlines_.resize(buffer_.size() / 64 + 1);
  }
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
      *line = std::string_view(reinterpret_cast<const char*>(buffer_.data() + begin_), avail);
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
