// fastio plugin: callbacks that the runtime's mini-eval compiles (pure
// bodies of constants, variable reads, if, let/let*, begin, and/or, map
// literals, keyword calls and hooked builtins). Each program runs with fastio
// and with plain io; everything observable must agree, errors and their
// traces included.
#include "fastio_test.hpp"

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::q;

namespace {
const char* kStations = "Oslo;1.5\nRome;20.0\nOslo;-3.5\nLima;15.25\nRome;22.0\n\nOslo;0.0\n";
}

TEST_CASE("mini-eval: the 1BRC shape of callback", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("m.txt", kStations));
  const std::string step = fastio_test::brc();
  CHECK(b.eval("(hashmap/to-map (file/fold-lines " + p + " " + step + " (hashmap/new)))") ==
        "{\"Lima\" {:count 1 :max 15.25 :min 15.25 :sum 15.25} \"Oslo\" {:count 3 :max 1.5 :min -3.5 :sum -2.0} "
        "\"Rome\" {:count 2 :max 22.0 :min 20.0 :sum 42.0}}");
  // the same with a sorted map accumulator and keyword calls
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc line) (if (= line \"\") acc (let ((k (first (string/split line \";\")))) (assoc acc k (+ 1 (or (get acc k) 0)))))) {})") ==
        "{\"Lima\" 1 \"Oslo\" 3 \"Rome\" 2}");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc line) (let ((m {:n (string-length line)})) (+ acc (:n m)))) 0)") == "53");
}

TEST_CASE("mini-eval: let frames reused across lines keep nothing from the last line", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "1\n2\n3\n"));
  // a let* whose later binding reads an earlier one, nested lets, shadowing
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc l) (let* ((n (string->number l)) (sq (* n n))) (let ((n (+ sq 1)) (m n)) (cons (list n m sq) acc)))) '())") ==
        "((10 3 9) (5 2 4) (2 1 1))");
  // the body's value is a binding of the let itself (it must outlive the frame)
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((s (string-append l l))) s)) nil)") == "\"33\"");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (cons (let* ((a (list l)) (b a)) b) acc)) '())") ==
        "((\"3\") (\"2\") (\"1\"))");
  // a binding that holds the accumulator itself
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((old acc)) (assoc old l (count old)))) {})") ==
        "{\"1\" 0 \"2\" 1 \"3\" 2}");
  // the same body run again inside its let (a fold over the same file from
  // the callback): the frame in use is not reused, and outlives the inner run
  b.eval("(define (step acc l) (let ((x (string-append l \"!\")) (n (string->number l)))"
         " (if (and (= n 2) (nil? (get acc x))) (assoc (file/fold-lines " + p + " step (assoc acc x n)) (string-append x \"?\") (+ n (count acc)))"
         " (assoc acc x (+ n (count acc))))))");
  CHECK(b.eval("(file/fold-lines " + p + " step {})") == "{\"1!\" 3 \"2!\" 4 \"2!?\" 3 \"3!\" 7}");
  // begin, and, or and a one-armed if in the body
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc l) (begin (and (= l \"2\") (or #f (string-length l))) (if (= l \"9\") :never) (+ acc 1))) 0)") == "3");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (list (and) (or) (and l) (or #f nil) (if #f 1))) 0)") ==
        "(#t #f \"3\" nil nil)");
  // a let frame captured by a closure (the body is no longer pure); the
  // closures go out through a global, not the accumulator (which the frame
  // holds: that would be a reference cycle, with or without fastio)
  CHECK(b.eval("(begin (define kept '()) (file/for-each-line " + p + " (fn (l) (let ((x l)) (set! kept (cons (fn () x) kept)))))"
               " (map (fn (g) (g)) kept))") == "(\"3\" \"2\" \"1\")");
}

TEST_CASE("mini-eval: values borrowed by hooks stay alive", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "ab\ncd\n"));
  // a global passed to a hook while a later argument rebinds it
  b.eval("(define g (string-append \"gl\" \"obal\"))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (cons (string-append g (begin (set! g (string-append l \"!\")) l)) acc)) '())") ==
        "(\"ab!cd\" \"globalab\")");
  // an outer procedure's variable changed by another closure while read
  b.eval("(define (make) (let ((s (string-append \"s\" \"0\"))) (list (fn () s) (fn (v) (set! s v)))))");
  b.eval("(define pair (make))");
  CHECK(b.eval("(let ((get-s (first pair)) (set-s (nth pair 1)))"
               " (file/fold-lines " + p + " (fn (acc l) (cons (list (get-s) (begin (set-s l) (get-s))) acc)) '()))") ==
        "((\"ab\" \"cd\") (\"s0\" \"ab\"))");
  // a body that assigns its own locals is run by the full evaluator
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((x l)) (cons (string-append x (begin (set! x \"-\") x)) acc))) '())") ==
        "(\"cd-\" \"ab-\")");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (define y (string-append l l)) (cons y acc)) '())") ==
        "(\"cdcd\" \"abab\")");
}

