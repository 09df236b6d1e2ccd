// ANSI styles and spinners (stdlib.md §7.2).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using sema::test::Session;

namespace {
const std::string ESC = "\x1b";
std::string wrapped(std::string_view codes, std::string_view text) {
  return "\"" + ESC + "[" + std::string(codes) + "m" + std::string(text) + ESC + "[0m\"";
}
}  // namespace

TEST_CASE("style functions wrap text in SGR codes", "[sys][terminal]") {
  Session s("core,string,map,sys");
  const std::pair<const char*, const char*> styles[] = {
      {"bold", "1"},   {"dim", "2"},    {"italic", "3"},   {"underline", "4"}, {"inverse", "7"},
      {"strikethrough", "9"}, {"black", "30"}, {"red", "31"}, {"green", "32"},  {"yellow", "33"},
      {"blue", "34"},  {"magenta", "35"}, {"cyan", "36"},  {"white", "37"},    {"gray", "90"}};
  for (auto [name, code] : styles) {
    INFO(name);
    CHECK(s.eval("(term/" + std::string(name) + " \"hi\")") == wrapped(code, "hi"));
    CHECK(s.eval("(term/" + std::string(name) + " 1)") == "Type error: expected string, got int");
    CHECK(s.eval("(term/" + std::string(name) + ")") ==
          "Arity error: term/" + std::string(name) + " expects 1 args, got 0");
  }
  CHECK(s.eval("(term/bold \"\")") == wrapped("1", ""));
  CHECK(s.eval("(term/red \"héllo\")") == wrapped("31", "héllo"));
}

TEST_CASE("term/style joins keyword codes in order", "[sys][terminal]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(term/style \"x\" :bold :red)") == wrapped("1;31", "x"));
  CHECK(s.eval("(term/style \"x\" :gray :underline :bold)") == wrapped("90;4;1", "x"));
  CHECK(s.eval("(term/style \"plain\")") == "\"plain\"");
  CHECK(s.eval("(term/style \"x\" :blink)") == "Eval error: term/style: unknown style keyword :blink");
  CHECK(s.eval("(term/style \"x\" :bold \"red\")") == "Type error: expected keyword, got string");
  CHECK(s.eval("(term/style :bold)") == "Type error: expected string, got keyword");
  CHECK(s.eval("(term/style)") == "Arity error: term/style expects 1+ args, got 0");
}

TEST_CASE("term/strip removes escape sequences", "[sys][terminal]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(term/strip (term/style \"x\" :bold :red))") == "\"x\"");
  CHECK(s.eval("(term/strip (str (term/green \"a\") \"b\" (term/rgb \"c\" 1 2 3)))") == "\"abc\"");
  CHECK(s.eval("(term/strip \"plain ü\")") == "\"plain ü\"");
  CHECK(s.eval("(term/strip \"a\\x1b;[1;31mb\\x1b;[0m\")") == "\"ab\"");
  CHECK(s.eval("(term/strip \"a\\x1b;[31\")") == "\"a\"");  // unterminated: runs to the end
  CHECK(s.eval("(term/strip \"\\x1b;éz\")") == "\"z\"");    // the dropped char may be multibyte
  CHECK(s.eval("(term/strip (term/strip (term/bold \"é\")))") == "\"é\"");
  // Any other ESC drops itself and the next character.
  CHECK(s.eval("(term/strip \"\\x1b;Xab\")") == "\"ab\"");
  CHECK(s.eval("(term/strip 5)") == "Type error: expected string, got int");
  CHECK(s.eval("(term/strip)") == "Arity error: term/strip expects 1 args, got 0");
}

TEST_CASE("term/rgb emits a 24-bit colour", "[sys][terminal]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(term/rgb \"t\" 255 128 0)") == wrapped("38;2;255;128;0", "t"));
  CHECK(s.eval("(term/rgb \"t\" 300 -1 0)") == wrapped("38;2;300;-1;0", "t"));  // not range-checked
  CHECK(s.eval("(term/rgb \"t\" 1.0 2 3)") == "Type error: expected integer, got float");
  CHECK(s.eval("(term/rgb \"t\" 1 2 \"3\")") == "Type error: expected integer, got string");
  CHECK(s.eval("(term/rgb 1 1 2 3)") == "Type error: expected string, got int");
  CHECK(s.eval("(term/rgb \"t\" 1 2)") == "Arity error: term/rgb expects 4 args, got 3");
}

