// fastio plugin: the errors of file/fold-lines and file/for-each-line equal
// the plain io versions' (stdlib.md §5.5, §1.8): open/read failures, argument
// checks, callbacks that fail, the capability sandbox.
#include "fastio_test.hpp"

#include <sys/stat.h>
#include <unistd.h>

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::q;

TEST_CASE("open and read failures", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string missing = f.dir() + "/missing";
  CHECK(b.eval("(file/for-each-line " + q(missing) + " (fn (l) l))") ==
        "IO error: file/for-each-line " + missing + ": No such file or directory (os error 2)");
  CHECK(b.eval("(file/fold-lines " + q(missing) + " (fn (a l) a) 0)") ==
        "IO error: file/fold-lines " + missing + ": No such file or directory (os error 2)");
  CHECK(b.eval("(file/for-each-line " + q(f.dir()) + " (fn (l) l))") ==
        "IO error: file/for-each-line " + f.dir() + ": Is a directory (os error 21)");
  CHECK(b.eval("(file/fold-lines " + q(f.dir()) + " (fn (a l) a) 0)") ==
        "IO error: file/fold-lines " + f.dir() + ": Is a directory (os error 21)");
  CHECK(b.eval("(file/fold-lines \"\" (fn (a l) a) 0)") ==
        "IO error: file/fold-lines : No such file or directory (os error 2)");
  std::string nested = f.write("plain", "x\n") + "/below";
  CHECK(b.eval("(file/fold-lines " + q(nested) + " (fn (a l) a) 0)") ==
        "IO error: file/fold-lines " + nested + ": Not a directory (os error 20)");
  std::string secret = f.write("secret", "s\n");
  ::chmod(secret.c_str(), 0);
  if (::geteuid() != 0)
    CHECK(b.eval("(file/fold-lines " + q(secret) + " (fn (a l) a) 0)") ==
          "IO error: file/fold-lines " + secret + ": Permission denied (os error 13)");
  // a failing read(2) after a successful open
  if (::access("/proc/self/mem", R_OK) == 0)
    CHECK(b.eval("(file/for-each-line \"/proc/self/mem\" (fn (l) l))") ==
          "IO error: file/for-each-line /proc/self/mem: Input/output error (os error 5)");
  // a character device reads as an empty file
  CHECK(b.eval("(file/fold-lines \"/dev/null\" (fn (a l) (+ a 1)) :none)") == ":none");
  // the error is a catchable :io error
  CHECK(b.eval("(try (file/fold-lines " + q(missing) + " (fn (a l) a) 0) (catch e (list (:type e) (:message e))))") ==
        "(:io \"file/fold-lines " + missing + ": No such file or directory (os error 2)\")");
}

TEST_CASE("argument errors: path type and arity", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = f.write("x", "a\nb\n");
  CHECK(b.eval("(file/for-each-line 5 (fn (l) l))") == "Type error: expected string, got int");
  CHECK(b.eval("(file/fold-lines nil (fn (a l) a) 0)") == "Type error: expected string, got nil");
  CHECK(b.eval("(file/fold-lines :p (fn (a l) a) 0)") == "Type error: expected string, got keyword");
  CHECK(b.eval("(file/fold-lines 'sym (fn (a l) a) 0)") == "Type error: expected string, got symbol");
  // the path is checked before the callback is ever looked at
  CHECK(b.eval("(file/for-each-line 5 :not-a-procedure)") == "Type error: expected string, got int");
  CHECK(b.eval("(file/fold-lines 5 42 0)") == "Type error: expected string, got int");
  CHECK(b.eval("(file/for-each-line " + q(p) + ")") == "Arity error: file/for-each-line expects 2 args, got 1");
  CHECK(b.eval("(file/for-each-line)") == "Arity error: file/for-each-line expects 2 args, got 0");
  CHECK(b.eval("(file/for-each-line " + q(p) + " println 1)") ==
        "Arity error: file/for-each-line expects 2 args, got 3");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (a l) a))") == "Arity error: file/fold-lines expects 3 args, got 2");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (a l) a) 0 1)") ==
        "Arity error: file/fold-lines expects 3 args, got 4");
  // through apply and as a value
  CHECK(b.eval("(apply file/fold-lines (list " + q(p) + " (fn (a l) (+ a 1)) 0))") == "2");
  CHECK(b.eval("(let ((g file/for-each-line)) (g " + q(p) + "))") ==
        "Arity error: file/for-each-line expects 2 args, got 1");
}