TEST_CASE("mini-eval: a hooked builtin rebound while the stream runs", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("x", "1\n2\n3\n4\n"));
  // rebound from an argument of the call itself
  b.eval("(define saved-nth nth)");
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc l) (cons (nth (list l l) (if (= l \"2\") (begin (set! nth (fn (xs i) :mine)) 0) 0)) acc)) '())") ==
        "(:mine :mine \"2\" \"1\")");
  b.eval("(set! nth saved-nth)");
  // rebound to another builtin, then back
  b.eval("(define saved-max max)");
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc l) (if (= l \"2\") (set! max min) (if (= l \"3\") (set! max saved-max) nil)) (cons (max 3 (string->number l)) acc)) '())") ==
        "(4 3 2 3)");
}

TEST_CASE("mini-eval: errors inside compiled forms", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "1\nx\n3\n"));
  // a failing hook inside a let*, inside a map literal, inside and/or
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let* ((n (string->number l)) (m (+ n 1))) (+ acc m))) 0)") ==
        "Eval error: cannot parse 'x' as number");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) {:a (first l)}) 0)").starts_with("Type error"));
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (and l (or #f (get 5 l)))) 0)").starts_with("Type error"));
  // a keyword called on a non-map, an unbound name, a failing call of a lambda in tail position
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (:k l)) 0)") == "Type error: expected map, got string");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((y l)) (+ acc no-such-name))) 0)") ==
        "Unbound variable: no-such-name");
  b.eval("(define (boom s) (car s))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((s l)) (boom s))) 0)").starts_with("Type error"));
  // the traces (checked equal by Both) of an error a few levels down
  auto r = b.run("(define (outer) (file/fold-lines " + p + " (fn (acc l) (let* ((v (string/upper l))) (if (= v \"X\") (boom 5) acc))) 0)) (outer)");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("boom") != std::string::npos);
  // a caught error inside a let, then the stream goes on
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((v (try (+ 0 (string->number l)) (catch e -1)))) (+ acc v))) 0)") == "3");
}

TEST_CASE("mini-eval: arithmetic, comparisons, min and max on computed floats and ints", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // Each operator below is a value of a map literal (compiled by the
  // mini-eval) and each of its operands is itself a call, so it runs on two
  // owned immediates, through call_hook's intrinsic path.
  std::string p = q(f.write("n.txt", "-0.0\n0.0\nnan\n2.5\n-7\n4611686018427387903\n3\n"));
  const std::string ops =
      "(fn (acc l) (let ((x (string->number l))) (assoc acc l {:add (+ (float x) (float x)) :sub (- (float x) (float 1))"
      " :mul (* (float x) (float -1)) :lt (< (float x) (float 1)) :gt (> (float x) (float 1)) :le (<= (float x) (float 0))"
      " :ge (>= (float x) (float 0)) :eq (= (float x) (float 0)) :min1 (min (float x) (float 0)) :max1 (max (float x) (float 0))"
      " :min2 (min (float 0) (float x)) :max2 (max (float 0) (float x)) :iadd (+ (int x) (int x)) :isub (- (int x) (int 1))"
      " :imul (* (int x) (int 2)) :ilt (< (int x) (int 1)) :ieq (= (int x) (int 3)) :imin (min (int x) (int 0)) :imax (max (int 0) (int x))})))";
  // Both sessions must agree (Both::eval checks it); spot-check the results.
  std::string all = b.eval("(file/fold-lines " + p + " " + ops + " {})");
  CHECK(all.find("\"nan\" {:add NaN") != std::string::npos);
  CHECK(all.find(":iadd 9223372036854775806") != std::string::npos);  // left the immediate range
  // min/max keep the later argument on ties and NaN fails every comparison:
  // the sign of a zero and the NaN's position show which one was kept.
  CHECK(b.eval("(get (file/fold-lines " + p + " " + ops + " {}) \"-0.0\")") ==
        "{:add 0.0 :eq #t :ge #t :gt #f :iadd 0 :ieq #f :ilt #t :imax 0 :imin 0 :imul 0 :isub -1 :le #t :lt #t "
        ":max1 0.0 :max2 -0.0 :min1 0.0 :min2 -0.0 :mul 0.0 :sub -1.0}");
  CHECK(b.eval("(get (file/fold-lines " + p + " " + ops + " {}) \"nan\")").find(":max1 NaN :max2 0.0 :min1 NaN :min2 0.0") !=
        std::string::npos);
}

