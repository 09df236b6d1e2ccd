// map, filter, foldl, foldr, reduce, for-each, apply, any, every, partition,
// take-while, drop-while, flat-map, list/group-by. Callbacks are ordinary
// calls (decisions.md #2).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("map over one or several sequences", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(map (fn (x) (* x x)) '(1 2 3))") == "(1 4 9)");
  CHECK(s.eval("(map car [[1] [2]])") == "(1 2)");
  CHECK(s.eval("(map + '(1 2 3) [10 20])") == "(11 22)");
  CHECK(s.eval("(map list '(1 2) '(3 4) '(5 6))") == "((1 3 5) (2 4 6))");
  CHECK(s.eval("(map car '())") == "()");
  CHECK(s.eval("(map (fn (x) x) nil)") == "Type error: expected list or vector, got nil in map");
  CHECK(s.eval("(map + '(1) 5)") == "Type error: expected list or vector, got int in map");
  CHECK(s.eval("(map car)") == "Arity error: map expects 2+ args, got 1");
}

TEST_CASE("callbacks run with the full language", "[core][higher-order]") {
  Session s("core");
  // vector and map literals are evaluated, quasiquote and try work
  CHECK(s.eval("(map (fn (x) [x (* x x)]) '(1 2))") == "([1 1] [2 4])");
  CHECK(s.eval("(map (fn (x) {:n x}) '(1))") == "({:n 1})");
  CHECK(s.eval("(map (fn (x) `(,x)) '(1 2))") == "((1) (2))");
  CHECK(s.eval("(map (fn (x) (try (car x) (catch e :bad))) '((1) 2))") == "(1 :bad)");
  // a global used in a callback stays bound
  CHECK(s.eval("(define base 10) (map (fn (x) (+ base x)) '(1 2)) base") == "10");
  // deep tail recursion inside a callback is fine
  CHECK(s.eval("(map (fn (n) (let loop ((i 0)) (if (< i n) (loop (+ i 1)) i))) '(100000))") == "(100000)");
}

