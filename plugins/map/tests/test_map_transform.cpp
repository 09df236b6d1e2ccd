// map plugin: map/map-vals, map/filter, map/map-keys, map/update (callbacks).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("map/map-vals applies f to each value", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(map/map-vals (fn (v) (* v 10)) {:a 1 :b 2})") == "{:a 10 :b 20}");
  CHECK(s.eval("(map/map-vals (fn (v) [v]) {:a 1})") == "{:a [1]}");  // full evaluator in callbacks
  CHECK(s.eval("(map/map-vals (fn (v) v) {})") == "{}");
  CHECK(s.eval("(map/map-vals (fn (v) v) (hashmap/new :a 1))") == "Type error: expected map, got hashmap");
  CHECK(s.eval("(map/map-vals (fn (v) v) '((:a 1)))") == "Type error: expected map, got list");
  CHECK(s.eval("(map/map-vals :a {:x 1})") == "Eval error: not callable: :a (keyword)");
  CHECK(s.eval("(map/map-vals (fn (a b) a) {:x 1})") == "Arity error: lambda expects 2 args, got 1");
  CHECK(s.eval("(map/map-vals (fn (v) (car v)) {:x 1})") == "Type error: expected list or vector, got int");
  CHECK(s.eval("(map/map-vals (fn (v) v))") == "Arity error: map/map-vals expects 2 args, got 1");
}

TEST_CASE("map/filter calls a 2-argument predicate", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(map/filter (fn (k v) (> v 1)) {:a 1 :b 2 :c 3})") == "{:b 2 :c 3}");
  CHECK(s.eval("(map/filter (fn (k v) (= k :a)) {:a 1 :b 2})") == "{:a 1}");
  CHECK(s.eval("(map/filter (fn (k v) nil) {:a 1})") == "{}");
  CHECK(s.eval("(map/filter (fn (k v) 0) {:a 1})") == "{:a 1}");  // 0 is truthy
  CHECK(s.eval("(map/filter (fn (v) #t) {:a 1})") == "Arity error: lambda expects 1 args, got 2");
  CHECK(s.eval("(map/filter (fn (k v) #t) nil)") == "Type error: expected map, got nil");
}

TEST_CASE("map/map-keys: on a collision the later key in key order wins", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(map/map-keys (fn (k) (* k 2)) {1 :a 2 :b})") == "{2 :a 4 :b}");
  CHECK(s.eval("(map/map-keys (fn (k) :same) {:a 1 :b 2 :c 3})") == "{:same 3}");
  CHECK(s.eval("(map/map-keys (fn (k) k) [1])") == "Type error: expected map, got vector");
}

TEST_CASE("map/update sets key to (f current)", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(map/update {:a 1} :a (fn (x) (+ x 1)))") == "{:a 2}");
  CHECK(s.eval("(map/update {:a 1} :b (fn (x) (if (nil? x) :was-nil x)))") == "{:a 1 :b :was-nil}");
  s.eval("(define m {:n 1})");
  CHECK(s.eval("(map/update m :n (fn (x) (+ x 1)))") == "{:n 2}");
  CHECK(s.eval("m") == "{:n 1}");
  CHECK(s.eval("(map/update (hashmap/new) :a (fn (x) (+ x 1)))") == "Type error: expected map, got hashmap");
  CHECK(s.eval("(map/update {:a 1} :a 5)") == "Eval error: not callable: 5 (int)");
  CHECK(s.eval("(map/update {:a 1} :a)") == "Arity error: map/update expects 3 args, got 2");
}

TEST_CASE("callbacks cannot disturb the map being walked", "[plugin:map]") {
  Session s("core,map");
  s.eval("(define m {:a 1 :b 2 :c 3})");
  // the callback reassoc's the very map being walked; results use the original entries
  CHECK(s.eval("(map/map-vals (fn (v) (begin (set! m (assoc m :zz v)) v)) m)") == "{:a 1 :b 2 :c 3}");
  CHECK(s.eval("m") == "{:a 1 :b 2 :c 3 :zz 3}");
}
