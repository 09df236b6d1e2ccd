// Helpers shared by the io plugin's files: OS error text in Rust's wording,
// capability checks, whole-file reading, and small value builders.
#pragma once

#include <sema/sema.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sema_io {

using sema::Args;
using sema::Result;
using sema::Value;

// "No such file or directory (os error 2)": strerror plus Rust's suffix, so
// messages match the original's io::Error display.
std::string os_message(int err);

// IO("<fn> PATH: <message>")
std::unexpected<sema::Error> io_fail(std::string_view fn, std::string_view path, std::string_view message);
inline std::unexpected<sema::Error> os_fail(std::string_view fn, std::string_view path, int err) {
  return io_fail(fn, path, os_message(err));
}

// Rust's wording for text that is not UTF-8.
inline constexpr std::string_view kNotUtf8 = "stream did not contain valid UTF-8";

// Asks the host whether a capability ("fs-read", "fs-write") is allowed; the
// host raises the permission error itself when it is not.
inline Result<void> need(sema_ctx* ctx, const char* capability, const char* builtin) {
  if (!sema::api->check_capability(ctx, capability, builtin)) return sema::pending();
  return {};
}

// A string argument (T(string) otherwise), copied so it can be NUL-terminated.
inline Result<std::string> want_path(sema_value v) {
  auto s = sema::want_string(v);
  if (!s) return std::unexpected(s.error());
  return std::string(*s);
}

// Reads a whole file. Returns 0 or the errno of the failing call.
int read_whole_file(const std::string& path, std::string& out);

// Writes (or appends) bytes to a file, creating it. Returns 0 or errno.
int write_whole_file(const std::string& path, std::string_view bytes, bool append);

// The text of a file as UTF-8 (IO errors say "<fn> PATH: …").
Result<std::string> read_text_file(std::string_view fn, const std::string& path);

// A string made valid UTF-8: invalid bytes become U+FFFD (for OS names).
std::string lossy_utf8(std::string_view bytes);

inline Value keyword(std::string_view name) { return Value::keyword(name); }

// A list built from owned values.
inline Value list_of(std::vector<Value> items) { return Value::list(std::move(items)); }

void register_console(sema::Registry& r);
void register_format(sema::Registry& r);
void register_reader(sema::Registry& r);
void register_files(sema::Registry& r);
void register_paths(sema::Registry& r);
void register_lines(sema::Registry& r);
void register_csv(sema::Registry& r);
void register_json_encode(sema::Registry& r);
void register_json_decode(sema::Registry& r);

}  // namespace sema_io
