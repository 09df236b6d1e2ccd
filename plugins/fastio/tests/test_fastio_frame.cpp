// fastio plugin: the call around each line's callback (the host's
// fastcall_invoke_text, fastcall's lean call into a reused frame, the body's
// root If decided in place). Each program runs with fastio and with plain io;
// everything observable must agree, errors and their traces included.
#include "fastio_test.hpp"

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::q;

namespace {
// Short and long (> 16 bytes) lines, an empty one, a "\r\n" ending.
const char* kLines = "b\n\nan apple a day keeps\n12\nb\r\n3.5\nthe last line without a newline";
}

TEST_CASE("frame: root ifs whose test is decided in place", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", kLines));
  auto fold = [&](const std::string& fn, const std::string& init) {
    return b.eval("(file/fold-lines " + p + " " + fn + " " + init + ")");
  };
  // = on the line against a string, an int, a float; the line read again in
  // a branch, or only in the test (its last use)
  CHECK(fold("(fn (acc l) (if (= l \"\") acc (+ acc 1)))", "0") == "6");
  CHECK(fold("(fn (acc l) (if (= l \"b\") (cons l acc) acc))", "'()") == "(\"b\" \"b\")");
  CHECK(fold("(fn (acc l) (if (= \"12\" l) (+ acc 100) (+ acc 1)))", "0") == "106");
  CHECK(fold("(fn (acc l) (if (= l 12) (+ acc 100) (+ acc 1)))", "0") == "7");
  CHECK(fold("(fn (acc l) (if (= acc 2.5) acc (+ acc 0.5)))", "0.0") == "2.5");
  // nil?, not, a comparison, get with a keyword: tests on the accumulator
  CHECK(fold("(fn (acc l) (if (nil? acc) (list l) (cons l acc)))", "nil") ==
        "(\"the last line without a newline\" \"3.5\" \"b\" \"12\" \"an apple a day keeps\" \"\" \"b\")");
  CHECK(fold("(fn (acc l) (if (not acc) 1 (+ acc 1)))", "#f") == "7");
  CHECK(fold("(fn (acc l) (if (< acc 3) (+ acc 1) acc))", "0") == "3");
  CHECK(fold("(fn (acc l) (if (get acc :n) (assoc acc :n (+ (:n acc) 1)) (assoc acc :n 1)))", "{}") == "{:n 7}");
  // a one-armed if as the whole body gives nil on the lines it skips
  CHECK(fold("(fn (acc l) (if (= l \"b\") :b))", "0") == "nil");
  CHECK(fold("(fn (acc l) (if (= l \"the last line without a newline\") :end))", "0") == ":end");
  // a test that is not a leaf intrinsic call, and bodies that are no if
  CHECK(fold("(fn (acc l) (if (string/starts-with? l \"b\") (+ acc 1) acc))", "0") == "2");
  CHECK(fold("(fn (acc l) (let ((n (string-length l))) (+ acc n)))", "0") == "58");
  CHECK(fold("(fn (acc l) l)", "nil") == "\"the last line without a newline\"");
  CHECK(fold("(fn (acc l) acc)", ":same") == ":same");
  CHECK(fold("(fn (acc l) 7)", "nil") == "7");
}

TEST_CASE("frame: a test that fails, and errors in the branches", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = f.write("x", kLines);
  // Both compares the whole reports, trace lines included.
  auto r = b.run("(file/fold-lines " + q(p) + " (fn (acc l) (if (< l 3) acc (+ acc 1))) 0)", "t.sema");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("  at < (t.sema:1:") != std::string::npos);
  r = b.run("(file/fold-lines " + q(p) + " (fn (acc l) (if (= l \"12\") (+ acc l) (+ acc 1))) 0)", "t.sema");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("  at + (t.sema:1:") != std::string::npos);
  CHECK(r.error.find("  at file/fold-lines (t.sema:1:1)") != std::string::npos);
  // the error of one line, then a good run of the same callback
  b.run("(define (step acc l) (if (= l \"3.5\") (error \"stop\") (+ acc 1)))");
  CHECK(b.eval("(file/fold-lines " + q(p) + " step 0)") == "Eval error: stop");
  CHECK(b.eval("(file/fold-lines " + q(f.write("y", "1\n2\n")) + " step 0)") == "2");
  CHECK(b.eval("(try (file/for-each-line " + q(p) + " (fn (l) (if (= l \"12\") (throw l)))) (catch e (:value e)))") ==
        "\"12\"");
}

