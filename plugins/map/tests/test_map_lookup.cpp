// map plugin: get, hashmap/get, contains?, keys, vals, map/entries, count, empty?
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("get finds keys in both map kinds, with and without a default", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(get {:a 1 :b 2} :b)") == "2");
  CHECK(s.eval("(get {:a 1} :z)") == "nil");
  CHECK(s.eval("(get {:a 1} :z 42)") == "42");
  CHECK(s.eval("(get {:a nil} :a 42)") == "nil");  // a present nil is not "missing"
  CHECK(s.eval("(get (hashmap/new :a 1) :a)") == "1");
  CHECK(s.eval("(get (hashmap/new :a 1) :b \"d\")") == "\"d\"");
  CHECK(s.eval("(get {1 :int} 1.0)") == "nil");  // structural keys: 1 is not 1.0
  CHECK(s.eval("(get {[1 2] :v} [1 2])") == ":v");
}

TEST_CASE("get rejects non-maps and wrong arity", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(get nil :a)") == "Type error: expected map or hashmap, got nil");
  CHECK(s.eval("(get '(1 2) 0)") == "Type error: expected map or hashmap, got list");
  CHECK(s.eval("(get [1 2] 0 :d)") == "Type error: expected map or hashmap, got vector");
  CHECK(s.eval("(get {:a 1})") == "Arity error: get expects 2-3 args, got 1");
  CHECK(s.eval("(get {:a 1} :a 1 2)") == "Arity error: get expects 2-3 args, got 4");
}

TEST_CASE("get inside a lambda body (hooked call sites) gives the same results", "[plugin:map]") {
  Session s("core,map");
  s.eval("(define (g m k) (get m k))");
  s.eval("(define (gd m k) (get m k :none))");
  CHECK(s.eval("(g {:a 1} :a)") == "1");
  CHECK(s.eval("(gd {:a 1} :b)") == ":none");
  CHECK(s.eval("(g 5 :a)") == "Type error: expected map or hashmap, got int");
  CHECK(s.eval("(map (fn (m) (get m :x 0)) (list {:x 1} {} {:x 3}))") == "(1 0 3)");
}

TEST_CASE("hashmap/get accepts both kinds but names hashmap", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(hashmap/get (hashmap/new \"k\" 9) \"k\")") == "9");
  CHECK(s.eval("(hashmap/get {:a 1} :a)") == "1");
  CHECK(s.eval("(hashmap/get (hashmap/new) :a :dflt)") == ":dflt");
  CHECK(s.eval("(hashmap/get [1] 0)") == "Type error: expected hashmap, got vector");
  CHECK(s.eval("(hashmap/get (hashmap/new))") == "Arity error: hashmap/get expects 2-3 args, got 1");
}

TEST_CASE("contains? and hashmap/contains?", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(contains? {:a nil} :a)") == "#t");
  CHECK(s.eval("(contains? {:a 1} :b)") == "#f");
  CHECK(s.eval("(contains? {1 2} 1.0)") == "#f");
  CHECK(s.eval("(contains? (hashmap/new 1 2) 1)") == "#t");
  CHECK(s.eval("(contains? '(1 2) 1)") == "Type error: expected map or hashmap, got list");
  CHECK(s.eval("(contains? \"abc\" \"a\")") == "Type error: expected map or hashmap, got string");
  CHECK(s.eval("(contains? {})") == "Arity error: contains? expects 2 args, got 1");
  CHECK(s.eval("(hashmap/contains? (hashmap/new :a 1) :a)") == "#t");
  CHECK(s.eval("(hashmap/contains? (hashmap/new :a 1) :b)") == "#f");
  CHECK(s.eval("(hashmap/contains? {:a 1} :a)") == "Type error: expected hashmap, got map");
}

TEST_CASE("keys and vals follow key order and agree with each other", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(keys {:b 2 :a 1 :c 3})") == "(:a :b :c)");
  CHECK(s.eval("(vals {:b 2 :a 1 :c 3})") == "(1 2 3)");
  CHECK(s.eval("(keys {})") == "()");
  CHECK(s.eval("(vals {})") == "()");
  CHECK(s.eval("(keys {3 :x 1 :y 2 :z})") == "(1 2 3)");
  // hashmap order is unspecified, but keys/vals line up and hold everything
  s.eval("(define h (hashmap/new :a 1 :b 2 :c 3 :d 4))");
  CHECK(s.eval("(sort (keys h))") == "(:a :b :c :d)");
  CHECK(s.eval("(map (fn (k v) (= (get h k) v)) (keys h) (vals h))") == "(#t #t #t #t)");
  CHECK(s.eval("(sort (hashmap/keys h))") == "(:a :b :c :d)");
  CHECK(s.eval("(keys nil)") == "Type error: expected map or hashmap, got nil");
  CHECK(s.eval("(vals [1])") == "Type error: expected map or hashmap, got vector");
  CHECK(s.eval("(keys)") == "Arity error: keys expects 1 args, got 0");
  CHECK(s.eval("(vals {} {})") == "Arity error: vals expects 1 args, got 2");
  CHECK(s.eval("(hashmap/keys {:a 1})") == "Type error: expected hashmap, got map");
}

TEST_CASE("map/entries lists (k v) pairs in key order", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(map/entries {:b 2 :a 1})") == "((:a 1) (:b 2))");
  CHECK(s.eval("(map/entries {})") == "()");
  CHECK(s.eval("(map/entries (hashmap/new :a 1))") == "Type error: expected map, got hashmap");
  CHECK(s.eval("(map/entries)") == "Arity error: map/entries expects 1 args, got 0");
}

TEST_CASE("count and empty? cover every collection, nil included", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(count {:a 1 :b 2})") == "2");
  CHECK(s.eval("(count (hashmap/new 1 2 3 4 5 6))") == "3");
  CHECK(s.eval("(count '(1 2 3))") == "3");
  CHECK(s.eval("(count [1 2])") == "2");
  CHECK(s.eval("(count \"héllo\")") == "6");  // bytes, not characters
  CHECK(s.eval("(count nil)") == "0");
  CHECK(s.eval("(count '())") == "0");
  CHECK(s.eval("(count 5)") == "Type error: expected collection, got int");
  CHECK(s.eval("(count :k)") == "Type error: expected collection, got keyword");
  CHECK(s.eval("(count)") == "Arity error: count expects 1 args, got 0");
  CHECK(s.eval("(empty? nil)") == "#t");
  CHECK(s.eval("(empty? {})") == "#t");
  CHECK(s.eval("(empty? (hashmap/new))") == "#t");
  CHECK(s.eval("(empty? \"\")") == "#t");
  CHECK(s.eval("(empty? [])") == "#t");
  CHECK(s.eval("(empty? '(1))") == "#f");
  CHECK(s.eval("(empty? {:a 1})") == "#f");
  CHECK(s.eval("(empty? \"x\")") == "#f");
  CHECK(s.eval("(empty? 1.5)") == "Type error: expected collection, got float");
  CHECK(s.eval("(empty? 1 2)") == "Arity error: empty? expects 1 args, got 2");
}
