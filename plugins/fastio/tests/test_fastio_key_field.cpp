// fastio plugin: a station name `(first parts)` of a deferred split whose only
// reads are `(get acc name)` and the key of `(assoc acc name {…})` is looked
// up in the hashmap by its bytes and made a string only when something needs
// the value (the mini-eval's deferred keys, mini_compile.cpp defer_keys).
// Every program runs with fastio and with plain io; values, errors and their
// traces must agree.
#include "fastio_test.hpp"

#include <string>

using fastio_test::Both;
using fastio_test::brc;
using fastio_test::Files;
using fastio_test::q;

namespace {

std::string fold(const std::string& path, const std::string& fn, const std::string& init) {
  return "(file/fold-lines " + path + " " + fn + " " + init + ")";
}

// A hashmap result in a stable order.
std::string sorted(const std::string& expr) { return "(hashmap/to-map " + expr + ")"; }

}  // namespace

TEST_CASE("deferred key: new and existing stations", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // short, 4-7, 8-16 and longer names, the same name twice in a row, an
  // empty name, non-ASCII names, names that differ in one byte
  std::string p = q(f.write("a",
                            "Oslo;1.5\nOslo;2.5\nRome;20\n;3.0\nAb;1.0\nAbc;2.0\nAb;-1.0\n\n"
                            "Zürich;4.5\n東京;10.0\nZürich;-4.5\nLong-name-of-a-station;7.0\n"
                            "Long-name-of-a-statioN;8.0\nLong-name-of-a-station;9.0\n;-3.0\nRome;-20\n12345678;1.0\n12345679;2.0\n"));
  CHECK(b.eval(sorted(fold(p, brc(), "(hashmap/new)"))) ==
        "{\"\" {:count 2 :max 3.0 :min -3.0 :sum 0.0} \"12345678\" {:count 1 :max 1.0 :min 1.0 :sum 1.0} "
        "\"12345679\" {:count 1 :max 2.0 :min 2.0 :sum 2.0} \"Ab\" {:count 2 :max 1.0 :min -1.0 :sum 0.0} "
        "\"Abc\" {:count 1 :max 2.0 :min 2.0 :sum 2.0} \"Long-name-of-a-statioN\" {:count 1 :max 8.0 :min 8.0 :sum 8.0} "
        "\"Long-name-of-a-station\" {:count 2 :max 9.0 :min 7.0 :sum 16.0} \"Oslo\" {:count 2 :max 2.5 :min 1.5 :sum 4.0} "
        "\"Rome\" {:count 2 :max 20.0 :min -20.0 :sum 0.0} \"Zürich\" {:count 2 :max 4.5 :min -4.5 :sum 0.0} "
        "\"東京\" {:count 1 :max 10.0 :min 10.0 :sum 10.0}}");
  // the keys are the strings the rows made: equal and usable as any string
  CHECK(b.eval("(let ((h " + fold(p, brc(), "(hashmap/new)") +
               ")) (list (count h) (get (get h \"Zürich\") :count) (get h \"Zürich;4.5\") (sort (hashmap/keys h))))") ==
        b.plain().eval("(list 11 2 nil (sort (list \"\" \"12345678\" \"12345679\" \"Ab\" \"Abc\" \"Long-name-of-a-statioN\" "
                       "\"Long-name-of-a-station\" \"Oslo\" \"Rome\" \"Zürich\" \"東京\")))"));
  // a hashmap that already holds the stations
  CHECK(b.eval(sorted(fold(p, brc(), "(assoc (hashmap/new) \"Oslo\" {:min 0.0 :max 0.0 :sum 0.0 :count 5} \"Ab\" 7)"))) ==
        "Type error: expected map or hashmap, got int");
  CHECK(b.eval("(get (get " + fold(p, brc(), "(assoc (hashmap/new) \"Oslo\" {:min 0.0 :max 0.0 :sum 0.0 :count 5})") +
               " \"Oslo\") :count)") == "7");
}

TEST_CASE("deferred key: a line without the separator, empty lines", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "abc\nabc\nx;1\n\nabc\n"));
  std::string fn = "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (e (get acc name)))"
                   " (assoc acc name {:n (+ 1 (if e (get e :n) 0)) :at 0})))";
  CHECK(b.eval(sorted(fold(p, fn, "(hashmap/new)"))) == "{\"\" {:at 0 :n 1} \"abc\" {:at 0 :n 3} \"x\" {:at 0 :n 1}}");
  // the 1BRC shape fails on the missing field as the builtin does
  CHECK(b.eval(fold(p, brc(), "(hashmap/new)")).starts_with("Eval error: index 1 out of bounds"));
}

