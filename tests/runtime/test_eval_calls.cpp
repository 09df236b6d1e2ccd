// Evaluator: tail calls, the depth limit, call traces, calls from builtins,
// the fastcall path, load/import.
#include "test_eval_support.hpp"

#include "value/hashmap.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using sema::evaltest::TestInterp;
using namespace sema::rt;

TEST_CASE("tail calls run in constant stack", "[eval][tail]") {
  TestInterp t;
  CHECK(t.eval("(define (f n acc) (if (= n 0) acc (f (- n 1) (+ acc 1)))) (f 1000000 0)") == "1000000");
  CHECK(t.eval("(define (ev? n) (if (= n 0) #t (od? (- n 1)))) (define (od? n) (if (= n 0) #f (ev? (- n 1))))"
               "(ev? 100001)") == "#f");
  CHECK(t.eval("(let loop ((i 0)) (if (< i 500000) (loop (+ i 1)) i))") == "500000");
  CHECK(t.eval("(define (c n) (cond ((= n 0) :done) (else (when #t (and #t (or #f (begin (c (- n 1))))))))) (c 300000)") ==
        ":done");
  CHECK(t.eval("(define (k n) (let* ((m (- n 1))) (case m ((0) :ok) (else (k m))))) (k 300000)") == ":ok");
  CHECK(t.eval("(define (tr n) (if (= n 0) 0 (try (throw n) (catch e (tr (- n 1)))))) (tr 100000)") == "0");
  CHECK(t.eval("(define (ev n) (if (= n 0) 0 (eval (list 'ev (- n 1))))) (ev 100000)") == "0");
  CHECK(t.eval("(do ((i 0 (+ i 1))) ((= i 200000) i))") == "200000");
}

TEST_CASE("non-tail recursion: 10000 deep works, deeper is the depth error", "[eval][depth]") {
  TestInterp t;
  CHECK(t.eval_big("(define (f n) (if (= n 0) 0 (+ 1 (f (- n 1))))) (f 10000)") == "10000");
  CHECK(t.eval_big("(f 10002)") == "Eval error: maximum eval depth exceeded (10000)");
  CHECK(t.eval_big("(try (f 20000) (catch e (:type e)))") == ":eval");
  // Still usable afterwards.
  CHECK(t.eval_big("(f 10)") == "10");
}

TEST_CASE("the depth limit follows the option", "[eval][depth]") {
  sema::RuntimeOptions o;
  o.max_depth = 100;
  TestInterp t(o);
  CHECK(t.eval("(define (f n) (if (= n 0) 0 (+ 1 (f (- n 1))))) (f 100)") == "100");
  CHECK(t.eval("(f 200)") == "Eval error: maximum eval depth exceeded (100)");
}

TEST_CASE("the stack guard turns runaway nesting into the depth error", "[eval][depth]") {
  sema::RuntimeOptions o;
  o.max_depth = 100000000;
  TestInterp t(o);
  // On the default 8 MiB stack this would overflow without the guard.
  CHECK(t.eval("(define (f n) (if (= n 0) 0 (+ 1 (f (- n 1))))) (f 1000000)") ==
        "Eval error: maximum eval depth exceeded (100000000)");
  // Deeply nested source is analysed under the same guard.
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "(+ 1 ";
  deep += "0";
  for (int i = 0; i < 200000; ++i) deep += ")";
  CHECK(t.eval(deep) == "Eval error: maximum eval depth exceeded (100000000)");
}

TEST_CASE("call traces", "[eval][trace]") {
  TestInterp t;
  CHECK(t.report("(define (f x) (+ x \"a\")) (f 1)") ==
        "Error: Type error: expected number, got string\n  at + (<input>:1:15)\n  at f (<input>:1:26)\n");
  CHECK(t.report("undefined-thing") == "Error: Unbound variable: undefined-thing\n");
  // Tail calls collapse to the newest frame (the call site of the last tail call).
  CHECK(t.report("(define (g n) (if (= n 0) (+ 1 \"x\") (g (- n 1))))\n(g 5)") ==
        "Error: Type error: expected number, got string\n  at + (<input>:1:27)\n  at g (<input>:1:37)\n");
  CHECK(t.report("(define (h n) (+ 1 (g n))) (h 1)", "/tmp/x.sema") ==
        "Error: Type error: expected number, got string\n  at + (<input>:1:27)\n  at g (<input>:1:37)\n"
        "  at h (/tmp/x.sema:1:28)\n");
  // Frames of a caught error are gone afterwards.
  CHECK(t.report("(try (f 1) (catch e 0)) (+ 1 \"b\")") ==
        "Error: Type error: expected number, got string\n  at + (<input>:1:25)\n");
  CHECK(t.report("((fn (x) (cons x)) 1)") ==
        "Error: Arity error: cons expects 2 args, got 1\n  at cons (<input>:1:10)\n  at <lambda> (<input>:1:1)\n");
}

