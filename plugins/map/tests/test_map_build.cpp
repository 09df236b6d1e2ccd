// map plugin: hash-map, hashmap/new, assoc, hashmap/assoc, dissoc, merge,
// hashmap/to-map, map/from-entries, map/select-keys.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("hash-map builds a sorted map; a later duplicate wins", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(hash-map)") == "{}");
  CHECK(s.eval("(hash-map :b 2 :a 1)") == "{:a 1 :b 2}");
  CHECK(s.eval("(hash-map :a 1 :a 2)") == "{:a 2}");
  CHECK(s.eval("(map? (hash-map :a 1))") == "#t");
  CHECK(s.eval("(hash-map :a)") == "Eval error: hash-map: requires even number of arguments");
  CHECK(s.eval("(hash-map 1 2 3)") == "Eval error: hash-map: requires even number of arguments");
}

TEST_CASE("hashmap/new builds a hashmap", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(hashmap/new)") == "{}");
  CHECK(s.eval("(type (hashmap/new))") == ":hashmap");
  CHECK(s.eval("(hashmap/new :b 2 :a 1)") == "{:a 1 :b 2}");  // printed in key order
  CHECK(s.eval("(hashmap/get (hashmap/new :a 1 :a 2) :a)") == "2");
  CHECK(s.eval("(hashmap/new :a 1 :b)") == "Eval error: hashmap/new: requires even number of arguments");
}

TEST_CASE("assoc sets pairs left to right and keeps the map kind", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(assoc {} :a 1)") == "{:a 1}");
  CHECK(s.eval("(assoc {:a 1} :a 2 :b 3 :a 4)") == "{:a 4 :b 3}");
  CHECK(s.eval("(type (assoc (hashmap/new) :a 1))") == ":hashmap");
  CHECK(s.eval("(hashmap/get (assoc (hashmap/new) :a 1 :b 2) :b)") == "2");
  // the input is unchanged
  s.eval("(define m {:a 1})");
  CHECK(s.eval("(assoc m :b 2)") == "{:a 1 :b 2}");
  CHECK(s.eval("m") == "{:a 1}");
  s.eval("(define h (hashmap/new :a 1))");
  s.eval("(define h2 (assoc h :b 2))");
  CHECK(s.eval("(count h)") == "1");
  CHECK(s.eval("(count h2)") == "2");
}

