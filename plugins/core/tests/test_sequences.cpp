// list, vector, cons, car/cdr/first/rest, length, append, reverse, nth, last,
// take, drop, list->vector, vector->list (stdlib.md §2.1, §1.7).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("list and vector build from their arguments", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(list)") == "()");
  CHECK(s.eval("(list 1 \"a\" :k nil)") == "(1 \"a\" :k nil)");
  CHECK(s.eval("(list () '())") == "(nil ())");
  CHECK(s.eval("(vector)") == "[]");
  CHECK(s.eval("(vector 1 (list 2) [3])") == "[1 (2) [3]]");
}

TEST_CASE("cons prepends to lists and never builds dotted pairs", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(cons 1 '(2 3))") == "(1 2 3)");
  CHECK(s.eval("(cons 1 '())") == "(1)");
  CHECK(s.eval("(cons 1 nil)") == "(1)");
  CHECK(s.eval("(cons 1 [2])") == "(1 [2])");
  CHECK(s.eval("(cons 1 2)") == "(1 2)");
  CHECK(s.eval("(cons '(1) \"s\")") == "((1) \"s\")");
  // consing onto a shared list leaves the original untouched
  CHECK(s.eval("(define l '(2 3)) (list (cons 1 l) (cons 9 l) l)") == "((1 2 3) (9 2 3) (2 3))");
  CHECK(s.eval("(cons 1)") == "Arity error: cons expects 2 args, got 1");
}

TEST_CASE("car/first and cdr/rest", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(car '(1 2 3))") == "1");
  CHECK(s.eval("(first [4 5])") == "4");
  CHECK(s.eval("(car '())") == "nil");
  CHECK(s.eval("(first [])") == "nil");
  CHECK(s.eval("(cdr '(1 2 3))") == "(2 3)");
  CHECK(s.eval("(rest [1 2 3])") == "[2 3]");
  CHECK(s.eval("(rest '(1))") == "()");
  CHECK(s.eval("(rest '())") == "()");
  CHECK(s.eval("(cdr [1])") == "[]");
  CHECK(s.eval("(cdr [])") == "[]");
  CHECK(s.eval("(rest (rest '(1 2 3)))") == "(3)");
  CHECK(s.eval("(car nil)") == "Type error: expected list or vector, got nil");
  CHECK(s.eval("(first \"abc\")") == "Type error: expected list or vector, got string");
  CHECK(s.eval("(rest {:a 1})") == "Type error: expected list or vector, got map");
  CHECK(s.eval("(cdr 5)") == "Type error: expected list or vector, got int");
  CHECK(s.eval("(first)") == "Arity error: car expects 1 args, got 0");
  CHECK(s.eval("(rest 1 2)") == "Arity error: cdr expects 1 args, got 2");
  CHECK(s.eval("(car 1 2)") == "Arity error: car expects 1 args, got 2");
}

TEST_CASE("length counts elements, bytes and entries", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(length '(1 2 3))") == "3");
  CHECK(s.eval("(length [])") == "0");
  CHECK(s.eval("(length \"héllo\")") == "6");
  CHECK(s.eval("(length {:a 1 :b 2})") == "2");
  CHECK(s.eval("(length nil)") == "Type error: expected list, vector, string, or map, got nil");
  CHECK(s.eval("(length 12)") == "Type error: expected list, vector, string, or map, got int");
  CHECK(s.eval("(length)") == "Arity error: length expects 1 args, got 0");
}

TEST_CASE("length of a hashmap", "[core][sequences]") {
  Session s("core,map");
  CHECK(s.eval("(length (hashmap/new :a 1 :b 2 :c 3))") == "3");
}

TEST_CASE("append concatenates into a list", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(append)") == "()");
  CHECK(s.eval("(append '(1 2) [3] '() '(4))") == "(1 2 3 4)");
  CHECK(s.eval("(append [1] [2])") == "(1 2)");
  CHECK(s.eval("(append '(1) nil)") == "Type error: expected list or vector, got nil");
  CHECK(s.eval("(append '(1) \"ab\")") == "Type error: expected list or vector, got string");
}

TEST_CASE("reverse keeps the kind", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(reverse '(1 2 3))") == "(3 2 1)");
  CHECK(s.eval("(reverse [1 2 3])") == "[3 2 1]");
  CHECK(s.eval("(reverse '())") == "()");
  CHECK(s.eval("(reverse [])") == "[]");
  CHECK(s.eval("(reverse \"abc\")") == "Type error: expected list or vector, got string");
  CHECK(s.eval("(reverse nil)") == "Type error: expected list or vector, got nil");
}

TEST_CASE("nth indexes from zero and reports bounds", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(nth '(1 2 3) 0)") == "1");
  CHECK(s.eval("(nth [1 2 3] 2)") == "3");
  CHECK(s.eval("(nth '(1 2 3) 3)") == "Eval error: index 3 out of bounds (length 3)");
  CHECK(s.eval("(nth '() 0)") == "Eval error: index 0 out of bounds (length 0)");
  CHECK(s.eval("(nth '(1 2 3) -1)") == "Eval error: index 18446744073709551615 out of bounds (length 3)");
  CHECK(s.eval("(nth '(1 2 3) 1.0)") == "Type error: expected int, got float");
  // the index is checked before the collection
  CHECK(s.eval("(nth \"abc\" \"x\")") == "Type error: expected int, got string");
  CHECK(s.eval("(nth \"abc\" 0)") == "Type error: expected list or vector, got string");
  CHECK(s.eval("(nth nil 0)") == "Type error: expected list or vector, got nil");
  CHECK(s.eval("(nth '(1))") == "Arity error: nth expects 2 args, got 1");
}

TEST_CASE("last", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(last '(1 2 3))") == "3");
  CHECK(s.eval("(last [7])") == "7");
  CHECK(s.eval("(last '())") == "nil");
  CHECK(s.eval("(last nil)") == "Type error: expected list or vector, got nil in last");
  CHECK(s.eval("(last)") == "Arity error: last expects 1 args, got 0");
}

TEST_CASE("take and drop, including negative counts", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(take 2 '(1 2 3))") == "(1 2)");
  CHECK(s.eval("(take 2 [1 2 3])") == "(1 2)");
  CHECK(s.eval("(take 0 '(1 2 3))") == "()");
  CHECK(s.eval("(take 5 '(1 2 3))") == "(1 2 3)");
  CHECK(s.eval("(take -1 '(1 2 3))") == "(1 2 3)");
  CHECK(s.eval("(drop 1 '(1 2 3))") == "(2 3)");
  CHECK(s.eval("(drop 1 [1 2 3])") == "(2 3)");
  CHECK(s.eval("(drop 0 '(1 2))") == "(1 2)");
  CHECK(s.eval("(drop 3 '(1 2 3))") == "()");
  CHECK(s.eval("(drop 9 [1 2 3])") == "()");
  CHECK(s.eval("(drop -1 '(1 2 3))") == "()");
  CHECK(s.eval("(take \"2\" '(1))") == "Type error: expected int, got string");
  CHECK(s.eval("(take 1 nil)") == "Type error: expected list or vector, got nil in take");
  CHECK(s.eval("(drop 1.5 '(1))") == "Type error: expected int, got float");
  CHECK(s.eval("(drop 1 \"abc\")") == "Type error: expected list or vector, got string in drop");
  CHECK(s.eval("(take 1)") == "Arity error: take expects 2 args, got 1");
}

TEST_CASE("list->vector and vector->list", "[core][sequences]") {
  Session s("core");
  CHECK(s.eval("(list->vector '(1 2))") == "[1 2]");
  CHECK(s.eval("(list->vector '())") == "[]");
  CHECK(s.eval("(vector->list [1 2])") == "(1 2)");
  CHECK(s.eval("(vector->list [])") == "()");
  CHECK(s.eval("(list->vector [1])") == "Type error: expected list, got vector");
  CHECK(s.eval("(vector->list '(1))") == "Type error: expected vector, got list");
  CHECK(s.eval("(vector->list nil)") == "Type error: expected vector, got nil");
}
