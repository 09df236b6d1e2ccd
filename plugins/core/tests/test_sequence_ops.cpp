// zip, flatten, flatten-deep, member, list/index-of, list/unique, list/dedupe,
// list/interleave, interpose, frequencies, list/chunk, list/split-at.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("zip stops at the shortest", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(zip '(1 2 3) [:a :b])") == "((1 :a) (2 :b))");
  CHECK(s.eval("(zip '(1 2) '(3 4) '(5 6))") == "((1 3 5) (2 4 6))");
  CHECK(s.eval("(zip '() '(1))") == "()");
  CHECK(s.eval("(zip '(1) nil)") == "Type error: expected list or vector, got nil in zip");
  CHECK(s.eval("(zip '(1))") == "Arity error: zip expects 2+ args, got 1");
}

TEST_CASE("flatten is one level, flatten-deep is full", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(flatten '(1 (2 (3))))") == "(1 2 (3))");
  CHECK(s.eval("(flatten '(1 (2 (3)) 4))") == "(1 2 (3) 4)");
  CHECK(s.eval("(flatten [[1 2] [3] 4])") == "(1 2 3 4)");
  CHECK(s.eval("(flatten '())") == "()");
  CHECK(s.eval("(flatten 5)") == "Type error: expected list or vector, got int in flatten");
  CHECK(s.eval("(flatten-deep '(1 (2 [3 (4)]) ()))") == "(1 2 3 4)");
  CHECK(s.eval("(flatten-deep 5)") == "(5)");
  CHECK(s.eval("(flatten-deep nil)") == "(nil)");
  CHECK(s.eval("(flatten-deep '())") == "()");
  CHECK(s.eval("(flatten-deep)") == "Arity error: flatten-deep expects 1 args, got 0");
}

TEST_CASE("flatten-deep handles deep nesting without recursion", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(define (nest n acc) (if (= n 0) acc (nest (- n 1) (list acc)))) "
               "(flatten-deep (nest 100000 '(7)))") == "(7)");
}

TEST_CASE("member returns the tail list or #f", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(member 2 '(1 2 3))") == "(2 3)");
  CHECK(s.eval("(member 2 [1 2 3])") == "(2 3)");
  CHECK(s.eval("(member '(1) '(0 (1) 2))") == "((1) 2)");
  CHECK(s.eval("(member 1.0 '(1 2))") == "#f");
  CHECK(s.eval("(member 9 '())") == "#f");
  CHECK(s.eval("(member 1 nil)") == "Type error: expected list or vector, got nil in member");
}

TEST_CASE("list/index-of takes the sequence first", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(list/index-of '(a b c) 'c)") == "2");
  CHECK(s.eval("(list/index-of [1 2 1] 1)") == "0");
  CHECK(s.eval("(list/index-of '(1 2) 3)") == "nil");
  CHECK(s.eval("(list/index-of 3 '(1 2 3))") == "Type error: expected list or vector, got int in list/index-of");
}

TEST_CASE("list/unique and list/dedupe", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(list/unique '(1 2 1 3 2 \"a\" \"a\" (1) (1)))") == "(1 2 3 \"a\" (1))");
  CHECK(s.eval("(list/unique [1 1.0 1])") == "(1 1.0)");
  CHECK(s.eval("(list/unique '())") == "()");
  CHECK(s.eval("(list/dedupe '(1 1 2 2 1 3 3))") == "(1 2 1 3)");
  CHECK(s.eval("(list/dedupe [])") == "()");
  CHECK(s.eval("(list/unique nil)") == "Type error: expected list or vector, got nil in list/unique");
  CHECK(s.eval("(list/dedupe \"aab\")") == "Type error: expected list or vector, got string in list/dedupe");
}

TEST_CASE("list/interleave and interpose", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(list/interleave '(1 2 3) [:a :b])") == "(1 :a 2 :b)");
  CHECK(s.eval("(list/interleave '(1 2) '(3 4) '(5 6))") == "(1 3 5 2 4 6)");
  CHECK(s.eval("(list/interleave '(1))") == "Arity error: list/interleave expects 2+ args, got 1");
  CHECK(s.eval("(list/interleave '(1) 2)") ==
        "Type error: expected list or vector, got int in list/interleave");
  CHECK(s.eval("(interpose :x '(1 2 3))") == "(1 :x 2 :x 3)");
  CHECK(s.eval("(interpose :x [1])") == "(1)");
  CHECK(s.eval("(interpose :x '())") == "()");
  CHECK(s.eval("(interpose :x \"ab\")") == "Type error: expected list or vector, got string in interpose");
}

TEST_CASE("frequencies counts into a sorted map", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(frequencies '(b a b c b))") == "{a 1 b 3 c 1}");
  CHECK(s.eval("(frequencies [1 1.0 1])") == "{1 2 1.0 1}");
  CHECK(s.eval("(frequencies '())") == "{}");
  CHECK(s.eval("(frequencies nil)") == "Type error: expected list or vector, got nil in frequencies");
}

TEST_CASE("list/chunk", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(list/chunk 2 '(1 2 3 4 5))") == "((1 2) (3 4) (5))");
  CHECK(s.eval("(list/chunk 3 [1 2 3])") == "((1 2 3))");
  CHECK(s.eval("(list/chunk 5 '(1 2))") == "((1 2))");
  CHECK(s.eval("(list/chunk 2 '())") == "()");
  CHECK(s.eval("(list/chunk -1 '(1 2 3))") == "((1 2 3))");
  CHECK(s.eval("(list/chunk -1 '())") == "()");
  CHECK(s.eval("(list/chunk 0 '(1 2))") == "Eval error: list/chunk: chunk size must be positive");
  CHECK(s.eval("(list/chunk 1.0 '(1 2))") == "Type error: expected int, got float");
  CHECK(s.eval("(list/chunk 1 nil)") == "Type error: expected list or vector, got nil in list/chunk");
}

TEST_CASE("list/split-at clamps its index", "[core][sequence-ops]") {
  Session s("core");
  CHECK(s.eval("(list/split-at '(1 2 3 4) 1)") == "((1) (2 3 4))");
  CHECK(s.eval("(list/split-at [1 2] 0)") == "(() (1 2))");
  CHECK(s.eval("(list/split-at '(1 2) 5)") == "((1 2) ())");
  CHECK(s.eval("(list/split-at '(1 2) -1)") == "((1 2) ())");
  CHECK(s.eval("(list/split-at 1 '(1 2))") == "Type error: expected list or vector, got int in list/split-at");
  CHECK(s.eval("(list/split-at '(1 2) \"1\")") == "Type error: expected int, got string");
}
