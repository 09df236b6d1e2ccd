// Evaluator: evaluation rules, special forms and their error messages
// (language.md §4 as amended by decisions.md).
#include "test_eval_support.hpp"

#include <catch2/catch.hpp>

using sema::evaltest::TestInterp;

TEST_CASE("self-evaluating values, symbols, () and literals", "[eval]") {
  TestInterp t;
  CHECK(t.eval("42") == "42");
  CHECK(t.eval("\"hi\"") == "\"hi\"");
  CHECK(t.eval(":k") == ":k");
  CHECK(t.eval("()") == "nil");
  CHECK(t.eval("(list () '())") == "(nil ())");
  CHECK(t.eval("[1 (+ 1 1) 3]") == "[1 2 3]");
  CHECK(t.eval("{:b (+ 1 1) :a 1}") == "{:a 1 :b 2}");
  CHECK(t.eval("'[a (b c)]") == "[a (b c)]");
  CHECK(t.eval("foo") == "Unbound variable: foo");
  CHECK(t.eval("") == "nil");
}

TEST_CASE("map literal forms are evaluated in the order of their unevaluated keys", "[eval]") {
  TestInterp t;
  t.eval("{:b (out \"b\") :a (out \"a\")}");
  CHECK(t.out == "a\nb\n");
}

TEST_CASE("top-level definitions persist across chunks", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(define x 2) (* x 3)") == "6");
  CHECK(t.eval("x") == "2");
  CHECK(t.eval("(define (f) (g)) nil") == "nil");
  CHECK(t.eval("(define (g) 7) (f)") == "7");
  CHECK(t.eval("(define x 1)") == "nil");
}

TEST_CASE("calls: natives, lambdas, keywords, not callable", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(+ 1 2)") == "3");
  CHECK(t.eval("((fn (x y) (+ x y)) 1 2)") == "3");
  CHECK(t.eval("((lambda [x] (* x x)) 5)") == "25");
  CHECK(t.eval("(:a {:a 1})") == "1");
  CHECK(t.eval("(:z {:a 1})") == "nil");
  CHECK(t.eval("(:a [1])") == "Type error: expected map, got vector");
  CHECK(t.eval("(:a {:a 1} 0)") == "Arity error: :a expects 1 args, got 2");
  CHECK(t.eval("(:a (out \"x\") 0)") == "Arity error: :a expects 1 args, got 2");
  CHECK(t.out.empty());  // the arity check happens before the argument is evaluated
  CHECK(t.eval("({:a 1} :a)") == "Eval error: not callable: {:a 1} (map)");
  CHECK(t.eval("(\"f\")") == "Eval error: not callable: \"f\" (string)");
  CHECK(t.eval("(nil)") == "Eval error: not callable: nil (nil)");
  CHECK(t.eval("(+ 1 \"a\")") == "Type error: expected number, got string");
  CHECK(t.eval("(silent)") == "Eval error: builtin silent failed without an error message");
  CHECK(t.eval("(cons 1)") == "Arity error: cons expects 2 args, got 1");
  CHECK(t.eval("(-)") == "Arity error: - expects 1+ args, got 0");
}

TEST_CASE("lambda parameters, rest, arity errors and self names", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(define (f a b . r) (list a b r)) (f 1 2 3 4)") == "(1 2 (3 4))");
  CHECK(t.eval("(f 1 2)") == "(1 2 ())");
  CHECK(t.eval("(f 1)") == "Arity error: f expects 2+ args, got 1");
  CHECK(t.eval("((lambda (. args) args))") == "()");
  CHECK(t.eval("((fn (x y) x) 1)") == "Arity error: lambda expects 2 args, got 1");
  CHECK(t.eval("(define (h h) h) (h 1)") == "<lambda h>");
  CHECK(t.eval("(fn (x) x)") == "<lambda>");
  CHECK(t.eval("(define k (lambda (x) x)) k") == "<lambda>");
  CHECK(t.eval("((lambda (a a) a) 1 2)") == "2");
  CHECK(t.eval("(lambda args 1)") == "Type error: expected list or vector, got symbol");
  CHECK(t.eval("(lambda (1) 1)") == "Eval error: lambda: parameter must be a symbol");
  CHECK(t.eval("(lambda (x))") == "Arity error: lambda expects 2+ args, got 1");
  CHECK(t.eval("(fn (x))") == "Arity error: lambda expects 2+ args, got 1");
}

