// System builtins (stdlib.md §7.1) apart from shell.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using sema::test::Session;

namespace {
std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }
}  // namespace

TEST_CASE("env reads variables, nil when unset", "[sys][system]") {
  Session s("core,string,map,sys");
  ::setenv("SEMA_SYS_TEST_VAR", "hello world", 1);
  ::unsetenv("SEMA_SYS_TEST_UNSET");
  CHECK(s.eval("(env \"SEMA_SYS_TEST_VAR\")") == "\"hello world\"");
  CHECK(s.eval("(env \"SEMA_SYS_TEST_UNSET\")") == "nil");
  CHECK(s.eval("(env \"\")") == "nil");
  CHECK(s.eval("(env \"A=B\")") == "nil");
  ::setenv("SEMA_SYS_TEST_BAD", "\xff\xfe", 1);
  CHECK(s.eval("(env \"SEMA_SYS_TEST_BAD\")") == "nil");  // not valid Unicode
  CHECK(s.eval("(env 'HOME)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(env :HOME)") == "Type error: expected string, got keyword");
  CHECK(s.eval("(env)") == "Arity error: env expects 1 args, got 0");
  CHECK(s.eval("(env \"A\" \"B\")") == "Arity error: env expects 1 args, got 2");
}

TEST_CASE("sys/set-env changes env and child processes", "[sys][system]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(sys/set-env \"SEMA_SYS_SET\" \"v1\")") == "nil");
  CHECK(s.eval("(env \"SEMA_SYS_SET\")") == "\"v1\"");
  CHECK(std::string(std::getenv("SEMA_SYS_SET")) == "v1");
  CHECK(s.eval("(sys/set-env \"SEMA_SYS_SET\" \"\")") == "nil");
  CHECK(s.eval("(env \"SEMA_SYS_SET\")") == "\"\"");
  CHECK(s.eval("(sys/set-env \"SEMA_SYS_SET\" \"child\") (get (shell \"printf %s $SEMA_SYS_SET\") :stdout)") ==
        "\"child\"");
  CHECK(s.eval("(sys/set-env \"SEMA_SYS_SET\" 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(sys/set-env 1 \"x\")") == "Type error: expected string, got int");
  CHECK(s.eval("(sys/set-env \"\" \"x\")").starts_with("Eval error: sys/set-env: invalid variable name"));
  CHECK(s.eval("(sys/set-env \"A=B\" \"x\")").starts_with("Eval error: sys/set-env: invalid variable name"));
  CHECK(s.eval("(sys/set-env \"A\")") == "Arity error: sys/set-env expects 2 args, got 1");
}

TEST_CASE("sys/env-all is a map with keyword keys", "[sys][system]") {
  Session s("core,string,map,sys");
  ::setenv("SEMA_SYS_ALL", "all=yes", 1);
  CHECK(s.eval("(map? (sys/env-all))") == "#t");
  CHECK(s.eval("(get (sys/env-all) :SEMA_SYS_ALL)") == "\"all=yes\"");
  CHECK(s.eval("(keyword? (first (keys (sys/env-all))))") == "#t");
  CHECK(s.eval("(sys/env-all 1)") == "Arity error: sys/env-all expects 0 args, got 1");
}

TEST_CASE("exit requests the exit status", "[sys][system]") {
  Session s("core,string,map,sys");
  auto o = s.run("(exit 3) 99");
  REQUIRE(o.exit_code.has_value());
  CHECK(*o.exit_code == 3);
  Session s2("core,string,map,sys");
  auto o2 = s2.run("(exit)");
  REQUIRE(o2.exit_code.has_value());
  CHECK(*o2.exit_code == 0);
  Session s3("core,string,map,sys");
  auto o3 = s3.run("(exit \"no\" 5)");  // a non-int → 0, extra args ignored
  REQUIRE(o3.exit_code.has_value());
  CHECK(*o3.exit_code == 0);
  Session s4("core,string,map,sys");
  auto o4 = s4.run("(exit 4294967298)");  // truncated to 32 bits
  REQUIRE(o4.exit_code.has_value());
  CHECK(*o4.exit_code == 2);
}

TEST_CASE("time-ms and sleep", "[sys][system]") {
  Session s("core,string,map,sys");
  auto before = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
  int64_t ms = std::stoll(s.eval("(time-ms)"));
  CHECK(ms >= before.count());
  CHECK(ms < before.count() + 60000);
  auto t0 = std::chrono::steady_clock::now();
  CHECK(s.eval("(sleep 30)") == "nil");
  CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(30));
  t0 = std::chrono::steady_clock::now();
  CHECK(s.eval("(sleep -5)") == "nil");  // negative sleeps 0
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
  CHECK(s.eval("(sleep 1.5)") == "Type error: expected int, got float");
  CHECK(s.eval("(sleep)") == "Arity error: sleep expects 1 args, got 0");
  CHECK(s.eval("(time-ms 1)") == "Arity error: time-ms expects 0 args, got 1");
}

