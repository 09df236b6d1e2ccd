// fastio plugin: callbacks run through the runtime's fastcall (a frame reused
// for pure bodies, the accumulator moved into the call) and must behave like
// ordinary calls with a fresh frame each (stdlib.md §1.8, §5.5; decisions #10).
#include "fastio_test.hpp"

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::q;

TEST_CASE("closures made in the callback keep their own line", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "a\nb\nc\n"));
  // (append, not cons: a closure consed onto the accumulator it captures
  // closes a reference cycle through the shared list store, which
  // refcounting cannot free — tests/hostile/lsan.supp, "KNOWN CYCLE")
  CHECK(b.eval("(begin (define fs (file/fold-lines " + p + " (fn (acc line) (append acc (list (fn () line)))) '())) (map (fn (g) (g)) fs))") ==
        "(\"a\" \"b\" \"c\")");
  // a let-bound local captured, and the parameter changed with set! afterwards
  CHECK(b.eval("(begin (define fs (file/fold-lines " + p +
               " (fn (acc line) (let ((u (string/upper line))) (let ((g (fn () (list u line)))) (set! line \"?\") (append acc (list g))))) '())) (map (fn (g) (g)) fs))") ==
        "((\"A\" \"?\") (\"B\" \"?\") (\"C\" \"?\"))");
  // for-each-line storing closures in a global
  CHECK(b.eval("(begin (define gs '()) (file/for-each-line " + p + " (fn (l) (set! gs (cons (fn (s) (string-append l s)) gs)))) (map (fn (g) (g \"!\")) gs))") ==
        "(\"c!\" \"b!\" \"a!\")");
  // a closure made only on some lines (the other lines' frames are pure-looking)
  CHECK(b.eval("(begin (define keep nil) (file/for-each-line " + p + " (fn (l) (if (= l \"a\") (set! keep (fn () l)) nil))) (keep))") ==
        "\"a\"");
  // a promise made in the callback
  CHECK(b.eval("(begin (define ps (file/fold-lines " + p + " (fn (acc l) (append acc (list (delay (string-append l l))))) '())) (map (fn (x) (force x)) ps))") ==
        "(\"aa\" \"bb\" \"cc\")");
}

TEST_CASE("locals do not leak from one line's call into the next", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "first\nsecond\nthird\n"));
  b.eval("(define x :global)");
  // an internal define on the first line only: later lines see the global
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (begin (if (= l \"first\") (define x l) nil) (cons x acc))) '())") ==
        "(:global :global \"first\")");
  CHECK(b.eval("x") == ":global");
  // an internal define that every line makes, read before it is made
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((before x)) (define x l) (cons (list before x) acc))) '())") ==
        "((:global \"third\") (:global \"second\") (:global \"first\"))");
  // let-bound locals and set! on parameters start over each line
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((n 0)) (set! n (+ n (string-length l))) (set! acc (cons n acc)) acc)) '())") ==
        "(5 6 5)");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (begin (set! l (string-append l \"+\")) (cons l acc))) '())") ==
        "(\"third+\" \"second+\" \"first+\")");
  // a do loop local
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (do ((i 0 (+ i 1)) (s \"\" (string-append s l))) ((= i 2) (cons s acc)))) '())") ==
        "(\"thirdthird\" \"secondsecond\" \"firstfirst\")");
}

TEST_CASE("recursive callbacks and nested line streams", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "banana\napple\ncherry\n"));
  // a named callback that calls itself (tail and non-tail)
  b.eval("(define (count-a acc l) (if (= l \"\") acc (count-a (if (string/starts-with? l \"a\") (+ acc 1) acc) (substring l 1))))");
  CHECK(b.eval("(file/fold-lines " + p + " count-a 0)") == "4");
  b.eval("(define (len acc l) (if (= l \"\") acc (+ 1 (len acc (substring l 1)))))");
  CHECK(b.eval("(file/fold-lines " + p + " len 0)") == "17");
  // a self-reference through its own name in a callback defined by a named let
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let loop ((i 0) (a acc)) (if (= i (string-length l)) a (loop (+ i 1) (+ a 1))))) 0)") ==
        "17");
  // a callback that streams the same file again (nested fastcalls)
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (cons (file/fold-lines " + p + " (fn (a m) (if (= l m) (+ a 1) a)) 0) acc)) '())") ==
        "(1 1 1)");
  CHECK(b.eval("(begin (define pairs 0) (file/for-each-line " + p + " (fn (l) (file/for-each-line " + p + " (fn (m) (set! pairs (+ pairs 1)))))) pairs)") ==
        "9");
  // the same procedure as outer and inner callback
  b.eval("(define (sizes acc l) (+ acc (string-length l)))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (+ acc (file/fold-lines " + p + " sizes 0))) 0)") == "51");
  // the callback recurses into the fold on its own line list
  b.eval("(define (walk acc l) (if (null? acc) (list l) (cons l acc)))");
  CHECK(b.eval("(file/fold-lines " + p + " walk '())") == "(\"cherry\" \"apple\" \"banana\")");
}

