// (shell CMD) / (shell PROG ARG…): run a child process, capture its output.
#include "common.hpp"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

struct Captured {
  int exit_code = 0;
  std::string out, err;
};

// Reads both pipes until EOF; polling both avoids a deadlock when the child
// fills one pipe while we block on the other.
void drain(Fd& out, Fd& err, Captured& c) {
  char buf[65536];
  while (out.fd >= 0 || err.fd >= 0) {
    pollfd fds[2];
    nfds_t n = 0;
    Fd* owners[2];
    std::string* sinks[2];
    if (out.fd >= 0) fds[n] = {out.fd, POLLIN, 0}, owners[n] = &out, sinks[n++] = &c.out;
    if (err.fd >= 0) fds[n] = {err.fd, POLLIN, 0}, owners[n] = &err, sinks[n++] = &c.err;
    if (::poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
      if (got > 0) sinks[i]->append(buf, static_cast<size_t>(got));
      else if (got == 0 || errno != EINTR) owners[i]->reset();
    }
  }
}

// The program's path: PATH is searched here rather than by the C library so a
// missing program is reported the same way everywhere (some posix_spawn
// implementations, and valgrind, only show it as exit status 127).
Result<std::string> resolve(const std::string& prog) {
  auto usable = [](const std::string& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
  };
  if (prog.find('/') != std::string::npos) {
    if (::access(prog.c_str(), F_OK) != 0) return sema::io_error("shell: " + os_error_text(errno));
    if (!usable(prog)) return sema::io_error("shell: " + os_error_text(EACCES));
    return prog;
  }
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/bin:/usr/bin";
  for (;;) {
    size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + prog;
    if (usable(candidate)) return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return sema::io_error("shell: " + os_error_text(ENOENT));
}

Result<Captured> run(const std::vector<std::string>& argv) {
  auto program = resolve(argv[0]);
  if (!program) return std::unexpected(program.error());
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return sema::io_error("shell: " + os_error_text(errno));
  Fd out_r{out_pipe[0]}, out_w{out_pipe[1]};
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return sema::io_error("shell: " + os_error_text(errno));
  Fd err_r{err_pipe[0]}, err_w{err_pipe[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // stdin is /dev/null, as with Rust's Command::output().
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_w.fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_w.fd, 2);

  std::vector<char*> cargv;
  for (const auto& s : argv) cargv.push_back(const_cast<char*>(s.c_str()));
  cargv.push_back(nullptr);

  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, program->c_str(), &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return sema::io_error("shell: " + os_error_text(rc));
  out_w.reset();
  err_w.reset();

  Captured c;
  drain(out_r, err_r, c);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return sema::io_error("shell: " + os_error_text(errno));
  }
  c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;  // killed by a signal → -1
  return c;
}

Result<Value> shell(sema_ctx* ctx, Args a) {
  if (!sema::api->check_capability(ctx, "shell", "shell")) return sema::pending();
  std::vector<std::string> argv;
  for (size_t i = 0; i < a.size(); ++i) {
    auto s = sema::want_string(a[i]);
    if (!s) return std::unexpected(s.error());
    if (s->find('\0') != std::string_view::npos)
      return sema::io_error("shell: " + std::string("nul byte found in provided data"));
    argv.emplace_back(*s);
  }
  // One argument goes through the shell; more run the program directly.
  if (argv.size() == 1) argv = {"sh", "-c", argv[0]};
  auto c = run(argv);
  if (!c) return std::unexpected(c.error());
  return MapBuilder()
      .set("exit-code", Value::integer(c->exit_code))
      .set("stderr", Value::string(lossy_utf8(c->err)))
      .set("stdout", Value::string(lossy_utf8(c->out)))
      .done();
}

}  // namespace

void register_shell(sema::Registry& r) { r.add<shell>("shell", 1, SEMA_ARITY_VARIADIC); }

}  // namespace sys
