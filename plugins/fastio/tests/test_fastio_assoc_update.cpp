// fastio plugin: `(assoc acc key {literal})` in a compiled callback, which
// the mini-eval may answer by overwriting the entry's old map in place
// (mini_run.cpp, run_assoc_literal). Only a map nobody else can see may be
// overwritten; every other case must behave as the plain evaluator does.
// Each program runs with fastio and with plain io (Both); everything
// observable must agree, errors and their traces included.
#include "fastio_test.hpp"

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::q;

namespace {

const char* kLines = "a;1\nb;2\na;3\na;4\nb;5\nc;6\na;7\n";

// The 1BRC update on a count and a sum, with extra forms spliced in before
// the assoc (`before`) and into the literal (`extra`, entries).
std::string step(const std::string& before = "", const std::string& extra = "") {
  return "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts))"
         " (v (string->number (nth parts 1))) (existing (get acc name)))"
         " (if (nil? existing) (assoc acc name {:n 1 :sum v" + extra + "})"
         " (begin " + before + " (assoc acc name {:n (+ 1 (get existing :n)) :sum (+ v (get existing :sum))" + extra + "})))))";
}

}  // namespace

TEST_CASE("assoc update: hashmap and map accumulators", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  const std::string want = "{\"a\" {:n 4 :sum 15} \"b\" {:n 2 :sum 7} \"c\" {:n 1 :sum 6}}";
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step() + " (hashmap/new)))") == want);
  // a sorted map as the accumulator
  CHECK(b.eval("(file/fold-lines " + p + " " + step() + " {})") == want);
  // map accumulators past the size a keyword key is scanned in (string and
  // keyword keys), and keyword keys scanned
  std::string many;
  for (int i = 0; i < 40; ++i)
    many += "k" + std::string(i % 18 < 10 ? "0" : "") + std::to_string(i % 18) + ";" + std::to_string(i) + "\n";
  std::string pm = q(f.write("many.txt", many));
  CHECK(b.eval("(file/fold-lines " + pm + " " + step() + " {})") ==
        "{\"k00\" {:n 3 :sum 54} \"k01\" {:n 3 :sum 57} \"k02\" {:n 3 :sum 60} \"k03\" {:n 3 :sum 63} \"k04\" {:n 2 :sum 26} \"k05\" {:n 2 :sum 28} \"k06\" {:n 2 :sum 30} \"k07\" {:n 2 :sum 32} \"k08\" {:n 2 :sum 34} \"k09\" {:n 2 :sum 36} \"k10\" {:n 2 :sum 38} \"k11\" {:n 2 :sum 40} \"k12\" {:n 2 :sum 42} \"k13\" {:n 2 :sum 44} \"k14\" {:n 2 :sum 46} \"k15\" {:n 2 :sum 48} \"k16\" {:n 2 :sum 50} \"k17\" {:n 2 :sum 52}}");
  const std::string kw_step =
      "(fn (acc line) (let* ((k (string->keyword (first (string/split line \";\")))) (old (get acc k)))"
      " (if (nil? old) (assoc acc k {:n 1}) (assoc acc k {:n (+ 1 (get old :n))}))))";
  CHECK(b.eval("(file/fold-lines " + pm + " " + kw_step + " {})") == "{:k00 {:n 3} :k01 {:n 3} :k02 {:n 3} :k03 {:n 3} :k04 {:n 2} :k05 {:n 2} :k06 {:n 2} :k07 {:n 2} :k08 {:n 2} :k09 {:n 2} :k10 {:n 2} :k11 {:n 2} :k12 {:n 2} :k13 {:n 2} :k14 {:n 2} :k15 {:n 2} :k16 {:n 2} :k17 {:n 2}}");
  CHECK(b.eval("(file/fold-lines " + p + " " + kw_step + " {})") == "{:a {:n 4} :b {:n 2} :c {:n 1}}");
  // the result of the fold is the accumulator each time (no copy is seen)
  CHECK(b.eval("(let ((h (file/fold-lines " + p + " " + step() + " (hashmap/new)))) (list (count h) (get (get h \"a\") :n)))") ==
        "(3 4)");
}

