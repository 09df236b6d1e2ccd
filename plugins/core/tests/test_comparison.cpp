// < > <= >= = eq? not zero? positive? negative? even? odd? (stdlib.md §2.5).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("ordered comparisons chain over numbers", "[core][comparison]") {
  Session s("core");
  CHECK(s.eval("(< 1 2)") == "#t");
  CHECK(s.eval("(< 2 1)") == "#f");
  CHECK(s.eval("(< 1 2 3)") == "#t");
  CHECK(s.eval("(< 1 2 2 4)") == "#f");
  CHECK(s.eval("(<= 1 2 2 4)") == "#t");
  CHECK(s.eval("(> 3 2.5 1)") == "#t");
  CHECK(s.eval("(>= 3 3.0 1)") == "#t");
  CHECK(s.eval("(>= 1 2)") == "#f");
  CHECK(s.eval("(< 1.5 2)") == "#t");
  CHECK(s.eval("(< -9223372036854775808 9223372036854775807)") == "#t");
  // ints go through double: 2^53 + 1 and 2^53 compare equal
  CHECK(s.eval("(< 9007199254740992 9007199254740993)") == "#f");
  CHECK(s.eval("(define inf (* 1e308 10)) (define nan (- inf inf)) (list (< nan 1) (> nan 1) (<= nan nan))") ==
        "(#f #f #f)");
}

TEST_CASE("ordered comparisons check types only as far as they get", "[core][comparison]") {
  Session s("core");
  CHECK(s.eval("(< 2 1 \"x\")") == "#f");
  CHECK(s.eval("(< 1 2 \"x\")") == "Type error: expected number, got string");
  CHECK(s.eval("(< \"a\" 1)") == "Type error: expected number, got string");
  CHECK(s.eval("(> 1 :k)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(<= nil 1)") == "Type error: expected number, got nil");
  CHECK(s.eval("(>= 1 '(1))") == "Type error: expected number, got list");
  CHECK(s.eval("(< 1)") == "Arity error: < expects 2+ args, got 1");
  CHECK(s.eval("(>)") == "Arity error: > expects 2+ args, got 0");
  CHECK(s.eval("(<= 1)") == "Arity error: <= expects 2+ args, got 1");
  CHECK(s.eval("(>= 1)") == "Arity error: >= expects 2+ args, got 1");
}

TEST_CASE("= is numeric for numbers and structural otherwise", "[core][comparison]") {
  Session s("core");
  CHECK(s.eval("(= 1 1)") == "#t");
  CHECK(s.eval("(= 1 1.0)") == "#t");
  CHECK(s.eval("(= 0.0 -0.0)") == "#t");
  CHECK(s.eval("(= 1 1 1)") == "#t");
  CHECK(s.eval("(= 1 1 2)") == "#f");
  CHECK(s.eval("(= 9007199254740993 9007199254740992)") == "#f");
  CHECK(s.eval("(define inf (* 1e308 10)) (define nan (- inf inf)) (= nan nan)") == "#f");
  CHECK(s.eval("(= \"a\" \"a\")") == "#t");
  CHECK(s.eval("(= 1 \"1\")") == "#f");
  CHECK(s.eval("(= :k :k)") == "#t");
  CHECK(s.eval("(= '(1) '(1.0))") == "#f");
  CHECK(s.eval("(= '(1 2) '(1 2))") == "#t");
  CHECK(s.eval("(= 1)") == "Arity error: = expects 2+ args, got 1");
}

TEST_CASE("eq? is structural equality", "[core][comparison]") {
  Session s("core");
  CHECK(s.eval("(eq? '(1) '(1))") == "#t");
  CHECK(s.eval("(eq? \"a\" \"a\")") == "#t");
  CHECK(s.eval("(eq? 1 1.0)") == "#f");
  CHECK(s.eval("(eq? 0.0 -0.0)") == "#f");
  CHECK(s.eval("(let ((f car)) (eq? f f))") == "#f");
  CHECK(s.eval("(eq? 1 1 1)") == "Arity error: eq? expects 2 args, got 3");
}

TEST_CASE("not", "[core][comparison]") {
  Session s("core");
  CHECK(s.eval("(not #f)") == "#t");
  CHECK(s.eval("(not nil)") == "#t");
  CHECK(s.eval("(not 0)") == "#f");
  CHECK(s.eval("(not '())") == "#f");
  CHECK(s.eval("(not)") == "Arity error: not expects 1 args, got 0");
}

TEST_CASE("zero?, positive?, negative?", "[core][comparison]") {
  Session s("core");
  CHECK(s.eval("(zero? 0)") == "#t");
  CHECK(s.eval("(zero? 0.0)") == "#t");
  CHECK(s.eval("(zero? -0.0)") == "#t");
  CHECK(s.eval("(zero? 1)") == "#f");
  CHECK(s.eval("(positive? 2)") == "#t");
  CHECK(s.eval("(positive? 0)") == "#f");
  CHECK(s.eval("(positive? 0.5)") == "#t");
  CHECK(s.eval("(negative? -1)") == "#t");
  CHECK(s.eval("(negative? -0.0)") == "#f");
  CHECK(s.eval("(negative? -0.5)") == "#t");
  CHECK(s.eval("(negative? 0)") == "#f");
  CHECK(s.eval("(zero? \"0\")") == "Type error: expected number, got string");
  CHECK(s.eval("(positive? nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(negative? :a)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(zero?)") == "Arity error: zero? expects 1 args, got 0");
}

TEST_CASE("even? and odd? take ints only", "[core][comparison]") {
  Session s("core");
  CHECK(s.eval("(even? 4)") == "#t");
  CHECK(s.eval("(even? 0)") == "#t");
  CHECK(s.eval("(even? -3)") == "#f");
  CHECK(s.eval("(odd? -3)") == "#t");
  CHECK(s.eval("(odd? 2)") == "#f");
  CHECK(s.eval("(odd? -9223372036854775808)") == "#f");
  CHECK(s.eval("(even? 2.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(odd? \"1\")") == "Type error: expected int, got string");
  CHECK(s.eval("(odd?)") == "Arity error: odd? expects 1 args, got 0");
}
