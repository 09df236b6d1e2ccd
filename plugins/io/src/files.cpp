// File builtins (stdlib.md §5.3). OS failures raise IO("<fn> PATH: <OS
// message>"); two-path functions say "FROM -> TO". Every builtin asks for
// its capability (fs-read / fs-write) before it looks at its arguments.
#include "io_common.hpp"

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sema_io {
namespace {

using sema::api;

// The capability check plus the string path argument i.
Result<std::string> path_arg(sema_ctx* ctx, const char* cap, const char* fn, Args a, size_t i = 0) {
  if (auto ok = need(ctx, cap, fn); !ok) return std::unexpected(ok.error());
  return want_path(a[i]);
}

std::string two_paths(std::string_view from, std::string_view to) {
  return std::string(from) + " -> " + std::string(to);
}

Result<Value> file_read(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-read", "file/read", a);
  if (!path) return std::unexpected(path.error());
  auto text = read_text_file("file/read", *path);
  if (!text) return std::unexpected(text.error());
  return Value::string(*text);
}

Result<Value> write_impl(sema_ctx* ctx, Args a, const char* fn, bool append) {
  auto path = path_arg(ctx, "fs-write", fn, a);
  if (!path) return std::unexpected(path.error());
  auto content = sema::want_string(a[1]);  // not stringified: a non-string is an error
  if (!content) return std::unexpected(content.error());
  if (int err = write_whole_file(*path, *content, append)) return os_fail(fn, *path, err);
  return Value::nil();
}

Result<Value> file_write(sema_ctx* ctx, Args a) { return write_impl(ctx, a, "file/write", false); }
Result<Value> file_append(sema_ctx* ctx, Args a) { return write_impl(ctx, a, "file/append", true); }

Result<Value> file_write_lines(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-write", "file/write-lines", a);
  if (!path) return std::unexpected(path.error());
  if (!sema::is_seq(a[1])) return sema::type_error("list or vector", a[1]);
  sema::Seq lines(a[1]);
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) text += '\n';
    text += sema::to_text(lines[i], true);
  }
  if (int err = write_whole_file(*path, text, false)) return os_fail("file/write-lines", *path, err);
  return Value::nil();
}

// stat (following links) or lstat; nullopt when it fails.
bool stat_of(const std::string& path, bool follow, struct stat& st) {
  return (follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) == 0;
}

Result<Value> file_exists(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-read", "file/exists?", a);
  if (!path) return std::unexpected(path.error());
  struct stat st {};
  return Value::boolean(stat_of(*path, true, st));
}

Result<Value> file_is_directory(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-read", "file/is-directory?", a);
  if (!path) return std::unexpected(path.error());
  struct stat st {};
  return Value::boolean(stat_of(*path, true, st) && S_ISDIR(st.st_mode));
}

Result<Value> file_is_file(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-read", "file/is-file?", a);
  if (!path) return std::unexpected(path.error());
  struct stat st {};
  return Value::boolean(stat_of(*path, true, st) && S_ISREG(st.st_mode));
}

Result<Value> file_is_symlink(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-read", "file/is-symlink?", a);
  if (!path) return std::unexpected(path.error());
  struct stat st {};
  return Value::boolean(stat_of(*path, false, st) && S_ISLNK(st.st_mode));
}

Result<Value> file_delete(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-write", "file/delete", a);
  if (!path) return std::unexpected(path.error());
  if (::unlink(path->c_str()) != 0) return os_fail("file/delete", *path, errno);  // a directory: EISDIR
  return Value::nil();
}

Result<Value> file_rename(sema_ctx* ctx, Args a) {
  auto from = path_arg(ctx, "fs-write", "file/rename", a);
  if (!from) return std::unexpected(from.error());
  auto to = want_path(a[1]);
  if (!to) return std::unexpected(to.error());
  if (::rename(from->c_str(), to->c_str()) != 0) return os_fail("file/rename", two_paths(*from, *to), errno);
  return Value::nil();
}

// Copies the bytes of a regular file, creating or truncating dest with the
// source's permission bits (as Rust's fs::copy does).
int copy_file(const std::string& from, const std::string& to, bool& not_regular) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno;
  struct stat st {};
  if (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
    int err = errno;
    ::close(in);
    not_regular = true;
    return err ? err : EINVAL;
  }
  int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, st.st_mode & 07777);
  if (out < 0) {
    int err = errno;
    ::close(in);
    return err;
  }
  int err = 0;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(in, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n < 0) err = errno;
      break;
    }
    for (ssize_t off = 0; off < n;) {
      ssize_t w = ::write(out, buf + off, static_cast<size_t>(n - off));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        err = errno;
        break;
      }
      off += w;
    }
    if (err) break;
  }
  ::close(in);
  ::close(out);
  return err;
}