TEST_CASE("callbacks that are not procedures or take the wrong arguments", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = f.write("x", "a\nb\n");
  std::string empty = f.write("empty", "");
  CHECK(b.eval("(file/for-each-line " + q(p) + " :k)") == "Eval error: not callable: :k (keyword)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " 42 0)") == "Eval error: not callable: 42 (int)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " \"f\" 0)") == "Eval error: not callable: \"f\" (string)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " {:a 1} 0)") == "Eval error: not callable: {:a 1} (map)");
  CHECK(b.eval("(file/for-each-line " + q(p) + " nil)") == "Eval error: not callable: nil (nil)");
  // no line, no call: a bad callback is never noticed
  CHECK(b.eval("(file/fold-lines " + q(empty) + " 42 :init)") == ":init");
  CHECK(b.eval("(file/for-each-line " + q(empty) + " :k)") == "nil");
  // a missing file is reported before the callback is used
  CHECK(b.eval("(file/for-each-line " + q(f.dir() + "/nope") + " :k)") ==
        "IO error: file/for-each-line " + f.dir() + "/nope: No such file or directory (os error 2)");
  // wrong arity, anonymous and named
  CHECK(b.eval("(file/for-each-line " + q(p) + " (fn (a b) a))") == "Arity error: lambda expects 2 args, got 1");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (l) l) 0)") == "Arity error: lambda expects 1 args, got 2");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn () 1) 0)") == "Arity error: lambda expects 0 args, got 2");
  CHECK(b.eval("(begin (define (one x) x) (file/fold-lines " + q(p) + " one 0))") ==
        "Arity error: one expects 1 args, got 2");
  CHECK(b.eval("(begin (define (three a b c) a) (file/for-each-line " + q(p) + " three))") ==
        "Arity error: three expects 3 args, got 1");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (a b c . r) a) 0)") == "Arity error: lambda expects 3+ args, got 2");
  // rest parameters take the call
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (. args) (cons (length args) (first args))) '())") == "(2 2)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (acc . more) (cons (first more) acc)) '())") == "(\"b\" \"a\")");
  CHECK(b.eval("(begin (define got '()) (file/for-each-line " + q(p) + " (fn (. all) (set! got (cons all got)))) got)") ==
        "((\"b\") (\"a\"))");
  // a macro is not a procedure
  CHECK(b.eval("(begin (defmacro m (a l) a) (file/fold-lines " + q(p) + " m 0))") ==
        "Eval error: not callable: <macro m> (macro)");
}

TEST_CASE("a failing callback: the message, the trace, what ran before", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = f.write("x", "1\n2\nthree\n4\n");
  // Both compares the full error reports (with their "at …" trace lines).
  auto r = b.run("(file/fold-lines " + q(p) + " (fn (acc l) (+ acc l)) 0)", "cb.sema");
  CHECK_FALSE(r.ok);
  CHECK(r.error.rfind("Error: Type error: expected number, got ", 0) == 0);
  CHECK(r.error.find("  at + (cb.sema:1:") != std::string::npos);
  CHECK(r.error.find("  at file/fold-lines (cb.sema:1:1)") != std::string::npos);
  // a named procedure called from the callback, an error it raises itself
  b.run("(define (parse l) (let ((n (if (string/number? l) (string->number l) nil))) (if n n (error (string-append \"bad line: \" l)))))\n"
        "(define (step acc l) (+ acc (parse l)))",
        "defs.sema");
  r = b.run("(file/fold-lines " + q(p) + " step 0)", "use.sema");
  CHECK(r.error.rfind("Error: Eval error: bad line: three\n", 0) == 0);
  CHECK(r.error.find("  at error (defs.sema:1:") != std::string::npos);
  CHECK(r.error.find("  at parse (defs.sema:2:") != std::string::npos);
  CHECK(r.error.find("  at file/fold-lines (use.sema:1:1)") != std::string::npos);
  // the same through for-each-line, with the lines before it processed
  b.run("(define n 0)");
  r = b.run("(file/for-each-line " + q(p) + " (fn (l) (begin (set! n (+ n 1)) (parse l))))", "each.sema");
  CHECK(fastio_test::short_text(r) == "Eval error: bad line: three");
  CHECK(r.error.find("  at file/for-each-line (each.sema:1:1)") != std::string::npos);
  CHECK(b.eval("n") == "3");
  // caught: message and stack-trace names
  CHECK(b.eval("(try (file/fold-lines " + q(p) + " step 0) (catch e (list (:type e) (:message e) (map (fn (fr) (:name fr)) (:stack-trace e)))))") ==
        "(:eval \"bad line: three\" (\"error\" \"parse\" \"file/fold-lines\"))");
  CHECK(b.eval("(try (file/for-each-line " + q(p) + " (fn (l) (throw {:line l}))) (catch e (:value e)))") == "{:line \"1\"}");
  CHECK(b.eval("(try (file/fold-lines " + q(p) + " (fn (a l) (if (= l \"2\") (throw (list :stop a)) (+ a 1))) 0) (catch e (:value e)))") ==
        "(:stop 1)");
  // exit from inside the callback ends the program with its code
  auto x = b.run("(file/for-each-line " + q(p) + " (fn (l) (if (= l \"2\") (exit 7) (println l))))");
  CHECK(x.exit_code == std::optional<int>(7));
  CHECK(x.out == "1\n");
  // too deep a recursion inside the callback
  b.run("(define (deep k) (if (= k 0) 0 (+ 1 (deep (- k 1)))))");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (a l) (deep 20000)) 0)") ==
        "Eval error: maximum eval depth exceeded (10000)");
  CHECK(b.eval("(file/fold-lines " + q(p) + " (fn (a l) (+ a (deep 5000))) 0)") == "20000");
}

