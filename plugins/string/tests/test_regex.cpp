// string plugin: regex/* (stdlib.md §3.4) — Rust regex dialect on RE2,
// Unicode \d \w \s, byte offsets, Rust's iteration and `$` expansion.
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("regex/match? is an unanchored search", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((regex/match? "\\d+" "abc123"))~") == "#t");
  CHECK(s.eval(R"~((regex/match? "\\d+" "abc"))~") == "#f");
  CHECK(s.eval(R"~((regex/match? "^b" "abc"))~") == "#f");
  CHECK(s.eval(R"~((regex/match? "^abc$" "abc"))~") == "#t");
  CHECK(s.eval(R"~((regex/match? "" ""))~") == "#t");
  CHECK(s.eval(R"~((regex/match? "(?i)hello" "HeLLo"))~") == "#t");
  CHECK(s.eval(R"~((regex/match? "a.c" "a\nc"))~") == "#f");
  CHECK(s.eval(R"~((regex/match? "(?s)a.c" "a\nc"))~") == "#t");
}

TEST_CASE("\\d \\w \\s are Unicode-aware", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((regex/match? "^\\d+$" "٣٤"))~") == "#t");  // Arabic-Indic digits
  CHECK(s.eval(R"~((regex/match? "^\\D+$" "٣"))~") == "#f");
  CHECK(s.eval(R"~((regex/find-all "\\w+" "héllo wörld 日本"))~") == R"~(("héllo" "wörld" "日本"))~");
  CHECK(s.eval(R"~((regex/find-all "\\W+" "a, é!"))~") == R"~((", " "!"))~");
  CHECK(s.eval("(regex/split \"\\\\s+\" \"a\u3000b\u00a0c d\")") == R"~(("a" "b" "c" "d"))~");
  CHECK(s.eval("(regex/find-all \"\\\\S+\" \"x\u3000y\")") == R"~(("x" "y"))~");
  CHECK(s.eval(R"~((regex/find-all "[\\d.]+" "v٣.2"))~") == R"~(("٣.2"))~");
  CHECK(s.eval(R"~((regex/find-all "[\\w-]+" "ça-va ok"))~") == R"~(("ça-va" "ok"))~");
  CHECK(s.eval(R"~((regex/find-all "[^\\s]+" "a b"))~") == R"~(("a" "b"))~");
  CHECK(s.eval(R"~((regex/find-all "\\bfoo\\b" "foo foobar foo"))~") == R"~(("foo" "foo"))~");
  CHECK(s.eval(R"~((regex/find-all "[[:alpha:]]+" "ab1cd"))~") == R"~(("ab" "cd"))~");
  CHECK(s.eval(R"~((regex/find-all "[]a]+" "]a]b"))~") == R"~(("]a]"))~");
}

TEST_CASE("regex/match returns a map with byte offsets and groups", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((regex/match "(\\w+)@(\\w+)" "mail user@host now"))~") ==
        R"~({:end 14 :groups ("user" "host") :match "user@host" :start 5})~");
  CHECK(s.eval(R"~((regex/match "b+" "abbbc"))~") == R"~({:end 4 :groups () :match "bbb" :start 1})~");
  CHECK(s.eval(R"~((regex/match "(a)|(b)" "b"))~") == R"~({:end 1 :groups (nil "b") :match "b" :start 0})~");
  CHECK(s.eval(R"~((regex/match "l+" "héllo"))~") == R"~({:end 5 :groups () :match "ll" :start 3})~");
  CHECK(s.eval(R"~((regex/match "x*" "abc"))~") == R"~({:end 0 :groups () :match "" :start 0})~");
  CHECK(s.eval(R"~((regex/match "(?P<user>\\w+)@" "me@x"))~") == R"~({:end 3 :groups ("me") :match "me@" :start 0})~");
  CHECK(s.eval(R"~((regex/match "z" "abc"))~") == "nil");
  CHECK(s.eval(R"~((:start (regex/match "c" "abc")))~") == "2");
}

TEST_CASE("regex/find-all lists non-overlapping matches like Rust's find_iter", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((regex/find-all "\\d+" "a1b22c333"))~") == R"~(("1" "22" "333"))~");
  CHECK(s.eval(R"~((regex/find-all "\\d+" "abc"))~") == "()");
  CHECK(s.eval(R"~((regex/find-all "aa" "aaaaa"))~") == R"~(("aa" "aa"))~");
  CHECK(s.eval(R"~((regex/find-all "" "abc"))~") == R"~(("" "" "" ""))~");
  CHECK(s.eval(R"~((regex/find-all "" "é"))~") == R"~(("" ""))~");  // empty matches step by chars
  CHECK(s.eval(R"~((regex/find-all "a*" "baaa"))~") == R"~(("" "aaa"))~");
  CHECK(s.eval(R"~((regex/find-all "a*" "aab"))~") == R"~(("aa" ""))~");
  CHECK(s.eval(R"~((regex/find-all "^a" "aaa"))~") == R"~(("a"))~");
}