TEST_CASE("assoc with 2 args is an alist lookup", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(assoc 2 '((1 :one) (2 :two)))") == "(2 :two)");
  CHECK(s.eval("(assoc 3 '((1 :one) (2 :two)))") == "#f");
  CHECK(s.eval("(assoc \"b\" '((\"a\" 1) (\"b\" 2)))") == "(\"b\" 2)");
  CHECK(s.eval("(assoc 1 '([1 :vec] (1 :list)))") == "(1 :list)");  // vector pairs skipped
  CHECK(s.eval("(assoc 1 '(() 5 (1)))") == "(1)");
  CHECK(s.eval("(assoc 1 '())") == "#f");
  const char* usage = "Eval error: assoc: requires (key alist) or (map key val ...)";
  CHECK(s.eval("(assoc 1 [[1 2]])") == usage);  // a vector alist is not accepted
  CHECK(s.eval("(assoc {:a 1} :b)") == usage);
  CHECK(s.eval("(assoc)") == usage);
  CHECK(s.eval("(assoc {})") == usage);
  CHECK(s.eval("(assoc {} :a 1 :b)") == usage);
  CHECK(s.eval("(assoc nil :a 1)") == "Type error: expected map or hashmap, got nil");
  CHECK(s.eval("(assoc [1] 0 1)") == "Type error: expected map or hashmap, got vector");
}

TEST_CASE("assoc accumulating in a loop (hook path) matches the generic builtin", "[plugin:map]") {
  Session s("core,map");
  s.eval(
      "(define (fill n) (let loop ((i 0) (acc {})) (if (= i n) acc (loop (+ i 1) (assoc acc (mod i 7) i)))))");
  CHECK(s.eval("(fill 100)") == "{0 98 1 99 2 93 3 94 4 95 5 96 6 97}");
  s.eval("(define base {:k 0})");
  s.eval("(define (bump m) (assoc m :k (+ (get m :k) 1)))");
  CHECK(s.eval("(bump (bump base))") == "{:k 2}");
  CHECK(s.eval("base") == "{:k 0}");  // a shared map is copied, never changed in place
  s.eval("(define (bad x) (assoc x :k 1))");
  CHECK(s.eval("(bad 7)") == "Type error: expected map or hashmap, got int");
  CHECK(s.eval("(bad (list 1))") == "Type error: expected map or hashmap, got list");
  CHECK(s.eval("(foldl (fn (acc x) (assoc acc x (* x x))) {} '(3 1 2))") == "{1 1 2 4 3 9}");
}

TEST_CASE("hashmap/assoc", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(hashmap/to-map (hashmap/assoc (hashmap/new) :b 2 :a 1))") == "{:a 1 :b 2}");
  const char* usage = "Eval error: hashmap/assoc: requires hashmap and even number of key-value pairs";
  CHECK(s.eval("(hashmap/assoc (hashmap/new) :a)") == usage);
  CHECK(s.eval("(hashmap/assoc)") == usage);
  CHECK(s.eval("(hashmap/assoc {} :a 1)") == "Type error: expected hashmap, got map");
}

TEST_CASE("dissoc removes keys from sorted maps only", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(dissoc {:a 1 :b 2 :c 3} :b)") == "{:a 1 :c 3}");
  CHECK(s.eval("(dissoc {:a 1 :b 2 :c 3} :a :c :zz)") == "{:b 2}");
  CHECK(s.eval("(dissoc {} :a)") == "{}");
  s.eval("(define m {:a 1 :b 2})");
  CHECK(s.eval("(dissoc m :a)") == "{:b 2}");
  CHECK(s.eval("m") == "{:a 1 :b 2}");
  CHECK(s.eval("(dissoc (hashmap/new :a 1) :a)") == "Type error: expected map, got hashmap");
  CHECK(s.eval("(dissoc nil :a)") == "Type error: expected map, got nil");
  CHECK(s.eval("(dissoc {:a 1})") == "Arity error: dissoc expects 2+ args, got 1");
}

TEST_CASE("merge: later keys win, sorted maps only", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(merge)") == "{}");
  CHECK(s.eval("(merge {:a 1})") == "{:a 1}");
  CHECK(s.eval("(merge {:a 1 :b 1} {:b 2 :c 2} {:c 3})") == "{:a 1 :b 2 :c 3}");
  CHECK(s.eval("(merge {} {:x 1})") == "{:x 1}");
  s.eval("(define m {:a 1})");
  CHECK(s.eval("(merge m {:a 2})") == "{:a 2}");
  CHECK(s.eval("m") == "{:a 1}");
  CHECK(s.eval("(merge {:a 1} (hashmap/new :b 2))") == "Type error: expected map, got hashmap");
  CHECK(s.eval("(merge {:a 1} nil)") == "Type error: expected map, got nil");
  CHECK(s.eval("(merge nil)") == "Type error: expected map, got nil");
}

TEST_CASE("hashmap/to-map", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(hashmap/to-map (hashmap/new 3 :c 1 :a 2 :b))") == "{1 :a 2 :b 3 :c}");
  CHECK(s.eval("(map? (hashmap/to-map (hashmap/new)))") == "#t");
  CHECK(s.eval("(hashmap/to-map {:a 1})") == "Type error: expected hashmap, got map");
  CHECK(s.eval("(hashmap/to-map)") == "Arity error: hashmap/to-map expects 1 args, got 0");
}

TEST_CASE("map/from-entries", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(map/from-entries '((:b 2) (:a 1)))") == "{:a 1 :b 2}");
  CHECK(s.eval("(map/from-entries [[:a 1] '(:a 2)])") == "{:a 2}");
  CHECK(s.eval("(map/from-entries '())") == "{}");
  const char* pair_error = "Eval error: map/from-entries: each entry must be a pair (key value)";
  CHECK(s.eval("(map/from-entries '((:a 1 2)))") == pair_error);
  CHECK(s.eval("(map/from-entries '((:a)))") == pair_error);
  CHECK(s.eval("(map/from-entries '(5))") == pair_error);
  CHECK(s.eval("(map/from-entries {:a 1})") == "Type error: expected list or vector, got map");
  CHECK(s.eval("(map/from-entries nil)") == "Type error: expected list or vector, got nil");
}

TEST_CASE("map/select-keys", "[plugin:map]") {
  Session s("core,map");
  CHECK(s.eval("(map/select-keys {:a 1 :b 2 :c 3} '(:c :a :zz))") == "{:a 1 :c 3}");
  CHECK(s.eval("(map/select-keys {:a 1} '())") == "{}");
  CHECK(s.eval("(map/select-keys (hashmap/new :a 1) '(:a))") == "Type error: expected map, got hashmap");
  CHECK(s.eval("(map/select-keys {:a 1} :a)") == "Type error: expected list, got keyword");
  CHECK(s.eval("(map/select-keys {:a 1})") == "Arity error: map/select-keys expects 2 args, got 1");
}

TEST_CASE("assoc after a get replaces the value the get found", "[plugin:map]") {
  // hashmap_get remembers its last hit for the assoc that usually follows;
  // every other update must still see the map as it is.
  Session s("core,map,string");
  s.eval("(define h (hashmap/new \"a\" 1 \"b\" 2))");
  CHECK(s.eval("(let ((k (string-append \"a\" \"\"))) (get h k) (hashmap/get (assoc h k 10) \"a\"))") == "10");
  CHECK(s.eval("(hashmap/get h \"a\")") == "1");  // h was shared: assoc copied it
  s.eval("(define k (string-append \"b\" \"\"))");
  CHECK(s.eval("(get h k)") == "2");
  s.eval("(define h2 (assoc (assoc (assoc h \"c\" 3) \"d\" 4) k 20))");  // inserts first
  CHECK(s.eval("(map (fn (x) (get h2 x)) '(\"a\" \"b\" \"c\" \"d\"))") == "(1 20 3 4)");
  CHECK(s.eval("(map (fn (x) (get h x)) '(\"a\" \"b\" \"c\"))") == "(1 2 nil)");
  // a fold that gets and then assocs the same key, updated in place
  CHECK(s.eval("(hashmap/to-map (foldl (fn (acc w) (assoc acc w (+ 1 (get acc w 0)))) (hashmap/new) "
               "(string/split \"x y x z x y\" \" \")))") == R"~({"x" 3 "y" 2 "z" 1})~");
  CHECK(s.eval("(let ((m (hashmap/new :k 1))) (get m :k) (hashmap/to-map (assoc m :k 2 :j 3)))") == "{:j 3 :k 2}");
}

TEST_CASE("hashmap get by every kind of key", "[plugin:map]") {
  // Strings and immediates are looked up by kind (a string equals only a
  // string, an immediate only itself); other keys take the generic path.
  Session s("core,map,string");
  s.eval("(define h (hashmap/new 1 :int 1.0 :float \"1\" :string :1 :keyword '(1) :list "
         "1152921504606846976 :big [1] :vector #\\1 :char))");
  CHECK(s.eval("(map (fn (k) (get h k)) (list 1 1.0 \"1\" :1 '(1) 1152921504606846976 [1] #\\1 2 \"2\" '(2)))") ==
        "(:int :float :string :keyword :list :big :vector :char nil nil nil)");
  CHECK(s.eval("(get h (string-append \"\" \"1\"))") == ":string");
  CHECK(s.eval("(get h (list 1))") == ":list");
  // An assoc after a get of a key that is not remembered (a list) still
  // finds its entry by probing.
  CHECK(s.eval("(let ((m (hashmap/new '(1) 1 \"a\" 2))) (get m \"a\") (get m '(1)) "
               "(hashmap/to-map (assoc m '(1) 10)))") == R"~({"a" 2 (1) 10})~");
  CHECK(s.eval("(let ((m (hashmap/new 5 1))) (get m 5) (hashmap/to-map (assoc m 5 2)))") == "{5 2}");
  // Immediates compare as words, as equal() has it: -0.0 is not 0.0, NaN is itself.
  CHECK(s.eval("(let ((z (hashmap/new 0.0 :zero))) (list (get z -0.0) (get z 0.0) (get z 0)))") == "(nil :zero nil)");
  CHECK(s.eval("(get (hashmap/new (string->number \"nan\") 1) (string->number \"nan\"))") == "1");
}