TEST_CASE("frame: the callback keeps its line strings", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", kLines));
  // kept in the accumulator, in a closure, in a map: each keeps its own text
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (cons l acc)) '())") ==
        "(\"the last line without a newline\" \"3.5\" \"b\" \"12\" \"an apple a day keeps\" \"\" \"b\")");
  // (append, not cons: a cons onto acc would leave the closure in the
  // store that the frame's acc view shares, a cycle through the frame;
  // decisions.md, Memory)
  CHECK(b.eval("(map (fn (f) (f)) (file/fold-lines " + p + " (fn (acc l) (append (list (fn () l)) acc)) '()))") ==
        "(\"the last line without a newline\" \"3.5\" \"b\" \"12\" \"an apple a day keeps\" \"\" \"b\")");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"b\") acc (assoc acc l (count acc)))) {})") ==
        "{\"\" 0 \"12\" 2 \"3.5\" 3 \"an apple a day keeps\" 1 \"the last line without a newline\" 4}");
  // every other line kept: the strings handed out are refilled only when free
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc l) (if (< (string-length l) 3) (cons l acc) (cons (string-length l) acc))) '())") ==
        "(31 3 \"b\" \"12\" 20 \"\" \"b\")");
  CHECK(b.eval("(begin (define seen '()) (file/for-each-line " + p + " (fn (l) (set! seen (cons l seen)))) seen)") ==
        "(\"the last line without a newline\" \"3.5\" \"b\" \"12\" \"an apple a day keeps\" \"\" \"b\")");
}

TEST_CASE("frame: re-entrant folds with the same and other callbacks", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "a\nbb\nccc\n"));
  // the same procedure runs inside its own call: its frame is in use
  b.eval("(define (step acc l) (if (= l \"bb\") (if (< acc 100) (+ acc (file/fold-lines " + p +
         " step 100)) (+ acc 2)) (+ acc (string-length l))))");
  CHECK(b.eval("(file/fold-lines " + p + " step 0)") == "110");
  // an inner fold whose callback keeps the outer line
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (cons (file/fold-lines " + p +
               " (fn (a m) (if (= m l) (cons m a) a)) '()) acc)) '())") ==
        "((\"ccc\") (\"bb\") (\"a\"))");
}

TEST_CASE("frame: a let's bindings by their compiled case, and its body's if", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "a;1\nb;2\na;3\n\nc;x\n"));
  auto fold = [&](const std::string& fn, const std::string& init) {
    return b.eval("(file/fold-lines " + p + " " + fn + " " + init + ")");
  };
  // get on a hashmap, a map, a list, nil; a key that is there or not; the
  // map or key read for the last time in the get
  const char* body =
      "(let* ((parts (string/split l \";\")) (k (first parts)) (old (get acc k)))"
      " (if (nil? old) (assoc acc k 1) (assoc acc k (+ old 1))))";
  CHECK(fold(std::string("(fn (acc l) ") + body + ")", "(hashmap/new)") == "{\"\" 1 \"a\" 2 \"b\" 1 \"c\" 1}");
  CHECK(fold(std::string("(fn (acc l) ") + body + ")", "{}") == "{\"\" 1 \"a\" 2 \"b\" 1 \"c\" 1}");
  CHECK(fold("(fn (acc l) (let* ((m {\"a;1\" 1 \"a;3\" 3}) (v (get m l))) (if v (+ acc v) acc)))", "0") == "4");
  CHECK(fold("(fn (acc l) (let* ((v (get acc l))) (if (nil? v) acc (+ v 1))))", "'(1 2)") ==
        "Type error: expected map or hashmap, got list");
  CHECK(fold("(fn (acc l) (let ((v (get acc l))) (if (nil? v) (cons l acc) acc)))", "nil") ==
        "Type error: expected map or hashmap, got nil");
  CHECK(fold("(fn (acc l) (let* ((k l) (v (get acc k))) (if v acc (assoc acc k (count acc)))))", "(hashmap/new)") ==
        "{\"\" 3 \"a;1\" 0 \"a;3\" 2 \"b;2\" 1 \"c;x\" 4}");
  // get rebound by a call in the body (a Full node) and restored
  b.run("(define orig-get get) (define (rebind!) (set! get (fn (m k) :rebound))) (define tbl (hashmap/new))");
  CHECK(fold("(fn (acc l) (let* ((t tbl) (v (get t l))) (begin (if (= l \"b;2\") (rebind!)) (cons v acc))))",
             "'()") == "(:rebound :rebound :rebound nil nil)");
  b.run("(set! get orig-get)");
  // a body if whose test is not decided in place, one-armed, with a branch
  // that is no assoc
  CHECK(fold("(fn (acc l) (let* ((n (string-length l))) (if (string/starts-with? l \"a\") (+ acc n) acc)))", "0") == "6");
  CHECK(fold("(fn (acc l) (let* ((n (string-length l))) (if (= n 0) :empty)))", "0") == "nil");
  CHECK(fold("(fn (acc l) (let* ((n (string-length l))) (if (= n 3) :three)))", "0") == ":three");
  CHECK(fold("(fn (acc l) (let* ((n (string-length l))) (if (= l \"\") (cons :empty acc) (cons n acc))))", "'()") ==
        "(3 :empty 3 3 3)");
  CHECK(fold("(fn (acc l) (let* ((n (string-length l))) (if (< acc n) n acc)))", "0") == "3");
  // a let* that binds a name twice (one slot, stored over), a let inside a
  // let's binding and body, the let run inside its own fold
  CHECK(fold("(fn (acc l) (let* ((x (string-length l)) (x (+ x 1)) (y (* x 2))) (+ acc x y)))", "0") == "51");
  CHECK(fold("(fn (acc l) (let* ((a (let ((b (string-length l))) (+ b 1))) (c (let* ((d a)) (* d 2)))) "
             "(let ((e (+ a c))) (+ acc e))))", "0") == "51");
  b.run("(define (inner acc l) (let* ((n (string-length l)) (m (+ n 1))) (+ acc m)))");
  CHECK(fold("(fn (acc l) (let* ((n (string-length l)) (k (if (= l \"b;2\") (file/fold-lines " + p +
             " inner 0) 0))) (+ acc n k)))", "0") == "29");
}

