// System builtins (stdlib.md §7.1) apart from shell: environment, process
// info, exit, sleep and clocks.
#include "common.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

// sys/elapsed counts from the moment the plugin is loaded, which the host does
// while starting the interpreter (decisions.md #9).
const auto g_start = std::chrono::steady_clock::now();

Value string_or_nil(const char* s) { return s ? Value::string(s) : Value::nil(); }

// getenv with Rust's std::env::var semantics: unset or non-UTF-8 → none.
std::optional<std::string> env_var(std::string_view name) {
  const char* v = std::getenv(std::string(name).c_str());
  if (!v || check_utf8(v)) return std::nullopt;
  return std::string(v);
}

Result<Value> env(sema_ctx* ctx, Args a) {
  if (!sema::api->check_capability(ctx, "env", "env")) return sema::pending();
  auto name = sema::want_string(a[0]);
  if (!name) return std::unexpected(name.error());
  // A name with '=' or NUL can never be set, so it is simply unset.
  if (name->find('\0') != std::string_view::npos || name->find('=') != std::string_view::npos || name->empty())
    return Value::nil();
  auto v = env_var(*name);
  return v ? Value::string(*v) : Value::nil();
}

Result<Value> set_env(sema_ctx* ctx, Args a) {
  if (!sema::api->check_capability(ctx, "env", "sys/set-env")) return sema::pending();
  auto name = sema::want_string(a[0]);
  if (!name) return std::unexpected(name.error());
  auto value = sema::want_string(a[1]);
  if (!value) return std::unexpected(value.error());
  // Rust panics on these; we raise instead (decisions.md #6).
  if (name->empty() || name->find('=') != std::string_view::npos || name->find('\0') != std::string_view::npos)
    return sema::eval_error("sys/set-env: invalid variable name: " + std::string(*name));
  if (value->find('\0') != std::string_view::npos)
    return sema::eval_error("sys/set-env: value contains a NUL byte");
  if (::setenv(std::string(*name).c_str(), std::string(*value).c_str(), 1) != 0)
    return sema::io_error("sys/set-env: " + os_error_text(errno));
  return Value::nil();
}

Result<Value> env_all(sema_ctx* ctx, Args) {
  if (!sema::api->check_capability(ctx, "env", "sys/env-all")) return sema::pending();
  MapBuilder m;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    size_t eq = entry.find('=', 1);  // a leading '=' belongs to the name, as in Rust
    if (eq == std::string_view::npos) continue;
    auto name = entry.substr(0, eq), value = entry.substr(eq + 1);
    if (check_utf8(name) || check_utf8(value)) continue;
    m.set(name, Value::string(value));
  }
  return m.done();
}

Result<Value> exit_(sema_ctx* ctx, Args a) {
  int code = 0;
  if (a.size() > 0 && sema::is_int(a[0])) code = static_cast<int>(static_cast<uint32_t>(sema::int_of(a[0])));
  return sema::pending(sema::api->request_exit(ctx, code));
}

Result<Value> time_ms(sema_ctx*, Args) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return Value::integer(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

Result<Value> sleep_(sema_ctx* ctx, Args a) {
  auto ms = sema::want_int(a[0]);
  if (!ms) return std::unexpected(ms.error());
  // Negative counts sleep 0 (stdlib.md §1.7). Sleep in slices so Ctrl-C works.
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max<int64_t>(*ms, 0));
  for (;;) {
    if (sema::api->interrupted(ctx)) return sema::pending(sema::api->raise_interrupt(ctx));
    auto now = std::chrono::steady_clock::now();
    if (now >= until) break;
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(50)));
  }
  return Value::nil();
}

Result<Value> args_(sema_ctx*, Args) {
  int argc = 0;
  const char* const* argv = nullptr;
  sema::api->argv(&argc, &argv);
  std::vector<Value> items;
  for (int i = 0; i < argc; ++i) items.push_back(Value::string(lossy_utf8(argv[i])));
  return Value::list(std::move(items));
}

Result<Value> cwd(sema_ctx*, Args) {
  std::error_code ec;
  auto p = std::filesystem::current_path(ec);
  if (ec) return sema::io_error("sys/cwd: " + os_error_text(ec.value()));
  return Value::string(lossy_utf8(p.string()));
}

