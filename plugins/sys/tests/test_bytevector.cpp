// Immutable bytevectors (stdlib.md §7.5).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

using sema::test::Session;

TEST_CASE("make-bytevector and bytevector", "[sys][bytevector]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(make-bytevector 3)") == "#u8(0 0 0)");
  CHECK(s.eval("(make-bytevector 2 255)") == "#u8(255 255)");
  CHECK(s.eval("(make-bytevector 0 7)") == "#u8()");
  CHECK(s.eval("(make-bytevector -1)") == "Eval error: make-bytevector: size must be non-negative, got -1");
  CHECK(s.eval("(make-bytevector 2 256)") == "Eval error: make-bytevector: fill value 256 out of range 0..255");
  CHECK(s.eval("(make-bytevector 2 -1)") == "Eval error: make-bytevector: fill value -1 out of range 0..255");
  CHECK(s.eval("(make-bytevector 2.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(make-bytevector 2 \"a\")") == "Type error: expected int, got string");
  CHECK(s.eval("(make-bytevector)") == "Arity error: make-bytevector expects 1-2 args, got 0");
  CHECK(s.eval("(make-bytevector 1 2 3)") == "Arity error: make-bytevector expects 1-2 args, got 3");

  CHECK(s.eval("(bytevector)") == "#u8()");
  CHECK(s.eval("(bytevector 1 2 255 0)") == "#u8(1 2 255 0)");
  CHECK(s.eval("(bytevector 1 256)") == "Eval error: bytevector: byte value 256 at index 1 out of range 0..255");
  CHECK(s.eval("(bytevector -3)") == "Eval error: bytevector: byte value -3 at index 0 out of range 0..255");
  CHECK(s.eval("(bytevector 1 #\\a)") == "Type error: expected int, got char");
  CHECK(s.eval("(type (bytevector 1))") == ":bytevector");
  CHECK(s.eval("(equal? (bytevector 1 2) (bytevector 1 2))") == "#t");
}

TEST_CASE("bytevector-length and bytevector-u8-ref", "[sys][bytevector]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(bytevector-length (bytevector 1 2 3))") == "3");
  CHECK(s.eval("(bytevector-length (bytevector))") == "0");
  CHECK(s.eval("(bytevector-length \"abc\")") == "Type error: expected bytevector, got string");
  CHECK(s.eval("(bytevector-length '(1 2))") == "Type error: expected bytevector, got list");
  CHECK(s.eval("(bytevector-length)") == "Arity error: bytevector-length expects 1 args, got 0");

  CHECK(s.eval("(bytevector-u8-ref (bytevector 5 6 7) 0)") == "5");
  CHECK(s.eval("(bytevector-u8-ref (bytevector 5 6 7) 2)") == "7");
  CHECK(s.eval("(bytevector-u8-ref (bytevector 5 6 7) 3)") ==
        "Eval error: bytevector-u8-ref: index 3 out of range for bytevector of length 3");
  CHECK(s.eval("(bytevector-u8-ref (bytevector 5 6 7) -1)") ==
        "Eval error: bytevector-u8-ref: index -1 out of range for bytevector of length 3");
  CHECK(s.eval("(bytevector-u8-ref (bytevector) 0)") ==
        "Eval error: bytevector-u8-ref: index 0 out of range for bytevector of length 0");
  CHECK(s.eval("(bytevector-u8-ref [1 2] 0)") == "Type error: expected bytevector, got vector");
  CHECK(s.eval("(bytevector-u8-ref (bytevector 1) 0.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(bytevector-u8-ref (bytevector 1))") == "Arity error: bytevector-u8-ref expects 2 args, got 1");
}

TEST_CASE("bytevector-u8-set! returns a new bytevector", "[sys][bytevector]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(bytevector-u8-set! (bytevector 1 2 3) 1 9)") == "#u8(1 9 3)");
  s.eval("(define bv (bytevector 1 2 3))");
  CHECK(s.eval("(bytevector-u8-set! bv 0 255)") == "#u8(255 2 3)");
  CHECK(s.eval("bv") == "#u8(1 2 3)");  // the original is unchanged
  CHECK(s.eval("(bytevector-u8-set! bv 3 0)") ==
        "Eval error: bytevector-u8-set!: index 3 out of range for bytevector of length 3");
  CHECK(s.eval("(bytevector-u8-set! bv -1 0)") ==
        "Eval error: bytevector-u8-set!: index -1 out of range for bytevector of length 3");
  CHECK(s.eval("(bytevector-u8-set! bv 0 256)") == "Eval error: bytevector-u8-set!: byte value 256 out of range 0..255");
  CHECK(s.eval("(bytevector-u8-set! bv 0 -1)") == "Eval error: bytevector-u8-set!: byte value -1 out of range 0..255");
  CHECK(s.eval("(bytevector-u8-set! \"x\" 0 1)") == "Type error: expected bytevector, got string");
  CHECK(s.eval("(bytevector-u8-set! bv \"0\" 1)") == "Type error: expected int, got string");
  CHECK(s.eval("(bytevector-u8-set! bv 0 'a)") == "Type error: expected int, got symbol");
  CHECK(s.eval("(bytevector-u8-set! bv 0)") == "Arity error: bytevector-u8-set! expects 3 args, got 2");
}

