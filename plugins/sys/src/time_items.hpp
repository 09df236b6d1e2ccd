// chrono's strftime dialect, tokenised into items shared by time/format and
// time/parse (stdlib.md §7.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sys::timefmt {

enum class Num {
  Year, YearDiv100, YearMod100, IsoYear, IsoYearDiv100, IsoYearMod100,
  Month, Day, WeekFromSun, WeekFromMon, IsoWeek, NumDaysFromSun, WeekdayFromMon,
  Ordinal, Hour, Hour12, Minute, Second, Nanosecond, Timestamp
};

enum class Fixed {
  ShortMonthName, LongMonthName, ShortWeekdayName, LongWeekdayName, LowerAmPm, UpperAmPm,
  NanosecondDyn,         // %.f
  Nanosecond3, Nanosecond6, Nanosecond9,              // %.3f %.6f %.9f
  Nanosecond3NoDot, Nanosecond6NoDot, Nanosecond9NoDot,  // %3f %6f %9f
  TimezoneName, Offset, OffsetColon, OffsetDoubleColon, OffsetTripleColon
};

enum class Pad { Default, None, Zero, Space };

struct Item {
  enum class Kind { Literal, Space, Numeric, Fixed } kind;
  std::string text;  // Literal / Space
  Num num{};
  Pad pad = Pad::Default;
  Fixed fixed{};
};

// The items of fmt; nullopt when fmt holds an invalid specifier.
std::optional<std::vector<Item>> tokenize(std::string_view fmt);

// A broken-down UTC time.
struct Moment {
  int64_t seconds;  // since the epoch
  uint32_t nanos;   // 0..999'999'999
};

std::string format(const Moment& m, const std::vector<Item>& items);

// Parses text with items into whole epoch seconds, or chrono's error text.
struct ParseResult {
  std::optional<int64_t> seconds;
  std::string error;
};
ParseResult parse(std::string_view text, const std::vector<Item>& items);

extern const char* const kMonthNames[12];
extern const char* const kWeekdayNames[7];  // from Sunday

}  // namespace sys::timefmt
