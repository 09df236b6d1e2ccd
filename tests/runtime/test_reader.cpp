// The reader (language.md §1 as amended by decisions.md #5): every token
// kind, the error catalogue with positions, spans, and deep/large inputs.
#include <catch2/catch.hpp>

#include "reader/reader.hpp"
#include "value/interner.hpp"

#include <string>

using namespace sema::rt;

namespace {

// All forms in write form, separated by " | ", or the error's display text.
std::string rd(std::string_view src) {
  auto r = read_all(src);
  if (!r) return r.error().display();
  std::string out;
  for (size_t i = 0; i < r->forms.size(); ++i) {
    if (i) out += " | ";
    out += to_text(r->forms[i].get(), false);
  }
  return out;
}

// The error text of a read that must fail.
std::string err(std::string_view src) {
  auto r = read_all(src);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == SEMA_ERR_READER);
  return r.error().display();
}

// The single form read from src (the read must succeed with one form).
Value one(std::string_view src) {
  auto r = read_all(src);
  REQUIRE(r.has_value());
  REQUIRE(r->forms.size() == 1);
  return r->forms[0];
}

std::string type_of_one(std::string_view src) { return type_name(one(src).get()); }

}  // namespace

TEST_CASE("reader: whitespace is space, tab, CR, LF only; comments run to end of line", "[reader]") {
  CHECK(rd(" \t\r\n1 ; comment ) ] }\n2;x") == "1 | 2");
  CHECK(rd("") == "");
  CHECK(rd("   \n\t ; only a comment") == "");
  CHECK(err("1 \f 2") == "Reader error at 1:3: unexpected character: '\f'");
  CHECK(err("\v") == "Reader error at 1:1: unexpected character: '\v'");
  CHECK(err("a\xC2\xA0" "b") == "Reader error at 1:2: unexpected character: '\xC2\xA0'");
  CHECK(err("\xE2\x80\x83") == "Reader error at 1:1: unexpected character: '\xE2\x80\x83'");
}

TEST_CASE("reader: comma is unquote, not whitespace; reader macros nest", "[reader]") {
  CHECK(rd("'a") == "(quote a)");
  CHECK(rd("`a") == "(quasiquote a)");
  CHECK(rd(",a") == "(unquote a)");
  CHECK(rd(",@a") == "(unquote-splicing a)");
  CHECK(rd(", @a") == "Reader error at 1:3: unexpected character: '@'");
  CHECK(rd("''a") == "(quote (quote a))");
  CHECK(rd("`(a ,b ,@c)") == "(quasiquote (a (unquote b) (unquote-splicing c)))");
  CHECK(rd("(1,2)") == "(1 (unquote 2))");
  CHECK(rd("'(1 . 2)") == "(quote (1 . 2))");
  CHECK(err("'") == "Reader error at 0:0: unexpected end of input");
  CHECK(err("(a ')") == "Reader error at 1:5: unexpected token: RParen");
  CHECK(err(",@") == "Reader error at 0:0: unexpected end of input");
}

TEST_CASE("reader: block comments, datum comments and #! elsewhere are errors", "[reader]") {
  CHECK(err("#| x |#") == "Reader error at 1:1: unexpected character after #: '|'");
  CHECK(err("#;1 2") == "Reader error at 1:1: unexpected character after #: ';'");
  CHECK(err(" #!/bin/sema") == "Reader error at 1:2: unexpected character after #: '!'");
  CHECK(err("1\n#!x") == "Reader error at 2:1: unexpected character after #: '!'");
}

TEST_CASE("reader: a #! line at the very start is skipped (decisions.md #5)", "[reader]") {
  CHECK(rd("#!/usr/bin/env sema\n(+ 1 2)") == "(+ 1 2)");
  CHECK(rd("#!/usr/bin/env sema") == "");
  CHECK(rd("#!\n1") == "1");
  CHECK(rd("#!/usr/bin/env sema -x (((\n2") == "2");
  // Lines are still counted from the shebang line.
  CHECK(err("#!/usr/bin/env sema\n  $") == "Reader error at 2:3: unexpected character: '$'");
  CHECK(read_one("#!sema\n7").value().get() == make_int(7));
}

