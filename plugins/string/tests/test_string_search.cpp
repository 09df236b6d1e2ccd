// string plugin: string/split, string/contains?, string/starts-with?,
// string/ends-with?, string/index-of, string/last-index-of, string/replace,
// string/join, string/chars, string->list.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("string/split keeps empty fields", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/split "a,b,c" ","))~") == R"~(("a" "b" "c"))~");
  CHECK(s.eval(R"~((string/split "a,,b," ","))~") == R"~(("a" "" "b" ""))~");
  CHECK(s.eval(R"~((string/split "" ","))~") == R"~((""))~");
  CHECK(s.eval(R"~((string/split "abc" ","))~") == R"~(("abc"))~");
  CHECK(s.eval(R"~((string/split "a::b::c" "::"))~") == R"~(("a" "b" "c"))~");
  CHECK(s.eval(R"~((string/split "aaa" "aa"))~") == R"~(("" "a"))~");  // non-overlapping, left to right
  CHECK(s.eval(R"~((string/split "x→y→z" "→"))~") == R"~(("x" "y" "z"))~");
  // more fields than the parts buffer holds inline
  CHECK(s.eval(R"~((string/split "1;2;3;4;5;6;7;8;9;10;11;12" ";"))~") ==
        R"~(("1" "2" "3" "4" "5" "6" "7" "8" "9" "10" "11" "12"))~");
  CHECK(s.eval(R"~((string/split ";;" ";"))~") == R"~(("" "" ""))~");
  // One-byte separators are split by the host (split_byte): long fields,
  // non-ASCII text around them, a separator at either end.
  CHECK(s.eval(R"~((string/split "São Paulo, a long station name;-12.3;x" ";"))~") ==
        R"~(("São Paulo, a long station name" "-12.3" "x"))~");
  CHECK(s.eval(R"~((string/split ";Zürich;" ";"))~") == R"~(("" "Zürich" ""))~");
  CHECK(s.eval(R"~((map (fn (l) (string/split l ";")) '("a;b" "c" "")))~") == R"~((("a" "b") ("c") ("")))~");
  // An empty separator splits around every char.
  CHECK(s.eval(R"~((string/split "abc" ""))~") == R"~(("" "a" "b" "c" ""))~");
  CHECK(s.eval(R"~((string/split "é!" ""))~") == R"~(("" "é" "!" ""))~");
  CHECK(s.eval(R"~((string/split "" ""))~") == R"~(("" ""))~");
  CHECK(s.eval(R"~((string/split "a b" #\space))~") == "Type error: expected string, got char");
  CHECK(s.eval(R"~((string/split 'a ","))~") == "Type error: expected string, got symbol");
  CHECK(s.eval(R"~((string/split "a"))~") == "Arity error: string/split expects 2 args, got 1");
}

TEST_CASE("string/split: the evaluator's inline split agrees with the builtin", "[plugin:string]") {
  // string/split is tagged SEMA_INTRINSIC_STRING_SPLIT: a direct call with a
  // one-byte separator is split by the evaluator, a call through apply by
  // the plugin; results and errors must be the same.
  Session s("core,string");
  for (const char* args : {R"~("k;v" ";")~", R"~("" ";")~", R"~(";" ";")~", R"~("a;b;c;d;e" ";")~", R"~("a;b;c;d" ";")~",
                           R"~("abc" "")~", R"~("a::b" "::")~", R"~("xéy" "é")~", R"~("a" 1)~", R"~(1 ";")~",
                           R"~("a" #\;)~"}) {
    INFO(args);
    CHECK(s.eval(std::string("(string/split ") + args + ")") == s.eval(std::string("(apply string/split (list ") + args + "))"));
    CHECK(s.eval(std::string("(let ((p (list ") + args + "))) (string/split (first p) (nth p 1)))") ==
          s.eval(std::string("(apply string/split (list ") + args + "))"));
  }
  CHECK(s.eval(R"~((let ((l "Abha;-5.5")) (string/split l ";")))~") == R"~(("Abha" "-5.5"))~");
  CHECK(s.eval(R"~((let ((l "Abha;-5.5")) (rest (string/split l ";"))))~") == R"~(("-5.5"))~");
}

