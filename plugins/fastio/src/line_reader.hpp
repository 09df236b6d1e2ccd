// Streams a file's lines through a large reusable buffer (read(2), never
// the whole file in memory), with the line rules of stdlib.md §5.5.
#pragma once

#include <cstddef>
#include <cstdint>
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
  // directory (os error 2)").
  bool open(const std::string& path, std::string* error);

  enum class Status { Line, End, Error };
  // The next line without its "\n" (and a "\r" before it). A final line
  // without "\n" is delivered; no empty line follows a final "\n". The view
  // stays valid until the next call.
  Status next(std::string_view* line, std::string* error);
  // Whether the last line is known to be valid UTF-8: each block read is
  // checked once up to its last "\n", so a typical line needs no check of
  // its own.
  bool line_is_valid() const { return line_valid_; }

 private:
  bool refill(std::string* error);
  void check_block();


  int fd_ = -1;
  std::vector<uint8_t> buffer_ = std::vector<uint8_t>(1 << 20);
  size_t begin_ = 0, end_ = 0;  // unread bytes are buffer_[begin_, end_)
  bool eof_ = false;
  // buffer_[begin_, checked_) is known valid UTF-8 and ends after a "\n"
  // (or at the end of the file).
  size_t checked_ = 0;
  bool line_valid_ = false;
};

std::string os_error_text(int err);  // "No such file or directory (os error 2)"

}  // namespace fastio