TEST_CASE("define and set! errors", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(define)") == "Arity error: define expects 2+ args, got 0");
  CHECK(t.eval("(define x)") == "Arity error: define expects 2 args, got 1");
  CHECK(t.eval("(define x 1 2)") == "Arity error: define expects 2 args, got 3");
  CHECK(t.eval("(define 5 1)") == "Type error: expected symbol or list, got int");
  CHECK(t.eval("(define () 1)") == "Eval error: define: empty function signature");
  CHECK(t.eval("(define (1 x) 1)") == "Eval error: define: function name must be a symbol");
  CHECK(t.eval("(define (f 1) 1)") == "Eval error: define: parameter must be a symbol");
  CHECK(t.eval("(define (f x))") == "Eval error: define: function body cannot be empty");
  CHECK(t.eval("(set! nope 1)") == "Unbound variable: nope");
  CHECK(t.eval("(set! 1 1)") == "Eval error: set!: first argument must be a symbol");
  CHECK(t.eval("(set! a)") == "Arity error: set! expects 2 args, got 1");
  CHECK(t.eval("(defun sq (x) (* x x)) (sq 4)") == "16");
  CHECK(t.eval("sq") == "<lambda sq>");
  CHECK(t.eval("(defun 1 (x) x)") == "Type error: expected symbol, got int");
  CHECK(t.eval("(defun f x x)") == "Type error: expected list, got symbol");
  CHECK(t.eval("(defun f (x))") == "Arity error: defun expects 3+ args, got 2");
  // Malformed forms only fail when evaluated.
  CHECK(t.eval("(if #f (if) 1)") == "1");
}

TEST_CASE("closures capture by reference; set! on captured variables", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(define (counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))"
               "(define c (counter)) (c) (c) (c)") == "3");
  CHECK(t.eval("(define c2 (counter)) (c2)") == "1");
  CHECK(t.eval("(define y 1) (define (gy) y) (set! y 5) (gy)") == "5");
  CHECK(t.eval("(let ((a 1)) (define (get) a) (set! a 9) (get))") == "9");
}

