// fastio plugin: a let binding `parts (string/split line ";")` read only by
// `(first parts)` and `(nth parts K)` is kept as the line and each field made
// on its own (the mini-eval's deferred splits, mini_compile.cpp). Every
// program runs with fastio and with plain io; values, errors and their
// traces must agree, including whenever the list has to be made after all.
#include "fastio_test.hpp"

#include <string>
#include <vector>

using fastio_test::Both;
using fastio_test::Files;
using fastio_test::q;

namespace {

// A callback over `line` with the split bound first, then `binds` (more
// let* bindings), then `body`.
std::string step(const std::string& binds, const std::string& body, const std::string& sep = ";") {
  return "(fn (acc line) (let* ((parts (string/split line \"" + sep + "\")) " + binds + ") " + body + "))";
}

}  // namespace

TEST_CASE("deferred split: fields, empty fields, several separators", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\n;2\nb;\n;;\nc;4;5;6\n;\nlong-name-of-a-station;-12.5\n"));
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(a (first parts)) (x (nth parts 1))", "(cons (list a x) acc)") + " '())") ==
        "((\"long-name-of-a-station\" \"-12.5\") (\"\" \"\") (\"c\" \"4\") (\"\" \"\") (\"b\" \"\") (\"\" \"2\") (\"a\" \"1\"))");
  // K = 0 through nth, the same field twice, and fields past the second
  std::string p2 = q(f.write("b", "a;b;c;d\nw;x;y;z\n;;;\n"));
  CHECK(b.eval("(file/fold-lines " + p2 + " " +
               step("(d (nth parts 3)) (c (nth parts 2)) (a (nth parts 0)) (a2 (first parts))", "(cons (list a a2 c d) acc)") +
               " '())") == "((\"\" \"\" \"\" \"\") (\"w\" \"w\" \"y\" \"z\") (\"a\" \"a\" \"c\" \"d\"))");
  // the 1BRC chain, and first and nil?/not chains over a field
  CHECK(b.eval("(file/fold-lines " + p + " " +
               step("(n (nil? (first parts))) (e (not (first parts))) (t (float (string->number (nth parts 1))))",
                    "(cons (list n e t) acc)") +
               " '())") == "Eval error: cannot parse '' as number");
  std::string p3 = q(f.write("c", "Oslo;1.5\nRome;20\nLima;-0.0\nX;-7\n"));
  CHECK(b.eval("(file/fold-lines " + p3 + " " +
               step("(n (nil? (first parts))) (name (first parts)) (t (float (string->number (nth parts 1)))) "
                    "(i (string->number (nth parts 1)))",
                    "(cons (list n name t i) acc)") +
               " '())") ==
        "((#f \"X\" -7.0 -7) (#f \"Lima\" -0.0 -0.0) (#f \"Rome\" 20.0 20) (#f \"Oslo\" 1.5 1.5))");
  // a field is a fresh string each time, equal to the list's element
  CHECK(b.eval("(file/fold-lines " + p3 + " " + step("(a (first parts)) (a2 (nth parts 0))", "(and acc (eq? a a2) (= a a2))") +
               " #t)") == "#t");
  // a plain let, and a constant source
  CHECK(b.eval("(file/fold-lines " + p3 + " (fn (acc line) (let ((parts (string/split line \";\")) (k 1)) (+ acc k))) 0)") == "4");
  CHECK(b.eval("(file/fold-lines " + p3 + " (fn (acc line) (let* ((parts (string/split \"k;v\" \";\")) (v (nth parts 1))) (cons v acc))) '())") ==
        "(\"v\" \"v\" \"v\" \"v\")");
}

