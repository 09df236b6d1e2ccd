#include "sema_test.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace sema::test {

std::string plugin_dir() {
  if (const char* d = std::getenv("SEMA_TEST_PLUGIN_DIR")) return d;
  return SEMA_TEST_DEFAULT_PLUGIN_DIR;
}

static RuntimeOptions test_options() {
  RuntimeOptions o;
  o.plugin_path.push_back(plugin_dir());
  o.argv = {"sema-test"};
  return o;
}

Session::Session(std::string_view plugins) : rt_(test_options()) {
  std::string err;
  if (!rt_.load_plugins(plugins, &err)) throw std::runtime_error("loading plugins '" + std::string(plugins) + "': " + err);
}

std::string Session::eval(std::string_view source) {
  Outcome o = rt_.eval(source);
  if (o.ok) return o.value;
  std::string e = o.error;
  if (e.rfind("Error: ", 0) == 0) e.erase(0, 7);
  if (auto nl = e.find('\n'); nl != std::string::npos) e.erase(nl);
  return e;
}

Outcome Session::run(std::string_view source, std::string_view file) { return rt_.eval(source, file); }

static std::string capture_fd(int fd, FILE* stream, const std::function<void()>& fn) {
  std::fflush(stream);
  char path[] = "/tmp/sema-capture-XXXXXX";
  int tmp = mkstemp(path);
  if (tmp < 0) throw std::runtime_error("mkstemp failed");
  int saved = dup(fd);
  dup2(tmp, fd);
  try {
    fn();
  } catch (...) {
    std::fflush(stream);
    dup2(saved, fd);
    close(saved);
    close(tmp);
    unlink(path);
    throw;
  }
  std::fflush(stream);
  dup2(saved, fd);
  close(saved);
  close(tmp);
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path);
  return ss.str();
}

std::string capture_stdout(const std::function<void()>& fn) { return capture_fd(1, stdout, fn); }
std::string capture_stderr(const std::function<void()>& fn) { return capture_fd(2, stderr, fn); }

namespace {
struct TempDirs {
  std::vector<std::filesystem::path> dirs;
  ~TempDirs() {
    std::error_code ec;
    for (auto& d : dirs) std::filesystem::remove_all(d, ec);
  }
};
TempDirs& temp_dirs() {
  static TempDirs t;
  return t;
}
}  // namespace

std::string temp_dir() {
  char tmpl[] = "/tmp/sema-test-XXXXXX";
  char* d = mkdtemp(tmpl);
  if (!d) throw std::runtime_error("mkdtemp failed");
  temp_dirs().dirs.emplace_back(d);
  return d;
}

std::vector<std::string> one_byte_apart(size_t max_len) {
  std::vector<std::string> texts;
  for (size_t n = 0; n <= max_len; ++n) {
    texts.emplace_back(n, 'k');
    for (size_t at = 0; at < n; ++at) {
      std::string t(n, 'k');
      t[at] = 'x';
      texts.push_back(t);
    }
  }
  return texts;
}

}  // namespace sema::test