TEST_CASE("sys/args is the raw argv", "[sys][system]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(sys/args)") == "(\"sema-test\")");
  CHECK(s.eval("(sys/args 1)") == "Arity error: sys/args expects 0 args, got 1");
  sema::RuntimeOptions o;
  o.plugin_path.push_back(sema::test::plugin_dir());
  o.argv = {"./sema", "script.sema", "--", "a", "b"};
  sema::Runtime rt(o);
  std::string err;
  REQUIRE(rt.load_plugins("core,sys", &err));
  CHECK(rt.eval("(sys/args)").value == "(\"./sema\" \"script.sema\" \"--\" \"a\" \"b\")");
}

TEST_CASE("process and platform information", "[sys][system]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(sys/cwd)") == in_quotes(std::filesystem::current_path().string()));
  CHECK(s.eval("(sys/platform)") == "\"linux\"");
  CHECK(s.eval("(sys/os)") == "\"linux\"");
#if defined(__x86_64__)
  CHECK(s.eval("(sys/arch)") == "\"x86_64\"");
#elif defined(__aarch64__)
  CHECK(s.eval("(sys/arch)") == "\"aarch64\"");
#endif
  CHECK(s.eval("(sys/pid)") == std::to_string(::getpid()));
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  CHECK(s.eval("(sys/hostname)") == in_quotes(host));
  CHECK(s.eval("(sys/interactive?)") == (::isatty(0) ? "#t" : "#f"));
  if (!::isatty(0)) CHECK(s.eval("(sys/tty)") == "nil");
  for (const char* f : {"sys/cwd", "sys/platform", "sys/os", "sys/arch", "sys/pid", "sys/hostname", "sys/interactive?",
                        "sys/tty", "sys/home-dir", "sys/temp-dir", "sys/user", "sys/elapsed"}) {
    CHECK(s.eval("(" + std::string(f) + " 1)") == "Arity error: " + std::string(f) + " expects 0 args, got 1");
  }
}

TEST_CASE("home, temp dir and user come from the environment", "[sys][system]") {
  Session s("core,string,map,sys");
  std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  ::setenv("HOME", "/home/tester", 1);
  CHECK(s.eval("(sys/home-dir)") == "\"/home/tester\"");
  ::unsetenv("HOME");
  ::setenv("USERPROFILE", "C:/Users/t", 1);
  CHECK(s.eval("(sys/home-dir)") == "\"C:/Users/t\"");
  ::unsetenv("USERPROFILE");
  CHECK(s.eval("(sys/home-dir)") == "nil");
  if (!home.empty()) ::setenv("HOME", home.c_str(), 1);

  std::string tmp = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "";
  ::setenv("TMPDIR", "/var/tmp/x", 1);
  CHECK(s.eval("(sys/temp-dir)") == "\"/var/tmp/x\"");
  ::unsetenv("TMPDIR");
  CHECK(s.eval("(sys/temp-dir)") == "\"/tmp\"");
  if (!tmp.empty()) ::setenv("TMPDIR", tmp.c_str(), 1);

  std::string user = std::getenv("USER") ? std::getenv("USER") : "";
  ::setenv("USER", "ada", 1);
  CHECK(s.eval("(sys/user)") == "\"ada\"");
  ::unsetenv("USER");
  ::setenv("USERNAME", "grace", 1);
  CHECK(s.eval("(sys/user)") == "\"grace\"");
  ::unsetenv("USERNAME");
  CHECK(s.eval("(sys/user)") == "nil");
  if (!user.empty()) ::setenv("USER", user.c_str(), 1);
}

TEST_CASE("sys/which searches PATH for regular files", "[sys][system]") {
  Session s("core,string,map,sys");
  std::string dir = sema::test::temp_dir();
  std::filesystem::create_directories(dir + "/a");
  std::filesystem::create_directories(dir + "/b/tool-dir");
  std::ofstream(dir + "/b/mytool") << "x";  // not executable: still found
  std::ofstream(dir + "/a/other") << "x";
  std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", (dir + "/a:" + dir + "/b").c_str(), 1);
  CHECK(s.eval("(sys/which \"mytool\")") == in_quotes(dir + "/b/mytool"));
  CHECK(s.eval("(sys/which \"other\")") == in_quotes(dir + "/a/other"));
  CHECK(s.eval("(sys/which \"tool-dir\")") == "nil");  // a directory is not a match
  CHECK(s.eval("(sys/which \"missing\")") == "nil");
  ::setenv("PATH", old_path.c_str(), 1);
  CHECK(s.eval("(sys/which 'sh)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(sys/which)") == "Arity error: sys/which expects 1 args, got 0");
}

TEST_CASE("sys/elapsed counts nanoseconds from interpreter start", "[sys][system]") {
  Session s("core,string,map,sys");
  int64_t a = std::stoll(s.eval("(sys/elapsed)"));
  s.eval("(sleep 20)");
  int64_t b = std::stoll(s.eval("(sys/elapsed)"));
  CHECK(a > 0);
  CHECK(b - a >= 20'000'000);
}