TEST_CASE("mini-eval: intrinsic calls of leaves and nested ones, on words in place", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("s.txt", "a;1\nb;x\na;2.5\nb;4611686018427387903\n"));
  // Leaf calls whose operand is its variable's last use ((nth parts 1),
  // (get acc k) as acc's last read), and nested calls (an intrinsic of a
  // leaf intrinsic call) with last uses at either level: the slots are
  // emptied only after the intrinsics, so a value that stays unique (the
  // accumulator) is still updated in place by assoc.
  const std::string step =
      "(fn (acc line) (let* ((parts (string/split line \";\")) (k (first parts)) (v (string->number (nth parts 1)))"
      " (old (get acc k)))"
      " (assoc acc k (if (nil? old) {:n 1 :v v :s (list v)}"
      " {:n (+ (get old :n) 1) :lt (< (get old :v) v) :min (min v (get old :v)) :v (+ v (get old :v))"
      " :s (first (list (get old :s)))}))))";
  std::string numbers = q(f.write("n.txt", "a;1\na;2.5\nc;4611686018427387903\nc;3\n"));
  CHECK(b.eval("(file/fold-lines " + numbers + " " + step + " {})") ==
        "{\"a\" {:lt #t :min 1 :n 2 :s (1) :v 3.5} \"c\" {:lt #f :min 3 :n 2 :s (4611686018427387903) "
        ":v 4611686018427387906}}");
  // an error after the intrinsics ran on a line (the trace is checked equal by Both)
  CHECK(b.eval("(file/fold-lines " + p + " " + step + " {})") == "Eval error: cannot parse 'x' as number");
  // an operand an intrinsic leaves to the builtin: the builtin's error
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m {:k l})) (+ acc (+ 1 (get m :k))))) 0)").starts_with("Type error"));
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m {:k l})) (min (get m :k) acc))) 0)").starts_with("Type error"));
  // the same variable read in place twice, its last use in the nested call
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m {:k 2})) (+ acc (* (get m :k) (get m :k))))) 0)") == "16");
  // `get` rebound mid-stream: the nested call and its leaf call resolve it again
  b.eval("(define saved-get get)");
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc l) (let ((m {:k 1})) (if (= l \"b;x\") (set! get (fn (m k) 10)) nil) (cons (+ 1 (get m :k)) acc))) '())") ==
        "(11 11 11 2)");
  b.eval("(set! get saved-get)");
  // `min` rebound by a Full node inside the body (after the call's head was resolved)
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m {:k 1})) (cons (min (get m :k) (begin (if (= l \"a;2.5\") (set! min max) nil) 5)) acc))) '())") ==
        "(5 1 1 1)");
  // (get m :keyword) tries the entry the last lookup found first: maps of
  // other layouts, a miss, a hashmap, a map past the scanned size, a non-map
  std::string k = q(f.write("k.txt", "1\n2\n3\n4\n5\n6\n"));
  b.eval("(define shapes (vector {:a 1 :b 2} {:b 20 :c 30} {:a 100} (hashmap/new)"
         " {:z 9 :y 8 :x 7 :w 6 :v 5 :u 4 :t 3 :s 2 :r 1 :q 0 :p -1 :o -2 :n -3 :m -4 :l -5 :k -6 :b 77} {}))");
  CHECK(b.eval("(file/fold-lines " + k +
               " (fn (acc l) (let ((m (nth shapes (- (string->number l) 1))))"
               " (cons (list (get m :b) (+ 1 (or (get m :a) 0)) (= 20 (get m :b))) acc))) '())") ==
        "((nil 1 #f) (77 1 #f) (nil 1 #f) (nil 101 #f) (20 1 #t) (2 2 #f))");
  CHECK(b.eval("(file/fold-lines " + k + " (fn (acc l) (let ((m (if (= l \"3\") (list 1 2) {:b 1}))) (+ acc (get m :b)))) 0)") ==
        "Type error: expected map or hashmap, got list");
}

TEST_CASE("mini-eval: map literals of more than eight computed values", "[plugin:fastio]") {
  // Up to eight values are collected on the stack, more on the heap; an
  // error in any value drops the ones computed before it.
  Both b;
  Files f;
  std::string p = q(f.write("n.txt", "1\n2\n3\n"));
  const std::string ten =
      "{:a n :b (+ n 1) :c (+ n 2) :d (+ n 3) :e (+ n 4) :f (+ n 5) :g (+ n 6) :h (+ n 7) :i (+ n 8) :j line}";
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc line) (let ((n (string->number line))) " + ten + ")) nil)") ==
        "{:a 3 :b 4 :c 5 :d 6 :e 7 :f 8 :g 9 :h 10 :i 11 :j \"3\"}");
  const std::string eight = "{:a n :b (+ n 1) :c (+ n 2) :d (+ n 3) :e (+ n 4) :f (+ n 5) :g (+ n 6) :h line}";
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc line) (let ((n (string->number line))) " + eight + ")) nil)") ==
        "{:a 3 :b 4 :c 5 :d 6 :e 7 :f 8 :g 9 :h \"3\"}");
  for (const char* bad : {"(+ n line)", "(string-append line (+ line 1))"}) {
    std::string with_error = "{:a line :b (+ n 1) :c (list n) :d (+ n 3) :e (+ n 4) :f (+ n 5) :g (+ n 6) :h (+ n 7) :i " +
                             std::string(bad) + " :j line}";
    std::string r = b.eval("(file/fold-lines " + p + " (fn (acc line) (let ((n (string->number line))) " + with_error +
                           ")) nil)");
    CHECK(r == "Type error: expected number, got string");
  }
}

