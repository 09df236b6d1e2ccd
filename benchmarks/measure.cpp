// Runs a command and reports its wall time, peak memory and CPU time:
//   sema-bench-measure OUT_FILE -- COMMAND ARGS...
// prints "MILLISECONDS PEAK_KB EXIT CPU_MILLISECONDS" on stdout (CPU: user +
// system of all its threads); the command's stdout goes to OUT_FILE.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc < 4 || std::strcmp(argv[2], "--") != 0) {
    std::fprintf(stderr, "usage: %s OUT_FILE -- COMMAND ARGS...\n", argv[0]);
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) _exit(127);
    dup2(fd, 1);
    execvp(argv[3], argv + 3);
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  auto cpu_ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  std::printf("%.1f %ld %d %.1f\n", ms, usage.ru_maxrss, code, cpu_ms(usage.ru_utime) + cpu_ms(usage.ru_stime));
  return 0;
}