TEST_CASE("regex/replace and replace-all expand $ references", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((regex/replace "\\d" "X" "a1b2"))~") == R"~("aXb2")~");
  CHECK(s.eval(R"~((regex/replace-all "\\d" "X" "a1b2"))~") == R"~("aXbX")~");
  CHECK(s.eval(R"~((regex/replace "z" "X" "abc"))~") == R"~("abc")~");
  CHECK(s.eval(R"~((regex/replace-all "(\\w+)@(\\w+)" "$2 at $1" "user@host"))~") == R"~("host at user")~");
  CHECK(s.eval(R"~((regex/replace "(b)" "${1}a" "abc"))~") == R"~("abac")~");
  CHECK(s.eval(R"~((regex/replace "(b)" "$1a" "abc"))~") == R"~("ac")~");  // group "1a" does not exist
  CHECK(s.eval(R"~((regex/replace "b" "$$" "abc"))~") == R"~("a$c")~");
  CHECK(s.eval(R"~((regex/replace "b" "[$0]" "abc"))~") == R"~("a[b]c")~");
  CHECK(s.eval(R"~((regex/replace "(?P<x>b)" "[$x]" "abc"))~") == R"~("a[b]c")~");
  CHECK(s.eval(R"~((regex/replace "(?<x>b)" "[${x}]" "abc"))~") == R"~("a[b]c")~");
  CHECK(s.eval(R"~((regex/replace "b" "x$" "abc"))~") == R"~("ax$c")~");
  CHECK(s.eval(R"~((regex/replace "b" "${1" "abc"))~") == R"~("a${1c")~");
  CHECK(s.eval(R"~((regex/replace "(b)" "$9" "abc"))~") == R"~("ac")~");
  CHECK(s.eval(R"~((regex/replace-all "(a)|(b)" "[$1$2]" "ab"))~") == R"~("[a][b]")~");
  CHECK(s.eval(R"~((regex/replace-all "" "-" "abc"))~") == R"~("-a-b-c-")~");
  CHECK(s.eval(R"~((regex/replace-all "a*" "-" "baaac"))~") == R"~("-b-c-")~");
}

TEST_CASE("regex/split keeps empty pieces", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((regex/split "," "a,,b,"))~") == R"~(("a" "" "b" ""))~");
  CHECK(s.eval(R"~((regex/split "," ""))~") == R"~((""))~");
  CHECK(s.eval(R"~((regex/split "\\s*,\\s*" "a , b,c"))~") == R"~(("a" "b" "c"))~");
  CHECK(s.eval(R"~((regex/split "x" "abc"))~") == R"~(("abc"))~");
  CHECK(s.eval(R"~((regex/split "," ",a"))~") == R"~(("" "a"))~");
}

TEST_CASE("regex errors: bad patterns, non-strings, arity", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((regex/match? "(" "x"))~").rfind("Eval error: invalid regex: ", 0) == 0);
  CHECK(s.eval(R"~((regex/find-all "[a" "x"))~").rfind("Eval error: invalid regex: ", 0) == 0);
  CHECK(s.eval(R"~((regex/replace "a{2,1}" "" "x"))~").rfind("Eval error: invalid regex: ", 0) == 0);
  CHECK(s.eval(R"~((regex/match? 1 "x"))~") == "Type error: expected string, got int");
  CHECK(s.eval(R"~((regex/match "a" :x))~") == "Type error: expected string, got keyword");
  CHECK(s.eval(R"~((regex/find-all "a" nil))~") == "Type error: expected string, got nil");
  CHECK(s.eval(R"~((regex/replace "a" 1 "b"))~") == "Type error: expected string, got int");
  CHECK(s.eval(R"~((regex/replace-all "a" "b" 'c))~") == "Type error: expected string, got symbol");
  CHECK(s.eval(R"~((regex/split #\a "b"))~") == "Type error: expected string, got char");
  CHECK(s.eval(R"~((regex/match? "a"))~") == "Arity error: regex/match? expects 2 args, got 1");
  CHECK(s.eval(R"~((regex/replace "a" "b"))~") == "Arity error: regex/replace expects 3 args, got 2");
  CHECK(s.eval(R"~((regex/split "a" "b" "c"))~") == "Arity error: regex/split expects 2 args, got 3");
}