TEST_CASE("spinners draw on stderr until stopped", "[sys][terminal][spinner]") {
  Session s("core,string,map,sys");
  std::string id;
  std::string err = sema::test::capture_stderr([&] {
    id = s.eval("(term/spinner-start \"working\")");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(s.eval("(term/spinner-update " + id + " \"still\")") == "nil");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(s.eval("(term/spinner-stop " + id + " {:symbol \"✔\" :text \"Done\"})") == "nil");
  });
  CHECK(std::stoll(id) >= 0);
  CHECK(err.find("\r" + ESC + "[K⠋ working") != std::string::npos);
  CHECK(err.find(" still") != std::string::npos);
  CHECK(err.ends_with("\r" + ESC + "[K✔ Done\n"));
  // Stopped: nothing more is written, and the id is gone (stopping is a no-op).
  std::string after = sema::test::capture_stderr([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(s.eval("(term/spinner-stop " + id + ")") == "nil");
    CHECK(s.eval("(term/spinner-update " + id + " \"x\")") == "nil");
  });
  CHECK(after.empty());
}

TEST_CASE("spinner ids count up and stop options are optional", "[sys][terminal][spinner]") {
  Session s("core,string,map,sys");
  std::string err = sema::test::capture_stderr([&] {
    int64_t a = std::stoll(s.eval("(term/spinner-start \"a\")"));
    int64_t b = std::stoll(s.eval("(term/spinner-start \"b\")"));
    CHECK(b == a + 1);
    CHECK(s.eval("(term/spinner-stop " + std::to_string(a) + ")") == "nil");
    // Empty :symbol and :text, or a non-map, print no final line.
    CHECK(s.eval("(term/spinner-stop " + std::to_string(b) + " {:symbol \"\" :text \"\"})") == "nil");
  });
  CHECK(err.ends_with("\r" + ESC + "[K"));
  std::string only_text = sema::test::capture_stderr([&] {
    std::string id = s.eval("(term/spinner-start \"c\")");
    CHECK(s.eval("(term/spinner-stop " + id + " {:text \"ok\" :symbol 5})") == "nil");
  });
  CHECK(only_text.ends_with("\r" + ESC + "[K ok\n"));
  std::string not_map = sema::test::capture_stderr([&] {
    std::string id = s.eval("(term/spinner-start \"d\")");
    CHECK(s.eval("(term/spinner-stop " + id + " \"done\")") == "nil");
  });
  CHECK(not_map.ends_with("\r" + ESC + "[K"));
}

TEST_CASE("spinner argument errors", "[sys][terminal][spinner]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(term/spinner-start 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(term/spinner-start)") == "Arity error: term/spinner-start expects 1 args, got 0");
  CHECK(s.eval("(term/spinner-update \"0\" \"m\")") == "Type error: expected integer, got string");
  CHECK(s.eval("(term/spinner-update 0 'm)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(term/spinner-update 0)") == "Arity error: term/spinner-update expects 2 args, got 1");
  CHECK(s.eval("(term/spinner-stop 1.0)") == "Type error: expected integer, got float");
  CHECK(s.eval("(term/spinner-stop)") == "Arity error: term/spinner-stop expects 1-2 args, got 0");
  CHECK(s.eval("(term/spinner-stop 1 2 3)") == "Arity error: term/spinner-stop expects 1-2 args, got 3");
  CHECK(s.eval("(term/spinner-stop 987654)") == "nil");  // unknown id: no-op
}

TEST_CASE("process exit with a running spinner is clean", "[sys][terminal][spinner]") {
  // In a child process: start a spinner, leave it running and exit. The
  // plugin's teardown must stop and join the thread (no crash, no hang).
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::alarm(10);  // a hang fails the test instead of blocking it
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 2);
    {
      Session s("core,string,map,sys");
      s.eval("(term/spinner-start \"left running\")");
      ::usleep(100000);
    }
    std::exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