TEST_CASE("reader: integers", "[reader][numbers]") {
  CHECK(rd("42") == "42");
  CHECK(type_of_one("42") == std::string("int"));
  CHECK(rd("-7") == "-7");
  CHECK(rd("007") == "7");
  CHECK(rd("-0") == "0");
  CHECK(type_of_one("-0") == std::string("int"));
  CHECK(rd("9223372036854775807") == "9223372036854775807");
  CHECK(rd("-9223372036854775808") == "-9223372036854775808");
  CHECK(int_of(one("-9223372036854775808").get()) == INT64_MIN);
  CHECK(rd("140737488355328") == "140737488355328");  // past the immediate range: boxed
  CHECK(err("99999999999999999999") == "Reader error at 1:1: invalid integer: 99999999999999999999");
  CHECK(err("9223372036854775808") == "Reader error at 1:1: invalid integer: 9223372036854775808");
  CHECK(err("(1  -9223372036854775809)") == "Reader error at 1:5: invalid integer: -9223372036854775809");
}

TEST_CASE("reader: floats, including exponent floats (decisions.md #5)", "[reader][numbers]") {
  CHECK(rd("1.5") == "1.5");
  CHECK(type_of_one("1.5") == std::string("float"));
  CHECK(rd("-2.25") == "-2.25");
  CHECK(rd("3.0") == "3.0");
  CHECK(rd("-0.0") == "-0.0");
  CHECK(rd("0.1") == "0.1");
  CHECK(rd("007.50") == "7.5");
  CHECK(rd("1e10") == "10000000000.0");
  CHECK(type_of_one("1e10") == std::string("float"));
  CHECK(rd("2.5E-3") == "0.0025");
  CHECK(rd("-1e3") == "-1000.0");
  CHECK(rd("1.5e3") == "1500.0");
  CHECK(rd("1e+2") == "100.0");
  CHECK(rd("1E2") == "100.0");
  CHECK(rd("1e400") == "inf");
  CHECK(rd("-1e400") == "-inf");
  CHECK(rd("1e-400") == "0.0");
  CHECK(rd("0.30000000000000004") == "0.30000000000000004");
  // An `e` not followed by digits is not an exponent: the number ends there.
  CHECK(rd("1e") == "1 | e");
  CHECK(rd("1e+") == "1 | e+");
  CHECK(rd("1e-x") == "1 | e-x");
  CHECK(rd("1.5e") == "1.5 | e");
  CHECK(rd("1e5abc") == "100000.0 | abc");
  CHECK(rd("1e2.5") == "100.0 | .5");
}

TEST_CASE("reader: the number table of §1.3 (with exponents amended)", "[reader][numbers]") {
  CHECK(rd("+5") == "+5");
  CHECK(sema_is_symbol(one("+5").get()));
  CHECK(sema_is_symbol(one(".5").get()));
  CHECK(rd(".5") == ".5");
  CHECK(rd("1.2.3") == "1.2 | .3");
  CHECK(rd("-1-2") == "-1 | -2");
  CHECK(rd("123abc") == "123 | abc");
  CHECK(rd("1/2") == "1 | /2");
  CHECK(rd("- 1") == "- | 1");
  CHECK(rd("-a") == "-a");
  CHECK(rd("5.e3") == "5 | .e3");
  // `5.` is Int 5 then Dot: a dotted tail in a list, an error elsewhere.
  CHECK(err("(list 5.)") == "Reader error at 1:9: unexpected token: RParen");
  CHECK(err("5.") == "Reader error at 1:2: unexpected token: Dot");
  CHECK(rd("(5. 6)") == "(5 . 6)");
}

