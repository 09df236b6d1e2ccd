// Date and time in UTC (stdlib.md §7.3).
#include <catch2/catch.hpp>

#include "sema_test.hpp"

#include <chrono>

using sema::test::Session;

namespace {
// 2024-01-15 10:30:45 UTC, a Monday.
constexpr const char* kTs = "1705314645";
std::string fmt(Session& s, std::string_view ts, std::string_view f) {
  return s.eval("(time/format " + std::string(ts) + " \"" + std::string(f) + "\")");
}
}  // namespace

TEST_CASE("time/now is float seconds with millisecond resolution", "[sys][time]") {
  Session s("core,string,map,sys");
  double before = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  CHECK(s.eval("(float? (time/now))") == "#t");
  double now = std::stod(s.eval("(time/now)"));
  CHECK(now >= before - 0.002);
  CHECK(now < before + 60);
  // At most three decimals: whole milliseconds.
  std::string text = s.eval("(time/now)");
  REQUIRE(text.find('.') != std::string::npos);
  CHECK(text.size() - text.find('.') - 1 <= 3);
  CHECK(s.eval("(time/now 1)") == "Arity error: time/now expects 0 args, got 1");
}

TEST_CASE("time/format date specifiers", "[sys][time]") {
  Session s("core,string,map,sys");
  CHECK(fmt(s, kTs, "%Y-%m-%d %H:%M:%S") == "\"2024-01-15 10:30:45\"");
  CHECK(fmt(s, kTs, "%y %b %B %a %A %j %e") == "\"24 Jan January Mon Monday 015 15\"");
  CHECK(fmt(s, kTs, "%D|%F|%T|%R") == "\"01/15/24|2024-01-15|10:30:45|10:30\"");
  CHECK(fmt(s, kTs, "%p %I %l %k %P") == "\"AM 10 10 10 am\"");
  CHECK(fmt(s, kTs, "%Z %z %:z") == "\"UTC +0000 +00:00\"");
  CHECK(fmt(s, kTs, "%s") == "\"1705314645\"");
  CHECK(fmt(s, kTs, "100%% done") == "\"100% done\"");
  CHECK(fmt(s, kTs, "%u %w %U %W %V %G %C") == "\"1 1 02 03 03 2024 20\"");
  CHECK(fmt(s, kTs, "%c") == "\"Mon Jan 15 10:30:45 2024\"");
  CHECK(fmt(s, kTs, "%+") == "\"2024-01-15T10:30:45+00:00\"");
  CHECK(fmt(s, kTs, "") == "\"\"");
  CHECK(fmt(s, kTs, "no specifiers") == "\"no specifiers\"");
  // 2021-01-01 15:04:05, a Friday in ISO week 53 of 2020.
  CHECK(fmt(s, "1609513445", "%a %I%p %V %G %U %W %e") == "\"Fri 03PM 53 2020 00 00  1\"");
  CHECK(fmt(s, "1609513445", "%-m/%-d %_H %-I") == "\"1/1 15 3\"");
  CHECK(fmt(s, "0", "%Y-%m-%d %H:%M:%S %A") == "\"1970-01-01 00:00:00 Thursday\"");
  CHECK(fmt(s, "-1", "%Y-%m-%d %H:%M:%S") == "\"1969-12-31 23:59:59\"");
  CHECK(fmt(s, "1709164800", "%F %A") == "\"2024-02-29 Thursday\"");  // leap day
  CHECK(fmt(s, "-62135596800", "%Y %A") == "\"0001 Monday\"");
  CHECK(fmt(s, "253402300800", "%Y-%m-%d") == "\"+10000-01-01\"");
}

TEST_CASE("time/format fractions", "[sys][time]") {
  Session s("core,string,map,sys");
  CHECK(fmt(s, "1705314645.5", "%S%.3f") == "\"45.500\"");
  CHECK(fmt(s, "1705314645.25", "%f") == "\"250000000\"");
  CHECK(fmt(s, "1705314645.25", "%.f|%.6f|%.9f|%3f") == "\".250|.250000|.250000000|250\"");
  CHECK(fmt(s, kTs, "%S%.f") == "\"45\"");  // %.f shows nothing for whole seconds
  CHECK(fmt(s, kTs, "%.3f") == "\".000\"");
  CHECK(fmt(s, "1705314645.9", "%S") == "\"45\"");  // truncated, not rounded
  CHECK(fmt(s, "1705314645.5", "%+") == "\"2024-01-15T10:30:45.500+00:00\"");
}

TEST_CASE("time/format errors", "[sys][time]") {
  Session s("core,string,map,sys");
  CHECK(fmt(s, kTs, "%Q") == "Eval error: time/format: invalid format string: \"%Q\"");
  CHECK(fmt(s, kTs, "trailing %") == "Eval error: time/format: invalid format string: \"trailing %\"");
  CHECK(fmt(s, kTs, "%-Y %-A").starts_with("Eval error: time/format: invalid format string"));
  CHECK(fmt(s, "1e300", "%Y") == "Eval error: time: invalid timestamp");
  CHECK(s.eval("(time/format \"0\" \"%Y\")") == "Type error: expected number, got string");
  CHECK(s.eval("(time/format 0 :y)") == "Type error: expected string, got keyword");
  CHECK(s.eval("(time/format 0)") == "Arity error: time/format expects 2 args, got 1");
}