TEST_CASE("calls from builtins are ordinary calls", "[eval][apply]") {
  TestInterp t;
  CHECK(t.eval("(apply + 1 '(2 3))") == "6");
  CHECK(t.eval("(apply (fn (x) [x (* x x)]) '(3))") == "[3 9]");
  CHECK(t.eval("(apply (fn (x) {:n x}) '(1))") == "{:n 1}");
  CHECK(t.eval("(apply (fn (x) `(,x)) '(1))") == "(1)");
  CHECK(t.eval("(apply (fn (x) (try (throw x) (catch e (:value e)))) '(4))") == "4");
  CHECK(t.eval("(define base {:a 1}) (apply (fn (x) (assoc base :k x)) '(1)) (apply (fn (x) (assoc base :k x)) '(2))") ==
        "{:a 1 :k 2}");
  CHECK(t.eval("base") == "{:a 1}");
  CHECK(t.eval("(apply :a '({:a 1}))") == "Eval error: not callable: :a (keyword)");
  CHECK(t.eval("(defmacro mm (x) x) (apply mm '(1))") == "Eval error: not callable: <macro mm> (macro)");
  CHECK(t.eval("(apply (fn (x) x) '(1 2))") == "Arity error: lambda expects 1 args, got 2");
  CHECK(t.eval("(apply (fn (n) (let loop ((i 0)) (if (< i n) (loop (+ i 1)) i))) '(200000))") == "200000");
}

TEST_CASE("fastcall: reused frame, moved accumulator, same results as apply", "[eval][fastcall]") {
  TestInterp t;
  Interp& in = t.interp;
  REQUIRE(t.eval("(define step (fn (acc x) (let* ((old (get acc x)) (n (if old (+ old 1) 1))) (assoc acc x n))))") ==
          "nil");
  Word step = *in.global(intern("step"));
  Interp::FastCall* fc = in.fastcall_open(step, 2);
  REQUIRE(fc != nullptr);
  Value acc = make_map();
  t.assoc_unique_hits = 0;
  for (int i = 0; i < 100; ++i) {
    Word args[2] = {acc.take(), make_int(i % 7)};
    Result<Value> r = in.fastcall_invoke(fc, args);
    REQUIRE(r);
    acc = std::move(*r);
  }
  CHECK(to_text(acc.get(), false) == "{0 15 1 15 2 14 3 14 4 14 5 14 6 14}");
  CHECK(t.assoc_unique_hits == 100);  // the accumulator was never copied
  // Errors come back as from apply.
  Word bad[2] = {make_int(1), make_int(2)};
  Result<Value> r = in.fastcall_invoke(fc, bad);
  REQUIRE(!r);
  CHECK(r.error().display() == "Type error: expected map, got int");
  CHECK(r.error().report() == "Error: Type error: expected map, got int\n  at get (<input>:1:38)\n");
  in.fastcall_close(fc);

  // A body that creates closures gets a fresh frame per call.
  REQUIRE(t.eval("(define keep (fn (acc x) (cons (fn () x) acc)))") == "nil");
  fc = in.fastcall_open(*in.global(intern("keep")), 2);
  Value l = empty_list();
  for (int i = 0; i < 3; ++i) {
    Word args[2] = {l.take(), make_int(i)};
    Result<Value> r2 = in.fastcall_invoke(fc, args);
    REQUIRE(r2);
    l = std::move(*r2);
  }
  in.fastcall_close(fc);
  in.define_global(intern("closures"), l);
  CHECK(t.eval("(list ((first closures)) ((first (rest closures))))") == "(2 1)");

  // Not a lambda of that arity: the generic call.
  fc = in.fastcall_open(*in.global(intern("+")), 2);
  Word two[2] = {make_int(1), make_int(2)};
  Result<Value> sum = in.fastcall_invoke(fc, two);
  REQUIRE(sum);
  CHECK(to_text(sum->get(), false) == "3");
  in.fastcall_close(fc);
}