TEST_CASE("deferred split: a field past the last one fails as the builtin does", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nnosep\nb;2\n"));
  // the error and its trace lines are compared by Both
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(name (first parts)) (x (nth parts 1))", "(cons x acc)") + " '())")
            .starts_with("Eval error: index 1 out of bounds"));
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(name (first parts)) (t (float (string->number (nth parts 1))))", "(cons t acc)") +
               " '())")
            .starts_with("Eval error: index 1 out of bounds"));
  std::string p2 = q(f.write("b", "a;b;c\n"));
  CHECK(b.eval("(file/fold-lines " + p2 + " " + step("(x (nth parts 7))", "x") + " nil)") == "Eval error: index 7 out of bounds (length 3)");
  CHECK(b.eval("(file/fold-lines " + p2 + " " + step("(x (nth parts 63))", "x") + " nil)") == "Eval error: index 63 out of bounds (length 3)");
  CHECK(b.eval("(file/fold-lines " + p2 + " " + step("(x (nth parts 64))", "x") + " nil)") == "Eval error: index 64 out of bounds (length 3)");
  CHECK(b.eval("(file/fold-lines " + p2 + " " + step("(x (nth parts -1))", "x") + " nil)") ==
        "Eval error: index 18446744073709551615 out of bounds (length 3)");
  // an empty line is one empty field
  std::string p3 = q(f.write("c", "\n"));
  CHECK(b.eval("(file/fold-lines " + p3 + " " + step("(x (first parts))", "(list x)") + " nil)") == "(\"\")");
  CHECK(b.eval("(file/fold-lines " + p3 + " " + step("(x (nth parts 1))", "(list x)") + " nil)").starts_with("Eval error: index 1 out of bounds"));
}

TEST_CASE("deferred split: other reads of the list keep it a list", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nb;2;3\n"));
  const char* binds = "(a (first parts))";
  CHECK(b.eval("(file/fold-lines " + p + " " + step(binds, "(cons (list a (count parts)) acc)") + " '())") ==
        "((\"b\" 3) (\"a\" 2))");
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(a (first parts)) (r (reverse parts))", "(cons r acc)") + " '())") ==
        "((\"3\" \"2\" \"b\") (\"1\" \"a\"))");
  CHECK(b.eval("(file/fold-lines " + p + " " + step(binds, "(cons parts acc)") + " '())") ==
        "((\"b\" \"2\" \"3\") (\"a\" \"1\"))");
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(a (first parts)) (y (= (first parts) \"a\"))", "(cons y acc)") + " '())") ==
        "(#f #t)");
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(i (count acc)) (x (nth parts i))", "(cons x acc)") + " '())") ==
        "(\"2\" \"a\")");
  CHECK(b.eval("(file/fold-lines " + p + " " + step(binds, "(first parts)") + " nil)") == "\"b\"");
  CHECK(b.eval("(file/fold-lines " + p + " " + step(binds, "((fn (x) (nth x 1)) parts)") + " nil)") == "\"2\"");
  CHECK(b.eval("(file/fold-lines " + p + " " + step(binds, "(fn () parts)") + " nil)").starts_with("<"));
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(a (first parts)) (x (list (nth parts 1)))", "(cons x acc)") + " '())") ==
        "((\"2\") (\"1\"))");
  // the same name bound again by a later binding
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(a (first parts)) (parts (list \"z\" a)) (c (first parts))", "(cons c acc)") +
               " '())") == "(\"z\" \"z\")");
  // a two-byte separator and a non-string source are not deferred
  std::string p2 = q(f.write("b", "a;;1\nb;2\n"));
  CHECK(b.eval("(file/fold-lines " + p2 + " " + step("(a (first parts)) (x (nth parts 1))", "(cons (list a x) acc)", ";;") + " '())")
            .starts_with("Eval error: index 1 out of bounds"));
  CHECK(b.eval("(file/fold-lines " + p2 + " (fn (acc line) (let* ((x (if (= line \"b;2\") 42 line)) (parts (string/split x \";\")) "
               "(a (first parts))) (cons a acc))) '())") == b.eval("(string/split 42 \";\")"));
  CHECK(b.eval("(file/fold-lines " + p2 + " (fn (acc line) (let* ((x (if (= line \"b;2\") 'sym line)) (parts (string/split x \";\")) "
               "(a (first parts))) (cons a acc))) '())") == b.eval("(string/split 'sym \";\")"));
}

