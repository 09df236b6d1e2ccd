// string plugin: str, string-append, string-length, string-ref, substring,
// string/empty?, string/repeat, string/pad-left, string/pad-right,
// string/reverse, string/map.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("str and string-append concatenate display forms", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((str "a" 1 2.0 nil :k #\c '("x")))~") == R"~("a12.0nil:k#\c("x")")~");
  CHECK(s.eval("(str)") == R"~("")~");
  CHECK(s.eval(R"~((str "x" [1 "y"] {:a "b"}))~") == R"~("x[1 "y"]{:a "b"}")~");
  CHECK(s.eval("(str 0.1 -0.0 1e21 #t #f)") == R"~("0.1-0.01000000000000000000000.0#t#f")~");
  CHECK(s.eval(R"~((string-append "a" 1 :b))~") == R"~("a1:b")~");
  CHECK(s.eval("(string-append)") == R"~("")~");
  CHECK(s.eval(R"~((str 'sym "é"))~") == R"~("symé")~");
}

TEST_CASE("string-length counts UTF-8 bytes", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string-length ""))~") == "0");
  CHECK(s.eval(R"~((string-length "abc"))~") == "3");
  CHECK(s.eval(R"~((string-length "é"))~") == "2");
  CHECK(s.eval(R"~((string-length "日本"))~") == "6");
  CHECK(s.eval(R"~((string-length "😀"))~") == "4");
  CHECK(s.eval("(string-length 'a)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(string-length nil)") == "Type error: expected string, got nil");
  CHECK(s.eval("(string-length)") == "Arity error: string-length expects 1 args, got 0");
  CHECK(s.eval(R"~((string-length "a" "b"))~") == "Arity error: string-length expects 1 args, got 2");
}

TEST_CASE("string-ref indexes code points", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string-ref "abc" 0))~") == R"~(#\a)~");
  CHECK(s.eval(R"~((string-ref "héllo" 1))~") == R"~(#\é)~");
  CHECK(s.eval(R"~((string-ref "héllo" 2))~") == R"~(#\l)~");
  CHECK(s.eval(R"~((string-ref "a b" 1))~") == R"~(#\space)~");
  CHECK(s.eval(R"~((string-ref "abc" 3))~") == "Eval error: string-ref: index 3 out of bounds");
  CHECK(s.eval(R"~((string-ref "" 0))~") == "Eval error: string-ref: index 0 out of bounds");
  // A negative index shows as Rust's unsigned reading of it.
  CHECK(s.eval(R"~((string-ref "abc" -1))~") == "Eval error: string-ref: index 18446744073709551615 out of bounds");
  CHECK(s.eval(R"~((string-ref "abc" 1.0))~") == "Type error: expected int, got float");
  CHECK(s.eval("(string-ref 'abc 1)") == "Type error: expected string, got symbol");
  CHECK(s.eval(R"~((string-ref "abc"))~") == "Arity error: string-ref expects 2 args, got 1");
}

TEST_CASE("substring takes byte offsets, half-open", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((substring "hello" 1 3))~") == R"~("el")~");
  CHECK(s.eval(R"~((substring "hello" 2))~") == R"~("llo")~");
  CHECK(s.eval(R"~((substring "hello" 5))~") == R"~("")~");
  CHECK(s.eval(R"~((substring "hello" 0 5))~") == R"~("hello")~");
  CHECK(s.eval(R"~((substring "hello" 2 2))~") == R"~("")~");
  CHECK(s.eval(R"~((substring "héllo" 1 3))~") == R"~("é")~");
  CHECK(s.eval(R"~((substring "hello" 3 2))~") == "Eval error: substring: index out of bounds");
  CHECK(s.eval(R"~((substring "hello" 0 6))~") == "Eval error: substring: index out of bounds");
  CHECK(s.eval(R"~((substring "hello" 6))~") == "Eval error: substring: index out of bounds");
  CHECK(s.eval(R"~((substring "hello" -1 2))~") == "Eval error: substring: index out of bounds");
  CHECK(s.eval(R"~((substring "hello" 0 -1))~") == "Eval error: substring: index out of bounds");
  // Inside a multi-byte character: a Rust panic, an error here.
  CHECK(s.eval(R"~((substring "héllo" 2))~") == "Eval error: substring: index out of bounds");
  CHECK(s.eval(R"~((substring "héllo" 0 2))~") == "Eval error: substring: index out of bounds");
  CHECK(s.eval(R"~((substring "hello" "1"))~") == "Type error: expected int, got string");
  CHECK(s.eval(R"~((substring "hello" 1 2.0))~") == "Type error: expected int, got float");
  CHECK(s.eval("(substring :k 1)") == "Type error: expected string, got keyword");
  CHECK(s.eval(R"~((substring "hello"))~") == "Arity error: substring expects 2-3 args, got 1");
  CHECK(s.eval(R"~((substring "hello" 1 2 3))~") == "Arity error: substring expects 2-3 args, got 4");
}