TEST_CASE("last uses move accumulators into consuming hooks in the main evaluator", "[eval][fastcall]") {
  TestInterp t;
  t.assoc_unique_hits = 0;
  CHECK(t.eval("(define (fill n) (let loop ((i 0) (m {})) (if (= i n) m (loop (+ i 1) (assoc m i i))))) (fill 5)") ==
        "{0 0 1 1 2 2 3 3 4 4}");
  CHECK(t.assoc_unique_hits == 4);  // all but the first: the {} literal itself is shared
  // A variable read again later is not moved.
  CHECK(t.eval("(define (twice m) (list (assoc m :a 1) m)) (twice {})") == "({:a 1} {})");
}

namespace {
std::string write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p) << text;
  return p.string();
}
}  // namespace

TEST_CASE("load and import", "[eval][modules]") {
  auto dir = std::filesystem::temp_directory_path() / ("sema-eval-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "lib");
  write_file(dir / "lib" / "math.sema",
             "(module math (export square cube) (define (square x) (* x x)) (define (cube x) (* x (square x))) "
             "(define secret 42)) (out \"loaded math\")");
  write_file(dir / "lib" / "plain.sema", "(define (inc x) (+ x 1)) (define (twice x) (inc (inc x))) (define hidden 1)");
  write_file(dir / "lib" / "loadme.sema", "(define loaded-val 7) (+ loaded-val 1)");
  write_file(dir / "main.sema",
             "(import \"lib/math.sema\") (import \"lib/math.sema\") (import \"lib/plain.sema\" twice) "
             "(list (square 3) (cube 2) (twice 1) (load \"lib/loadme.sema\") loaded-val)");
  TestInterp t;
  std::string main = std::filesystem::canonical(dir / "main.sema").string();
  std::ifstream in(main);
  std::string src((std::istreambuf_iterator<char>(in)), {});
  CHECK(t.eval(src, main) == "(9 8 3 8 7)");
  CHECK(t.out == "loaded math\n");  // cached: evaluated once
  CHECK(t.eval("secret") == "Unbound variable: secret");
  CHECK(t.eval("inc") == "Unbound variable: inc");
  CHECK(t.eval("(import \"nope.sema\")") == "IO error: import nope.sema: No such file or directory (os error 2)");
  CHECK(t.eval("(import 5)") == "Type error: expected string, got int");
  CHECK(t.eval("(import \"lib/plain.sema\" nothere)", main) == "Eval error: import: module does not export 'nothere'");
  CHECK(t.eval("(import \"lib/plain.sema\" 5)", main) == "Eval error: import: selective names must be symbols");
  CHECK(t.eval("(let () (import \"lib/plain.sema\") (inc 1))", main) == "2");
  CHECK(t.eval("(load)") == "Arity error: load expects 1 args, got 0");
  CHECK(t.eval("(load 1)") == "Type error: expected string, got int");
  std::string missing = (dir / "missing.sema").string();
  CHECK(t.eval("(load \"missing.sema\")", main) ==
        "IO error: load " + missing + ": No such file or directory (os error 2)");
  CHECK(t.eval("(module m (export a) (define a 1) a)") == "1");
  CHECK(t.eval("(module m (export))") == "nil");
  CHECK(t.eval("(module 1 (export))") == "Eval error: module: name must be a symbol");
  CHECK(t.eval("(module m 5)") == "Eval error: module: second argument must be (export sym1 sym2 ...)");
  CHECK(t.eval("(module m (foo))") == "Eval error: module: second argument must start with 'export'");
  CHECK(t.eval("(module m (export 1))") == "Eval error: module: export names must be symbols");
  std::filesystem::remove_all(dir);
}

TEST_CASE("globals API and interrupts", "[eval]") {
  TestInterp t;
  t.eval("(define user-a 1) (define user-b 2)");
  auto gs = t.interp.globals();
  REQUIRE(gs.size() >= 2);
  CHECK(id_name(gs[gs.size() - 2].first) == "user-a");
  CHECK(id_name(gs.back().first) == "user-b");
  CHECK(!t.interp.global(intern("never-defined")));
  t.interp.interrupt();
  CHECK(t.eval("(define (spin) (spin)) (try (spin) (catch e 0))") == "Eval error: interrupted");
  CHECK(!t.interp.interrupted());
  CHECK(t.eval("(+ 1 1)") == "2");
}