TEST_CASE("deferred split: builtins rebound while the stream runs", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nb;2\nc;3\n"));
  b.eval("(define (mine x) (list :mine x))");
  b.eval("(define (mine2 x i) (list :mine2 x i))");
  b.eval("(define (fake-split s d) s)");
  b.eval("(define (list-split s d) (list \"F\" \"9\"))");
  b.eval("(define saved-first first)");
  b.eval("(define saved-nth nth)");
  b.eval("(define saved-split string/split)");
  b.eval("(define saved-float float)");
  b.eval("(define saved-s2n string->number)");
  auto run = [&](const std::string& rebind, const std::string& restore) {
    std::string r = b.eval("(file/fold-lines " + p + " " +
                           step("(z (if (= line \"b;2\") " + rebind + " nil)) (a (first parts)) (t (float (string->number (nth parts 1))))",
                                "(cons (list a t) acc)") +
                           " '())");
    b.eval(restore);
    return r;
  };
  // between the split and its uses, in the row that rebinds
  CHECK(run("(set! first mine)", "(set! first saved-first)") ==
        "(((:mine (\"c\" \"3\")) 3.0) ((:mine (\"b\" \"2\")) 2.0) (\"a\" 1.0))");
  CHECK(run("(set! nth mine2)", "(set! nth saved-nth)") == "Type error: expected string, got list");
  CHECK(run("(set! float mine)", "(set! float saved-float)") == "((\"c\" (:mine 3)) (\"b\" (:mine 2)) (\"a\" 1.0))");
  CHECK(run("(set! string->number mine)", "(set! string->number saved-s2n)") == "Type error: expected number or string, got list");
  CHECK(run("(set! string->number string-length)", "(set! string->number saved-s2n)") ==
        "((\"c\" 1.0) (\"b\" 1.0) (\"a\" 1.0))");
  // after the uses' own split: the rows after it see the new one
  CHECK(run("(set! string/split list-split)", "(set! string/split saved-split)") ==
        "((\"F\" 9.0) (\"b\" 2.0) (\"a\" 1.0))");
  CHECK(run("(set! string/split fake-split)", "(set! string/split saved-split)").starts_with("Type error"));
  // rebound before the split of the same row
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc line) (let* ((z (if (= line \"b;2\") (set! string/split list-split) nil)) (parts (string/split line \";\")) "
               "(a (first parts)) (x (nth parts 1))) (cons (list a x) acc))) '())") ==
        "((\"F\" \"9\") (\"F\" \"9\") (\"a\" \"1\"))");
  b.eval("(set! string/split saved-split)");
  CHECK(b.eval("(file/fold-lines " + p +
               " (fn (acc line) (let* ((z (if (= line \"b;2\") (set! string/split fake-split) nil)) (parts (string/split line \";\")) "
               "(a (first parts))) (cons a acc))) '())")
            .starts_with("Type error"));
  b.eval("(set! string/split saved-split)");
  CHECK(b.eval("(string/split \"x;y\" \";\")") == "(\"x\" \"y\")");
}

TEST_CASE("deferred split: texts the short number parse declines", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1e5\nb;.5\nc;123456789012345678901234567890\nd;-0.0\ne;4611686018427387904\nf;+1\ng;0x10\nh;1.\n"));
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(name (first parts)) (n (string->number (nth parts 1)))", "(cons n acc)") +
               " '())") == b.plain().eval("(map string->number (list \"1.\" \"0x10\" \"+1\" \"4611686018427387904\" \"-0.0\" "
                                          "\"123456789012345678901234567890\" \".5\" \"1e5\"))"));
  CHECK(b.eval("(file/fold-lines " + p + " " + step("(name (first parts)) (n (float (string->number (nth parts 1))))", "(cons n acc)") +
               " '())") == b.plain().eval("(map (fn (s) (float (string->number s))) (list \"1.\" \"0x10\" \"+1\" \"4611686018427387904\" "
                                          "\"-0.0\" \"123456789012345678901234567890\" \".5\" \"1e5\"))"));
  std::string p2 = q(f.write("b", "a;1\nb;abc\n"));
  CHECK(b.eval("(file/fold-lines " + p2 + " " + step("(n (float (string->number (nth parts 1))))", "(cons n acc)") + " '())") ==
        "Eval error: cannot parse 'abc' as number");
  std::string p3 = q(f.write("c", "a; 1\n"));
  CHECK(b.eval("(file/fold-lines " + p3 + " " + step("(n (string->number (nth parts 1)))", "n") + " nil)") ==
        b.plain().eval("(string->number \" 1\")"));
}

