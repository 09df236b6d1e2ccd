// Reference cycles built on purpose. Refcounting cannot free them
// (architecture.md §2 accepts cycles and rules out only crashes), so this
// suite runs with leak checking off (tests/hostile/CMakeLists.txt); every
// other suite runs with it on.
#include <sema_test.hpp>

#include <catch2/catch.hpp>

using sema::test::Session;

TEST_CASE("reference cycles print, compare and hash without looping") {
  Session s;
  // A promise whose cached value is itself.
  CHECK(s.eval("(define p (delay p))") == "nil");
  CHECK(s.eval("(promise? (force p))") == "#t");
  CHECK(s.eval("(promise-forced? (force (force p)))") == "#t");
  CHECK(s.eval("(eq? (force p) p)") == "#f");  // promises are never equal, not even to themselves
  CHECK(s.eval("p") == "<promise (forced)>");
  CHECK(s.eval("(list p p)") == "(<promise (forced)> <promise (forced)>)");
  // A map holding a closure whose environment holds the map.
  CHECK(s.eval("(define (make-node) (define self nil) (set! self {:me (fn () self)}) self)") == "nil");
  CHECK(s.eval("(define n (make-node))") == "nil");
  CHECK(s.eval("n") == "{:me <lambda>}");
  CHECK(s.eval("(map? ((:me ((:me n)))))") == "#t");
  CHECK(s.eval("(str n)") == "\"{:me <lambda>}\"");
  CHECK(s.eval("(format \"~s ~a\" n n)") == "\"{:me <lambda>} {:me <lambda>}\"");
  CHECK(s.eval("(equal? n ((:me n)))") == "#f");  // lambdas are never equal
  // Lambdas are never equal, so neither is a map holding one: not found.
  CHECK(s.eval("(hashmap/get (hashmap/assoc (hashmap/new) n 1) n)") == "nil");
  CHECK_THAT(s.eval("(json/encode n)"), Catch::StartsWith("Eval error"));
}
