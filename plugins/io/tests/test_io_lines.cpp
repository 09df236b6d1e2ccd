// io plugin: file/read-lines, file/for-each-line, file/fold-lines (§5.5).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using sema::test::capture_stdout;
using sema::test::Session;

namespace {

std::string write_file(const std::string& dir, const std::string& name, const std::string& bytes) {
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string q(const std::string& s) { return "\"" + s + "\""; }

// The lines for-each-line delivers, collected through the real builtin.
std::string lines_seen(Session& s, const std::string& path) {
  s.eval("(define seen '())");
  std::string r = s.eval("(file/for-each-line " + q(path) + " (fn (l) (set! seen (cons l seen))))");
  if (r != "nil") return r;
  return s.eval("(reverse seen)");
}

}  // namespace

TEST_CASE("file/read-lines splits on \\n exactly", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  CHECK(s.eval("(file/read-lines " + q(write_file(d, "a", "a\nb\n")) + ")") == "(\"a\" \"b\" \"\")");
  CHECK(s.eval("(file/read-lines " + q(write_file(d, "b", "a\nb")) + ")") == "(\"a\" \"b\")");
  CHECK(s.eval("(file/read-lines " + q(write_file(d, "c", "")) + ")") == "(\"\")");
  CHECK(s.eval("(file/read-lines " + q(write_file(d, "e", "x\r\ny")) + ")") == "(\"x\r\" \"y\")");
  CHECK(s.eval("(file/read-lines " + q(write_file(d, "f", "\n\n")) + ")") == "(\"\" \"\" \"\")");
  CHECK(s.eval("(file/read-lines " + q(d + "/missing") + ")") ==
        "IO error: file/read-lines " + d + "/missing: No such file or directory (os error 2)");
  CHECK(s.eval("(file/read-lines " + q(d) + ")") == "IO error: file/read-lines " + d + ": Is a directory (os error 21)");
  CHECK(s.eval("(file/read-lines " + q(write_file(d, "bad", "ok\n\xc3\x28")) + ")") ==
        "IO error: file/read-lines " + d + "/bad: stream did not contain valid UTF-8");
  CHECK(s.eval("(file/read-lines 1)") == "Type error: expected string, got int");
}

TEST_CASE("file/for-each-line line rules", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  CHECK(lines_seen(s, write_file(d, "a", "10\n20\n")) == "(\"10\" \"20\")");
  CHECK(lines_seen(s, write_file(d, "b", "10\n20")) == "(\"10\" \"20\")");
  CHECK(lines_seen(s, write_file(d, "c", "")) == "()");
  CHECK(lines_seen(s, write_file(d, "d", "a\r\nb\r\n")) == "(\"a\" \"b\")");
  CHECK(lines_seen(s, write_file(d, "e", "a\rb\nc\r")) == "(\"a\rb\" \"c\r\")");
  CHECK(lines_seen(s, write_file(d, "f", "x\n\ny\n")) == "(\"x\" \"\" \"y\")");
  CHECK(lines_seen(s, write_file(d, "g", "\n")) == "(\"\")");
  CHECK(lines_seen(s, write_file(d, "h", "a\n\r\n")) == "(\"a\" \"\")");
  CHECK(lines_seen(s, write_file(d, "u", "é\n✓")) == "(\"é\" \"✓\")");
  CHECK(capture_stdout([&] { s.eval("(file/for-each-line " + q(d + "/a") + " println)"); }) == "10\n20\n");
  CHECK(s.eval("(file/for-each-line " + q(d + "/a") + " (fn (l) l))") == "nil");
}

TEST_CASE("file/for-each-line handles lines longer than a read chunk", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  std::string big(3 * 1024 * 1024 + 17, 'x');
  std::string path = write_file(d, "big", "a\n" + big + "\nz");
  CHECK(s.eval("(file/fold-lines " + q(path) + " (fn (acc l) (cons (string-length l) acc)) '())") ==
        "(1 " + std::to_string(big.size()) + " 1)");
}

TEST_CASE("file/for-each-line errors", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  CHECK(s.eval("(file/for-each-line " + q(d + "/missing") + " (fn (l) l))") ==
        "IO error: file/for-each-line " + d + "/missing: No such file or directory (os error 2)");
  CHECK(s.eval("(file/for-each-line " + q(d) + " (fn (l) l))") ==
        "IO error: file/for-each-line " + d + ": Is a directory (os error 21)");
  std::string secret = write_file(d, "secret", "s\n");
  ::chmod(secret.c_str(), 0);
  if (::geteuid() != 0)
    CHECK(s.eval("(file/for-each-line " + q(secret) + " (fn (l) l))") ==
          "IO error: file/for-each-line " + secret + ": Permission denied (os error 13)");
  // invalid UTF-8: earlier lines were already processed
  std::string bad = write_file(d, "bad", "one\ntwo\n\xff\nfour\n");
  s.eval("(define n 0)");
  CHECK(s.eval("(file/for-each-line " + q(bad) + " (fn (l) (set! n (+ n 1))))") ==
        "IO error: file/for-each-line " + bad + ": stream did not contain valid UTF-8");
  CHECK(s.eval("n") == "2");
  // callback errors propagate unchanged and stop the stream
  s.eval("(set! n 0)");
  CHECK(s.eval("(file/for-each-line " + q(bad) + " (fn (l) (begin (set! n (+ n 1)) (error \"cb\"))))") ==
        "Eval error: cb");
  CHECK(s.eval("n") == "1");
  CHECK(s.eval("(file/for-each-line " + q(bad) + " :k)") == "Eval error: not callable: :k (keyword)");
  CHECK(s.eval("(file/for-each-line " + q(bad) + " (fn (a b) a))") == "Arity error: lambda expects 2 args, got 1");
  CHECK(s.eval("(file/for-each-line 5 (fn (l) l))") == "Type error: expected string, got int");
  CHECK(s.eval("(file/for-each-line " + q(bad) + ")") == "Arity error: file/for-each-line expects 2 args, got 1");
}

TEST_CASE("file/fold-lines threads the accumulator, acc first", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string d = sema::test::temp_dir();
  std::string nums = write_file(d, "nums", "10\n20\n");
  CHECK(s.eval("(file/fold-lines " + q(nums) + " (fn (acc l) (+ acc (string->number l))) 0)") == "30");
  CHECK(s.eval("(file/fold-lines " + q(nums) + " (fn (acc l) (cons l acc)) '())") == "(\"20\" \"10\")");
  CHECK(s.eval("(file/fold-lines " + q(write_file(d, "empty", "")) + " (fn (acc l) 1) :init)") == ":init");
  // 1BRC style: assoc on the accumulator map
  std::string m = write_file(d, "m.txt", "a;1\nb;2\na;3\n");
  CHECK(s.eval("(file/fold-lines " + q(m) +
               " (fn (acc line) (let ((p (string/split line \";\"))) (assoc acc (first p) (string->number (nth p 1))))) {})") ==
        "{\"a\" 3 \"b\" 2}");
  CHECK(s.eval("(file/fold-lines " + q(d + "/missing") + " (fn (a l) a) 0)") ==
        "IO error: file/fold-lines " + d + "/missing: No such file or directory (os error 2)");
  std::string bad = write_file(d, "bad", "x\n\xc0\xaf\n");
  CHECK(s.eval("(file/fold-lines " + q(bad) + " (fn (a l) (+ a 1)) 0)") ==
        "IO error: file/fold-lines " + bad + ": stream did not contain valid UTF-8");
  CHECK(s.eval("(file/fold-lines " + q(nums) + " (fn (l) l) 0)") == "Arity error: lambda expects 1 args, got 2");
  CHECK(s.eval("(file/fold-lines " + q(nums) + " (fn (a l) a))") == "Arity error: file/fold-lines expects 3 args, got 2");
  CHECK(s.eval("(file/fold-lines nil (fn (a l) a) 0)") == "Type error: expected string, got nil");
}