TEST_CASE("deferred split: the same let run again inside its own run", "[plugin:fastio]") {
  Both b("math");
  Files f;
  std::string p = q(f.write("a", "a;1\nb;2\nc;3\n"));
  // the inner fold runs the same let between the outer split and its uses
  b.eval("(define (step acc line) (let* ((parts (string/split line \";\"))"
         " (inner (if (and (= line \"b;2\") (nil? (get acc :in))) (file/fold-lines " + p + " step (assoc acc :in 0)) nil))"
         " (name (first parts)) (v (float (string->number (nth parts 1)))))"
         " (assoc acc name (list v (count (or inner {}))))))");
  CHECK(b.eval("(file/fold-lines " + p + " step {})") ==
        "{\"a\" (1.0 0) \"b\" (2.0 4) \"c\" (3.0 0)}");
  // the inner run's splits are not deferred (string/split rebound while it
  // runs, back before the outer run goes on): the outer one still is (each
  // fold compiles its own code today, so this guards the let's split_live
  // bits only if a compiled body is ever run again inside itself)
  b.eval("(define saved-split2 string/split)");
  b.eval("(define (list-split s d) (list \"F\" \"9\"))");
  b.eval("(define (step3 acc line) (let* ((parts (string/split line \";\"))"
         " (inner (if (and (= line \"b;2\") (nil? (get acc :in))) (begin (set! string/split list-split)"
         " (let ((r (file/fold-lines " + p + " step3 (assoc acc :in 0)))) (set! string/split saved-split2) r)) nil))"
         " (name (first parts)) (v (nth parts 1)))"
         " (assoc acc name (list v (count (or inner {}))))))");
  CHECK(b.eval("(file/fold-lines " + p + " step3 {})") == "{\"a\" (\"1\" 0) \"b\" (\"2\" 3) \"c\" (\"3\" 0)}");
  CHECK(b.eval("(string/split \"x;y\" \";\")") == "(\"x\" \"y\")");
  // rebound to a non-splitting split inside the inner run only
  b.eval("(define saved-split string/split)");
  b.eval("(define (fake-split s d) s)");
  b.eval("(define (step2 acc line) (let* ((parts (string/split line \";\"))"
         " (inner (if (= line \"b;2\") (begin (set! string/split fake-split) (file/fold-lines " + p + " step2 acc)) nil))"
         " (name (first parts))) (cons name acc)))");
  CHECK(b.eval("(file/fold-lines " + p + " step2 '())").starts_with("Type error"));
  b.eval("(set! string/split saved-split)");
}