TEST_CASE("frame: errors in a let's bindings and its body's if", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = f.write("x", "a;1\nb;2\n");
  auto r = b.run("(file/fold-lines " + q(p) + " (fn (acc l) (let* ((v (get acc l))) (if (< v 1) acc v))) {\"a;1\" \"s\"})",
                 "t.sema");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("  at < (t.sema:1:") != std::string::npos);
  r = b.run("(file/fold-lines " + q(p) + " (fn (acc l) (let* ((v (get acc l))) (if (nil? v) (+ acc l) v))) {})",
            "t.sema");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("  at + (t.sema:1:") != std::string::npos);
}

TEST_CASE("frame: lines folded in batches (fastcall_fold_texts)", "[plugin:fastio]") {
  Both b;
  Files f;
  // 200 numbered lines: an error at each place around the batch size stops
  // the fold there, after exactly the earlier lines ran
  std::string text;
  for (int i = 1; i <= 200; ++i) text += std::to_string(i) + (i % 3 == 0 ? "\r\n" : "\n");
  std::string p = q(f.write("n", text));
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (+ acc (string->number l))) 0)") == "20100");
  for (int stop : {1, 2, 63, 64, 65, 128, 129, 200}) {
    INFO("error at line " << stop);
    std::string s = std::to_string(stop);
    b.run("(define n 0)");
    CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (begin (set! n (+ n 1)) (if (= l \"" + s +
                 "\") (error \"stop\") (+ acc 1)))) 0)") == "Eval error: stop");
    CHECK(b.eval("n") == s);
    CHECK(b.eval("(try (file/fold-lines " + p + " (fn (acc l) (if (= l \"" + s + "\") (throw acc) (cons l acc))) '()) (catch e (count (:value e))))") ==
          std::to_string(stop - 1));
  }
  // the accumulator kept by the callback, or shared with a global
  CHECK(b.eval("(count (file/fold-lines " + p + " (fn (acc l) (cons acc l)) nil))") == "2");
  b.run("(define seen '())");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (begin (set! seen acc) (+ acc 1))) 0)") == "200");
  CHECK(b.eval("seen") == "199");
  // a fold inside the callback over the same file, on some lines
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"64\") (+ acc (file/fold-lines " + p +
               " (fn (a m) (+ a 1)) 0)) (+ acc 1))) 0)") == "399");
  // an empty file, a file without a final newline, one line
  CHECK(b.eval("(file/fold-lines " + q(f.write("e", "")) + " (fn (acc l) (+ acc 1)) 0)") == "0");
  CHECK(b.eval("(file/fold-lines " + q(f.write("one", "x")) + " (fn (acc l) (cons l acc)) '())") == "(\"x\")");
}