TEST_CASE("string/contains?, starts-with? and ends-with?", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/contains? "hello world" "o w"))~") == "#t");
  CHECK(s.eval(R"~((string/contains? "hello" "xyz"))~") == "#f");
  CHECK(s.eval(R"~((string/contains? "hello" ""))~") == "#t");
  CHECK(s.eval(R"~((string/contains? "" ""))~") == "#t");
  CHECK(s.eval(R"~((string/contains? "" "a"))~") == "#f");
  CHECK(s.eval(R"~((string/contains? "ab" "abc"))~") == "#f");
  CHECK(s.eval(R"~((string/starts-with? "hello" "he"))~") == "#t");
  CHECK(s.eval(R"~((string/starts-with? "hello" "lo"))~") == "#f");
  CHECK(s.eval(R"~((string/starts-with? "hello" ""))~") == "#t");
  CHECK(s.eval(R"~((string/ends-with? "hello" "lo"))~") == "#t");
  CHECK(s.eval(R"~((string/ends-with? "hello" "he"))~") == "#f");
  CHECK(s.eval(R"~((string/ends-with? "hello" ""))~") == "#t");
  CHECK(s.eval(R"~((string/ends-with? "lo" "hello"))~") == "#f");
  CHECK(s.eval(R"~((string/contains? "hello" 1))~") == "Type error: expected string, got int");
  CHECK(s.eval(R"~((string/starts-with? nil "a"))~") == "Type error: expected string, got nil");
  CHECK(s.eval(R"~((string/ends-with? "a" :a))~") == "Type error: expected string, got keyword");
  CHECK(s.eval(R"~((string/contains? "a"))~") == "Arity error: string/contains? expects 2 args, got 1");
}

TEST_CASE("string/index-of and last-index-of give byte offsets", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/index-of "hello" "l"))~") == "2");
  CHECK(s.eval(R"~((string/last-index-of "hello" "l"))~") == "3");
  CHECK(s.eval(R"~((string/index-of "hello" "lo"))~") == "3");
  CHECK(s.eval(R"~((string/index-of "hello" "z"))~") == "nil");
  CHECK(s.eval(R"~((string/last-index-of "hello" "z"))~") == "nil");
  CHECK(s.eval(R"~((string/index-of "héllo" "l"))~") == "3");  // bytes, not chars
  CHECK(s.eval(R"~((string/index-of "hello" ""))~") == "0");
  CHECK(s.eval(R"~((string/last-index-of "hello" ""))~") == "5");
  CHECK(s.eval(R"~((string/last-index-of "héllo" ""))~") == "6");
  CHECK(s.eval(R"~((string/index-of "" ""))~") == "0");
  CHECK(s.eval(R"~((string/index-of "abc" "abcd"))~") == "nil");
  CHECK(s.eval(R"~((string/index-of 'abc "a"))~") == "Type error: expected string, got symbol");
  CHECK(s.eval(R"~((string/last-index-of "abc" #\a))~") == "Type error: expected string, got char");
}