TEST_CASE("if, cond, case, and, or, when, unless, begin", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(if #f 1)") == "nil");
  CHECK(t.eval("(if 0 1 2)") == "1");
  CHECK(t.eval("(if)") == "Arity error: if expects 2 or 3 args, got 0");
  CHECK(t.eval("(if 1 2 3 4)") == "Arity error: if expects 2 or 3 args, got 4");
  CHECK(t.eval("(cond (#f 1) (else 2))") == "2");
  CHECK(t.eval("(cond (1))") == "#t");
  CHECK(t.eval("(cond (#f 1))") == "nil");
  CHECK(t.eval("(cond (#f 1) (2 3 4))") == "4");
  CHECK(t.eval("(cond 5)") == "Eval error: cond clause must be a list");
  CHECK(t.eval("(cond ())") == "Eval error: cond clause must not be empty");
  CHECK(t.eval("(cond (#t 1) 5)") == "1");
  CHECK(t.eval("(case 2 ((1) :a) ((2 3) :b) (else :c))") == ":b");
  CHECK(t.eval("(case 9 ((1) :a) (else :c))") == ":c");
  CHECK(t.eval("(case 1.0 ((1) :a))") == "nil");
  CHECK(t.eval("(case '(1 2) (((1 2)) :yes))") == ":yes");
  CHECK(t.eval("(case 1 ((1)))") == "nil");
  CHECK(t.eval("(case 1)") == "Arity error: case expects 2+ args, got 1");
  CHECK(t.eval("(case 1 5)") == "Eval error: case: clause must be a list");
  CHECK(t.eval("(case 1 ())") == "Eval error: case: clause must not be empty");
  CHECK(t.eval("(case 1 (1 2))") == "Eval error: case: datums must be a list");
  CHECK(t.eval("(and)") == "#t");
  CHECK(t.eval("(or)") == "#f");
  CHECK(t.eval("(and 1 #f 3)") == "#f");
  CHECK(t.eval("(and 1 2 3)") == "3");
  CHECK(t.eval("(or #f nil)") == "nil");
  CHECK(t.eval("(or #f 2 (error \"no\"))") == "2");
  CHECK(t.eval("(when #t 1 2)") == "2");
  CHECK(t.eval("(when #f 1)") == "nil");
  CHECK(t.eval("(when #t)") == "Arity error: when expects 2+ args, got 1");
  CHECK(t.eval("(unless #f 1 2)") == "2");
  CHECK(t.eval("(unless #t 1)") == "nil");
  CHECK(t.eval("(begin)") == "nil");
  CHECK(t.eval("(begin 1 2 3)") == "3");
}

TEST_CASE("let family, named let, do", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(let ((x 1) (y 2)) (+ x y))") == "3");
  CHECK(t.eval("(define x 10) (let ((x 1) (y x)) y)") == "10");
  CHECK(t.eval("(let* ((x 1) (x (+ x 1))) x)") == "2");
  CHECK(t.eval("(let* ((a 1) (b (+ a 1))) (list a b))") == "(1 2)");
  CHECK(t.eval("(letrec ((a b) (b 2)) (list a b))") == "(nil 2)");
  CHECK(t.eval("(letrec ((ev? (fn (n) (if (= n 0) #t (od? (- n 1))))) (od? (fn (n) (if (= n 0) #f (ev? (- n 1))))))"
               " (ev? 100))") == "#t");
  CHECK(t.eval("(let loop ((i 0) (acc (quote ()))) (if (= i 3) acc (loop (+ i 1) (cons i acc))))") == "(2 1 0)");
  CHECK(t.eval("(let loop ((i 0)) loop)") == "<lambda loop>");
  CHECK(t.eval("(let)") == "Arity error: let expects 2+ args, got 0");
  CHECK(t.eval("(let ((x 1)))") == "Arity error: let expects 2+ args, got 1");
  CHECK(t.eval("(let [(x 1)] x)") == "Eval error: let: bindings must be a list");
  CHECK(t.eval("(let (x) x)") == "Eval error: let: each binding must be a list");
  CHECK(t.eval("(let ((x)) x)") == "Eval error: let: each binding must have 2 elements");
  CHECK(t.eval("(let ((1 2)) 1)") == "Eval error: let: binding name must be a symbol");
  CHECK(t.eval("(let* ((x)) x)") == "Eval error: let*: each binding must have 2 elements");
  CHECK(t.eval("(letrec (x) x)") == "Eval error: letrec: each binding must be a list");
  CHECK(t.eval("(let loop ((i 0)))") == "Arity error: named let expects 3+ args, got 2");
  CHECK(t.eval("(let loop (i) 1)") == "Eval error: named let: each binding must be a list");
  CHECK(t.eval("(do ((i 0 (+ i 1)) (acc (quote ()) (cons i acc))) ((= i 3) acc))") == "(2 1 0)");
  CHECK(t.eval("(do ((i 0 (+ i 1))) ((= i 2)))") == "nil");
  CHECK(t.eval("(do ((i 0 (+ i 1)) (j 5)) ((= i 2) j) (out i))") == "5");
  CHECK(t.out == "0\n1\n");
  CHECK(t.eval("(do ((a 1 b) (b 2 a)) ((= a 2) (list a b)))") == "(2 1)");  // parallel update
  CHECK(t.eval("(do (out 1))") == "Arity error: do expects 2+ args, got 1");
  CHECK(t.eval("(do 1 (#t))") == "Eval error: do: bindings must be a list");
  CHECK(t.eval("(do () 1)") == "Eval error: do: test clause must be a list");
  CHECK(t.eval("(do () ())") == "Eval error: do: test clause must not be empty");
  CHECK(t.eval("(do (x) (#t))") == "Eval error: do: each binding must be a list");
  CHECK(t.eval("(do ((x)) (#t))") == "Eval error: do: binding must be (var init) or (var init step)");
  CHECK(t.eval("(do ((1 2)) (#t))") == "Eval error: do: variable name must be a symbol");
}

TEST_CASE("internal defines: mutual recursion, innermost scope, shadowing order", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(define (f n) (define (ev? n) (if (= n 0) #t (od? (- n 1)))) (define (od? n) (if (= n 0) #f (ev? (- n 1)))) (ev? n))"
               " (f 10)") == "#t");
  CHECK(t.eval("(define z 1) (define (g) (define a z) (define z 2) (list a z)) (g)") == "(1 2)");
  CHECK(t.eval("z") == "1");
  CHECK(t.eval("(define (h c) (if c (define w 5)) w) (h #t)") == "5");
  CHECK(t.eval("(h #f)") == "Unbound variable: w");
  CHECK(t.eval("(try (define inside 3) (catch e 0)) inside") == "3");
}

TEST_CASE("quote and quasiquote", "[eval]") {
  TestInterp t;
  CHECK(t.eval("''x") == "(quote x)");
  CHECK(t.eval("'(a ,b)") == "(a (unquote b))");
  CHECK(t.eval("(quote)") == "Arity error: quote expects 1 args, got 0");
  CHECK(t.eval("`(a ,(+ 1 1) ,@(list 3 4) b)") == "(a 2 3 4 b)");
  CHECK(t.eval("`(a ,@(list) b)") == "(a b)");
  CHECK(t.eval("(define xs '(1 2)) `[,@xs]") == "[(unquote-splicing xs)]");
  CHECK(t.eval("(define x 5) `[a ,x]") == "[a 5]");
  CHECK(t.eval("`{:a ,x}") == "{:a (unquote x)}");
  CHECK(t.eval("`(a `(b ,(+ 1 2)))") == "(a (quasiquote (b 3)))");
  CHECK(t.eval("(define b 2) `(a . ,b)") == "(a . 2)");
  CHECK(t.eval("`(1 ,@nil)") == "Type error: expected list, got nil");
  CHECK(t.eval("`(1 ,@[1])") == "Type error: expected list, got vector");
  CHECK(t.eval("`(unquote 1 2)") == "Arity error: unquote expects 1 args, got 2");
  CHECK(t.eval("`()") == "()");
  CHECK(t.eval("(unquote x)") == "Unbound variable: unquote");
}

TEST_CASE("macros", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(defmacro swap! (a b) `(let ((tmp ,a)) (set! ,a ,b) (set! ,b tmp)))"
               "(define p 1) (define q 2) (swap! p q) (list p q)") == "(2 1)");
  CHECK(t.eval("(defmacro unless2 (test . body) `(if ,test nil (begin ,@body)))"
               "(macroexpand '(unless2 #f 1 2))") == "(if #f nil (begin 1 2))");
  CHECK(t.eval("(unless2 #f 1 2)") == "2");
  CHECK(t.eval("unless2") == "<macro unless2>");
  CHECK(t.eval("(macroexpand '(+ 1 2))") == "(+ 1 2)");
  CHECK(t.eval("(macroexpand 5)") == "5");
  // A function using a macro defined after it, in the same chunk.
  CHECK(t.eval("(define (use) (twice 3)) (defmacro twice (x) `(* 2 ,x)) (use)") == "6");
  CHECK(t.eval("(defmacro m1 (a) a) (m1)") == "Arity error: m1 expects 1 args, got 0");
  CHECK(t.eval("(defmacro 1 (a) a)") == "Eval error: defmacro: name must be a symbol");
  CHECK(t.eval("(defmacro m (a))") == "Arity error: defmacro expects 3+ args, got 2");
  CHECK(t.eval("(defmacro m [a] a)") == "Eval error: defmacro: params must be a list");
  CHECK(t.eval("(defmacro m (1) a)") == "Eval error: defmacro: parameter must be a symbol");
  // Unhygienic: the expansion sees the caller's variables.
  CHECK(t.eval("(defmacro get-v () 'v) (let ((v 42)) (get-v))") == "42");
  // A macro bound in a local scope is recognised at run time.
  CHECK(t.eval("(let () (defmacro inc1 (x) `(+ ,x 1)) (inc1 4))") == "5");
  CHECK(t.eval("(defmacro my-or (a b) (let ((g (gensym))) `(let ((,g ,a)) (if ,g ,g ,b)))) (my-or #f 7)") == "7");
}

