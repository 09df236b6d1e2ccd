// string plugin: string/trim*, string/upper, string/lower,
// string/capitalize, string/title-case (Unicode White_Space, full case mapping).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("string/trim strips Unicode White_Space", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/trim "  hi  "))~") == R"~("hi")~");
  CHECK(s.eval(R"~((string/trim-left "  hi  "))~") == R"~("hi  ")~");
  CHECK(s.eval(R"~((string/trim-right "  hi  "))~") == R"~("  hi")~");
  CHECK(s.eval("(string/trim \"\t\n hi \r\n\")") == R"~("hi")~");
  // U+3000 ideographic space and U+00A0 no-break space are White_Space.
  CHECK(s.eval("(string/trim \"\u3000\u00a0hi\u00a0\u3000\")") == R"~("hi")~");
  CHECK(s.eval("(string/trim-left \"\u2003x\")") == R"~("x")~");
  // U+200B zero width space is not.
  CHECK(s.eval("(string-length (string/trim \"\u200bx\"))") == "4");
  CHECK(s.eval(R"~((string/trim ""))~") == R"~("")~");
  CHECK(s.eval(R"~((string/trim "   "))~") == R"~("")~");
  CHECK(s.eval(R"~((string/trim " a b "))~") == R"~("a b")~");
  CHECK(s.eval("(string/trim 1)") == "Type error: expected string, got int");
  CHECK(s.eval("(string/trim-right nil)") == "Type error: expected string, got nil");
  CHECK(s.eval("(string/trim-left)") == "Arity error: string/trim-left expects 1 args, got 0");
}

TEST_CASE("string/upper and string/lower use full case mapping", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/upper "hello World 1"))~") == R"~("HELLO WORLD 1")~");
  CHECK(s.eval(R"~((string/lower "Hello WORLD 1"))~") == R"~("hello world 1")~");
  CHECK(s.eval(R"~((string/upper "ß"))~") == R"~("SS")~");  // the length changes
  CHECK(s.eval(R"~((string-length (string/upper "straße")))~") == "7");
  CHECK(s.eval(R"~((string/upper "ﬁ"))~") == R"~("FI")~");
  CHECK(s.eval(R"~((string/upper "éàü"))~") == R"~("ÉÀÜ")~");
  CHECK(s.eval(R"~((string/lower "ÉÀÜ"))~") == R"~("éàü")~");
  CHECK(s.eval(R"~((string/upper "ǆ"))~") == R"~("Ǆ")~");
  CHECK(s.eval(R"~((string/lower "İ"))~") == "\"i\u0307\"");
  // Final sigma: ς at the end of a word, σ elsewhere.
  CHECK(s.eval(R"~((string/lower "ΟΔΟΣ"))~") == R"~("οδος")~");
  CHECK(s.eval(R"~((string/lower "ΣΑ ΣΟΣ."))~") == R"~("σα σος.")~");
  CHECK(s.eval(R"~((string/lower "Σ"))~") == R"~("σ")~");
  CHECK(s.eval(R"~((string/upper ""))~") == R"~("")~");
  CHECK(s.eval("(string/upper 'abc)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(string/lower #\\A)") == "Type error: expected string, got char");
}

TEST_CASE("string/capitalize upper-cases the first char and lower-cases the rest", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/capitalize "hELLO"))~") == R"~("Hello")~");
  CHECK(s.eval(R"~((string/capitalize ""))~") == R"~("")~");
  CHECK(s.eval(R"~((string/capitalize "a"))~") == R"~("A")~");
  CHECK(s.eval(R"~((string/capitalize "ßa"))~") == R"~("SSa")~");
  CHECK(s.eval(R"~((string/capitalize "éCOLE"))~") == R"~("École")~");
  CHECK(s.eval(R"~((string/capitalize "1ABC"))~") == R"~("1abc")~");
  CHECK(s.eval(R"~((string/capitalize "hello world"))~") == R"~("Hello world")~");
  CHECK(s.eval("(string/capitalize 1)") == "Type error: expected string, got int");
}

TEST_CASE("string/title-case capitalizes words and collapses whitespace", "[plugin:string]") {
  Session s("core,string");
  CHECK(s.eval(R"~((string/title-case "hello world"))~") == R"~("Hello World")~");
  CHECK(s.eval(R"~((string/title-case "  hi   there "))~") == R"~("Hi There")~");
  CHECK(s.eval(R"~((string/title-case "hELLO wORLD"))~") == R"~("Hello World")~");
  CHECK(s.eval("(string/title-case \"a\tb\nc\")") == R"~("A B C")~");
  CHECK(s.eval(R"~((string/title-case ""))~") == R"~("")~");
  CHECK(s.eval(R"~((string/title-case "   "))~") == R"~("")~");
  CHECK(s.eval(R"~((string/title-case "élan vital"))~") == R"~("Élan Vital")~");
  CHECK(s.eval("(string/title-case :a)") == "Type error: expected string, got keyword");
}
