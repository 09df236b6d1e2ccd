// Type predicates, type, equal? (stdlib.md §2.4).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("null?, list?, pair?", "[core][predicates]") {
  Session s("core");
  CHECK(s.eval("(null? nil)") == "#t");
  CHECK(s.eval("(null? '())") == "#t");
  CHECK(s.eval("(null? [])") == "#f");
  CHECK(s.eval("(null? '(1))") == "#f");
  CHECK(s.eval("(null? #f)") == "#f");
  CHECK(s.eval("(list? '())") == "#t");
  CHECK(s.eval("(list? '(1))") == "#t");
  CHECK(s.eval("(list? nil)") == "#f");
  CHECK(s.eval("(list? [1])") == "#f");
  CHECK(s.eval("(pair? '(1))") == "#t");
  CHECK(s.eval("(pair? '())") == "#f");
  CHECK(s.eval("(pair? [1])") == "#f");
  CHECK(s.eval("(null?)") == "Arity error: null? expects 1 args, got 0");
  CHECK(s.eval("(pair? 1 2)") == "Arity error: pair? expects 1 args, got 2");
}

TEST_CASE("exact-type predicates", "[core][predicates]") {
  Session s("core");
  CHECK(s.eval("(vector? [1])") == "#t");
  CHECK(s.eval("(vector? '(1))") == "#f");
  CHECK(s.eval("(string? \"s\")") == "#t");
  CHECK(s.eval("(string? 's)") == "#f");
  CHECK(s.eval("(symbol? 's)") == "#t");
  CHECK(s.eval("(symbol? :s)") == "#f");
  CHECK(s.eval("(keyword? :s)") == "#t");
  CHECK(s.eval("(keyword? \"s\")") == "#f");
  CHECK(s.eval("(char? #\\a)") == "#t");
  CHECK(s.eval("(char? \"a\")") == "#f");
  CHECK(s.eval("(bytevector? #u8(1 2))") == "#t");
  CHECK(s.eval("(bytevector? [1 2])") == "#f");
  CHECK(s.eval("(define-record-type point (make-point x y) point? (x point-x)) (record? (make-point 1 2))") ==
        "#t");
  CHECK(s.eval("(record? {:x 1})") == "#f");
  CHECK(s.eval("(map? {:a 1})") == "#t");
  CHECK(s.eval("(map? '())") == "#f");
  CHECK(s.eval("(string?)") == "Arity error: string? expects 1 args, got 0");
}

TEST_CASE("map? is false for a hashmap", "[core][predicates]") {
  Session s("core,map");
  CHECK(s.eval("(map? (hashmap/new :a 1))") == "#f");
  CHECK(s.eval("(map? (hash-map :a 1))") == "#t");
  CHECK(s.eval("(type (hashmap/new))") == ":hashmap");
}

TEST_CASE("number predicates", "[core][predicates]") {
  Session s("core");
  CHECK(s.eval("(number? 1)") == "#t");
  CHECK(s.eval("(number? 1.5)") == "#t");
  CHECK(s.eval("(number? \"1\")") == "#f");
  CHECK(s.eval("(integer? 2)") == "#t");
  CHECK(s.eval("(integer? 2.0)") == "#f");
  CHECK(s.eval("(integer? 9223372036854775807)") == "#t");
  CHECK(s.eval("(float? 2.0)") == "#t");
  CHECK(s.eval("(float? 2)") == "#f");
}

TEST_CASE("bool?, nil?, fn? and their aliases", "[core][predicates]") {
  Session s("core");
  CHECK(s.eval("(bool? #t)") == "#t");
  CHECK(s.eval("(boolean? #f)") == "#t");
  CHECK(s.eval("(bool? nil)") == "#f");
  CHECK(s.eval("(boolean? 0)") == "#f");
  CHECK(s.eval("(boolean?)") == "Arity error: bool? expects 1 args, got 0");
  CHECK(s.eval("(nil? nil)") == "#t");
  CHECK(s.eval("(nil? '())") == "#f");
  CHECK(s.eval("(nil? #f)") == "#f");
  CHECK(s.eval("(fn? car)") == "#t");
  CHECK(s.eval("(fn? (fn (x) x))") == "#t");
  CHECK(s.eval("(procedure? (lambda () 1))") == "#t");
  CHECK(s.eval("(fn? :k)") == "#f");
  CHECK(s.eval("(defmacro m (x) x) (fn? m)") == "#f");
  CHECK(s.eval("(procedure? 'car)") == "#f");
  CHECK(s.eval("(procedure? 1 2)") == "Arity error: fn? expects 1 args, got 2");
}

TEST_CASE("promise predicates", "[core][predicates]") {
  Session s("core");
  CHECK(s.eval("(promise? (delay 1))") == "#t");
  CHECK(s.eval("(promise? (fn () 1))") == "#f");
  CHECK(s.eval("(define p (delay (+ 1 2))) (promise-forced? p)") == "#f");
  CHECK(s.eval("(define p (delay (+ 1 2))) (force p) (promise-forced? p)") == "#t");
  CHECK(s.eval("(promise-forced? 3)") == "Type error: expected promise, got int");
  CHECK(s.eval("(prompt? 1)") == "#f");
  CHECK(s.eval("(conversation? \"c\")") == "#f");
}

TEST_CASE("type returns the type name as a keyword", "[core][predicates]") {
  Session s("core");
  CHECK(s.eval("(type 42)") == ":int");
  CHECK(s.eval("(type 4.2)") == ":float");
  CHECK(s.eval("(type nil)") == ":nil");
  CHECK(s.eval("(type #t)") == ":bool");
  CHECK(s.eval("(type \"s\")") == ":string");
  CHECK(s.eval("(type 's)") == ":symbol");
  CHECK(s.eval("(type :k)") == ":keyword");
  CHECK(s.eval("(type #\\a)") == ":char");
  CHECK(s.eval("(type '(1))") == ":list");
  CHECK(s.eval("(type [1])") == ":vector");
  CHECK(s.eval("(type {})") == ":map");
  CHECK(s.eval("(type (fn (x) x))") == ":lambda");
  CHECK(s.eval("(type car)") == ":native-fn");
  CHECK(s.eval("(type (delay 1))") == ":promise");
  CHECK(s.eval("(type #u8(1))") == ":bytevector");
  CHECK(s.eval("(define-record-type point (make-point x y) point? (x point-x)) (type (make-point 1 2))") ==
        ":point");
  CHECK(s.eval("(type)") == "Arity error: type expects 1 args, got 0");
}

TEST_CASE("equal? is structural", "[core][predicates]") {
  Session s("core");
  CHECK(s.eval("(equal? '(1 [2 \"x\"]) '(1 [2 \"x\"]))") == "#t");
  CHECK(s.eval("(equal? 1 1.0)") == "#f");
  CHECK(s.eval("(equal? 0.0 -0.0)") == "#f");
  CHECK(s.eval("(equal? '(1) [1])") == "#f");
  CHECK(s.eval("(equal? {:a 1} {:a 1})") == "#t");
  CHECK(s.eval("(equal? car car)") == "#f");
  CHECK(s.eval("(equal? 1)") == "Arity error: equal? expects 2 args, got 1");
}