TEST_CASE("builtins and named procedures as callbacks", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "a\nbb\nccc\n"));
  CHECK(b.eval("(file/fold-lines " + p + " cons '())") == "(((() \"a\") \"bb\") \"ccc\")");
  CHECK(b.eval("(file/fold-lines " + p + " string-append \">\")") == "\">abbccc\"");
  CHECK(b.eval("(file/fold-lines " + p + " str 1)") == "\"1abbccc\"");
  CHECK(b.eval("(file/fold-lines " + p + " + 0)") == "Type error: expected number, got string");
  CHECK(b.eval("(file/fold-lines " + p + " list nil)") == "(((nil \"a\") \"bb\") \"ccc\")");
  CHECK(b.out("(file/for-each-line " + p + " println)") == "a\nbb\nccc\n");
  CHECK(b.out("(file/for-each-line " + p + " display)") == "abbccc");
  CHECK(b.eval("(file/for-each-line " + p + " string-length)") == "nil");
  CHECK(b.eval("(file/for-each-line " + p + " string/upper)") == "nil");
  CHECK(b.eval("(file/for-each-line " + p + " string->number)") == "Eval error: cannot parse 'a' as number");
  CHECK(b.eval("(file/for-each-line " + p + " car)") == "Type error: expected list or vector, got string");
  CHECK(b.eval("(file/fold-lines " + p + " string-length 0)") == "Arity error: string-length expects 1 args, got 2");
  // named procedures, one with an internal helper
  b.eval("(define (push acc l) (cons (string/upper l) acc))");
  CHECK(b.eval("(file/fold-lines " + p + " push '())") == "(\"CCC\" \"BB\" \"A\")");
  b.eval("(define (total acc l) (define (w s) (string-length s)) (+ acc (w l)))");
  CHECK(b.eval("(file/fold-lines " + p + " total 0)") == "6");
  b.eval("(define shout (fn (l) (println (string-append l \"!\"))))");
  CHECK(b.out("(file/for-each-line " + p + " shout)") == "a!\nbb!\nccc!\n");
  // a closure over a counter built outside
  b.eval("(define (counter) (let ((n 0)) (fn (l) (set! n (+ n 1)) n)))");
  CHECK(b.eval("(let ((c (counter))) (file/for-each-line " + p + " c) (c \"x\"))") == "4");
  // a keyword accessor is not a procedure
  CHECK(b.eval("(file/fold-lines " + p + " :a {})") == "Eval error: not callable: :a (keyword)");
}

