// sort and sort-by: stable, value order with numbers ordered numerically
// (decisions.md #3), comparators with int/bool results, error propagation.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("sort without a comparator uses the value order", "[core][sort]") {
  Session s("core");
  CHECK(s.eval("(sort '(3 1 2))") == "(1 2 3)");
  CHECK(s.eval("(sort [3 1 2])") == "(1 2 3)");
  CHECK(s.eval("(sort '())") == "()");
  CHECK(s.eval("(sort '(2.5 1 3 -1.5))") == "(-1.5 1 2.5 3)");
  CHECK(s.eval("(sort '(-1.0 2.0 -3.0))") == "(-3.0 -1.0 2.0)");
  CHECK(s.eval("(sort '(1.0 1 0.5))") == "(0.5 1 1.0)");
  CHECK(s.eval("(sort '(0.0 1 -0.0 0))") == "(0 -0.0 0.0 1)");
  CHECK(s.eval("(sort '(9007199254740993 9007199254740992.0))") == "(9007199254740992.0 9007199254740993)");
  CHECK(s.eval("(sort (list (/ 0.0 1) 2 -1))") == "(-1 0.0 2)");
  // NaN (inf - inf) sorts after every other number
  CHECK(s.eval("(define inf (* 1e308 10)) (sort (list (- inf inf) inf 1 -5.0))") == "(-5.0 1 inf NaN)");
  CHECK(s.eval("(sort '(\"b\" :k 1 a \"a\" #\\c))") == "(1 #\\c \"a\" \"b\" a :k)");
  CHECK(s.eval("(sort '((1 2) (1) (0 5)))") == "((0 5) (1) (1 2))");
  CHECK(s.eval("(equal? (sort (range 1000 0 -1)) (range 1 1001))") == "#t");
}

TEST_CASE("sort is stable for elements that order equal", "[core][sort]") {
  Session s("core");
  // procedures all order equal: a stable sort keeps their input order
  CHECK(s.eval("(sort (list cdr car))") == "(<native-fn cdr> <native-fn car>)");
  CHECK(s.eval("(sort (list car cdr))") == "(<native-fn car> <native-fn cdr>)");
  CHECK(s.eval("(sort '((2 a) (1 b) (2 c) (1 d)) (fn (x y) (< (car x) (car y))))") ==
        "((1 b) (1 d) (2 a) (2 c))");
  CHECK(s.eval("(sort '(3 1 2) (fn (a b) #f))") == "(3 1 2)");
  CHECK(s.eval("(sort '(3 1 2) (fn (a b) 0))") == "(3 1 2)");
  CHECK(s.eval("(sort '(3 1 2) (fn (a b) :other))") == "(3 1 2)");
}

TEST_CASE("sort with a comparator", "[core][sort]") {
  Session s("core");
  CHECK(s.eval("(sort '(3 1 2) <)") == "(1 2 3)");
  CHECK(s.eval("(sort '(3 1 2) >)") == "(3 2 1)");
  CHECK(s.eval("(sort '(3 1 2) (fn (a b) (- b a)))") == "(3 2 1)");
  CHECK(s.eval("(sort '(3 1 2) (fn (a b) (- a b)))") == "(1 2 3)");
  CHECK(s.eval("(sort [\"bb\" \"a\" \"ccc\"] (fn (a b) (< (length a) (length b))))") ==
        "(\"a\" \"bb\" \"ccc\")");
  // the comparator's first error aborts the sort
  CHECK(s.eval("(sort '(1 2) (fn (a b) (car a)))") == "Type error: expected list or vector, got int");
  CHECK(s.eval("(sort '(1 2) :k)") == "Eval error: not callable: :k (keyword)");
  CHECK(s.eval("(sort '(2 1) (fn (a) a))") == "Arity error: lambda expects 1 args, got 2");
  CHECK(s.eval("(sort nil)") == "Type error: expected list or vector, got nil in sort");
  CHECK(s.eval("(sort \"cba\" <)") == "Type error: expected list or vector, got string in sort");
  CHECK(s.eval("(sort)") == "Arity error: sort expects 1-2 args, got 0");
  CHECK(s.eval("(sort '(1) < 3)") == "Arity error: sort expects 1-2 args, got 3");
}

TEST_CASE("sort-by calls the key function once per element", "[core][sort]") {
  Session s("core");
  CHECK(s.eval("(sort-by car '((2 a) (1 b) (2 c)))") == "((1 b) (2 a) (2 c))");
  CHECK(s.eval("(sort-by (fn (x) (- x)) [1 3 2])") == "(3 2 1)");
  CHECK(s.eval("(sort-by car '())") == "()");
  CHECK(s.eval("(define n 0) (sort-by (fn (x) (set! n (+ n 1)) x) '(3 1 2 5 4)) n") == "5");
  CHECK(s.eval("(sort-by car '(1))") == "Type error: expected list or vector, got int");
  CHECK(s.eval("(sort-by car nil)") == "Type error: expected list or vector, got nil in sort-by");
  CHECK(s.eval("(sort-by car)") == "Arity error: sort-by expects 2 args, got 1");
}
