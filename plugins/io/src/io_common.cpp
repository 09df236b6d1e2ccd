// OS plumbing shared by the file, line and load builtins.
#include "io_common.hpp"

#include <sema/utf8.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sema_io {

std::string os_message(int err) {
  return std::string(std::strerror(err)) + " (os error " + std::to_string(err) + ")";
}

std::unexpected<sema::Error> io_fail(std::string_view fn, std::string_view path, std::string_view message) {
  std::string m;
  m.reserve(fn.size() + path.size() + message.size() + 3);
  m += fn;
  m += ' ';
  m += path;
  m += ": ";
  m += message;
  return sema::io_error(std::move(m));
}

namespace {
// Closes a descriptor on scope exit.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};
}  // namespace

int read_whole_file(const std::string& path, std::string& out) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) return errno;
  struct stat st {};
  if (::fstat(f.fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(f.fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;  // e.g. EISDIR for a directory
    }
    if (n == 0) return 0;
    out.append(buf, static_cast<size_t>(n));
  }
}

int write_whole_file(const std::string& path, std::string_view bytes, bool append) {
  int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC);
  Fd f{::open(path.c_str(), flags, 0666)};
  if (f.fd < 0) return errno;
  while (!bytes.empty()) {
    ssize_t n = ::write(f.fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

Result<std::string> read_text_file(std::string_view fn, const std::string& path) {
  std::string text;
  if (int err = read_whole_file(path, text)) return os_fail(fn, path, err);
  if (!sema::utf8::valid(text)) return io_fail(fn, path, kNotUtf8);
  return text;
}

std::string lossy_utf8(std::string_view bytes) {
  if (sema::utf8::valid(bytes)) return std::string(bytes);
  std::string out;
  for (size_t i = 0; i < bytes.size();) sema::utf8::append(out, sema::utf8::next(bytes, i));
  return out;
}

}  // namespace sema_io
