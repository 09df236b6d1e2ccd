// io plugin: file/* builtins (stdlib.md §5.3), including OS error texts.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using sema::test::Session;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A Sema string literal for a path (temp paths hold no quotes or backslashes).
std::string q(const std::string& s) { return "\"" + s + "\""; }

// chmod 000 does not stop root from reading, so such checks are skipped there.
bool can_deny_reads() { return ::geteuid() != 0; }

}  // namespace

TEST_CASE("file/write, file/append and file/read round-trip", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  std::string f = d + "/a.txt";
  CHECK(s.eval("(file/write " + q(f) + " \"héllo\\n\")") == "nil");
  CHECK(slurp(f) == "héllo\n");
  CHECK(s.eval("(file/read " + q(f) + ")") == "\"héllo\n\"");
  CHECK(s.eval("(file/append " + q(f) + " \"more\")") == "nil");
  CHECK(slurp(f) == "héllo\nmore");
  CHECK(s.eval("(file/write " + q(f) + " \"x\")") == "nil");  // truncates
  CHECK(slurp(f) == "x");
  CHECK(s.eval("(file/append " + q(d + "/new.txt") + " \"created\")") == "nil");
  CHECK(slurp(d + "/new.txt") == "created");
  CHECK(s.eval("(file/write " + q(d + "/empty.txt") + " \"\")") == "nil");
  CHECK(s.eval("(file/read " + q(d + "/empty.txt") + ")") == "\"\"");
}

TEST_CASE("file/read errors", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  CHECK(s.eval("(file/read " + q(d + "/nope") + ")") ==
        "IO error: file/read " + d + "/nope: No such file or directory (os error 2)");
  CHECK(s.eval("(file/read " + q(d) + ")") == "IO error: file/read " + d + ": Is a directory (os error 21)");
  std::ofstream(d + "/bad.bin", std::ios::binary) << "ok\xff\xfe";
  CHECK(s.eval("(file/read " + q(d + "/bad.bin") + ")") ==
        "IO error: file/read " + d + "/bad.bin: stream did not contain valid UTF-8");
  std::ofstream(d + "/secret") << "s";
  ::chmod((d + "/secret").c_str(), 0);
  if (can_deny_reads())
    CHECK(s.eval("(file/read " + q(d + "/secret") + ")") ==
          "IO error: file/read " + d + "/secret: Permission denied (os error 13)");
  CHECK(s.eval("(try (file/read " + q(d + "/nope") + ") (catch e (:type e)))") == ":io");
  CHECK(s.eval("(file/read 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(file/read)") == "Arity error: file/read expects 1 args, got 0");
}

TEST_CASE("file/write errors and argument types", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  CHECK(s.eval("(file/write " + q(d + "/f") + " 42)") == "Type error: expected string, got int");
  CHECK(s.eval("(file/write :p \"x\")") == "Type error: expected string, got keyword");
  CHECK(s.eval("(file/write " + q(d + "/no/such/dir/f") + " \"x\")") ==
        "IO error: file/write " + d + "/no/such/dir/f: No such file or directory (os error 2)");
  CHECK(s.eval("(file/write " + q(d) + " \"x\")") == "IO error: file/write " + d + ": Is a directory (os error 21)");
  CHECK(s.eval("(file/append " + q(d) + " \"x\")") == "IO error: file/append " + d + ": Is a directory (os error 21)");
  CHECK(s.eval("(file/append " + q(d + "/f") + " nil)") == "Type error: expected string, got nil");
  CHECK(s.eval("(file/write " + q(d + "/f") + ")") == "Arity error: file/write expects 2 args, got 1");
}