TEST_CASE("deferred split: field ends found once per row", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // rows of different shapes after each other (a line string may be refilled
  // in place: one row's ends must not serve the next), uses in any order,
  // fields past the remembered ones (kSplitCuts = 8) and past the last one
  std::string p = q(f.write("a", "long-station-name;1.5;x\nx;2.5\n;\n0;1;2;3;4;5;6;7;8;9;10;11\nab;cd;ef\n\nq\n"));
  CHECK(b.eval("(file/fold-lines " + p + " " +
               step("(c (nth parts 1)) (a (first parts)) (c2 (nth parts 1)) (z (nth parts 0))", "(cons (list a c c2 z) acc)") +
               " '())")
            .starts_with("Eval error: index 1 out of bounds"));
  std::string p2 = q(f.write("b", "long-station-name;1.5;x\nx;2.5\n;\n0;1;2;3;4;5;6;7;8;9;10;11\nab;cd;ef\n"));
  CHECK(b.eval("(file/fold-lines " + p2 + " " +
               step("(c (nth parts 1)) (a (first parts)) (c2 (nth parts 1)) (z (nth parts 0))", "(cons (list a c c2 z) acc)") +
               " '())") ==
        "((\"ab\" \"cd\" \"cd\" \"ab\") (\"0\" \"1\" \"1\" \"0\") (\"\" \"\" \"\" \"\") (\"x\" \"2.5\" \"2.5\" \"x\") "
        "(\"long-station-name\" \"1.5\" \"1.5\" \"long-station-name\"))");
  std::string p3 = q(f.write("c", "0;1;2;3;4;5;6;7;8;9;10;11\nA;B;C;D;E;F;G;H;I;J;K;L;M\n"));
  CHECK(b.eval("(file/fold-lines " + p3 + " " +
               step("(h (nth parts 7)) (i (nth parts 8)) (l (nth parts 11)) (b (nth parts 1)) (g (nth parts 6)) (a (first parts))",
                    "(cons (list a b g h i l) acc)") +
               " '())") == "((\"A\" \"B\" \"G\" \"H\" \"I\" \"L\") (\"0\" \"1\" \"6\" \"7\" \"8\" \"11\"))");
  // the seventh field exists, the eighth (remembered as past the end) not
  std::string p4 = q(f.write("d", "0;1;2;3;4;5;6\n"));
  CHECK(b.eval("(file/fold-lines " + p4 + " " + step("(g (nth parts 6)) (h (nth parts 7))", "(list g h)") + " nil)") ==
        "Eval error: index 7 out of bounds (length 7)");
  CHECK(b.eval("(file/fold-lines " + p4 + " " + step("(g (nth parts 6)) (a (first parts))", "(list g a)") + " nil)") ==
        "(\"6\" \"0\")");
  // a separator that is also a number's character
  std::string p5 = q(f.write("e", "12.5\n-3.25\n7\n"));
  CHECK(b.eval("(file/fold-lines " + p5 + " " +
               step("(i (string->number (first parts))) (j (float (string->number (nth parts 0))))", "(cons (list i j) acc)", ".") +
               " '())") == "((7 7.0) (-3 -3.0) (12 12.0))");
  CHECK(b.eval("(file/fold-lines " + p5 + " " + step("(j (float (string->number (nth parts 1))))", "(cons j acc)", ".") + " '())")
            .starts_with("Eval error: index 1 out of bounds"));
}

TEST_CASE("deferred split: numbers parsed from the field in place", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // texts string->number takes (the short parse's and the full parsers')
  std::vector<std::string> good = {"12.3", "-12.3", "0.0", "-0.0", "-0", "0", "007", "-007.50", "99.9", "-99.9", "5", "-5",
                                   "123456789012.345", "1234567890123.456", "12345678901234.5678", "0.000000000000001",
                                   "140737488355327", "140737488355328", "-140737488355328", "-140737488355329",
                                   "999999999999999999", "1000000000000000000", "-999999999999999999",
                                   "9223372036854775808", "1e5", "1.5e3", "+1.5", "+7", "-.5", "5.", "nan", "inf", "-inf"};
  // and ones it refuses
  std::vector<std::string> texts = good;
  for (const char* t : {"-", "+", "", ".", "1..2", "1.2.3", "0x10", " 1", "1 ", "1_000", "\u0663"}) texts.emplace_back(t);
  std::string rows, list;
  for (const std::string& t : good) {
    rows += "s;" + t + "\n";
    list = "\"" + t + "\" " + list;
  }
  std::string p = q(f.write("a", rows));
  // the fold conses, so the plain list is in reverse order
  CHECK(b.eval("(file/fold-lines " + p + " " +
               step("(name (first parts)) (n (string->number (nth parts 1))) (x (float (string->number (nth parts 1))))",
                    "(cons (list n x) acc)") +
               " '())") == b.plain().eval("(map (fn (s) (list (string->number s) (float (string->number s)))) (list " + list + "))"));
  // the 1BRC chain on each text alone: the value or the same error
  for (const std::string& t : texts) {
    std::string p1 = q(f.write("one", "s;" + t + "\n"));
    INFO(t);
    CHECK(b.eval("(file/fold-lines " + p1 + " " + step("(name (first parts)) (v (float (string->number (nth parts 1))))", "v") +
                 " nil)") == b.plain().eval("(float (string->number \"" + t + "\"))"));
    CHECK(b.eval("(file/fold-lines " + p1 + " " + step("(v (string->number (nth parts 1)))", "v") + " nil)") ==
          b.plain().eval("(string->number \"" + t + "\")"));
  }
}

