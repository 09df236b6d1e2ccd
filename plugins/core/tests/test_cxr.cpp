// c[ad]{2,3}r compositions and assq/assv (stdlib.md §2.3).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("two-letter compositions", "[core][cxr]") {
  Session s("core");
  CHECK(s.eval("(caar '((1 2) 3))") == "1");
  CHECK(s.eval("(cadr '(1 2 3))") == "2");
  CHECK(s.eval("(cdar '((1 2) 3))") == "(2)");
  CHECK(s.eval("(cddr '(1 2 3))") == "(3)");
  CHECK(s.eval("(cddr [1 2 3])") == "[3]");
  CHECK(s.eval("(cadr [1 [2]])") == "[2]");
  CHECK(s.eval("(cadr '(1))") == "nil");
  CHECK(s.eval("(cddr '(1))") == "()");
  CHECK(s.eval("(caar '(1))") == "Type error: expected list or vector, got int");
  CHECK(s.eval("(cadr nil)") == "Type error: expected list or vector, got nil");
}

TEST_CASE("three-letter compositions", "[core][cxr]") {
  Session s("core");
  CHECK(s.eval("(caaar '(((1))))") == "1");
  CHECK(s.eval("(caadr '(0 (1 2)))") == "1");
  CHECK(s.eval("(cadar '((1 2)))") == "2");
  CHECK(s.eval("(caddr '(1 2 3))") == "3");
  CHECK(s.eval("(cdaar '(((1 2))))") == "(2)");
  CHECK(s.eval("(cdadr '(0 (1 2)))") == "(2)");
  CHECK(s.eval("(cddar '((1 2 3)))") == "(3)");
  CHECK(s.eval("(cdddr '(1 2 3 4))") == "(4)");
  CHECK(s.eval("(caddr '(1))") == "nil");
  CHECK(s.eval("(cdddr '(1))") == "()");
  CHECK(s.eval("(caddr '(1 2 x))") == "x");
  CHECK(s.eval("(caaar '((1)))") == "Type error: expected list or vector, got int");
}

TEST_CASE("c[ad]r arity errors name car or cdr", "[core][cxr]") {
  Session s("core");
  CHECK(s.eval("(cadr)") == "Arity error: cdr expects 1 args, got 0");
  CHECK(s.eval("(cdar '(1) '(2))") == "Arity error: car expects 1 args, got 2");
  CHECK(s.eval("(caddr)") == "Arity error: cdr expects 1 args, got 0");
  CHECK(s.eval("(cddar)") == "Arity error: car expects 1 args, got 0");
}

TEST_CASE("assq and assv find list pairs structurally", "[core][cxr]") {
  Session s("core");
  CHECK(s.eval("(assq 'b '((a 1) (b 2) (b 3)))") == "(b 2)");
  CHECK(s.eval("(assv 2 '[(1 :one) (2 :two)])") == "(2 :two)");
  CHECK(s.eval("(assq \"k\" '((\"k\" 1)))") == "(\"k\" 1)");
  CHECK(s.eval("(assq '(1) '(((1) x)))") == "((1) x)");
  CHECK(s.eval("(assq 'z '((a 1)))") == "#f");
  CHECK(s.eval("(assq 1 '([1 2] () 3 (1 9)))") == "(1 9)");
  CHECK(s.eval("(assv 1 '((1.0 x)))") == "#f");
  CHECK(s.eval("(assq 'a nil)") == "Type error: expected list or vector, got nil in assq");
  CHECK(s.eval("(assv 'a 5)") == "Type error: expected list or vector, got int in assv");
  CHECK(s.eval("(assq 'a)") == "Arity error: assq expects 2 args, got 1");
}