TEST_CASE("frame: a batch's rows in one loop, and the rows it leaves to the general call", "[plugin:fastio]") {
  Both b;
  Files f;
  // 70,000 lines, past the interrupt check at line 65,536 and across many
  // batches: "\r\n" endings, lines longer than 16 bytes (the line string
  // outgrown), non-ASCII and empty lines
  std::string text;
  for (int i = 1; i <= 70000; ++i) {
    std::string n = std::to_string(i);
    text += i % 11 == 0 ? "" : i % 5 == 0 ? "a line longer than sixteen bytes " + n : i % 7 == 0 ? "\xc3\xa9" + n : n;
    text += i % 3 == 0 ? "\r\n" : "\n";
  }
  std::string p = q(f.write("many", text));
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (+ acc 1)) 0)") == "70000");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"\") acc (+ acc (string-length l)))) 0)") ==
        b.eval("(file/fold-lines " + p + " (fn (acc l) (+ acc (string-length l))) 0)"));
  b.run("(define n 0)");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let* ((k (string-length l)) (m (+ acc k))) (set! n (+ n 1)) m)) 0)") !=
        "0");
  CHECK(b.eval("n") == "70000");
  // an invalid line after the interrupt check: the lines before it ran
  std::string bad = text + "\xff\n1\n";
  std::string pb = q(f.write("bad", bad));
  b.run("(define n 0)");
  CHECK(b.eval("(file/fold-lines " + pb + " (fn (acc l) (begin (set! n (+ n 1)) (+ acc 1))) 0)").find("UTF-8") !=
        std::string::npos);
  CHECK(b.eval("n") == "70000");
  // a scope that gains names in the middle of a batch (a macro's define run
  // by eval from a global procedure): the later rows take the general call
  b.run("(defmacro mydef (n v) (list 'define n v))");
  b.run("(define (make-h) (eval '((fn () (mydef zz 5) zz))))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"31\") (+ acc (make-h)) (+ acc 1))) 0)") == "70004");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let* ((k (string-length l))) (if (= k 0) acc (+ acc 1)))) 0)") ==
        "63637");
}

TEST_CASE("frame: a row's code run again from inside the row, and errors mid-batch", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string text;
  for (int i = 1; i <= 300; ++i) text += std::to_string(i) + "\n";
  std::string p = q(f.write("n", text));
  // the callback calls itself through its global on some rows: the same
  // let and its frame inside a run of it
  b.run("(define (cb acc l) (let* ((k (string-length l)) (m (if (= k 2) (cb (+ acc 1000) \"xyz\") acc))) (+ m k)))");
  CHECK(b.eval("(file/fold-lines " + p + " cb 0)") == "91062");
  // an error in a binding mid-batch, then the same callback on good lines,
  // then rebinding a builtin it calls between two folds
  b.run("(define (step acc l) (let* ((v (string->number l)) (w (if (= v 70) (error \"at 70\") v))) (+ acc w)))");
  CHECK(b.eval("(file/fold-lines " + p + " step 0)") == "Eval error: at 70");
  CHECK(b.eval("(file/fold-lines " + q(f.write("m", "1\n2\n3\n")) + " step 0)") == "6");
  b.run("(define saved-plus +)");
  b.run("(define (+ a b) (saved-plus a (saved-plus b 1)))");
  CHECK(b.eval("(file/fold-lines " + q(f.write("m", "1\n2\n3\n")) + " step 0)") == "9");
  b.run("(define + saved-plus)");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (+ acc 1)) 0)") == "300");
}

TEST_CASE("frame: tests of a shape decided on the variable's word", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", kLines));
  auto fold = [&](const std::string& fn, const std::string& init) {
    return b.eval("(file/fold-lines " + p + " " + fn + " " + init + ")");
  };
  // the constant first or second, the variable's last use in the test, in
  // a let's body, a variable that is no string (= then decides as usual)
  CHECK(fold("(fn (acc l) (if (= \"b\" l) (+ acc 1) acc))", "0") == "2");
  CHECK(fold("(fn (acc l) (if (= l \"12\") 100 acc))", "0") == "100");
  CHECK(fold("(fn (acc l) (let* ((n (string-length l))) (if (= l \"\") acc (+ acc n))))", "0") == "58");
  CHECK(fold("(fn (acc l) (if (= acc \"x\") acc (+ acc 1)))", "0") == "7");
  CHECK(fold("(fn (acc l) (if (= acc \"\") acc :no))", "\"\"") == "\"\"");
  CHECK(fold("(fn (acc l) (if (= acc \"\") :no acc))", "\"x\"") == "\"x\"");
  CHECK(fold("(fn (acc l) (if (nil? l) acc (+ acc 1)))", "0") == "7");
  CHECK(fold("(fn (acc l) (let* ((m (get acc l))) (if (nil? m) (assoc acc l 1) (assoc acc l (+ m 1)))))", "{}") ==
        "{\"\" 1 \"12\" 1 \"3.5\" 1 \"an apple a day keeps\" 1 \"b\" 2 \"the last line without a newline\" 1}");
  // = and nil? rebound between folds and in the middle of one
  b.run("(define saved-eq =)");
  b.run("(define (= a b) (saved-eq (string-length a) 1))");
  CHECK(fold("(fn (acc l) (if (= l \"\") (+ acc 1) acc))", "0") == "2");
  b.run("(define = saved-eq)");
  b.run("(define saved-nil nil?)");
  CHECK(fold("(fn (acc l) (if (nil? acc) 0 (begin (if (= l \"12\") (set! nil? (fn (x) #t))) (+ acc 1))))", "nil") == "0");
  b.run("(set! nil? saved-nil)");
  CHECK(fold("(fn (acc l) (if (nil? acc) 0 (+ acc 1)))", "nil") == "6");
}
