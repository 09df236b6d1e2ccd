#include "line_reader.hpp"

#include "byte_scan.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    return true;
  }
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
      return Status::Line;
    }
    if (eof_) {
      if (avail == 0) return Status::End;
      *line = std::string_view(reinterpret_cast<const char*>(start), avail);
      begin_ = end_;
      return Status::Line;
    }
    scanned = avail;
    if (!refill(error)) return Status::Error;
  }
}

}  // namespace fastio
