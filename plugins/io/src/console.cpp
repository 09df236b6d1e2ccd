// Console builtins: display, print, println, newline, print-error,
// println-error, read-line, read-stdin.
//
// Output goes through C stdio (stdout/stderr), the same streams the runtime
// prints to, so everything interleaves in program order; the runtime flushes
// stdout before the process exits.
#include "io_common.hpp"

#include <sema/utf8.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace sema_io {
namespace {

using sema::api;

void sink(void* user, const char* bytes, size_t len) { std::fwrite(bytes, 1, len, static_cast<std::FILE*>(user)); }

// Writes the args separated by one space, in display or write form.
void emit(std::FILE* out, Args a, bool display) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (i) std::fputc(' ', out);
    api->print_to(a[i], display ? 1 : 0, &sink, out);
  }
}

Result<Value> display(sema_ctx*, Args a) {
  emit(stdout, a, true);
  return Value::nil();
}

Result<Value> print(sema_ctx*, Args a) {
  emit(stdout, a, false);
  return Value::nil();
}

Result<Value> println(sema_ctx*, Args a) {
  emit(stdout, a, true);
  std::fputc('\n', stdout);
  return Value::nil();
}

Result<Value> newline(sema_ctx*, Args) {
  std::fputc('\n', stdout);
  return Value::nil();
}

Result<Value> print_error(sema_ctx*, Args a) {
  emit(stderr, a, true);
  std::fflush(stderr);
  return Value::nil();
}

Result<Value> println_error(sema_ctx*, Args a) {
  emit(stderr, a, true);
  std::fputc('\n', stderr);
  std::fflush(stderr);
  return Value::nil();
}

// One line of stdin without its "\n" or "\r\n"; "" at end of input.
Result<Value> read_line(sema_ctx*, Args) {
  std::fflush(stdout);  // a prompt printed with display shows before we block
  char* buf = nullptr;
  size_t cap = 0;
  errno = 0;
  ssize_t n = ::getline(&buf, &cap, stdin);
  std::string line;
  if (n > 0) line.assign(buf, static_cast<size_t>(n));
  std::free(buf);
  if (n < 0 && std::ferror(stdin)) {
    int err = errno;
    std::clearerr(stdin);
    return sema::io_error("read-line: " + os_message(err));
  }
  if (!line.empty() && line.back() == '\n') {
    line.pop_back();
    if (!line.empty() && line.back() == '\r') line.pop_back();
  }
  if (!sema::utf8::valid(line)) return sema::io_error("read-line: " + std::string(kNotUtf8));
  return Value::string(line);
}

Result<Value> read_stdin(sema_ctx*, Args) {
  std::fflush(stdout);
  std::string text;
  char buf[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) text.append(buf, n);
  if (std::ferror(stdin)) {
    int err = errno;
    std::clearerr(stdin);
    return sema::io_error("read-stdin: " + os_message(err));
  }
  if (!sema::utf8::valid(text)) return sema::io_error("read-stdin: " + std::string(kNotUtf8));
  return Value::string(text);
}

}  // namespace

void register_console(sema::Registry& r) {
  r.add<display>("display", 0, SEMA_ARITY_VARIADIC);
  r.add<print>("print", 0, SEMA_ARITY_VARIADIC);
  r.add<println>("println", 0, SEMA_ARITY_VARIADIC);
  r.add<newline>("newline", 0, 0);
  r.add<print_error>("print-error", 0, SEMA_ARITY_VARIADIC);
  r.add<println_error>("println-error", 0, SEMA_ARITY_VARIADIC);
  r.add<read_line>("read-line", 0, 0);
  r.add<read_stdin>("read-stdin", 0, 0);
}

}  // namespace sema_io