TEST_CASE("file/exists?, is-file?, is-directory?, is-symlink?", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  std::ofstream(d + "/f") << "x";
  std::filesystem::create_symlink(d + "/f", d + "/link");
  std::filesystem::create_symlink(d + "/gone", d + "/broken");
  CHECK(s.eval("(file/exists? " + q(d + "/f") + ")") == "#t");
  CHECK(s.eval("(file/exists? " + q(d) + ")") == "#t");
  CHECK(s.eval("(file/exists? " + q(d + "/missing") + ")") == "#f");
  CHECK(s.eval("(file/exists? " + q(d + "/broken") + ")") == "#f");
  CHECK(s.eval("(file/exists? " + q(d + "/link") + ")") == "#t");
  CHECK(s.eval("(file/is-file? " + q(d + "/f") + ")") == "#t");
  CHECK(s.eval("(file/is-file? " + q(d + "/link") + ")") == "#t");
  CHECK(s.eval("(file/is-file? " + q(d) + ")") == "#f");
  CHECK(s.eval("(file/is-file? " + q(d + "/missing") + ")") == "#f");
  CHECK(s.eval("(file/is-directory? " + q(d) + ")") == "#t");
  CHECK(s.eval("(file/is-directory? " + q(d + "/f") + ")") == "#f");
  CHECK(s.eval("(file/is-directory? " + q(d + "/missing") + ")") == "#f");
  CHECK(s.eval("(file/is-symlink? " + q(d + "/link") + ")") == "#t");
  CHECK(s.eval("(file/is-symlink? " + q(d + "/broken") + ")") == "#t");
  CHECK(s.eval("(file/is-symlink? " + q(d + "/f") + ")") == "#f");
  CHECK(s.eval("(file/is-symlink? " + q(d + "/missing") + ")") == "#f");
  CHECK(s.eval("(file/exists? 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(file/is-symlink?)") == "Arity error: file/is-symlink? expects 1 args, got 0");
}

TEST_CASE("file/delete, file/rename, file/copy", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  std::ofstream(d + "/a") << "alpha";
  CHECK(s.eval("(file/copy " + q(d + "/a") + " " + q(d + "/b") + ")") == "nil");
  CHECK(slurp(d + "/b") == "alpha");
  std::ofstream(d + "/c") << "a much longer old content";
  CHECK(s.eval("(file/copy " + q(d + "/a") + " " + q(d + "/c") + ")") == "nil");  // overwrites
  CHECK(slurp(d + "/c") == "alpha");
  CHECK(s.eval("(file/rename " + q(d + "/b") + " " + q(d + "/c") + ")") == "nil");  // replaces
  CHECK(!std::filesystem::exists(d + "/b"));
  CHECK(slurp(d + "/c") == "alpha");
  CHECK(s.eval("(file/delete " + q(d + "/c") + ")") == "nil");
  CHECK(!std::filesystem::exists(d + "/c"));

  CHECK(s.eval("(file/delete " + q(d + "/c") + ")") ==
        "IO error: file/delete " + d + "/c: No such file or directory (os error 2)");
  std::filesystem::create_directory(d + "/sub");
  CHECK(s.eval("(file/delete " + q(d + "/sub") + ")") ==
        "IO error: file/delete " + d + "/sub: Is a directory (os error 21)");
  CHECK(s.eval("(file/rename " + q(d + "/zz") + " " + q(d + "/yy") + ")") ==
        "IO error: file/rename " + d + "/zz -> " + d + "/yy: No such file or directory (os error 2)");
  CHECK(s.eval("(file/copy " + q(d + "/zz") + " " + q(d + "/yy") + ")") ==
        "IO error: file/copy " + d + "/zz -> " + d + "/yy: No such file or directory (os error 2)");
  CHECK(s.eval("(file/copy " + q(d + "/a") + " " + q(d + "/nodir/x") + ")") ==
        "IO error: file/copy " + d + "/a -> " + d + "/nodir/x: No such file or directory (os error 2)");
  CHECK(s.eval("(file/copy " + q(d + "/a") + " 3)") == "Type error: expected string, got int");
  CHECK(s.eval("(file/rename 3 " + q(d + "/a") + ")") == "Type error: expected string, got int");
  CHECK(s.eval("(file/delete '())") == "Type error: expected string, got list");
}