TEST_CASE("assoc update: a map held elsewhere is not changed", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  // every old stats map kept in a global list: each keeps its own values
  b.eval("(define kept '()) (define (keep! m) (set! kept (cons m kept)) m)");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step("(keep! existing)") + " (hashmap/new)))") ==
        "{\"a\" {:n 4 :sum 15} \"b\" {:n 2 :sum 7} \"c\" {:n 1 :sum 6}}");
  CHECK(b.eval("kept") == "({:n 3 :sum 8} {:n 1 :sum 2} {:n 2 :sum 4} {:n 1 :sum 1})");
  // the same map under two keys of the accumulator: updating one leaves the other
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step() + " (hashmap/new \"a\" {:n 10 :sum 0} \"z\" 0)))") ==
        "{\"a\" {:n 14 :sum 15} \"b\" {:n 2 :sum 7} \"c\" {:n 1 :sum 6} \"z\" 0}");
  b.eval("(define shared {:n 10 :sum 0})");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step() + " (hashmap/new \"a\" shared \"b\" shared)))") ==
        "{\"a\" {:n 14 :sum 15} \"b\" {:n 12 :sum 7} \"c\" {:n 1 :sum 6}}");
  CHECK(b.eval("shared") == "{:n 10 :sum 0}");
  // the accumulator itself kept elsewhere: each snapshot keeps its entries
  b.eval("(define snaps '()) (define (snap! h) (set! snaps (cons h snaps)) 0)");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step("(snap! acc)") + " (hashmap/new)))") ==
        "{\"a\" {:n 4 :sum 15} \"b\" {:n 2 :sum 7} \"c\" {:n 1 :sum 6}}");
  CHECK(b.eval("(map (fn (h) (get h \"a\")) snaps)") ==
        "({:n 3 :sum 8} {:n 3 :sum 8} {:n 2 :sum 4} {:n 1 :sum 1})");
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(snap! acc)") + " {})") ==
        "{\"a\" {:n 4 :sum 15} \"b\" {:n 2 :sum 7} \"c\" {:n 1 :sum 6}}");
  CHECK(b.eval("(get (first snaps) \"a\")") == "{:n 3 :sum 8}");
  // the old map also a value of the new literal
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p +
               " (fn (acc line) (let* ((k (first (string/split line \";\"))) (old (get acc k)))"
               " (if (nil? old) (assoc acc k {:n 1 :prev nil}) (assoc acc k {:n (+ 1 (get old :n)) :prev old})))) (hashmap/new)))") ==
        "{\"a\" {:n 4 :prev {:n 3 :prev {:n 2 :prev {:n 1 :prev nil}}}} \"b\" {:n 2 :prev {:n 1 :prev nil}} \"c\" {:n 1 :prev nil}}");
}

