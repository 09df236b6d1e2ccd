// string plugin: characters (stdlib.md §3.2).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("char->integer and integer->char", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((char->integer #\A))~") == "65");
  CHECK(s.eval(R"~((char->integer #\é))~") == "233");
  CHECK(s.eval(R"~((char->integer #\space))~") == "32");
  CHECK(s.eval("(integer->char 97)") == R"~(#\a)~");
  CHECK(s.eval("(integer->char 10)") == R"~(#\newline)~");
  CHECK(s.eval("(integer->char 128512)") == R"~(#\😀)~");
  CHECK(s.eval("(integer->char 1114111)") == "#\\\U0010FFFF");
  // Truncated to 32 bits first: 2^32 + 65 is #\A.
  CHECK(s.eval("(integer->char 4294967361)") == R"~(#\A)~");
  CHECK(s.eval("(integer->char 55296)") == "Eval error: integer->char: invalid codepoint 55296");
  CHECK(s.eval("(integer->char 1114112)") == "Eval error: integer->char: invalid codepoint 1114112");
  CHECK(s.eval("(integer->char -1)") == "Eval error: integer->char: invalid codepoint -1");
  CHECK(s.eval("(integer->char 65.0)") == "Type error: expected int, got float");
  CHECK(s.eval(R"~((char->integer "A"))~") == "Type error: expected char, got string");
  CHECK(s.eval("(char->integer)") == "Arity error: char->integer expects 1 args, got 0");
}