TEST_CASE("mini-eval: an intrinsic of a keyword get on a variable, the entry read in place", "[plugin:fastio]") {
  // (op atom (get m :k)) with m a variable: the entry the hint points at is
  // read borrowed and the intrinsic's number cases run inline; a miss, a
  // mixed or non-number operand, a non-map or a rebinding runs the call the
  // general way, from the start.
  Both b("math");
  Files f;
  std::string p = q(f.write("v.txt", "n;1\nn;2.5\nn;-0.0\nn;nan\nn;4611686018427387903\nn;-7\nw;3\nn;0.5\n"));
  // The values of a compiled map literal (an argument of assoc; cons is not
  // hooked, so under it the evaluator would run them).
  const std::string step =
      "(fn (acc line) (let* ((parts (string/split line \";\")) (v (string->number (nth parts 1)))"
      " (m (if (= (first parts) \"w\") {:w 0 :z 1 :v v} {:v v :w 0})) (x 2))"
      " (assoc acc line {:add (+ x (get m :v)) :fadd (+ 0.5 (get m :v)) :sub (- 1.5 (get m :v)) :mul (* x (get m :v))"
      " :lt (< x (get m :v)) :gt (> 2.0 (get m :v)) :le (<= x (get m :v)) :ge (>= 1.0 (get m :v))"
      " :min (min x (get m :v)) :fmin (min -0.0 (get m :v)) :max (max 0.0 (get m :v)) :eq (= x (get m :v))"
      " :miss (+ 1 (or (get m :nope) 0))})))";
  std::string all = b.eval("(file/fold-lines " + p + " " + step + " {})");
  // Both sessions must agree (Both::eval checks it); spot-check the results:
  // the int/float mixes, the sign of zeros, NaN, a sum past the immediates,
  // and the line whose map has another layout.
  CHECK(all.find("\"n;-0.0\" {:add 2.0 :eq #f :fadd 0.5 :fmin -0.0 :ge #t :gt #t :le #f :lt #f :max -0.0 :min -0.0 :miss 1 "
                 ":mul -0.0 :sub 1.5}") != std::string::npos);
  CHECK(all.find("\"n;1\" {:add 3 :eq #f :fadd 1.5 :fmin -0.0 :ge #t :gt #t :le #f :lt #f :max 1 :min 1 :miss 1 :mul 2 "
                 ":sub 0.5}") != std::string::npos);
  CHECK(all.find("\"n;4611686018427387903\" {:add 4611686018427387905 :eq #f :fadd 4611686018427387904.0") != std::string::npos);
  CHECK(all.find("\"n;nan\" {:add NaN :eq #f :fadd NaN :fmin -0.0 :ge #f :gt #f :le #f :lt #f :max 0.0 :min 2") !=
        std::string::npos);
  CHECK(all.find("\"w;3\" {:add 5 :eq #f :fadd 3.5 :fmin -0.0 :ge #f :gt #f :le #t :lt #t :max 3 :min 2 :miss 1 :mul 6 "
                 ":sub -1.5}") != std::string::npos);
  // the entry is not a number, the variable not a map: the builtin's error
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m {:v (nth (string/split l \";\") 1)})) (+ 1 (get m :v)))) 0)") ==
        "Type error: expected number, got string");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m (if (= l \"n;nan\") (list 1) {:v 1}))) (+ acc (get m :v)))) 0)") ==
        "Type error: expected map or hashmap, got list");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m (if (= l \"n;nan\") nil {:v 1}))) (max acc (get m :v)))) 0)")
            .starts_with("Type error"));
  // a hashmap and a map past the scanned size: not the in-place read
  b.eval("(define hm (hashmap/assoc (hashmap/new) :v 5))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m (if (= l \"w;3\") hm {:v 1}))) (+ acc (get m :v)))) 0)") == "12");
  // `+` rebound by a Full node inside the body, then back
  b.eval("(define saved-plus +)");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m {:v 1})) (if (= l \"n;nan\") (set! + -) nil)"
               " (assoc acc l (+ 10 (get m :v))))) {})") ==
        "{\"n;-0.0\" 11 \"n;-7\" 9 \"n;0.5\" 9 \"n;1\" 11 \"n;2.5\" 11 \"n;4611686018427387903\" 9 \"n;nan\" 9 \"w;3\" 9}");
  b.eval("(set! + saved-plus)");
}