// The SIMD search must agree with std::string::find on texts that cross
// vector widths, with matches near the ends and many false candidates.
TEST_CASE("string/index-of agrees with a plain search on long texts", "[plugin:string]") {
  Session s("core,string");
  std::mt19937 rng(12345);
  for (int round = 0; round < 150; ++round) {
    size_t len = rng() % 300;
    std::string hay;
    for (size_t i = 0; i < len; ++i) hay += static_cast<char>('a' + rng() % 3);
    size_t nlen = 1 + rng() % 6;
    std::string needle;
    for (size_t i = 0; i < nlen; ++i) needle += static_cast<char>('a' + rng() % 3);
    size_t at = hay.find(needle);
    std::string expected = at == std::string::npos ? "nil" : std::to_string(at);
    INFO("hay=" << hay << " needle=" << needle);
    CHECK(s.eval("(string/index-of \"" + hay + "\" \"" + needle + "\")") == expected);
    CHECK(s.eval("(string/contains? \"" + hay + "\" \"" + needle + "\")") == (at == std::string::npos ? "#f" : "#t"));
  }
  std::string big(1000, 'x');
  CHECK(s.eval("(string/index-of \"" + big + "y\" \"y\")") == "1000");
  CHECK(s.eval("(string/index-of \"" + big + "yz\" \"xyz\")") == "999");
  CHECK(s.eval("(string/index-of \"" + big + "\" \"xy\")") == "nil");
  CHECK(s.eval("(length (string/split \"" + big + "\" \"x\"))") == "1001");
}

TEST_CASE("string/replace replaces every occurrence as plain text", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/replace "a-b-c" "-" "+"))~") == R"~("a+b+c")~");
  CHECK(s.eval(R"~((string/replace "aaa" "aa" "b"))~") == R"~("ba")~");
  CHECK(s.eval(R"~((string/replace "hello" "xyz" "!"))~") == R"~("hello")~");
  CHECK(s.eval(R"~((string/replace "a.b" "." "\\"))~") == R"~("a\b")~");
  CHECK(s.eval(R"~((string/replace "a.c" "." "$0"))~") == R"~("a$0c")~");  // not a regex
  CHECK(s.eval(R"~((string/replace "hello" "l" ""))~") == R"~("heo")~");
  CHECK(s.eval(R"~((string/replace "abc" "" "-"))~") == R"~("-a-b-c-")~");
  CHECK(s.eval(R"~((string/replace "é" "" "-"))~") == R"~("-é-")~");
  CHECK(s.eval(R"~((string/replace "" "" "-"))~") == R"~("-")~");
  CHECK(s.eval(R"~((string/replace "abc" "b" 1))~") == "Type error: expected string, got int");
  CHECK(s.eval(R"~((string/replace "abc" 'b "x"))~") == "Type error: expected string, got symbol");
  CHECK(s.eval(R"~((string/replace "abc" "b"))~") == "Arity error: string/replace expects 3 args, got 2");
}

TEST_CASE("string/join takes the list first and displays elements", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/join '("a" "b" "c") ", "))~") == R"~("a, b, c")~");
  CHECK(s.eval(R"~((string/join ["x" "y"] ""))~") == R"~("xy")~");
  CHECK(s.eval(R"~((string/join '() ","))~") == R"~("")~");
  CHECK(s.eval(R"~((string/join '(1 2.5 :k nil "s" #\c) "|"))~") == R"~("1|2.5|:k|nil|s|#\c")~");
  CHECK(s.eval(R"~((string/join '(("a")) ","))~") == R"~("("a")")~");
  CHECK(s.eval(R"~((string/join ", " '("a" "b")))~") == "Type error: expected list or vector, got string");
  CHECK(s.eval(R"~((string/join nil ","))~") == "Type error: expected list or vector, got nil");
  CHECK(s.eval(R"~((string/join '("a") #\z))~") == "Type error: expected string, got char");
  CHECK(s.eval(R"~((string/join '("a")))~") == "Arity error: string/join expects 2 args, got 1");
}

TEST_CASE("string/chars and string->list give one char per code point", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/chars "abc"))~") == R"~((#\a #\b #\c))~");
  CHECK(s.eval(R"~((string/chars "é😀"))~") == R"~((#\é #\😀))~");
  CHECK(s.eval(R"~((string/chars ""))~") == "()");
  CHECK(s.eval(R"~((string->list "a b"))~") == R"~((#\a #\space #\b))~");
  CHECK(s.eval(R"~((string->list ""))~") == "()");
  CHECK(s.eval("(string/chars 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(string->list '(#\\a))") == "Type error: expected string, got list");
}