TEST_CASE("eval works in the current lexical scope", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(let ((y 5)) (eval 'y))") == "5");
  CHECK(t.eval("(eval '(+ 1 2))") == "3");
  CHECK(t.eval("(eval (list '+ 1 2))") == "3");
  CHECK(t.eval("(let () (eval '(define zz 1)) zz)") == "1");
  CHECK(t.eval("zz") == "Unbound variable: zz");
  CHECK(t.eval("(define (f) (eval '(define q2 7)) q2) (f)") == "7");
  CHECK(t.eval("(eval '(define top 3)) top") == "3");
  CHECK(t.eval("(eval)") == "Arity error: eval expects 1 args, got 0");
  CHECK(t.eval("(define qq1 1) (let ((qq1 2)) (eval '(set! qq1 3)) qq1)") == "3");
  CHECK(t.eval("qq1") == "1");
}

TEST_CASE("throw and try/catch error maps", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(try (throw 99) (catch e (:value e)))") == "99");
  CHECK(t.eval("(try (throw \"boom\") (catch e (:message e)))") == "\"\"boom\"\"");
  CHECK(t.eval("(try (error \"boom\") (catch e (:message e)))") == "\"boom\"");
  CHECK(t.eval("(try (+ 1 \"a\") (catch e (:type e)))") == ":type-error");
  CHECK(t.eval("(try undefined-var (catch e e))") ==
        "{:message \"Unbound variable: undefined-var\" :name \"undefined-var\" :type :unbound}");
  CHECK(t.eval("(try (+ 1 \"a\") (catch e e))") ==
        "{:expected \"number\" :got \"string\" :message \"expected number, got string\" :stack-trace ({:col 6 :line 1 "
        ":name \"+\"}) :type :type-error}");
  CHECK(t.eval("(try (try (throw 1) (catch e (throw (+ (:value e) 1)))) (catch e (:value e)))") == "2");
  CHECK(t.eval("(try (cons 1) (catch e (:message e)))") == "\"cons expects 2 args, got 1\"");
  CHECK(t.eval("(try)") == "Arity error: try expects 1+ args, got 0");
  CHECK(t.eval("(try 1)") == "Eval error: try: last argument must be (catch var handler...)");
  CHECK(t.eval("(try 1 ())") == "Eval error: try: catch form is empty");
  CHECK(t.eval("(try 1 (foo e 1))") == "Eval error: try: last argument must be (catch var handler...)");
  CHECK(t.eval("(try 1 (catch e))") == "Eval error: try: catch needs (catch var handler...)");
  CHECK(t.eval("(try 1 (catch 5 1))") == "Eval error: try: catch variable must be a symbol");
  CHECK(t.eval("(try (catch e 1))") == "nil");
  CHECK(t.eval("(try 1 2 (catch e 0))") == "2");
  CHECK(t.eval("(try (exit 3) (catch e 0))") == "EXIT 3");
  CHECK(t.eval("(throw)") == "Arity error: throw expects 1 args, got 0");
  CHECK(t.eval("(throw {:code 1})") == "User exception: {:code 1}");
}

TEST_CASE("delay and force", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(define p (delay (begin (out \"run\") 5))) p") == "<promise>");
  CHECK(t.eval("(force p)") == "5");
  CHECK(t.eval("(force p)") == "5");
  CHECK(t.out == "run\n");
  CHECK(t.eval("p") == "<promise (forced)>");
  CHECK(t.eval("(force 42)") == "42");
  CHECK(t.eval("(define n 0) (define bad (delay (begin (set! n (+ n 1)) (error \"x\")))) (try (force bad) (catch e 0)) "
               "(try (force bad) (catch e 0)) n") == "2");
  CHECK(t.eval("(delay)") == "Arity error: delay expects 1 args, got 0");
  CHECK(t.eval("(force)") == "Arity error: force expects 1 args, got 0");
}

TEST_CASE("define-record-type", "[eval]") {
  TestInterp t;
  t.eval("(define-record-type point (make-point x y) point? (x point-x) (y point-y set-y!))");
  CHECK(t.eval("(make-point 1 2)") == "#<record point 1 2>");
  CHECK(t.eval("(point-x (make-point 3 4))") == "3");
  CHECK(t.eval("(point-y (make-point 3 4))") == "4");
  CHECK(t.eval("(point? (make-point 3 4))") == "#t");
  CHECK(t.eval("(point? 5)") == "#f");
  CHECK(t.eval("(make-point 1)") == "Arity error: make-point expects 2 args, got 1");
  CHECK(t.eval("(point-x 5)") == "Type error: expected point, got int");
  CHECK(t.eval("set-y!") == "Unbound variable: set-y!");
  CHECK(t.eval("point") == "Unbound variable: point");
  CHECK(t.eval("make-point") == "<native-fn make-point>");
  CHECK(t.eval("(define-record-type a b)") ==
        "Eval error: define-record-type: requires at least type name, constructor, and predicate");
  CHECK(t.eval("(define-record-type 1 (mk) p?)") == "Eval error: define-record-type: type name must be a symbol");
  CHECK(t.eval("(define-record-type r mk p?)") == "Eval error: define-record-type: constructor spec must be a list");
  CHECK(t.eval("(define-record-type r () p?)") == "Eval error: define-record-type: constructor spec must have a name");
  CHECK(t.eval("(define-record-type r (1) p?)") == "Eval error: define-record-type: constructor name must be a symbol");
  CHECK(t.eval("(define-record-type r (mk 1) p?)") == "Eval error: define-record-type: field name must be a symbol");
  CHECK(t.eval("(define-record-type r (mk) 1)") == "Eval error: define-record-type: predicate must be a symbol");
  CHECK(t.eval("(define-record-type r (mk x) p? x)") == "Eval error: define-record-type: field spec must be a list");
  CHECK(t.eval("(define-record-type r (mk x) p? (x))") ==
        "Eval error: define-record-type: field spec must have at least (field-name accessor)");
  CHECK(t.eval("(define-record-type r (mk x) p? (z get-z))") ==
        "Eval error: define-record-type: field 'z' not in constructor");
  CHECK(t.eval("(define-record-type r (mk x) p? (x 1))") == "Eval error: define-record-type: accessor must be a symbol");
}

TEST_CASE("special forms cannot be shadowed in head position; llm forms", "[eval]") {
  TestInterp t;
  CHECK(t.eval("(define if 5) (if #f 1 2)") == "2");
  CHECK(t.eval("if") == "5");
  CHECK(t.eval("(prompt (user \"hi\"))") == "Eval error: prompt: the llm plugin is not available");
  CHECK(t.eval("(with-budget {:max-cost-usd 1} 1)") == "Eval error: with-budget: the llm plugin is not available");
  CHECK(t.eval("(force 1 2)") == "Arity error: force expects 1 args, got 2");
}