constexpr const char* os_name() {
#if defined(__linux__)
  return "linux";
#elif defined(__APPLE__)
  return "macos";
#elif defined(_WIN32)
  return "windows";
#elif defined(__FreeBSD__)
  return "freebsd";
#else
  return "unknown";
#endif
}

constexpr const char* arch_name() {
#if defined(__x86_64__)
  return "x86_64";
#elif defined(__aarch64__)
  return "aarch64";
#elif defined(__i386__)
  return "x86";
#elif defined(__arm__)
  return "arm";
#elif defined(__riscv) && __riscv_xlen == 64
  return "riscv64";
#else
  return "unknown";
#endif
}

Result<Value> platform(sema_ctx*, Args) {
  std::string_view os = os_name();
  bool known = os == "linux" || os == "macos" || os == "windows";
  return Value::string(known ? os : "unknown");
}
Result<Value> os(sema_ctx*, Args) { return Value::string(os_name()); }
Result<Value> arch(sema_ctx*, Args) { return Value::string(arch_name()); }

Result<Value> home_dir(sema_ctx*, Args) {
  if (auto h = env_var("HOME")) return Value::string(*h);
  if (auto h = env_var("USERPROFILE")) return Value::string(*h);
  return Value::nil();
}

Result<Value> temp_dir(sema_ctx*, Args) {
  const char* t = std::getenv("TMPDIR");
  return Value::string(lossy_utf8(t ? t : "/tmp"));
}

Result<Value> hostname(sema_ctx*, Args) {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return Value::nil();
  if (check_utf8(buf)) return Value::nil();
  return Value::string(buf);
}

Result<Value> user(sema_ctx*, Args) {
  if (auto u = env_var("USER")) return Value::string(*u);
  if (auto u = env_var("USERNAME")) return Value::string(*u);
  return Value::nil();
}

Result<Value> interactive(sema_ctx*, Args) { return Value::boolean(::isatty(0) == 1); }

Result<Value> tty(sema_ctx*, Args) {
  if (::isatty(0) != 1) return Value::nil();
  char buf[512];
  if (::ttyname_r(0, buf, sizeof buf) != 0) return Value::nil();
  return string_or_nil(buf);
}

Result<Value> pid(sema_ctx*, Args) { return Value::integer(::getpid()); }

// Path::join semantics: an absolute name replaces the directory.
std::string join_path(std::string_view dir, std::string_view name) {
  if (!name.empty() && name.front() == '/') return std::string(name);
  if (dir.empty()) return std::string(name);
  std::string p(dir);
  if (p.back() != '/') p += '/';
  p += name;
  return p;
}

Result<Value> which(sema_ctx*, Args a) {
  auto name = sema::want_string(a[0]);
  if (!name) return std::unexpected(name.error());
  const char* path = std::getenv("PATH");
  if (!path) return Value::nil();
  std::string_view rest(path);
  for (;;) {
    size_t colon = rest.find(':');
    std::string candidate = join_path(rest.substr(0, colon), *name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return Value::string(lossy_utf8(candidate));
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return Value::nil();
}

Result<Value> elapsed(sema_ctx*, Args) {
  auto d = std::chrono::steady_clock::now() - g_start;
  return Value::integer(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count());
}

}  // namespace

void register_system(sema::Registry& r) {
  r.add<env>("env", 1, 1)
      .add<set_env>("sys/set-env", 2, 2)
      .add<env_all>("sys/env-all", 0, 0)
      .add<exit_>("exit", 0, SEMA_ARITY_VARIADIC)
      .add<time_ms>("time-ms", 0, 0)
      .add<sleep_>("sleep", 1, 1)
      .add<args_>("sys/args", 0, 0)
      .add<cwd>("sys/cwd", 0, 0)
      .add<platform>("sys/platform", 0, 0)
      .add<os>("sys/os", 0, 0)
      .add<arch>("sys/arch", 0, 0)
      .add<home_dir>("sys/home-dir", 0, 0)
      .add<temp_dir>("sys/temp-dir", 0, 0)
      .add<hostname>("sys/hostname", 0, 0)
      .add<user>("sys/user", 0, 0)
      .add<interactive>("sys/interactive?", 0, 0)
      .add<tty>("sys/tty", 0, 0)
      .add<pid>("sys/pid", 0, 0)
      .add<which>("sys/which", 1, 1)
      .add<elapsed>("sys/elapsed", 0, 0);
}

}  // namespace sys