TEST_CASE("the accumulator: in-place updates never touch a retained value", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("m.txt", "a;1\nb;2\na;3\nc;4\n"));
  const std::string step =
      "(fn (acc line) (let* ((parts (string/split line \";\")) (k (first parts)) (v (string->number (nth parts 1))) (old (get acc k)))"
      " (assoc acc k (if old (+ old v) v))))";
  CHECK(b.eval("(file/fold-lines " + p + " " + step + " {})") == "{\"a\" 4 \"b\" 2 \"c\" 4}");
  // the initial map held by a global is unchanged afterwards
  b.eval("(define init {\"z\" 0})");
  CHECK(b.eval("(file/fold-lines " + p + " " + step + " init)") == "{\"a\" 4 \"b\" 2 \"c\" 4 \"z\" 0}");
  CHECK(b.eval("init") == "{\"z\" 0}");
  // every intermediate accumulator kept by the callback stays as it was
  CHECK(b.eval("(begin (define snaps '()) (file/fold-lines " + p +
               " (fn (acc line) (set! snaps (cons acc snaps)) (assoc acc line (count acc))) {}) (reverse snaps))") ==
        "({} {\"a;1\" 0} {\"a;1\" 0 \"b;2\" 1} {\"a;1\" 0 \"a;3\" 2 \"b;2\" 1})");
  // a hashmap accumulator held elsewhere
  b.eval("(define h (hashmap/new \"seed\" 1))");
  CHECK(b.eval("(count (file/fold-lines " + p + " (fn (acc l) (assoc acc l #t)) h))") == "5");
  CHECK(b.eval("(count h)") == "1");
  CHECK(b.eval("(hashmap/get h \"a;1\")") == "nil");
  // a map literal as init: running the same code again starts from the literal
  b.eval("(define (run) (file/fold-lines " + p + " (fn (acc l) (assoc acc (first (string/split l \";\")) l)) {:lit 1}))");
  CHECK(b.eval("(run)") == "{\"a\" \"a;3\" \"b\" \"b;2\" \"c\" \"c;4\" :lit 1}");
  CHECK(b.eval("(run)") == "{\"a\" \"a;3\" \"b\" \"b;2\" \"c\" \"c;4\" :lit 1}");
  // a literal inside the callback body is not updated in place across lines
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (cons (assoc {:base 0} :line l) acc)) '())") ==
        "({:base 0 :line \"c;4\"} {:base 0 :line \"a;3\"} {:base 0 :line \"b;2\"} {:base 0 :line \"a;1\"})");
  // the accumulator also captured by a closure
  CHECK(b.eval("(begin (define seen-acc nil) (define res (file/fold-lines " + p +
               " (fn (acc l) (if (= l \"b;2\") (set! seen-acc (fn () acc)) nil) (assoc acc l 1)) {})) (list (count res) (seen-acc)))") ==
        "(4 {\"a;1\" 1})");
  // a list accumulator shared with a global
  b.eval("(define l0 '(0))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (append acc (list (string-length l)))) l0)") == "(0 3 3 3 3)");
  CHECK(b.eval("l0") == "(0)");
  // the same accumulator value is returned for an empty file, and unchanged
  std::string empty = q(f.write("empty", ""));
  CHECK(b.eval("(eq? init (file/fold-lines " + empty + " " + step + " init))") == "#t");
}

TEST_CASE("globals redefined during the stream are seen by later lines", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "1\n2\n3\n4\n"));
  // a user procedure replaced on line 2
  b.eval("(define (bump a) (+ a 1))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"2\") (set! bump (fn (a) (* a 100))) nil) (bump acc)) 0)") ==
        "1000000");
  // a builtin (with a fast hook) replaced mid-stream by a lambda
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"3\") (set! string-length (fn (s) 1000)) nil) (+ acc (string-length l))) 0)") ==
        "2002");
  CHECK(b.eval("(string-length \"abc\")") == "1000");
  // + itself replaced by - from line 3 on
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"3\") (set! + -) nil) (+ acc (string->number l))) 100)") ==
        "96");
  CHECK(b.eval("(+ 5 1)") == "4");
  // a redefinition by define at top level between two streams
  b.eval("(define (step acc l) (cons l acc))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (step acc l)) '())") == "(\"4\" \"3\" \"2\" \"1\")");
  b.eval("(define (step acc l) (cons (string->number l) acc))");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (step acc l)) '())") == "(4 3 2 1)");
  // the callback's global redefined mid-stream: the stream keeps the value it got
  b.eval("(define cb (fn (acc l) (if (= l \"2\") (set! cb (fn (a m) :replaced)) nil) (cons l acc)))");
  CHECK(b.eval("(file/fold-lines " + p + " cb '())") == "(\"4\" \"3\" \"2\" \"1\")");
  CHECK(b.eval("(cb 0 \"x\")") == ":replaced");
  // inside (define (name …) …) the name is the procedure itself: set! changes only that binding
  b.eval("(define (cb2 acc l) (if (= l \"2\") (set! cb2 (fn (a m) :replaced)) nil) (cons l acc))");
  CHECK(b.eval("(file/fold-lines " + p + " cb2 '())") == "(\"4\" \"3\" \"2\" \"1\")");
  CHECK(b.eval("(cb2 0 \"x\")") == "(\"x\" 0)");
  // shadowing a builtin's name inside the callback is respected
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc first) (cons first acc)) '())") == "(\"4\" \"3\" \"2\" \"1\")");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (let ((string->number (fn (s) (string-append s s)))) (cons (string->number l) acc))) '())") ==
        "(\"44\" \"33\" \"22\" \"11\")");
}

