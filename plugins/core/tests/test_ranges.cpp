// range, iota, list/repeat, make-list, list/sum, list/min, list/max,
// list/shuffle, list/pick.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("range is half-open in both directions", "[core][ranges]") {
  Session s("core");
  CHECK(s.eval("(range 5)") == "(0 1 2 3 4)");
  CHECK(s.eval("(range 0)") == "()");
  CHECK(s.eval("(range -3)") == "()");
  CHECK(s.eval("(range 2 5)") == "(2 3 4)");
  CHECK(s.eval("(range 5 2)") == "()");
  CHECK(s.eval("(range 0 10 3)") == "(0 3 6 9)");
  CHECK(s.eval("(range 10 0 -3)") == "(10 7 4 1)");
  CHECK(s.eval("(range 0 10 -1)") == "()");
  CHECK(s.eval("(range 1 2 0)") == "Eval error: range: step cannot be 0");
  CHECK(s.eval("(range 1.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(range 1 \"5\")") == "Type error: expected int, got string");
  CHECK(s.eval("(range)") == "Arity error: range expects 1-3 args, got 0");
  CHECK(s.eval("(range 1 2 3 4)") == "Arity error: range expects 1-3 args, got 4");
}

TEST_CASE("range stops instead of overflowing", "[core][ranges]") {
  Session s("core");
  CHECK(s.eval("(range 9223372036854775805 9223372036854775807 2)") == "(9223372036854775805)");
  CHECK(s.eval("(range 9223372036854775806 9223372036854775807 5)") == "(9223372036854775806)");
  CHECK(s.eval("(range -9223372036854775807 -9223372036854775808 -4)") == "(-9223372036854775807)");
}

TEST_CASE("iota", "[core][ranges]") {
  Session s("core");
  CHECK(s.eval("(iota 3)") == "(0 1 2)");
  CHECK(s.eval("(iota 3 5)") == "(5 6 7)");
  CHECK(s.eval("(iota 4 0 -2)") == "(0 -2 -4 -6)");
  CHECK(s.eval("(iota 0)") == "()");
  CHECK(s.eval("(iota -2 1)") == "()");
  CHECK(s.eval("(iota 2 9223372036854775807)") == "(9223372036854775807 -9223372036854775808)");
  CHECK(s.eval("(iota 2.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(iota 2 0 \"1\")") == "Type error: expected int, got string");
  CHECK(s.eval("(iota)") == "Arity error: iota expects 1-3 args, got 0");
}

TEST_CASE("list/repeat and make-list", "[core][ranges]") {
  Session s("core");
  CHECK(s.eval("(list/repeat 3 :x)") == "(:x :x :x)");
  CHECK(s.eval("(make-list 2 '(1))") == "((1) (1))");
  CHECK(s.eval("(list/repeat 0 1)") == "()");
  CHECK(s.eval("(list/repeat -1 1)") == "Eval error: list/repeat: count must be non-negative");
  CHECK(s.eval("(make-list -5 1)") == "Eval error: make-list: count must be non-negative");
  CHECK(s.eval("(list/repeat \"3\" 1)") == "Type error: expected int, got string");
  CHECK(s.eval("(make-list 1)") == "Arity error: list/repeat expects 2 args, got 1");
}

TEST_CASE("list/sum", "[core][aggregates]") {
  Session s("core");
  CHECK(s.eval("(list/sum '())") == "0");
  CHECK(s.eval("(list/sum '(1 2 3))") == "6");
  CHECK(s.eval("(list/sum [1 2.5])") == "3.5");
  CHECK(s.eval("(list/sum '(1.0 2.0))") == "3.0");
  CHECK(s.eval("(list/sum '(9223372036854775807 1))") == "-9223372036854775808");
  CHECK(s.eval("(list/sum '(1 \"2\"))") == "Type error: expected number, got string");
  CHECK(s.eval("(list/sum nil)") == "Type error: expected list or vector, got nil in list/sum");
}

TEST_CASE("list/min and list/max keep the element and the earliest tie", "[core][aggregates]") {
  Session s("core");
  CHECK(s.eval("(list/min '(3 1 2))") == "1");
  CHECK(s.eval("(list/max [3 1 2])") == "3");
  CHECK(s.eval("(list/min '(1.0 1 2))") == "1.0");
  CHECK(s.eval("(list/min '(1 1.0 2))") == "1");
  CHECK(s.eval("(list/max '(2 2.0 1))") == "2");
  CHECK(s.eval("(list/max '(2.0 2 1))") == "2.0");
  CHECK(s.eval("(list/min '(2 -1.5 0))") == "-1.5");
  CHECK(s.eval("(list/max '(\"only\"))") == "\"only\"");
  CHECK(s.eval("(list/min '())") == "Eval error: list/min: empty list");
  CHECK(s.eval("(list/max [])") == "Eval error: list/max: empty list");
  CHECK(s.eval("(list/min '(1 :a))") == "Type error: expected number, got keyword");
  CHECK(s.eval("(list/max '(\"a\" 1))") == "Type error: expected number, got string");
  CHECK(s.eval("(list/max 1)") == "Type error: expected list or vector, got int in list/max");
}

TEST_CASE("list/shuffle and list/pick", "[core][aggregates]") {
  Session s("core");
  CHECK(s.eval("(sort (list/shuffle '(3 1 2 5 4)))") == "(1 2 3 4 5)");
  CHECK(s.eval("(length (list/shuffle (range 100)))") == "100");
  CHECK(s.eval("(list/shuffle [])") == "()");
  CHECK(s.eval("(list/pick '(7))") == "7");
  CHECK(s.eval("(if (member (list/pick [1 2 3]) '(1 2 3)) #t #f)") == "#t");
  CHECK(s.eval("(list/pick '())") == "Eval error: list/pick: empty list");
  CHECK(s.eval("(list/shuffle nil)") == "Type error: expected list or vector, got nil in list/shuffle");
  CHECK(s.eval("(list/pick 4)") == "Type error: expected list or vector, got int in list/pick");
}
