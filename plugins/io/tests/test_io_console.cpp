// io plugin: console output, format, read/read-many, error, load builtin.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <fstream>

using sema::test::capture_stderr;
using sema::test::capture_stdout;
using sema::test::Session;

TEST_CASE("display prints display forms separated by spaces, no newline", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string r;
  CHECK(capture_stdout([&] { r = s.eval("(display \"a\" \"b\")"); }) == "a b");
  CHECK(r == "nil");
  CHECK(capture_stdout([&] { s.eval("(display '(\"x\" #\\a) 1.0 :k {:a \"s\"})"); }) ==
        "(\"x\" #\\a) 1.0 :k {:a \"s\"}");
  CHECK(capture_stdout([&] { s.eval("(display)"); }).empty());
  CHECK(capture_stdout([&] { s.eval("(display #\\a)"); }) == "#\\a");
}

TEST_CASE("print uses the write form", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(capture_stdout([&] { s.eval("(print \"hi\" 1)"); }) == "\"hi\" 1");
  CHECK(capture_stdout([&] { s.eval("(print nil #t)"); }) == "nil #t");
}

TEST_CASE("println and newline end with a newline", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(capture_stdout([&] { s.eval("(println \"x=\" 1.0)"); }) == "x= 1.0\n");
  CHECK(capture_stdout([&] { s.eval("(println)"); }) == "\n");
  CHECK(capture_stdout([&] { s.eval("(newline)"); }) == "\n");
  CHECK(s.eval("(newline 1)") == "Arity error: newline expects 0 args, got 1");
  // interleaving with later output keeps program order
  CHECK(capture_stdout([&] { s.eval("(begin (display \"a\") (println \"b\") (display 3))"); }) == "ab\n3");
}

TEST_CASE("print-error and println-error write to stderr", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string out;
  std::string err = capture_stderr([&] { out = capture_stdout([&] { s.eval("(print-error \"oops\" 2)"); }); });
  CHECK(err == "oops 2");
  CHECK(out.empty());
  CHECK(capture_stderr([&] { s.eval("(println-error \"bad\" \"news\")"); }) == "bad news\n");
  CHECK(capture_stderr([&] { s.eval("(println-error)"); }) == "\n");
}

TEST_CASE("format directives", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(format \"~a+~s\" \"x\" \"y\")") == "\"x+\"y\"\"");
  CHECK(s.eval("(format \"~A|~S\" \"x\" \"y\")") == "\"x|\"y\"\"");
  CHECK(s.eval("(format \"a~%b\")") == "\"a\nb\"");
  CHECK(s.eval("(format \"100~~\")") == "\"100~\"");
  CHECK(s.eval("(format \"~d and ~x\" 1)") == "\"~d and ~x\"");  // unknown: literal, no arg used
  CHECK(s.eval("(format \"end~\")") == "\"end~\"");
  CHECK(s.eval("(format \"~a ~a ~a\" 1)") == "\"1  \"");  // missing args print nothing
  CHECK(s.eval("(format \"~a\" 1 2 3)") == "\"1\"");     // extra args ignored
  CHECK(s.eval("(format \"~a\" 2.0)") == "\"2.0\"");
  CHECK(s.eval("(format \"~a/~s\" #\\a '(\"q\"))") == "\"#\\a/(\"q\")\"");
  CHECK(s.eval("(format \"~é\")") == "\"~é\"");
  CHECK(s.eval("(format \"\")") == "\"\"");
  CHECK(s.eval("(format 5)") == "Type error: expected string, got int");
  CHECK(s.eval("(format)") == "Arity error: format expects 1+ args, got 0");
}

TEST_CASE("read parses the first form, read-many all of them", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(read \"(+ 1 2) foo\")") == "(+ 1 2)");
  CHECK(s.eval("(read \"[a {:k 1}]\")") == "[a {:k 1}]");
  CHECK(s.eval("(read \"\")") == "nil");
  CHECK(s.eval("(read \"   \")") == "nil");
  CHECK(s.eval("(read \"; just a comment\")") == "nil");
  CHECK(s.eval("(read-many \"1 (2) :x\")") == "(1 (2) :x)");
  CHECK(s.eval("(read-many \"\")") == "()");
  CHECK(s.eval("(read 5)") == "Type error: expected string, got int");
  CHECK(s.eval("(read-many nil)") == "Type error: expected string, got nil");
  CHECK(s.eval("(read)") == "Arity error: read expects 1 args, got 0");
  CHECK(s.eval("(read-many \"(1 2\")") == "Reader error at 0:0: unterminated list");
  CHECK(s.eval("(try (read \"(\") (catch e (:type e)))") == ":reader");
}

TEST_CASE("error raises :eval with the display form of its first argument", "[plugin:io]") {
  Session s("core,string,map,io");
  CHECK(s.eval("(error \"boom\")") == "Eval error: boom");
  CHECK(s.eval("(try (error \"boom\") (catch e (:message e)))") == "\"boom\"");
  CHECK(s.eval("(try (error \"boom\" 1 2) (catch e (:type e)))") == ":eval");
  CHECK(s.eval("(error '(\"a\" 1))") == "Eval error: (\"a\" 1)");
  CHECK(s.eval("(error :k)") == "Eval error: :k");
  CHECK(s.eval("(error)") == "Eval error: error called with no message");
}

TEST_CASE("the load builtin returns a file's forms unevaluated", "[plugin:io]") {
  Session s("core,string,map,io");
  std::string dir = sema::test::temp_dir();
  std::ofstream(dir + "/forms.sema") << "(define x 1)\n(+ x 2) ; comment\n";
  std::ofstream(dir + "/broken.sema") << "(oops";
  CHECK(s.eval("(apply load (list \"" + dir + "/forms.sema\"))") == "((define x 1) (+ x 2))");
  CHECK(s.eval("x") == "Unbound variable: x");  // nothing was evaluated
  CHECK(s.eval("(apply load (list \"" + dir + "/missing.sema\"))") ==
        "IO error: load " + dir + "/missing.sema: No such file or directory (os error 2)");
  CHECK(s.eval("(apply load (list \"" + dir + "/broken.sema\"))") == "Reader error at 0:0: unterminated list");
  CHECK(s.eval("(apply load '(5))") == "Type error: expected string, got int");
}