TEST_CASE("try/catch inside the callback", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "1\ntwo\n3\nfour\n"));
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (try (+ acc (string->number l)) (catch e (+ acc 1000)))) 0)") ==
        "2004");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (try (if (string/number? l) acc (throw l)) (catch e (cons (:value e) acc)))) '())") ==
        "(\"four\" \"two\")");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (try (+ 1 (error l)) (catch e (cons (list (:type e) (:message e)) acc)))) '())") ==
        "((:eval \"four\") (:eval \"3\") (:eval \"two\") (:eval \"1\"))");
  // the caught error's trace, then a rethrow that ends the stream
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (try (car l) (catch e (cons (map (fn (fr) (:name fr)) (:stack-trace e)) acc)))) '())") ==
        "((\"car\" \"file/fold-lines\") (\"car\" \"file/fold-lines\") (\"car\" \"file/fold-lines\") (\"car\" \"file/fold-lines\"))");
  CHECK(b.eval("(try (file/fold-lines " + p + " (fn (acc l) (try (+ acc (string->number l)) (catch e (throw (list :rethrown l acc))))) 0) (catch e (:value e)))") ==
        "(:rethrown \"two\" 1)");
  // an error caught inside, and the stream goes on with the accumulator
  CHECK(b.eval("(begin (define errs 0) (file/for-each-line " + p + " (fn (l) (try (string->number (error \"x\")) (catch e (set! errs (+ errs 1)))))) errs)") ==
        "4");
}

TEST_CASE("for-each-line: side effects and its nil result", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "10\n20\n30\n"));
  CHECK(b.eval("(begin (define n 0) (define total 0) (file/for-each-line " + p +
               " (fn (l) (set! n (+ n 1)) (set! total (+ total (string->number l))))))") == "nil");
  CHECK(b.eval("(list n total)") == "(3 60)");
  // the callback's values are dropped: nil even when it returns things
  CHECK(b.eval("(file/for-each-line " + p + " (fn (l) l))") == "nil");
  CHECK(b.eval("(file/for-each-line " + p + " (fn (l) {:big (list l l)}))") == "nil");
  CHECK(b.eval("(nil? (file/for-each-line " + p + " string/upper))") == "#t");
  auto r = b.run("(file/for-each-line " + p + " (fn (l) 1))");
  CHECK(r.ok);
  CHECK(r.is_nil);
  // printing and building output in order
  CHECK(b.out("(file/for-each-line " + p + " (fn (l) (println (* 2 (string->number l)))))") == "20\n40\n60\n");
  CHECK(b.eval("(begin (define acc '()) (file/for-each-line " + p + " (fn (l) (set! acc (cons l acc)))) acc)") ==
        "(\"30\" \"20\" \"10\")");
  // a map updated through a global on each line
  CHECK(b.eval("(begin (define m {}) (file/for-each-line " + p + " (fn (l) (set! m (assoc m l (count m))))) m)") ==
        "{\"10\" 0 \"20\" 1 \"30\" 2}");
  // a global set from inside the callback via eval (eval makes the body impure)
  CHECK(b.eval("(begin (define last-line nil) (file/for-each-line " + p + " (fn (l) (eval (list 'set! 'last-line l)))) last-line)") == "\"30\"");
  // fold-lines returns the callback's last value, whatever it is
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) nil) 0)") == "nil");
  CHECK(b.eval("(file/fold-lines " + p + " (fn (acc l) (if (= l \"20\") #f acc)) :x)") == "#f");
}

