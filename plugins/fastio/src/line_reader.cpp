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
  if (begin_ > 0) {  // keep the partial line at the front
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    checked_ = checked_ > begin_ ? checked_ - begin_ : 0;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // a line longer than the buffer
  while (true) {
    ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = os_error_text(errno);
      return false;
    }
    if (n == 0) eof_ = true;
    end_ += static_cast<size_t>(n);
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

LineReader::Status LineReader::next(std::string_view* line, std::string* error) {
  size_t scanned = 0;  // bytes after begin_ already known to hold no '\n'
  while (true) {
    const uint8_t* start = buffer_.data() + begin_;
    size_t avail = end_ - begin_;
    size_t nl = scanned + find_byte(start + scanned, avail - scanned, '\n');
    if (nl < avail) {
      size_t len = nl;
      if (len > 0 && start[len - 1] == '\r') --len;
      *line = std::string_view(reinterpret_cast<const char*>(start), len);
      begin_ += nl + 1;
      line_valid_ = begin_ <= checked_;
      return Status::Line;
    }
    if (eof_) {
      if (avail == 0) return Status::End;
      *line = std::string_view(reinterpret_cast<const char*>(start), avail);
      begin_ = end_;
      line_valid_ = begin_ <= checked_;
      return Status::Line;
    }
    scanned = avail;
    if (!refill(error)) return Status::Error;
  }
}

}  // namespace fastio