TEST_CASE("reader: strings and escapes", "[reader][strings]") {
  auto str = [](std::string_view src) {
    Value v = one(src);
    REQUIRE(is_type(v.get(), SEMA_T_STRING));
    return std::string(string_of(v.get()));
  };
  CHECK(str(R"("hello")") == "hello");
  CHECK(str(R"("")") == "");
  CHECK(str(R"("a\nb\tc\rd")") == "a\nb\tc\rd");
  CHECK(str(R"("q\"q\\")") == "q\"q\\");
  CHECK(str(R"("\0")") == std::string(1, '\0'));
  CHECK(str(R"("\x41;")") == "A");
  CHECK(str(R"("\x3BB;")") == "λ");
  CHECK(str(R"("\x3bb;")") == "λ");
  CHECK(str(R"("\x0000041;")") == "A");
  CHECK(str(R"("\x1F600;")") == "😀");
  CHECK(str(R"("\u03BB")") == "λ");
  CHECK(str(R"("\U0001F600")") == "😀");
  CHECK(str(R"("hello\x20;world")") == "hello world");
  CHECK(str(R"("\z")") == "\\z");
  CHECK(str(R"("\a\b\e")") == "\\a\\b\\e");
  CHECK(str("\"a\\\nb\"") == "a\\\nb");
  CHECK(str("\"line1\nline2\"") == "line1\nline2");
  CHECK(str("\"λ😀\"") == "λ😀");
  // Printed unescaped (language.md §2.2).
  CHECK(rd(R"("a\"b")") == "\"a\"b\"");
}