TEST_CASE("the depth limit is reached at the same nesting as with plain calls", "[plugin:fastio]") {
  Both b;
  Files f;
  std::string p = q(f.write("x", "1\n2\n"));
  // the stream started at increasing depths; its callback calls a lambda
  b.eval("(define (g a) (+ a 1))");
  b.eval("(define (nest k) (if (= k 0) (file/fold-lines " + p + " (fn (acc l) (g acc)) 0) (+ 0 (nest (- k 1)))))");
  b.eval("(define (probe k) (try (nest k) (catch e :deep)))");
  // Both compares every outcome; the edge is where the results switch.
  CHECK(b.eval("(map probe '(9990 9994 9995 9996 9997 9998 9999 10000 10001))") ==
        "(2 2 2 2 2 :deep :deep :deep :deep)");
  CHECK(b.eval("(nest 10)") == "2");
  CHECK(b.eval("(nest 20000)") == "Eval error: maximum eval depth exceeded (10000)");
  // a self-recursive callback near the limit inside the stream
  b.eval("(define (down k l) (if (= k 0) 0 (+ 1 (down (- k 1) l))))");
  CHECK(b.eval("(map (fn (k) (try (file/fold-lines " + p + " (fn (a l) (down k l)) 0) (catch e :deep))) '(1 9990 9996 9997 9998 9999 10000))") ==
        "(1 9990 9996 9997 9998 :deep :deep)");
  // and inside a nested stream
  CHECK(b.eval("(map (fn (k) (try (file/fold-lines " + p + " (fn (a l) (+ a (file/fold-lines " + p +
               " (fn (b m) (down k m)) 0))) 0) (catch e :deep))) '(9990 9996 9997 9998 9999 10000))") ==
        "(19980 19992 19994 :deep :deep :deep)");
}

TEST_CASE("a file that grows while it is streamed", "[plugin:fastio]") {
  Both b;
  Files f;
  // The callback appends to the file it reads: both versions read on after
  // the lines they have, so the appended lines are delivered too.
  std::string path = f.write("grow", "a\nb\n");
  std::string p = q(path);
  // (each session runs the whole program, so it first resets the file)
  CHECK(b.eval("(begin (file/write " + p + " \"a\\nb\\n\") (file/fold-lines " + p + " (fn (acc l) (if (= l \"a\") (file/append " + p + " \"c\\n\") nil) (cons l acc)) '()))") ==
        "(\"c\" \"b\" \"a\")");
  CHECK(b.eval("(begin (file/write " + p + " \"1\\n\") (define k 0) (file/for-each-line " + p +
               " (fn (l) (set! k (+ k 1)) (if (< k 5) (file/append " + p + " (string-append (number->string k) \"\\n\")) nil))) k)") ==
        "5");
}

TEST_CASE("an interrupt pending when the stream starts stops it", "[plugin:fastio]") {
  Files f;
  std::string p = q(f.write("x", "1\n2\n3\n"));
  std::string empty = q(f.write("empty", ""));
  for (const char* plugins : {fastio_test::kFastPlugins, fastio_test::kPlainPlugins}) {
    INFO(plugins);
    sema::test::Session s(plugins);
    s.eval("(define n 0)");
    s.runtime().interrupt();
    CHECK(s.eval("(file/for-each-line " + p + " (fn (l) (set! n (+ n 1))))") == "Eval error: interrupted");
    CHECK(s.eval("n") == "0");  // the flag is cleared after the chunk
    s.runtime().interrupt();
    CHECK(s.eval("(file/fold-lines " + p + " + 0)") == "Eval error: interrupted");
    s.runtime().interrupt();
    CHECK(s.eval("(file/fold-lines " + empty + " + :init)") == ":init");
  }
}