TEST_CASE("deferred split: the last field's number read from its end", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // every shape the step reads from the field's end, and its neighbours it
  // must leave to the general path, as a row's last field (k = 1)
  std::vector<std::string> texts = {"0.0", "-0.0", "9.9", "-9.9", "12.3", "-12.3", "99.9", "-99.9", "999.9", "-999.9", "007.5",
                                    "-07.5", "000.0", "1000.0", "-1000.0", "0009.9", "--1.0", "-+1.0", "+1.0", "1-1.0", "-1-.0",
                                    "1.23", "-1.23", ".5", "-.5", "5.", "-5.", "1.5x", "x1.5", "1.x", "1..5", "12", "-12", "-",
                                    "1e1", "1.5e1", "\u0663.5", " 1.5", "1.5 "};
  for (const std::string& t : texts) {
    INFO(t);
    std::string p1 = q(f.write("one", "s;" + t + "\n"));
    CHECK(b.eval("(file/fold-lines " + p1 + " " + step("(name (first parts)) (v (float (string->number (nth parts 1))))", "v") +
                 " nil)") == b.plain().eval("(float (string->number \"" + t + "\"))"));
    CHECK(b.eval("(file/fold-lines " + p1 + " " + step("(name (first parts)) (v (string->number (nth parts 1)))", "v") + " nil)") ==
          b.plain().eval("(string->number \"" + t + "\")"));
    // the field first in its line (k = 0), and third after two found fields
    std::string p2 = q(f.write("two", t + "\n"));
    CHECK(b.eval("(file/fold-lines " + p2 + " " + step("(v (float (string->number (first parts))))", "v") + " nil)") ==
          b.plain().eval("(float (string->number \"" + t + "\"))"));
    std::string p3 = q(f.write("three", "a;;" + t + "\n"));
    CHECK(b.eval("(file/fold-lines " + p3 + " " +
                 step("(a (first parts)) (e (nth parts 1)) (v (float (string->number (nth parts 2))))", "(list a e v)") + " nil)") ==
          b.plain().eval("(list \"a\" \"\" (float (string->number \"" + t + "\")))"));
  }
  // rows of several kinds after each other: the number last, not last (the
  // general path finds its end), short lines, a line that is just the
  // number, the number found before the name, and the same field twice
  std::string p = q(f.write("rows", "Oslo;1.5\nx;-2.5;y\nA;7.0\nRome;20.1;\n;-0.0\nLima;-33.3\nB;1.5;2.5\nC;0.5\n"));
  CHECK(b.eval("(file/fold-lines " + p + " " +
               step("(name (first parts)) (t (float (string->number (nth parts 1))))", "(cons (list name t) acc)") + " '())") ==
        "((\"C\" 0.5) (\"B\" 1.5) (\"Lima\" -33.3) (\"\" -0.0) (\"Rome\" 20.1) (\"A\" 7.0) (\"x\" -2.5) (\"Oslo\" 1.5))");
  CHECK(b.eval("(file/fold-lines " + p + " " +
               step("(t (float (string->number (nth parts 1)))) (name (first parts)) (t2 (string->number (nth parts 1)))",
                    "(cons (list name t t2) acc)") +
               " '())") ==
        "((\"C\" 0.5 0.5) (\"B\" 1.5 1.5) (\"Lima\" -33.3 -33.3) (\"\" -0.0 -0.0) (\"Rome\" 20.1 20.1) (\"A\" 7.0 7.0) "
        "(\"x\" -2.5 -2.5) (\"Oslo\" 1.5 1.5))");
  // the source read again after the number (not its last use), and the
  // line itself read after the split
  CHECK(b.eval("(file/fold-lines " + p + " " +
               step("(name (first parts)) (t (float (string->number (nth parts 1)))) (n2 (nth parts 0))", "(cons (list n2 t) acc)") +
               " '())") ==
        "((\"C\" 0.5) (\"B\" 1.5) (\"Lima\" -33.3) (\"\" -0.0) (\"Rome\" 20.1) (\"A\" 7.0) (\"x\" -2.5) (\"Oslo\" 1.5))");
  CHECK(b.eval("(file/fold-lines " + p + " " +
               step("(name (first parts)) (t (float (string->number (nth parts 1))))", "(cons (list line t) acc)") + " '())") ==
        "((\"C;0.5\" 0.5) (\"B;1.5;2.5\" 1.5) (\"Lima;-33.3\" -33.3) (\";-0.0\" -0.0) (\"Rome;20.1;\" 20.1) (\"A;7.0\" 7.0) "
        "(\"x;-2.5;y\" -2.5) (\"Oslo;1.5\" 1.5))");
}