TEST_CASE("mini-eval: chains of one-argument intrinsics on words in place", "[plugin:fastio]") {
  // (f (g (leaf …))) of builtins with intrinsics, as values of a compiled
  // map literal: computed on words in place, the last-use slots emptied
  // after all of them; an intrinsic that leaves its case to the builtin, a
  // rebinding or a chain past four calls runs the general way.
  Both b;
  Files f;
  std::string p = q(f.write("c.txt", "a;b\n;x\nc\n\n"));
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc l) (let ((parts (string/split l \";\")) (nested (list (list l) 2)))"
               " (assoc acc l {:a (not (nil? (first parts))) :b (nil? (first (first nested))) :c (first (first nested))"
               " :d (not (not (not (not (nil? (nth parts 0))))))}))) {})") ==
        "{\"\" {:a #t :b #f :c \"\" :d #f} \";x\" {:a #t :b #f :c \";x\" :d #f} \"a;b\" {:a #t :b #f :c \"a;b\" :d #f} "
        "\"c\" {:a #t :b #f :c \"c\" :d #f}}");
  // a chain whose variable read is its last use (the list is freed after)
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((xs (list (list l)))) (assoc acc l {:v (first (first xs))}))) {})") ==
        "{\"\" {:v \"\"} \";x\" {:v \";x\"} \"a;b\" {:v \"a;b\"} \"c\" {:v \"c\"}}");
  // the inner call's result is not a list: first's builtin fails (the
  // traces are checked equal by Both)
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((xs (list l))) (assoc acc l {:v (first (first xs))}))) {})") ==
        "Type error: expected list or vector, got string");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((m {:k l})) (assoc acc l {:v (nil? (first (get m :k)))}))) {})") ==
        "Type error: expected list or vector, got string");
  // `first` rebound by a Full node inside the body, then back
  b.eval("(define saved-first first)");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((xs (list (list l)))) (if (= l \"c\") (set! first (fn (x) :mine)) nil)"
               " (assoc acc l {:v (first (first xs))}))) {})") ==
        "{\"\" {:v :mine} \";x\" {:v \";x\"} \"a;b\" {:v \"a;b\"} \"c\" {:v :mine}}");
  b.eval("(set! first saved-first)");
}