TEST_CASE("string/empty? tests the byte length", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/empty? ""))~") == "#t");
  CHECK(s.eval(R"~((string/empty? " "))~") == "#f");
  CHECK(s.eval("(string/empty? nil)") == "Type error: expected string, got nil");
  CHECK(s.eval("(string/empty? '())") == "Type error: expected string, got list");
}

TEST_CASE("string/repeat repeats; a negative count is an error", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/repeat "ab" 3))~") == R"~("ababab")~");
  CHECK(s.eval(R"~((string/repeat "ab" 0))~") == R"~("")~");
  CHECK(s.eval(R"~((string/repeat "" 5))~") == R"~("")~");
  CHECK(s.eval(R"~((string/repeat "é" 2))~") == R"~("éé")~");
  CHECK(s.eval(R"~((string/repeat "ab" -1))~") == "Eval error: string/repeat: count must be non-negative");
  CHECK(s.eval(R"~((string/repeat "ab" 2.0))~") == "Type error: expected int, got float");
  CHECK(s.eval("(string/repeat 1 2)") == "Type error: expected string, got int");
  CHECK(s.eval(R"~((string/repeat "ab"))~") == "Arity error: string/repeat expects 2 args, got 1");
}

TEST_CASE("string/pad-left and string/pad-right pad to a byte width", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/pad-left "42" 5 "0"))~") == R"~("00042")~");
  CHECK(s.eval(R"~((string/pad-right "42" 5 "0"))~") == R"~("42000")~");
  CHECK(s.eval(R"~((string/pad-left "42" 5))~") == R"~("   42")~");
  CHECK(s.eval(R"~((string/pad-right "42" 4))~") == R"~("42  ")~");
  CHECK(s.eval(R"~((string/pad-left "42" 4 ""))~") == R"~("  42")~");  // "" also means a space
  CHECK(s.eval(R"~((string/pad-left "42" 5 "xy"))~") == R"~("xxx42")~");  // only the first char of pad
  CHECK(s.eval(R"~((string/pad-left "7" 3 "é"))~") == R"~("éé7")~");
  CHECK(s.eval(R"~((string/pad-left "hello" 3))~") == R"~("hello")~");
  CHECK(s.eval(R"~((string/pad-left "abc" 3))~") == R"~("abc")~");
  // The width counts bytes: "é" is already 2 wide.
  CHECK(s.eval(R"~((string/pad-left "é" 3 "*"))~") == R"~("*é")~");
  CHECK(s.eval(R"~((string/pad-left "a" -1))~") == "Eval error: string/pad-left: count must be non-negative");
  CHECK(s.eval(R"~((string/pad-right "a" -1))~") == "Eval error: string/pad-right: count must be non-negative");
  CHECK(s.eval(R"~((string/pad-left "a" "3"))~") == "Type error: expected int, got string");
  CHECK(s.eval(R"~((string/pad-left "a" 3 #\0))~") == "Type error: expected string, got char");
  CHECK(s.eval("(string/pad-right 42 5)") == "Type error: expected string, got int");
  CHECK(s.eval(R"~((string/pad-left "a"))~") == "Arity error: string/pad-left expects 2-3 args, got 1");
  CHECK(s.eval(R"~((string/pad-right "a" 1 " " 2))~") == "Arity error: string/pad-right expects 2-3 args, got 4");
}

TEST_CASE("string/reverse reverses code points", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/reverse "abc"))~") == R"~("cba")~");
  CHECK(s.eval(R"~((string/reverse ""))~") == R"~("")~");
  CHECK(s.eval(R"~((string/reverse "héllo"))~") == R"~("olléh")~");
  CHECK(s.eval(R"~((string/reverse "a😀b"))~") == R"~("b😀a")~");
  CHECK(s.eval("(string/reverse '(1 2))") == "Type error: expected string, got list");
}

TEST_CASE("string/map maps code points to chars or strings", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/map char-upcase "abc"))~") == R"~("ABC")~");
  CHECK(s.eval(R"~((string/map (fn (c) (if (char=? c #\a) "AA" c)) "banana"))~") == R"~("bAAnAAnAA")~");
  CHECK(s.eval(R"~((string/map (fn (c) "") "abc"))~") == R"~("")~");
  CHECK(s.eval(R"~((string/map char-upcase ""))~") == R"~("")~");
  CHECK(s.eval(R"~((string/map (fn (c) c) "héllo"))~") == R"~("héllo")~");
  CHECK(s.eval(R"~((string/map (fn (c) 1) "a"))~") == "Type error: expected char or string, got int");
  CHECK(s.eval("(string/map char-upcase 'abc)") == "Type error: expected string, got symbol");
  CHECK(s.eval(R"~((string/map (fn (c) (throw "boom")) "a"))~") == R"~(User exception: "boom")~");
  CHECK(s.eval(R"~((string/map char-upcase))~") == "Arity error: string/map expects 2 args, got 1");
}