TEST_CASE("non-callables and callback errors", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(map :name '({:name 1}))") == "Eval error: not callable: :name (keyword)");
  CHECK(s.eval("(map 5 '(1))") == "Eval error: not callable: 5 (int)");
  CHECK(s.eval("(map (fn (x y) x) '(1))") == "Arity error: lambda expects 2 args, got 1");
  CHECK(s.eval("(filter (fn (x) (car x)) '(1))") == "Type error: expected list or vector, got int");
  // effects before the error stay done
  CHECK(s.eval("(define n 0) (try (for-each (fn (x) (set! n (+ n 1)) (car x)) '((1) (2) 3 (4))) "
               "(catch e n))") == "3");
}

TEST_CASE("filter, partition, any, every", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(filter (fn (x) (> x 1)) '(1 2 3))") == "(2 3)");
  CHECK(s.eval("(filter (fn (x) x) [1 nil #f 2])") == "(1 2)");
  CHECK(s.eval("(filter car '())") == "()");
  CHECK(s.eval("(filter car nil)") == "Type error: expected list or vector, got nil in filter");
  CHECK(s.eval("(partition (fn (x) (> x 1)) '(3 1 2 0))") == "((3 2) (1 0))");
  CHECK(s.eval("(partition car '())") == "(() ())");
  CHECK(s.eval("(partition car 1)") == "Type error: expected list or vector, got int in partition");
  CHECK(s.eval("(any (fn (x) (and (> x 1) x)) '(1 5 3))") == "#t");
  CHECK(s.eval("(any (fn (x) (> x 9)) '(1 5))") == "#f");
  CHECK(s.eval("(any car '())") == "#f");
  CHECK(s.eval("(every (fn (x) (> x 0)) [1 2])") == "#t");
  CHECK(s.eval("(every (fn (x) (> x 1)) '(2 1 \"never checked\"))") == "#f");
  CHECK(s.eval("(every car '())") == "#t");
  CHECK(s.eval("(any car nil)") == "Type error: expected list or vector, got nil in any");
  CHECK(s.eval("(every car \"s\")") == "Type error: expected list or vector, got string in every");
}

TEST_CASE("foldl, foldr, reduce", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(foldl - 0 '(1 2 3))") == "-6");
  CHECK(s.eval("(foldl (fn (acc x) (cons x acc)) '() '(1 2))") == "(2 1)");
  CHECK(s.eval("(foldl cons '() '(1 2))") == "((() 1) 2)");  // no dotted pairs
  CHECK(s.eval("(foldl + 7 '())") == "7");
  CHECK(s.eval("(foldr - 0 '(1 2 3))") == "2");
  CHECK(s.eval("(foldr cons '() '(1 2 3))") == "(1 2 3)");
  CHECK(s.eval("(foldr cons '() [1 2])") == "(1 2)");
  CHECK(s.eval("(reduce + '(1 2 3 4))") == "10");
  CHECK(s.eval("(reduce - [10 1 2])") == "7");
  CHECK(s.eval("(reduce car '(42))") == "42");
  CHECK(s.eval("(reduce + '())") == "Eval error: reduce: empty list");
  CHECK(s.eval("(foldl + 0 nil)") == "Type error: expected list or vector, got nil in foldl");
  CHECK(s.eval("(foldr + 0 5)") == "Type error: expected list or vector, got int in foldr");
  CHECK(s.eval("(reduce + nil)") == "Type error: expected list or vector, got nil in reduce");
  CHECK(s.eval("(foldl + 0)") == "Arity error: foldl expects 3 args, got 2");
}

TEST_CASE("for-each returns nil and takes one sequence", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(define acc '()) (for-each (fn (x) (set! acc (cons x acc))) [1 2 3]) acc") == "(3 2 1)");
  CHECK(s.eval("(for-each car '((1)))") == "nil");
  CHECK(s.eval("(for-each + '(1) '(2))") == "Arity error: for-each expects 2 args, got 3");
  CHECK(s.eval("(for-each car nil)") == "Type error: expected list or vector, got nil in for-each");
}

TEST_CASE("apply spreads its last argument", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(apply + '(1 2 3))") == "6");
  CHECK(s.eval("(apply + 1 2 [3 4])") == "10");
  CHECK(s.eval("(apply list '())") == "()");
  CHECK(s.eval("(apply (fn (. args) args) 1 '(2))") == "(1 2)");
  CHECK(s.eval("(apply + 1 2)") == "Type error: expected list or vector, got int in apply");
  CHECK(s.eval("(apply :k '({:k 1}))") == "Eval error: not callable: :k (keyword)");
  CHECK(s.eval("(apply +)") == "Arity error: apply expects 2+ args, got 1");
}

TEST_CASE("take-while and drop-while", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(take-while (fn (x) (< x 3)) '(1 2 3 1))") == "(1 2)");
  CHECK(s.eval("(list/take-while (fn (x) (< x 3)) [5 1])") == "()");
  CHECK(s.eval("(drop-while (fn (x) (< x 3)) '(1 2 3 1))") == "(3 1)");
  CHECK(s.eval("(list/drop-while (fn (x) (< x 9)) [1 2])") == "()");
  // the predicate is not called after its first falsy result
  CHECK(s.eval("(drop-while (fn (x) (< x 2)) '(1 5 \"no\"))") == "(5 \"no\")");
  CHECK(s.eval("(take-while (fn (x) (< x 2)) '(1 5 \"no\"))") == "(1)");
  CHECK(s.eval("(take-while car nil)") == "Type error: expected list or vector, got nil in take-while");
  CHECK(s.eval("(drop-while car 3)") == "Type error: expected list or vector, got int in drop-while");
}

TEST_CASE("flat-map splices sequence results", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(flat-map (fn (x) (list x x)) '(1 2))") == "(1 1 2 2)");
  CHECK(s.eval("(flat-map (fn (x) [x]) [1 2])") == "(1 2)");
  CHECK(s.eval("(flat-map (fn (x) x) '(1 (2 (3)) ()))") == "(1 2 (3))");
  CHECK(s.eval("(flat-map car nil)") == "Type error: expected list or vector, got nil in flat-map");
}

TEST_CASE("list/group-by", "[core][higher-order]") {
  Session s("core");
  CHECK(s.eval("(list/group-by (fn (x) (odd? x)) '(1 2 3 4 5))") == "{#f (2 4) #t (1 3 5)}");
  CHECK(s.eval("(list/group-by car '((:b 1) (:a 2) (:b 3)))") == "{:a ((:a 2)) :b ((:b 1) (:b 3))}");
  CHECK(s.eval("(list/group-by car '())") == "{}");
  CHECK(s.eval("(list/group-by car nil)") == "Type error: expected list or vector, got nil in list/group-by");
}