TEST_CASE("deferred key: the name used another way too", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nb;2\na;3\n"));
  // printed
  CHECK(b.out("(hashmap/to-map " +
              fold(p,
                   "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (e (get acc name)))"
                   " (println name) (assoc acc name {:n 1 :s name})))",
                   "(hashmap/new)") +
              ")") == "a\nb\na\n");
  // consed, compared, in the literal's values
  CHECK(b.eval(fold(p,
                    "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (e (get (first acc) name)))"
                    " (cons (assoc (first acc) name {:n (if e (+ 1 (get e :n)) 1)}) (cons (= name \"a\") (rest acc)))))",
                    "(list (hashmap/new))")) == "({\"a\" {:n 2} \"b\" {:n 1}} #t #f #t)");
  CHECK(b.eval(sorted(fold(p,
                           "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (e (get acc name)))"
                           " (if (nil? e) (assoc acc name {:k name}) (assoc acc name {:k (str name name)}))))",
                           "(hashmap/new)"))) == "{\"a\" {:k \"aa\"} \"b\" {:k \"b\"}}");
  // a get with a default (not a leaf two-argument get), a nested let's use
  CHECK(b.eval(sorted(fold(p,
                           "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (e (get acc name 0)))"
                           " (assoc acc name (+ e 1))))",
                           "(hashmap/new)"))) == "{\"a\" 2 \"b\" 1}");
  CHECK(b.eval(sorted(fold(p,
                           "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (e (get acc name)))"
                           " (let ((k name)) (assoc acc k {:n (if e (+ 1 (get e :n)) 1)}))))",
                           "(hashmap/new)"))) == "{\"a\" {:n 2} \"b\" {:n 1}}");
  // the get alone (its read the name's last use)
  CHECK(b.eval(fold(p,
                    "(fn (acc line) (let* ((parts (string/split line \";\")) (name (first parts)) (e (get (first acc) name)))"
                    " (list (first acc) (+ (nth acc 1) (if e 1 0)))))",
                    "(list (assoc (hashmap/new) \"a\" 1) 0)")) == "({\"a\" 1} 2)");
}

TEST_CASE("deferred key: accumulators that are not hashmaps", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nb;2\na;3\n"));
  CHECK(b.eval(fold(p, brc(), "{}")) == "{\"a\" {:count 2 :max 3.0 :min 1.0 :sum 4.0} \"b\" {:count 1 :max 2.0 :min 2.0 :sum 2.0}}");
  CHECK(b.eval(fold(p, brc(), "nil")) == b.plain().eval(fold(p, brc(), "nil")));
  CHECK(b.eval(fold(p, brc(), "5")).starts_with("Type error"));
  CHECK(b.eval(fold(p, brc(), "'()")) == b.plain().eval(fold(p, brc(), "'()")));
  CHECK(b.eval(fold(p, brc(), "[1 2]")) == b.plain().eval(fold(p, brc(), "[1 2]")));
}

TEST_CASE("deferred key: get, assoc and first rebound while the stream runs", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nb;2\na;3\nc;4\na;5\n"));
  b.eval("(define saved-get get)");
  b.eval("(define saved-assoc assoc)");
  b.eval("(define saved-first first)");
  b.eval("(define (my-get m k) (list :got k))");
  b.eval("(define (my-assoc m k v) (saved-assoc m k (list :put k)))");
  b.eval("(define (my-first l) (str \"<\" (saved-first l) \">\"))");
  auto run = [&](const std::string& rebind, const std::string& restore) {
    std::string r = b.eval(sorted(fold(p, brc("(z (if (= line \"a;3\") " + rebind + " nil))"), "(hashmap/new)")));
    b.eval(restore);
    return r;
  };
  CHECK(run("(set! get my-get)", "(set! get saved-get)").starts_with("Type error"));
  CHECK(run("(set! assoc my-assoc)", "(set! assoc saved-assoc)").starts_with("Type error"));
  CHECK(run("(set! first my-first)", "(set! first saved-first)") ==
        "{\"<a>\" {:count 2 :max 5.0 :min 3.0 :sum 8.0} \"<c>\" {:count 1 :max 4.0 :min 4.0 :sum 4.0} "
        "\"a\" {:count 1 :max 1.0 :min 1.0 :sum 1.0} \"b\" {:count 1 :max 2.0 :min 2.0 :sum 2.0}}");
  // get rebound to a procedure that sees the key as a value
  b.eval("(define (key-get m k) (saved-get m (string/upper k)))");
  CHECK(run("(set! get key-get)", "(set! get saved-get)") == b.plain().eval(sorted(fold(p, brc("(z (if (= line \"a;3\") (set! get key-get) nil))"), "(hashmap/new)"))));
  b.eval("(set! get saved-get)");
  CHECK(b.eval("(get {:a 1} :a)") == "1");
}

TEST_CASE("deferred key: the same callback inside its own run", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nbb;2\na;3\n"));
  // A callback `name` that, on line "bb;2" when `when` holds, folds
  // `inner_fold` (its own name, another file or init) between its name's
  // binding and that name's reads.
  auto define_step = [&](const std::string& name, const std::string& when, const std::string& inner_fold) {
    b.eval("(define (" + name + " acc line) (let* ((parts (string/split line \";\")) (name (first parts))"
           " (inner (if (and (= line \"bb;2\") " + when + ") " + inner_fold + " nil))"
           " (e (get acc name)))"
           " (if (nil? e) (assoc acc name {:n 1 :i (count (or inner {}))}) (assoc acc name {:n (+ 1 (get e :n)) :i 0}))))");
  };
  // the inner fold runs the same let between the outer name's binding and its reads
  define_step("step", "(nil? (get acc \"in\"))", "(file/fold-lines " + p + " step (assoc (hashmap/new) \"in\" 0))");
  CHECK(b.eval(sorted(fold(p, "step", "(hashmap/new)"))) == "{\"a\" {:i 0 :n 2} \"bb\" {:i 3 :n 1}}");
  // the inner run on another file, whose names have other lengths and places
  std::string p2 = q(f.write("b", "zzzz;1\na;2\n"));
  define_step("step2", "#t", "(file/fold-lines " + p2 + " step2 (hashmap/new))");
  CHECK(b.eval(sorted(fold(p, "step2", "(hashmap/new)"))) == "{\"a\" {:i 0 :n 2} \"bb\" {:i 2 :n 1}}");
}