TEST_CASE("deferred split: builtins rebound while numbers of the common shape stream", "[plugin:fastio]") {
  Both b("math");
  Files f;
  // the common case's own checks: each of its builtins rebound in a row
  std::string p = q(f.write("a", "a;1.5\nb;2.5\nc;3.5\n"));
  b.eval("(define (mine x) (list :mine x))");
  b.eval("(define (mine2 x i) (list :mine2 x i))");
  b.eval("(define saved-first first)");
  b.eval("(define saved-nth nth)");
  b.eval("(define saved-float float)");
  b.eval("(define saved-s2n string->number)");
  auto run = [&](const std::string& rebind, const std::string& restore, const std::string& chain) {
    std::string r = b.eval("(file/fold-lines " + p + " " +
                           step("(z (if (= line \"b;2.5\") " + rebind + " nil)) (a (first parts)) (t " + chain + ")",
                                "(cons (list a t) acc)") +
                           " '())");
    b.eval(restore);
    return r;
  };
  for (const char* chain : {"(float (string->number (nth parts 1)))", "(string->number (nth parts 1))"}) {
    INFO(chain);
    bool fl = std::string(chain).starts_with("(float");
    CHECK(run("(set! first mine)", "(set! first saved-first)", chain) ==
          "(((:mine (\"c\" \"3.5\")) 3.5) ((:mine (\"b\" \"2.5\")) 2.5) (\"a\" 1.5))");
    CHECK(run("(set! nth mine2)", "(set! nth saved-nth)", chain) ==
          (fl ? "Type error: expected string, got list" : "Type error: expected string, got list"));
    CHECK(run("(set! float mine)", "(set! float saved-float)", chain) ==
          (fl ? "((\"c\" (:mine 3.5)) (\"b\" (:mine 2.5)) (\"a\" 1.5))" : "((\"c\" 3.5) (\"b\" 2.5) (\"a\" 1.5))"));
    CHECK(run("(set! string->number string-length)", "(set! string->number saved-s2n)", chain) ==
          (fl ? "((\"c\" 3.0) (\"b\" 3.0) (\"a\" 1.5))" : "((\"c\" 3) (\"b\" 3) (\"a\" 1.5))"));
  }
}