Result<Value> file_copy(sema_ctx* ctx, Args a) {
  auto from = path_arg(ctx, "fs-write", "file/copy", a);
  if (!from) return std::unexpected(from.error());
  auto to = want_path(a[1]);
  if (!to) return std::unexpected(to.error());
  errno = 0;
  bool not_regular = false;
  if (int err = copy_file(*from, *to, not_regular)) {
    if (not_regular)
      return io_fail("file/copy", two_paths(*from, *to),
                     "the source path is neither a regular file nor a symlink to a regular file");
    return os_fail("file/copy", two_paths(*from, *to), err);
  }
  return Value::nil();
}

// Entry names in the order the OS gives them, without "." and "..".
Result<Value> file_list(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-read", "file/list", a);
  if (!path) return std::unexpected(path.error());
  DIR* dir = ::opendir(path->c_str());
  if (!dir) return os_fail("file/list", *path, errno);
  std::vector<Value> names;
  errno = 0;
  while (dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    names.push_back(Value::string(lossy_utf8(name)));
  }
  int err = errno;
  ::closedir(dir);
  if (err) return os_fail("file/list", *path, err);
  return list_of(std::move(names));
}

// mkdir -p with Rust's create_dir_all rules: an existing directory is fine,
// an existing non-directory is EEXIST.
int make_dirs(const std::string& path) {
  if (path.empty()) return 0;
  if (::mkdir(path.c_str(), 0777) == 0) return 0;
  int err = errno;
  struct stat st {};
  if (err == ENOENT) {
    size_t cut = path.find_last_of('/');
    while (cut != std::string::npos && cut > 0 && path[cut - 1] == '/') --cut;
    if (cut != std::string::npos && cut > 0) {
      if (int perr = make_dirs(path.substr(0, cut))) return perr;
      if (::mkdir(path.c_str(), 0777) == 0) return 0;
      err = errno;
    }
  }
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return 0;
  return err;
}

Result<Value> file_mkdir(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-write", "file/mkdir", a);
  if (!path) return std::unexpected(path.error());
  if (int err = make_dirs(*path)) return os_fail("file/mkdir", *path, err);
  return Value::nil();
}

// {:is-dir bool :is-file bool :modified ms :size bytes}, following links.
Result<Value> file_info(sema_ctx* ctx, Args a) {
  auto path = path_arg(ctx, "fs-read", "file/info", a);
  if (!path) return std::unexpected(path.error());
  struct stat st {};
  if (!stat_of(*path, true, st)) return os_fail("file/info", *path, errno);
  Value m = Value::own(api->make_map());
  auto put = [&](std::string_view key, Value v) {
    Value k = keyword(key);
    m = Value::own(api->map_assoc(m.release(), k.get(), v.get()));
  };
  put("is-dir", Value::boolean(S_ISDIR(st.st_mode)));
  put("is-file", Value::boolean(S_ISREG(st.st_mode)));
  if (st.st_mtim.tv_sec >= 0)  // before the epoch the original leaves :modified out
    put("modified", Value::integer(static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000));
  put("size", Value::integer(static_cast<int64_t>(st.st_size)));
  return m;
}

}  // namespace

void register_files(sema::Registry& r) {
  r.add<file_read>("file/read", 1, 1);
  r.add<file_write>("file/write", 2, 2);
  r.add<file_append>("file/append", 2, 2);
  r.add<file_exists>("file/exists?", 1, 1);
  r.add<file_delete>("file/delete", 1, 1);
  r.add<file_rename>("file/rename", 2, 2);
  r.add<file_copy>("file/copy", 2, 2);
  r.add<file_list>("file/list", 1, 1);
  r.add<file_mkdir>("file/mkdir", 1, 1);
  r.add<file_is_directory>("file/is-directory?", 1, 1);
  r.add<file_is_file>("file/is-file?", 1, 1);
  r.add<file_is_symlink>("file/is-symlink?", 1, 1);
  r.add<file_info>("file/info", 1, 1);
  r.add<file_write_lines>("file/write-lines", 2, 2);
}

}  // namespace sema_io