TEST_CASE("file/list gives entry names; file/mkdir creates parents", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  CHECK(s.eval("(file/list " + q(d) + ")") == "()");
  CHECK(s.eval("(file/mkdir " + q(d + "/x/y/z") + ")") == "nil");
  CHECK(std::filesystem::is_directory(d + "/x/y/z"));
  CHECK(s.eval("(file/mkdir " + q(d + "/x/y") + ")") == "nil");  // existing: fine
  std::ofstream(d + "/one.txt") << "1";
  CHECK(s.eval("(sort (file/list " + q(d) + "))") == "(\"one.txt\" \"x\")");
  CHECK(s.eval("(file/list " + q(d + "/missing") + ")") ==
        "IO error: file/list " + d + "/missing: No such file or directory (os error 2)");
  CHECK(s.eval("(file/list " + q(d + "/one.txt") + ")") ==
        "IO error: file/list " + d + "/one.txt: Not a directory (os error 20)");
  CHECK(s.eval("(file/mkdir " + q(d + "/one.txt") + ")") ==
        "IO error: file/mkdir " + d + "/one.txt: File exists (os error 17)");
  CHECK(s.eval("(file/mkdir " + q(d + "/one.txt/sub") + ")") ==
        "IO error: file/mkdir " + d + "/one.txt/sub: Not a directory (os error 20)");
  CHECK(s.eval("(file/list nil)") == "Type error: expected string, got nil");
}

TEST_CASE("file/info", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  std::ofstream(d + "/f") << "12345";
  CHECK(s.eval("(get (file/info " + q(d + "/f") + ") :size)") == "5");
  CHECK(s.eval("(get (file/info " + q(d + "/f") + ") :is-file)") == "#t");
  CHECK(s.eval("(get (file/info " + q(d + "/f") + ") :is-dir)") == "#f");
  CHECK(s.eval("(get (file/info " + q(d) + ") :is-dir)") == "#t");
  CHECK(s.eval("(keys (file/info " + q(d + "/f") + "))") == "(:is-dir :is-file :modified :size)");
  // :modified is milliseconds since the epoch
  struct stat st {};
  ::stat((d + "/f").c_str(), &st);
  long long ms = static_cast<long long>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
  CHECK(s.eval("(get (file/info " + q(d + "/f") + ") :modified)") == std::to_string(ms));
  CHECK(s.eval("(file/info " + q(d + "/missing") + ")") ==
        "IO error: file/info " + d + "/missing: No such file or directory (os error 2)");
  CHECK(s.eval("(file/info 0)") == "Type error: expected string, got int");
}

TEST_CASE("file/write-lines joins display forms with newlines", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  std::string f = d + "/lines.txt";
  CHECK(s.eval("(file/write-lines " + q(f) + " '(\"a\" 1 :k \"b c\"))") == "nil");
  CHECK(slurp(f) == "a\n1\n:k\nb c");
  CHECK(s.eval("(file/write-lines " + q(f) + " [\"v\" 2.0 (list \"in\")])") == "nil");
  CHECK(slurp(f) == "v\n2.0\n(\"in\")");
  CHECK(s.eval("(file/write-lines " + q(f) + " '())") == "nil");
  CHECK(slurp(f).empty());
  CHECK(s.eval("(file/write-lines " + q(f) + " \"abc\")") == "Type error: expected list or vector, got string");
  CHECK(s.eval("(file/write-lines " + q(d + "/no/f") + " '(\"a\"))") ==
        "IO error: file/write-lines " + d + "/no/f: No such file or directory (os error 2)");
  // round trip with file/read-lines
  CHECK(s.eval("(file/write-lines " + q(f) + " '(\"x\" \"\" \"y\"))") == "nil");
  CHECK(s.eval("(file/read-lines " + q(f) + ")") == "(\"x\" \"\" \"y\")");
}