namespace {
sema::RuntimeOptions denying(std::vector<std::string> deny) {
  sema::RuntimeOptions o;
  o.plugin_path.push_back(sema::test::plugin_dir());
  o.argv = {"sema-test"};
  o.deny = std::move(deny);
  return o;
}
std::string first_line(sema::Runtime& rt, const std::string& src) {
  sema::Outcome o = rt.eval(src);
  if (o.ok) return "ok: " + o.value;
  return o.error.substr(0, o.error.find('\n'));
}

struct Denied {
  Denied()
      : fast(denying({"fs-read"})), plain(denying({"fs-read"})) {
    std::string err;
    if (!fast.load_plugins(fastio_test::kFastPlugins, &err)) FAIL("loading plugins: " << err);
    if (!plain.load_plugins(fastio_test::kPlainPlugins, &err)) FAIL("loading plugins: " << err);
  }
  // Both runtimes must give `expected` (the first line of the report).
  void check(const std::string& src, const std::string& expected) {
    INFO(src);
    CHECK(first_line(plain, src) == expected);
    CHECK(first_line(fast, src) == expected);
  }
  sema::Runtime fast, plain;
};
const std::string kEachDenied = "Error: Permission error: file/for-each-line: the 'fs-read' capability is denied";
const std::string kFoldDenied = "Error: Permission error: file/fold-lines: the 'fs-read' capability is denied";
}  // namespace

TEST_CASE("a denied fs-read capability refuses the call", "[plugin:fastio]") {
  Files f;
  std::string p = f.write("x", "a\n");
  Denied d;
  d.check("(file/for-each-line " + q(p) + " println)", kEachDenied);
  d.check("(file/fold-lines " + q(p) + " (fn (a l) (+ a 1)) 0)", kFoldDenied);
  d.check("(file/fold-lines " + q(f.dir() + "/missing") + " (fn (a l) a) 0)", kFoldDenied);
  d.check("(file/fold-lines " + q(p) + " :not-callable 0)", kFoldDenied);
  d.check("(try (file/fold-lines " + q(p) + " + 0) (catch e (list (:type e) (:message e))))",
          "ok: (:permission \"file/fold-lines: the 'fs-read' capability is denied\")");
  // denying something else leaves reading alone
  sema::Runtime other(denying({"fs-write", "net", "shell", "env"}));
  std::string err;
  REQUIRE(other.load_plugins(fastio_test::kFastPlugins, &err));
  CHECK(first_line(other, "(file/fold-lines " + q(p) + " (fn (a l) (cons l a)) '())") == "ok: (\"a\")");
}

// Like plain io (and tests/sandbox: "The check comes before argument
// validation: a bad argument still says denied"), the capability comes first.
TEST_CASE("a denied fs-read capability wins over a bad path argument", "[plugin:fastio]") {
  Denied d;
  d.check("(file/for-each-line 42 println)", kEachDenied);
  d.check("(file/fold-lines nil (fn (a l) a) 0)", kFoldDenied);
  d.check("(file/fold-lines 42 :not-callable 0)", kFoldDenied);
}