TEST_CASE("bytevector-copy slices from start to end", "[sys][bytevector]") {
  Session s("core,string,map,sys");
  s.eval("(define bv (bytevector 10 20 30 40))");
  CHECK(s.eval("(bytevector-copy bv)") == "#u8(10 20 30 40)");
  CHECK(s.eval("(bytevector-copy bv 1)") == "#u8(20 30 40)");
  CHECK(s.eval("(bytevector-copy bv 1 3)") == "#u8(20 30)");
  CHECK(s.eval("(bytevector-copy bv 2 2)") == "#u8()");
  CHECK(s.eval("(bytevector-copy bv 4)") == "#u8()");
  CHECK(s.eval("(bytevector-copy bv 3 2)") ==
        "Eval error: bytevector-copy: range 3..2 out of bounds for bytevector of length 4");
  CHECK(s.eval("(bytevector-copy bv 0 5)") ==
        "Eval error: bytevector-copy: range 0..5 out of bounds for bytevector of length 4");
  CHECK(s.eval("(bytevector-copy bv -1)") ==
        "Eval error: bytevector-copy: range 18446744073709551615..4 out of bounds for bytevector of length 4");
  CHECK(s.eval("(bytevector-copy bv 0 -1)") ==
        "Eval error: bytevector-copy: range 0..18446744073709551615 out of bounds for bytevector of length 4");
  CHECK(s.eval("(bytevector-copy '(1))") == "Type error: expected bytevector, got list");
  CHECK(s.eval("(bytevector-copy bv 1.0)") == "Type error: expected int, got float");
  CHECK(s.eval("(bytevector-copy)") == "Arity error: bytevector-copy expects 1-3 args, got 0");
  CHECK(s.eval("(bytevector-copy bv 1 2 3)") == "Arity error: bytevector-copy expects 1-3 args, got 4");
}

TEST_CASE("bytevector-append and list conversions", "[sys][bytevector]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(bytevector-append)") == "#u8()");
  CHECK(s.eval("(bytevector-append (bytevector 1) (bytevector) (bytevector 2 3))") == "#u8(1 2 3)");
  CHECK(s.eval("(bytevector-append (bytevector 1) '(2))") == "Type error: expected bytevector, got list");

  CHECK(s.eval("(bytevector->list (bytevector 1 2 3))") == "(1 2 3)");
  CHECK(s.eval("(bytevector->list (bytevector))") == "()");
  CHECK(s.eval("(bytevector->list [1 2])") == "Type error: expected bytevector, got vector");
  CHECK(s.eval("(bytevector->list)") == "Arity error: bytevector->list expects 1 args, got 0");

  CHECK(s.eval("(list->bytevector '(1 2 255))") == "#u8(1 2 255)");
  CHECK(s.eval("(list->bytevector '())") == "#u8()");
  CHECK(s.eval("(list->bytevector [1 2])") == "Type error: expected list, got vector");
  CHECK(s.eval("(list->bytevector nil)") == "Type error: expected list, got nil");
  CHECK(s.eval("(list->bytevector '(1 \"2\"))") == "Type error: expected int, got string");
  CHECK(s.eval("(list->bytevector '(1 300))") == "Eval error: list->bytevector: byte value 300 out of range 0..255");
  CHECK(s.eval("(list->bytevector)") == "Arity error: list->bytevector expects 1 args, got 0");
}

TEST_CASE("utf8->string and string->utf8", "[sys][bytevector]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(string->utf8 \"hé\")") == "#u8(104 195 169)");
  CHECK(s.eval("(string->utf8 \"\")") == "#u8()");
  CHECK(s.eval("(utf8->string (bytevector 104 195 169))") == "\"hé\"");
  CHECK(s.eval("(utf8->string (string->utf8 \"日本 ✓\"))") == "\"日本 ✓\"");
  CHECK(s.eval("(utf8->string (bytevector 97 255 98))") ==
        "Eval error: utf8->string: invalid UTF-8: invalid utf-8 sequence of 1 bytes from index 1");
  CHECK(s.eval("(utf8->string (bytevector 97 226 130))") ==
        "Eval error: utf8->string: invalid UTF-8: incomplete utf-8 byte sequence from index 1");
  CHECK(s.eval("(utf8->string (bytevector 240 159 65))") ==
        "Eval error: utf8->string: invalid UTF-8: invalid utf-8 sequence of 2 bytes from index 0");
  CHECK(s.eval("(utf8->string (bytevector 237 160 128))") ==  // a surrogate
        "Eval error: utf8->string: invalid UTF-8: invalid utf-8 sequence of 1 bytes from index 0");
  CHECK(s.eval("(utf8->string \"abc\")") == "Type error: expected bytevector, got string");
  CHECK(s.eval("(string->utf8 (bytevector 1))") == "Type error: expected string, got bytevector");
  CHECK(s.eval("(utf8->string)") == "Arity error: utf8->string expects 1 args, got 0");
  CHECK(s.eval("(string->utf8 \"a\" \"b\")") == "Arity error: string->utf8 expects 1 args, got 2");
}