TEST_CASE("assoc update: other keys, other values, other accumulators", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  // literals of other keys than the old map's: more, fewer, the same count
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p +
               " (fn (acc line) (let* ((k (first (string/split line \";\"))) (old (get acc k)))"
               " (cond ((nil? old) (assoc acc k {:n 1}))"
               " ((= (count old) 1) (assoc acc k {:n (+ 1 (get old :n)) :x 0}))"
               " ((get old :x) (assoc acc k {:n (+ 1 (get old :n)) :y 0}))"
               " (else (assoc acc k {:n (+ 1 (get old :n))}))))) (hashmap/new)))") ==
        "{\"a\" {:n 4} \"b\" {:n 2 :x 0} \"c\" {:n 1}}");
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc line) (let* ((k (first (string/split line \";\"))) (old (get acc k)))"
               " (if (nil? old) (assoc acc k {:a 1}) (assoc acc k {:b (+ 1 (or (get old :a) (get old :b)))})))) {})") ==
        "{\"a\" {:b 4} \"b\" {:b 2} \"c\" {:a 1}}");
  // the same count of other keys, the old map given up by its last read
  // (so it is unshared when the literal is done)
  std::string two = q(f.write("two.txt", "a;1\na;2\n"));
  const std::string swap_keys = "(fn (acc line) (let* ((k (first (string/split line \";\"))) (old (get acc k)))"
                                " (if (nil? old) (assoc acc k {:a (string-length k)}) (assoc acc k {:b (+ 1 (count old))}))))";
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + two + " " + swap_keys + " (hashmap/new)))") == "{\"a\" {:b 2}}");
  CHECK(b.eval("(file/fold-lines " + two + " " + swap_keys + " {})") == "{\"a\" {:b 2}}");
  CHECK(b.eval("(file/fold-lines " + two + " " + swap_keys + " {\"a\" {:b 0}})") == "{\"a\" {:b 2}}");
  // an entry that is not a map, a map with string keys
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step() + " (hashmap/new \"a\" 5 \"b\" {\"n\" 1 \"sum\" 0})))") ==
        "Type error: expected map or hashmap, got int");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " (fn (acc line) (let ((k (first (string/split line \";\"))))"
               " (assoc acc k {:seen (get acc k)}))) (hashmap/new \"a\" 5)))") ==
        "{\"a\" {:seen {:seen {:seen {:seen 5}}}} \"b\" {:seen {:seen nil}} \"c\" {:seen nil}}");
  // an accumulator that is no map at all: assoc's own error
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc line) (assoc acc line {:n 1})) '())") ==
        "Type error: expected map or hashmap, got list");
  // string keys in the literal: updated in place like keywords
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc line) (let* ((k (first (string/split line \";\"))) (old (get acc k)))"
               " (assoc acc k {\"n\" (+ 1 (if old (get old \"n\") 0))}))) {})") ==
        "{\"a\" {\"n\" 4} \"b\" {\"n\" 2} \"c\" {\"n\" 1}}");
}

TEST_CASE("assoc update: errors in the literal, assoc rebound", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("m.txt", kLines));
  // a value of the literal fails on the fourth line (an update): the same
  // error and trace (Both checks the trace), nothing left half-updated
  b.eval("(define (check v) (if (= v 4) (car v) v))");
  CHECK(b.eval("(file/fold-lines " + p + " " + step("", " :last (check v)") + " (hashmap/new))") ==
        "Type error: expected list or vector, got int");
  CHECK(b.eval("(file/fold-lines " + p + " " + step("", " :last (check v)") + " {})") ==
        "Type error: expected list or vector, got int");
  CHECK(b.eval("(let ((h (hashmap/new))) (try (file/fold-lines " + p + " " + step("", " :last (check v)") +
               " h) (catch e (list (count h) (:message e)))))") == "(0 \"expected list or vector, got int\")");
  // `assoc` rebound by a value of the literal: this call still uses the
  // builtin (its head was resolved first), the next ones the new binding
  b.eval("(define saved-assoc assoc)"
         " (define (rebind! v) (if (= v 4) (set! assoc (fn (m k x) (saved-assoc m k (saved-assoc x :rebound #t)))) nil) v)");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step("", " :last (rebind! v)") + " (hashmap/new)))") ==
        "{\"a\" {:last 7 :n 4 :rebound #t :sum 15} \"b\" {:last 5 :n 2 :rebound #t :sum 7} \"c\" {:last 6 :n 1 :rebound #t :sum 6}}");
  b.eval("(set! assoc saved-assoc)");
  // rebound between two runs of the same callback
  b.eval("(define cb " + step() + ")");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " cb (hashmap/new)))") ==
        "{\"a\" {:n 4 :sum 15} \"b\" {:n 2 :sum 7} \"c\" {:n 1 :sum 6}}");
  b.eval("(set! assoc (fn (m k x) (saved-assoc m k (count x))))");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " cb (hashmap/new \"zz\" 0)))") == "Type error: expected map or hashmap, got int");
  b.eval("(set! assoc saved-assoc)");
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " cb (hashmap/new)))") ==
        "{\"a\" {:n 4 :sum 15} \"b\" {:n 2 :sum 7} \"c\" {:n 1 :sum 6}}");
}