TEST_CASE("char predicates use Unicode properties", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((char-alphabetic? #\a))~") == "#t");
  CHECK(s.eval(R"~((char-alphabetic? #\é))~") == "#t");
  CHECK(s.eval(R"~((char-alphabetic? #\日))~") == "#t");
  CHECK(s.eval(R"~((char-alphabetic? #\1))~") == "#f");
  CHECK(s.eval(R"~((char-alphabetic? #\space))~") == "#f");
  CHECK(s.eval(R"~((char-numeric? #\7))~") == "#t");
  CHECK(s.eval(R"~((char-numeric? #\½))~") == "#t");  // any Number category
  CHECK(s.eval(R"~((char-numeric? #\Ⅻ))~") == "#t");  // Nl
  CHECK(s.eval(R"~((char-numeric? #\٣))~") == "#t");  // Arabic-Indic digit
  CHECK(s.eval(R"~((char-numeric? #\a))~") == "#f");
  CHECK(s.eval(R"~((char-whitespace? #\space))~") == "#t");
  CHECK(s.eval(R"~((char-whitespace? #\tab))~") == "#t");
  CHECK(s.eval(R"~((char-whitespace? #\newline))~") == "#t");
  CHECK(s.eval("(char-whitespace? (integer->char 12288))") == "#t");  // U+3000
  CHECK(s.eval("(char-whitespace? (integer->char 160))") == "#t");    // NBSP
  CHECK(s.eval("(char-whitespace? (integer->char 8203))") == "#f");   // U+200B is not White_Space
  CHECK(s.eval(R"~((char-whitespace? #\a))~") == "#f");
  CHECK(s.eval(R"~((char-upper-case? #\A))~") == "#t");
  CHECK(s.eval(R"~((char-upper-case? #\a))~") == "#f");
  CHECK(s.eval(R"~((char-upper-case? #\É))~") == "#t");
  CHECK(s.eval("(char-upper-case? (integer->char 9398))") == "#t");  // Ⓐ: Other_Uppercase
  CHECK(s.eval(R"~((char-upper-case? #\1))~") == "#f");
  CHECK(s.eval(R"~((char-lower-case? #\a))~") == "#t");
  CHECK(s.eval(R"~((char-lower-case? #\ß))~") == "#t");
  CHECK(s.eval("(char-lower-case? (integer->char 170))") == "#t");  // ª: Other_Lowercase
  CHECK(s.eval(R"~((char-lower-case? #\A))~") == "#f");
  CHECK(s.eval(R"~((char-alphabetic? "a"))~") == "Type error: expected char, got string");
  CHECK(s.eval("(char-numeric? 1)") == "Type error: expected char, got int");
  CHECK(s.eval("(char-whitespace? nil)") == "Type error: expected char, got nil");
  CHECK(s.eval("(char-upper-case? 'A)") == "Type error: expected char, got symbol");
  CHECK(s.eval("(char-lower-case?)") == "Arity error: char-lower-case? expects 1 args, got 0");
}

TEST_CASE("char-upcase and char-downcase take the first char of the full mapping", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((char-upcase #\a))~") == R"~(#\A)~");
  CHECK(s.eval(R"~((char-upcase #\A))~") == R"~(#\A)~");
  CHECK(s.eval(R"~((char-upcase #\ß))~") == R"~(#\S)~");
  CHECK(s.eval(R"~((char-upcase #\é))~") == R"~(#\É)~");
  CHECK(s.eval(R"~((char-upcase #\1))~") == R"~(#\1)~");
  CHECK(s.eval(R"~((char-downcase #\A))~") == R"~(#\a)~");
  CHECK(s.eval(R"~((char-downcase #\Σ))~") == R"~(#\σ)~");
  CHECK(s.eval(R"~((char-downcase #\İ))~") == R"~(#\i)~");
  CHECK(s.eval(R"~((char-upcase "a"))~") == "Type error: expected char, got string");
  CHECK(s.eval("(char-downcase 65)") == "Type error: expected char, got int");
}

TEST_CASE("char->string and string->char", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((char->string #\a))~") == R"~("a")~");
  CHECK(s.eval(R"~((char->string #\é))~") == R"~("é")~");
  CHECK(s.eval(R"~((char->string #\space))~") == R"~(" ")~");
  CHECK(s.eval(R"~((string->char "a"))~") == R"~(#\a)~");
  CHECK(s.eval(R"~((string->char "é"))~") == R"~(#\é)~");
  CHECK(s.eval(R"~((string->char ""))~") == "Eval error: string->char: empty string");
  CHECK(s.eval(R"~((string->char "ab"))~") == "Eval error: string->char: string must have exactly one character");
  CHECK(s.eval(R"~((char->string "a"))~") == "Type error: expected char, got string");
  CHECK(s.eval(R"~((string->char #\a))~") == "Type error: expected string, got char");
}

TEST_CASE("list->string takes a list of chars", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((list->string '(#\a #\b)))~") == R"~("ab")~");
  CHECK(s.eval(R"~((list->string (list #\é #\!)))~") == R"~("é!")~");
  CHECK(s.eval("(list->string '())") == R"~("")~");
  CHECK(s.eval(R"~((list->string (string->list "héllo")))~") == R"~("héllo")~");
  CHECK(s.eval(R"~((list->string [#\a]))~") == "Type error: expected list, got vector");
  CHECK(s.eval(R"~((list->string '(#\a "b")))~") == "Type error: expected char, got string");
  CHECK(s.eval("(list->string nil)") == "Type error: expected list, got nil");
  CHECK(s.eval(R"~((list->string "ab"))~") == "Type error: expected list, got string");
}

TEST_CASE("char comparisons take exactly two chars", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((char=? #\a #\a))~") == "#t");
  CHECK(s.eval(R"~((char=? #\a #\A))~") == "#f");
  CHECK(s.eval(R"~((char<? #\a #\b))~") == "#t");
  CHECK(s.eval(R"~((char<? #\b #\a))~") == "#f");
  CHECK(s.eval(R"~((char>? #\b #\a))~") == "#t");
  CHECK(s.eval(R"~((char<=? #\a #\a))~") == "#t");
  CHECK(s.eval(R"~((char>=? #\a #\b))~") == "#f");
  CHECK(s.eval(R"~((char<? #\Z #\a))~") == "#t");  // code points
  CHECK(s.eval(R"~((char-ci=? #\a #\A))~") == "#t");
  CHECK(s.eval(R"~((char-ci=? #\É #\é))~") == "#t");
  CHECK(s.eval(R"~((char-ci<? #\a #\B))~") == "#t");
  CHECK(s.eval(R"~((char-ci>? #\Z #\a))~") == "#t");
  CHECK(s.eval(R"~((char-ci<=? #\A #\a))~") == "#t");
  CHECK(s.eval(R"~((char-ci>=? #\a #\B))~") == "#f");
  CHECK(s.eval(R"~((char<? #\a #\b #\c))~") == "Arity error: char<? expects 2 args, got 3");
  CHECK(s.eval(R"~((char=? #\a))~") == "Arity error: char=? expects 2 args, got 1");
  CHECK(s.eval(R"~((char-ci=? #\a #\b #\c))~") == "Arity error: char-ci=? expects 2 args, got 3");
  CHECK(s.eval(R"~((char=? #\a "a"))~") == "Type error: expected char, got string");
  CHECK(s.eval(R"~((char<? 1 #\a))~") == "Type error: expected char, got int");
  CHECK(s.eval(R"~((char-ci<? #\a nil))~") == "Type error: expected char, got nil");
}