TEST_CASE("reader: string errors are reported at the opening quote", "[reader][strings]") {
  CHECK(err(R"(  "abc)") == "Reader error at 1:3: unterminated string");
  CHECK(err(R"("abc\")") == "Reader error at 1:1: unterminated string");
  CHECK(err(R"("abc\)") == "Reader error at 1:1: unterminated string");
  CHECK(err(R"(x "\x;")") == "Reader error at 1:3: empty hex escape \\x;");
  CHECK(err(R"("\xGG;")") == "Reader error at 1:1: empty hex escape \\x;");
  CHECK(err(R"("\x41")") == "Reader error at 1:1: hex escape \\x missing terminating semicolon");
  CHECK(err(R"("\x41 ;")") == "Reader error at 1:1: hex escape \\x missing terminating semicolon");
  CHECK(err(R"("\x110000;")") == "Reader error at 1:1: invalid unicode scalar value \\x110000;");
  CHECK(err(R"("\xD800;")") == "Reader error at 1:1: invalid unicode scalar value \\xD800;");
  CHECK(err(R"("\x100000000;")") == "Reader error at 1:1: invalid hex escape \\x100000000;");
  CHECK(err(R"("\u12")") == "Reader error at 1:1: \\u escape requires exactly 4 hex digits");
  CHECK(err(R"("\u12G4")") == "Reader error at 1:1: \\u escape requires exactly 4 hex digits");
  CHECK(err(R"("\U0001F60")") == "Reader error at 1:1: \\U escape requires exactly 8 hex digits");
  CHECK(err(R"("\uD800")") == "Reader error at 1:1: invalid unicode scalar value \\uD800");
  CHECK(err(R"("\U00110000")") == "Reader error at 1:1: invalid unicode scalar value \\U00110000");
  CHECK(err("(a\n  \"x\\q") == "Reader error at 2:3: unterminated string");
}

TEST_CASE("reader: characters", "[reader][chars]") {
  auto ch = [](std::string_view src) {
    Value v = one(src);
    REQUIRE(sema_is_char(v.get()));
    return sema_char_of(v.get());
  };
  CHECK(ch("#\\a") == 'a');
  CHECK(ch("#\\Z") == 'Z');
  CHECK(ch("#\\space") == ' ');
  CHECK(ch("#\\newline") == '\n');
  CHECK(ch("#\\tab") == '\t');
  CHECK(ch("#\\return") == '\r');
  CHECK(ch("#\\nul") == 0);
  CHECK(ch("#\\(") == '(');
  CHECK(ch("#\\)") == ')');
  CHECK(ch("#\\;") == ';');
  CHECK(ch("#\\\"") == '"');
  CHECK(ch("#\\\\") == '\\');
  CHECK(ch("#\\1") == '1');
  CHECK(ch("#\\ ") == ' ');
  CHECK(ch("#\\λ") == 0x3BB);
  CHECK(ch("#\\😀") == 0x1F600);
  CHECK(ch("#\\\n") == '\n');
  CHECK(rd("#\\12") == "#\\1 | 2");
  CHECK(rd("#\\a(") == "Reader error at 0:0: unterminated list");
  CHECK(rd("(#\\a)") == "(#\\a)");
  CHECK(rd("(#\\))") == "(#\\))");
  CHECK(rd("#\\space #\\a") == "#\\space | #\\a");
  CHECK(err("#\\foobar") == "Reader error at 1:1: unknown character name: foobar");
  CHECK(err("x #\\alarm") == "Reader error at 1:3: unknown character name: alarm");
  CHECK(err("#\\Space") == "Reader error at 1:1: unknown character name: Space");
  CHECK(err("#\\x41") == "Reader error at 1:1: unknown character name: x41");
  CHECK(err("#\\ab-c") == "Reader error at 1:1: unknown character name: ab-c");
  CHECK(err("  #\\") == "Reader error at 1:3: unexpected end of input after #\\");
  // The line after `#\` + newline is counted.
  CHECK(err("#\\\n$") == "Reader error at 2:1: unexpected character: '$'");
}

TEST_CASE("reader: symbols", "[reader][symbols]") {
  auto sym = [](std::string_view src) {
    Value v = one(src);
    REQUIRE(sema_is_symbol(v.get()));
    return std::string(id_name(sema_id_of(v.get())));
  };
  CHECK(sym("foo") == "foo");
  CHECK(sym("string/split") == "string/split");
  CHECK(sym("+") == "+");
  CHECK(sym("->x") == "->x");
  CHECK(sym("a1") == "a1");
  CHECK(sym("<=?!*%^~&_") == "<=?!*%^~&_");
  CHECK(sym("..") == "..");
  CHECK(sym("...") == "...");
  CHECK(sym("&rest") == "&rest");
  CHECK(sym("&") == "&");
  CHECK(sym("λx") == "λx");
  CHECK(sym("日本語") == "日本語");
  CHECK(sym("Foo") == "Foo");
  CHECK(rd("a:b") == "a | :b");
  CHECK(rd("a'b") == "a | (quote b)");
  CHECK(rd("a\"s\"") == "a | \"s\"");
  CHECK(rd("a#t") == "a | #t");
  CHECK(err("$x") == "Reader error at 1:1: unexpected character: '$'");
  CHECK(err("@") == "Reader error at 1:1: unexpected character: '@'");
  CHECK(err("a|b") == "Reader error at 1:2: unexpected character: '|'");
  CHECK(err("a\\b") == "Reader error at 1:2: unexpected character: '\\'");
  CHECK(err("😀") == "Reader error at 1:1: unexpected character: '😀'");
  CHECK(err("ab😀") == "Reader error at 1:3: unexpected character: '😀'");
}

TEST_CASE("reader: true, false, nil and booleans", "[reader]") {
  CHECK(one("true").get() == SEMA_TRUE);
  CHECK(one("false").get() == SEMA_FALSE);
  CHECK(one("nil").get() == SEMA_NIL);
  CHECK(one("#t").get() == SEMA_TRUE);
  CHECK(one("#f").get() == SEMA_FALSE);
  CHECK(sema_is_symbol(one("True").get()));
  CHECK(sema_is_symbol(one("nil?").get()));
  CHECK(sema_is_symbol(one("truex").get()));
  CHECK(rd("#true") == "#t | rue");
  CHECK(rd("#false") == "#f | alse");
  CHECK(rd("#tabc") == "#t | abc");
  CHECK(rd("(nil true false)") == "(nil #t #f)");
}

TEST_CASE("reader: keywords", "[reader][keywords]") {
  auto kw = [](std::string_view src) {
    Value v = one(src);
    REQUIRE(sema_is_keyword(v.get()));
    return std::string(id_name(sema_id_of(v.get())));
  };
  CHECK(kw(":foo") == "foo");
  CHECK(kw(":max-turns") == "max-turns");
  CHECK(kw(":a/b") == "a/b");
  CHECK(kw(":123") == "123");
  CHECK(kw(":foo?") == "foo?");
  CHECK(kw(":.") == ".");
  CHECK(kw(":λ") == "λ");
  CHECK(kw(":nil") == "nil");
  CHECK(rd(":a:b") == ":a | :b");
  CHECK(err(":") == "Reader error at 1:1: expected keyword name after ':'");
  CHECK(err("x ::a") == "Reader error at 1:3: expected keyword name after ':'");
  CHECK(err(": a") == "Reader error at 1:1: expected keyword name after ':'");
}

TEST_CASE("reader: # dispatch errors", "[reader]") {
  CHECK(err("#x1F") == "Reader error at 1:1: unexpected character after #: 'x'");
  CHECK(err("#(1)") == "Reader error at 1:1: unexpected character after #: '('");
  CHECK(err("#T") == "Reader error at 1:1: unexpected character after #: 'T'");
  CHECK(err("#λ") == "Reader error at 1:1: unexpected character after #: 'λ'");
  CHECK(err("(a #") == "Reader error at 1:4: unexpected end of input after #");
  CHECK(err("#u8 (1)") == "Reader error at 1:1: unexpected character after #: 'u'");
  CHECK(err("#u") == "Reader error at 1:1: unexpected character after #: 'u'");
}

TEST_CASE("reader: lists, vectors and their errors", "[reader][collections]") {
  CHECK(rd("()") == "()");
  CHECK(is_type(one("()").get(), SEMA_T_LIST));
  CHECK(list_len(one("()").get()) == 0);
  CHECK(rd("(1 (2 3) [4 (5)])") == "(1 (2 3) [4 (5)])");
  CHECK(rd("[]") == "[]");
  CHECK(is_type(one("[1 2]").get(), SEMA_T_VECTOR));
  CHECK(rd("[a (b c)]") == "[a (b c)]");
  CHECK(rd("(a)(b)[c]") == "(a) | (b) | [c]");
  CHECK(err("(+ 1") == "Reader error at 0:0: unterminated list");
  CHECK(err("[1 2") == "Reader error at 0:0: unterminated vector");
  CHECK(err("{:a 1") == "Reader error at 0:0: unterminated map");
  CHECK(err(")") == "Reader error at 1:1: unexpected token: RParen");
  CHECK(err("1 ]") == "Reader error at 1:3: unexpected token: RBracket");
  CHECK(err(" }") == "Reader error at 1:2: unexpected token: RBrace");
  CHECK(err("(1 ]") == "Reader error at 1:4: unexpected token: RBracket");
  CHECK(err("[1 )") == "Reader error at 1:4: unexpected token: RParen");
  CHECK(err("{1 2 )") == "Reader error at 1:6: unexpected token: RParen");
  CHECK(err("(a\n (b]") == "Reader error at 2:4: unexpected token: RBracket");
}

TEST_CASE("reader: dotted tails read as flat lists holding the symbol .", "[reader][collections]") {
  Value v = one("(a . b)");
  REQUIRE(is_type(v.get(), SEMA_T_LIST));
  REQUIRE(list_len(v.get()) == 3);
  CHECK(list_at(v.get(), 1) == symbol("."));
  CHECK(rd("(a . b)") == "(a . b)");
  CHECK(rd("(1 . 2)") == "(1 . 2)");
  CHECK(rd("(. r)") == "(. r)");
  CHECK(list_len(one("(. r)").get()) == 2);
  CHECK(rd("(a b . (c d))") == "(a b . (c d))");
  CHECK(rd("(a . 'b)") == "(a . (quote b))");
  CHECK(err("(a . b c)") == "Reader error at 1:8: expected RParen, got Symbol(\"c\")");
  CHECK(err("(a . )") == "Reader error at 1:6: unexpected token: RParen");
  CHECK(err("(a . . b)") == "Reader error at 1:6: unexpected token: Dot");
  CHECK(err("(a .") == "Reader error at 0:0: unexpected end of input");
  CHECK(err("(a . b") == "Reader error at 0:0: expected RParen, got end of input");
  CHECK(err(".") == "Reader error at 1:1: unexpected token: Dot");
  CHECK(err("[a . b]") == "Reader error at 1:4: unexpected token: Dot");
  CHECK(err("{a . b c}") == "Reader error at 1:4: unexpected token: Dot");
  CHECK(err("'.") == "Reader error at 1:2: unexpected token: Dot");
}

TEST_CASE("reader: tokens are spelled as Rust debug in `expected RParen` messages", "[reader][errors]") {
  auto after_tail = [](std::string_view tok) {
    std::string src = "(a . b " + std::string(tok) + ")";
    auto r = read_all(src);
    REQUIRE_FALSE(r.has_value());
    std::string m = r.error().message;
    const std::string prefix = "expected RParen, got ";
    REQUIRE(m.starts_with(prefix));
    return m.substr(prefix.size());
  };
  CHECK(after_tail("(") == "LParen");
  CHECK(after_tail("[") == "LBracket");
  CHECK(after_tail("]") == "RBracket");
  CHECK(after_tail("{") == "LBrace");
  CHECK(after_tail("}") == "RBrace");
  CHECK(after_tail("'") == "Quote");
  CHECK(after_tail("`") == "Quasiquote");
  CHECK(after_tail(",") == "Unquote");
  CHECK(after_tail(",@") == "UnquoteSplice");
  CHECK(after_tail("#u8(") == "BytevectorStart");
  CHECK(after_tail(".") == "Dot");
  CHECK(after_tail("5") == "Int(5)");
  CHECK(after_tail("-12") == "Int(-12)");
  CHECK(after_tail("1.5") == "Float(1.5)");
  CHECK(after_tail("2.0") == "Float(2.0)");
  CHECK(after_tail("1e16") == "Float(1e16)");
  CHECK(after_tail("1.5e20") == "Float(1.5e20)");
  CHECK(after_tail("0.00001") == "Float(1e-5)");
  CHECK(after_tail("0.0001") == "Float(0.0001)");
  CHECK(after_tail("1e400") == "Float(inf)");
  CHECK(after_tail("\"x\"") == "String(\"x\")");
  CHECK(after_tail(R"("a\"b\\c\nd\te\r\0")") == R"(String("a\"b\\c\nd\te\r\0"))");
  CHECK(after_tail(R"("\x1b;")") == R"(String("\u{1b}"))");
  CHECK(after_tail(R"("\x7f;\xA0;")") == R"(String("\u{7f}\u{a0}"))");
  CHECK(after_tail(R"("e\x301;")") == R"(String("e\u{301}"))");
  CHECK(after_tail("\"λ😀'\"") == "String(\"λ😀'\")");
  CHECK(after_tail("c") == "Symbol(\"c\")");
  CHECK(after_tail("λ") == "Symbol(\"λ\")");
  CHECK(after_tail(":k") == "Keyword(\"k\")");
  CHECK(after_tail("#t") == "Bool(true)");
  CHECK(after_tail("false") == "Bool(false)");
  CHECK(after_tail("nil") == "Nil");
  CHECK(after_tail("#\\a") == "Char('a')");
  CHECK(after_tail("#\\'") == "Char('\\'')");
  CHECK(after_tail("#\\\"") == "Char('\"')");
  CHECK(after_tail("#\\newline") == "Char('\\n')");
  CHECK(after_tail("#\\space") == "Char(' ')");
}

TEST_CASE("reader: map literals are sorted, unevaluated, last value wins", "[reader][maps]") {
  CHECK(rd("{}") == "{}");
  CHECK(is_type(one("{}").get(), SEMA_T_MAP));
  CHECK(rd("{:b 2 :a 1}") == "{:a 1 :b 2}");
  CHECK(rd("{2 :x 1.5 :y \"s\" :z}") == "{1.5 :y 2 :x \"s\" :z}");  // numbers numerically (decisions.md #3)
  CHECK(rd("{1 :a 1.0 :b}") == "{1 :a 1.0 :b}");                    // int before float on ties
  CHECK(rd("{:a 1 :a 2}") == "{:a 2}");
  CHECK(rd("{:a 1 :b 2 :a 3}") == "{:a 3 :b 2}");
  CHECK(rd("{{:a 1} 1 {:b 2} 2}") == "{{:a 1} 1 {:b 2} 2}");  // maps order structurally (decisions.md #4)
  CHECK(rd("{(+ 1 2) x [a] 'q}") == "{(+ 1 2) x [a] (quote q)}");
  CHECK(rd("{:k {:z 1 :y 2}}") == "{:k {:y 2 :z 1}}");
  Value m = one("{:b (f x) :a y}");
  const auto& e = static_cast<MapObj*>(as_obj(m.get()))->entries;
  REQUIRE(e.size() == 2);
  CHECK(e[0].first == keyword("a"));
  CHECK(e[0].second == symbol("y"));
  CHECK(is_type(e[1].second, SEMA_T_LIST));
  CHECK(err("{:a}") == "Reader error at 1:4: map literal must have even number of forms");
  CHECK(err("{:a 1\n :b}") == "Reader error at 2:4: map literal must have even number of forms");
  CHECK(err("{:a") == "Reader error at 0:0: map literal must have even number of forms");
  CHECK(err("{:a 1") == "Reader error at 0:0: unterminated map");
}

TEST_CASE("reader: duplicate map keys keep the earlier key object", "[reader][maps]") {
  auto r = read_all("{(k) 1 (k) 2}");
  REQUIRE(r.has_value());
  const auto& e = static_cast<MapObj*>(as_obj(r->forms[0].get()))->entries;
  REQUIRE(e.size() == 1);
  CHECK(int_of(e[0].second) == 2);
  auto it = r->spans.find(as_obj(e[0].first));
  REQUIRE(it != r->spans.end());
  CHECK(it->second.col == 2);  // the first (k), not the one at column 8
  // The dropped key's span is gone with it.
  for (auto& [obj, span] : r->spans) CHECK(span.col != 8);
}

TEST_CASE("reader: bytevectors", "[reader][bytevectors]") {
  CHECK(rd("#u8(1 2 255)") == "#u8(1 2 255)");
  CHECK(rd("#u8()") == "#u8()");
  CHECK(rd("#u8( 0 )") == "#u8(0)");
  Value bv = one("#u8(7 8)");
  REQUIRE(is_type(bv.get(), SEMA_T_BYTEVECTOR));
  CHECK(static_cast<BytevectorObj*>(as_obj(bv.get()))->bytes == std::vector<uint8_t>{7, 8});
  CHECK(rd("(#u8(1) x)") == "(#u8(1) x)");
  CHECK(err("#u8(1 256)") == "Reader error at 1:7: #u8(...): byte value 256 out of range 0..255");
  CHECK(err("#u8(-1)") == "Reader error at 1:5: #u8(...): byte value -1 out of range 0..255");
  CHECK(err("#u8(1.0)") == "Reader error at 1:5: #u8(...): expected integer byte value");
  CHECK(err("#u8(a)") == "Reader error at 1:5: #u8(...): expected integer byte value");
  CHECK(err("#u8((1))") == "Reader error at 1:5: #u8(...): expected integer byte value");
  CHECK(err("#u8(1]") == "Reader error at 1:6: #u8(...): expected integer byte value");
  CHECK(err("#u8(1 . 2)") == "Reader error at 1:7: #u8(...): expected integer byte value");
  CHECK(err("x #u8(1 2") == "Reader error at 1:3: unterminated bytevector");
  CHECK(err("[#u8(1 2)") == "Reader error at 0:0: unterminated vector");
}

TEST_CASE("reader: a lexer error anywhere wins over a parser error", "[reader][errors]") {
  CHECK(err(") \"abc") == "Reader error at 1:3: unterminated string");
  CHECK(err("(a . b c) $") == "Reader error at 1:11: unexpected character: '$'");
  CHECK(err("{:a} #\\bad") == "Reader error at 1:6: unknown character name: bad");
  CHECK(err("#u8(300) :") == "Reader error at 1:10: expected keyword name after ':'");
  CHECK(err(") (") == "Reader error at 1:1: unexpected token: RParen");
}

TEST_CASE("reader: read_one reads the first datum but tokenizes the rest", "[reader]") {
  CHECK(read_one("").value().get() == SEMA_NIL);
  CHECK(read_one("  \n ; c").value().get() == SEMA_NIL);
  CHECK(read_one("1 2").value().get() == make_int(1));
  CHECK(to_text(read_one("(a b) c").value().get(), false) == "(a b)");
  CHECK(read_one("1 )").value().get() == make_int(1));
  CHECK(read_one("1 (").value().get() == make_int(1));
  auto bad = read_one("1 $");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().display() == "Reader error at 1:3: unexpected character: '$'");
  auto open = read_one("(1");
  REQUIRE_FALSE(open.has_value());
  CHECK(open.error().display() == "Reader error at 0:0: unterminated list");
  auto stray = read_one(")");
  REQUIRE_FALSE(stray.has_value());
  CHECK(stray.error().display() == "Reader error at 1:1: unexpected token: RParen");
}

TEST_CASE("reader: positions count lines and Unicode scalar values", "[reader][positions]") {
  CHECK(err("λλ $") == "Reader error at 1:4: unexpected character: '$'");
  CHECK(err("\"😀😀\" $") == "Reader error at 1:6: unexpected character: '$'");
  CHECK(err("\t$") == "Reader error at 1:2: unexpected character: '$'");
  CHECK(err("1\r\n  $") == "Reader error at 2:3: unexpected character: '$'");
  CHECK(err("1\r\n\r\n\r\n$") == "Reader error at 4:1: unexpected character: '$'");
  CHECK(err("\"a\nbc\" $") == "Reader error at 2:5: unexpected character: '$'");
  CHECK(err("; λλλ\n$") == "Reader error at 2:1: unexpected character: '$'");
  CHECK(err("(a\n\n   b\n) )") == "Reader error at 4:3: unexpected token: RParen");
}

TEST_CASE("reader: spans record the opening bracket of each list, vector and map", "[reader][spans]") {
  auto r = read_all("(define (f x) (+ x \"a\")) (f 1)");
  REQUIRE(r.has_value());
  REQUIRE(r->forms.size() == 2);
  auto span_of = [&](Word w) {
    auto it = r->spans.find(as_obj(w));
    REQUIRE(it != r->spans.end());
    return std::to_string(it->second.line) + ":" + std::to_string(it->second.col);
  };
  Word def = r->forms[0].get();
  CHECK(span_of(def) == "1:1");
  CHECK(span_of(list_at(def, 1)) == "1:9");
  CHECK(span_of(list_at(def, 2)) == "1:15");
  CHECK(span_of(r->forms[1].get()) == "1:26");

  auto r2 = read_all("x\n  [1 {:a (g)}]\n'(q)");
  REQUIRE(r2.has_value());
  r = std::move(r2);
  Word vec = r->forms[1].get();
  CHECK(span_of(vec) == "2:3");
  Word map = seq_view(vec)[1];
  CHECK(span_of(map) == "2:6");
  CHECK(span_of(map_get(map, keyword("a"), nullptr)) == "2:10");
  Word quoted = r->forms[2].get();
  CHECK(span_of(quoted) == "3:1");
  CHECK(span_of(list_at(quoted, 1)) == "3:2");
}

TEST_CASE("reader: a million nested brackets need no deep C++ stack", "[reader][deep]") {
  const size_t depth = 1000000;
  std::string src(depth, '(');
  src.append(depth, ')');
  auto r = read_all(src);
  REQUIRE(r.has_value());
  REQUIRE(r->forms.size() == 1);
  size_t seen = 0;
  Word w = r->forms[0].get();
  while (is_type(w, SEMA_T_LIST) && list_len(w) == 1) {
    ++seen;
    w = list_at(w, 0);
  }
  CHECK(seen == depth - 1);
  CHECK(list_len(w) == 0);
  CHECK(r->spans.size() == depth);

  std::string open(depth, '[');
  CHECK(rd(open) == "Reader error at 0:0: unterminated vector");
  std::string quotes(depth, '\'');
  CHECK(read_all(quotes + "a").has_value());
  CHECK(rd(quotes) == "Reader error at 0:0: unexpected end of input");
  std::string maps;
  for (size_t i = 1; i < depth; ++i) maps += "{:k ";
  maps += "{}";
  maps.append(depth - 1, '}');
  CHECK(read_all(maps).has_value());
}

TEST_CASE("reader: long flat inputs", "[reader][large]") {
  std::string src = "(";
  for (int i = 0; i < 200000; ++i) src += "x" + std::to_string(i % 100) + " \"s\" 1.5 :k ";
  src += ")";
  auto r = read_all(src);
  REQUIRE(r.has_value());
  CHECK(list_len(r->forms[0].get()) == 800000);
  // One long line: columns stay exact far out.
  std::string line(300000, ' ');
  line += "$";
  CHECK(rd(line) == "Reader error at 1:300001: unexpected character: '$'");
}
