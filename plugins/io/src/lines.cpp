// Line streaming (stdlib.md §5.5): file/read-lines, and the plain
// file/for-each-line and file/fold-lines (one ordinary call per line; the
// fastio plugin may override the latter with a mini-eval version).
//
// for-each-line/fold-lines read the file in large chunks and never hold more
// than one chunk plus one partial line. Line rules (Rust's BufRead::lines):
// split at "\n", drop one "\r" before it, deliver a last unterminated line,
// never deliver an empty line after a final "\n". Invalid UTF-8 in a line
// raises there, after the earlier lines were processed.
#include "io_common.hpp"

#include <sema/utf8.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace sema_io {
namespace {

using sema::api;

// Valid UTF-8, with a fast path for the usual all-ASCII line.
bool valid_utf8(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return sema::utf8::valid(s);
  return true;
}

// Calls on_line(std::string_view) for each line of the file; stops at the
// first error (I/O, UTF-8, or one returned by on_line).
template <class OnLine>
Result<void> stream_lines(sema_ctx* ctx, const char* fn, const std::string& path, OnLine&& on_line) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return os_fail(fn, path, errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};

  constexpr size_t kChunk = 1 << 20;  // 1 MiB reads keep syscalls rare
  std::string buf;                    // unconsumed bytes: [start, size)
  buf.reserve(kChunk * 2);
  size_t start = 0;

  auto deliver = [&](std::string_view line) -> Result<void> {
    if (!valid_utf8(line)) return io_fail(fn, path, kNotUtf8);
    if (api->interrupted(ctx)) {
      api->raise_interrupt(ctx);
      return sema::pending();
    }
    return on_line(line);
  };

  for (;;) {
    // Keep only the partial line, then append the next chunk.
    if (start > 0) {
      buf.erase(0, start);
      start = 0;
    }
    size_t old = buf.size();
    buf.resize(old + kChunk);
    ssize_t n = ::read(fd, buf.data() + old, kChunk);
    if (n < 0) {
      buf.resize(old);
      if (errno == EINTR) continue;
      return os_fail(fn, path, errno);  // e.g. EISDIR for a directory
    }
    buf.resize(old + static_cast<size_t>(n));
    if (n == 0) break;
    // Scan only the new bytes: the carried part holds no newline.
    size_t scan = old;
    while (const void* hit = std::memchr(buf.data() + scan, '\n', buf.size() - scan)) {
      size_t nl = static_cast<size_t>(static_cast<const char*>(hit) - buf.data());
      size_t end = nl;
      if (end > start && buf[end - 1] == '\r') --end;
      if (auto r = deliver(std::string_view(buf).substr(start, end - start)); !r) return r;
      start = nl + 1;
      scan = start;
    }
  }
  if (start < buf.size()) {  // the last line, without a newline (a lone "\r" stays)
    if (auto r = deliver(std::string_view(buf).substr(start)); !r) return r;
  }
  return {};
}

Result<Value> for_each_line(sema_ctx* ctx, Args a) {
  if (auto ok = need(ctx, "fs-read", "file/for-each-line"); !ok) return std::unexpected(ok.error());
  auto path = want_path(a[0]);
  if (!path) return std::unexpected(path.error());
  sema_value f = a[1];
  auto done = stream_lines(ctx, "file/for-each-line", *path, [&](std::string_view line) -> Result<void> {
    Value s = Value::string(line);
    sema_value ignored = SEMA_NIL;
    sema_value arg = s.get();
    sema_status st = api->call(ctx, f, &arg, 1, &ignored);
    if (st != SEMA_OK) return sema::pending(st);
    Value::own(ignored);  // released at once
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return Value::nil();
}

// acc = (f acc line) per line, accumulator first.
Result<Value> fold_lines(sema_ctx* ctx, Args a) {
  if (auto ok = need(ctx, "fs-read", "file/fold-lines"); !ok) return std::unexpected(ok.error());
  auto path = want_path(a[0]);
  if (!path) return std::unexpected(path.error());
  sema_value f = a[1];
  Value acc = Value::borrow(a[2]);
  auto done = stream_lines(ctx, "file/fold-lines", *path, [&](std::string_view line) -> Result<void> {
    // The accumulator is handed over, not shared: assoc on it stays in place.
    auto next = sema::call_owned(ctx, f, std::move(acc), Value::string(line));
    if (!next) return std::unexpected(next.error());
    acc = std::move(*next);
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return acc;
}

// The whole file split on "\n" exactly: "\r" stays, a trailing newline
// gives a final "", an empty file gives ("").
Result<Value> read_lines(sema_ctx* ctx, Args a) {
  if (auto ok = need(ctx, "fs-read", "file/read-lines"); !ok) return std::unexpected(ok.error());
  auto path = want_path(a[0]);
  if (!path) return std::unexpected(path.error());
  auto text = read_text_file("file/read-lines", *path);
  if (!text) return std::unexpected(text.error());
  std::vector<sema_value> lines;
  std::string_view rest = *text;
  for (;;) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    lines.push_back(api->make_string(line.data(), line.size()));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return Value::own(api->make_list(lines.data(), lines.size()));
}

}  // namespace

void register_lines(sema::Registry& r) {
  r.add<read_lines>("file/read-lines", 1, 1);
  r.add<for_each_line>("file/for-each-line", 2, 2);
  r.add<fold_lines>("file/fold-lines", 3, 3);
}

}  // namespace sema_io