TEST_CASE("time/parse needs a full date and time", "[sys][time]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(time/parse \"2024-01-15 10:30:45\" \"%Y-%m-%d %H:%M:%S\")") == "1705314645.0");
  CHECK(s.eval("(time/parse \"2024-01-15 10:30\" \"%Y-%m-%d %H:%M\")") == "1705314600.0");
  CHECK(s.eval("(time/parse \"2024-01-15T10:30:45.750\" \"%Y-%m-%dT%H:%M:%S%.f\")") == "1705314645.0");
  CHECK(s.eval("(time/parse \"15 Jan 2024 10:30:45 PM\" \"%d %b %Y %I:%M:%S %p\")") == "1705357845.0");
  CHECK(s.eval("(time/parse \"Monday, January 15 2024 10:30\" \"%A, %B %d %Y %H:%M\")") == "1705314600.0");
  CHECK(s.eval("(time/parse \"1970-01-01 00:00:00\" \"%F %T\")") == "0.0");
  CHECK(s.eval("(time/parse \"1969-12-31 23:59:59\" \"%F %T\")") == "-1.0");
  CHECK(s.eval("(time/parse \"24-01-15 10:30\" \"%y-%m-%d %H:%M\")") == "1705314600.0");
  CHECK(s.eval("(time/parse \"2024-015 10:30\" \"%Y-%j %H:%M\")") == "1705314600.0");
  CHECK(s.eval("(time/parse \"1705314645\" \"%s\")") == "1705314645.0");
  CHECK(s.eval("(time/parse \"2024-01-15 10:30 +0200\" \"%Y-%m-%d %H:%M %z\")") == "1705314600.0");  // offset ignored
  // Round trip.
  CHECK(s.eval("(time/parse (time/format 1705314645 \"%F %T\") \"%F %T\")") == "1705314645.0");
}

TEST_CASE("time/parse errors carry chrono's messages", "[sys][time]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(time/parse \"2025-01-15\" \"%Y-%m-%d\")") ==
        "Eval error: time/parse: input is not enough for unique date and time");
  CHECK(s.eval("(time/parse \"10:30\" \"%H:%M\")") ==
        "Eval error: time/parse: input is not enough for unique date and time");
  CHECK(s.eval("(time/parse \"2024-01-15 10\" \"%Y-%m-%d %H\")") ==
        "Eval error: time/parse: input is not enough for unique date and time");
  CHECK(s.eval("(time/parse \"2024-01-15 10:30:00 extra\" \"%Y-%m-%d %H:%M:%S\")") ==
        "Eval error: time/parse: trailing input");
  CHECK(s.eval("(time/parse \"2024-01-15 10:\" \"%Y-%m-%d %H:%M\")") ==
        "Eval error: time/parse: premature end of input");
  CHECK(s.eval("(time/parse \"2024/01/15 10:30\" \"%Y-%m-%d %H:%M\")") ==
        "Eval error: time/parse: input contains invalid characters");
  CHECK(s.eval("(time/parse \"2024-13-15 10:30\" \"%Y-%m-%d %H:%M\")") ==
        "Eval error: time/parse: input is out of range");
  CHECK(s.eval("(time/parse \"2023-02-29 10:30\" \"%Y-%m-%d %H:%M\")") ==
        "Eval error: time/parse: input is out of range");
  CHECK(s.eval("(time/parse \"Tue 2024-01-15 10:30\" \"%a %Y-%m-%d %H:%M\")") ==
        "Eval error: time/parse: no possible date and time matching input");
  CHECK(s.eval("(time/parse \"x\" \"%Q\")") == "Eval error: time/parse: bad or unsupported format string");
  CHECK(s.eval("(time/parse 1 \"%Y\")") == "Type error: expected string, got int");
  CHECK(s.eval("(time/parse \"1\" 'f)") == "Type error: expected string, got symbol");
  CHECK(s.eval("(time/parse \"1\")") == "Arity error: time/parse expects 2 args, got 1");
}

TEST_CASE("time/date-parts", "[sys][time]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(time/date-parts 1705314645)") ==
        "{:day 15 :hour 10 :minute 30 :month 1 :second 45 :weekday \"Monday\" :year 2024}");
  CHECK(s.eval("(time/date-parts 0.999)") ==
        "{:day 1 :hour 0 :minute 0 :month 1 :second 0 :weekday \"Thursday\" :year 1970}");
  CHECK(s.eval("(time/date-parts -86400)") ==
        "{:day 31 :hour 0 :minute 0 :month 12 :second 0 :weekday \"Wednesday\" :year 1969}");
  CHECK(s.eval("(time/date-parts 1e300)") == "Eval error: time: invalid timestamp");
  CHECK(s.eval("(time/date-parts \"x\")") == "Type error: expected number, got string");
  CHECK(s.eval("(time/date-parts)") == "Arity error: time/date-parts expects 1 args, got 0");
}

TEST_CASE("time/add and time/diff", "[sys][time]") {
  Session s("core,string,map,sys");
  CHECK(s.eval("(time/add 100 60)") == "160.0");
  CHECK(s.eval("(time/add 100.5 -0.5)") == "100.0");
  CHECK(s.eval("(time/diff 100 40)") == "60.0");
  CHECK(s.eval("(time/diff 1.5 3)") == "-1.5");
  CHECK(s.eval("(time/add \"1\" 2)") == "Type error: expected number, got string");
  CHECK(s.eval("(time/add 1 nil)") == "Type error: expected number, got nil");
  CHECK(s.eval("(time/diff 1 :x)") == "Type error: expected number, got keyword");
  CHECK(s.eval("(time/add 1)") == "Arity error: time/add expects 2 args, got 1");
  CHECK(s.eval("(time/diff 1 2 3)") == "Arity error: time/diff expects 2 args, got 3");
}
