// Rendering of strftime items for a UTC moment (chrono's output rules).
#include "civil.hpp"
#include "time_items.hpp"

#include <cstdio>

namespace sys::timefmt {
namespace {

struct Fields {
  int64_t year;
  int month, day, hour, minute, second;
  int wday;   // 0 = Sunday
  int yday;   // 0-based
  int64_t iso_year;
  int iso_week;
  int64_t seconds;
  uint32_t nanos;
};

Fields breakdown(const Moment& m) {
  Fields f{};
  int64_t days = m.seconds / 86400, rem = m.seconds % 86400;
  if (rem < 0) rem += 86400, --days;
  auto d = civil::civil_from_days(days);
  f.year = d.year, f.month = d.month, f.day = d.day;
  f.hour = static_cast<int>(rem / 3600), f.minute = static_cast<int>(rem / 60 % 60), f.second = static_cast<int>(rem % 60);
  f.wday = civil::weekday_from_days(days);
  f.yday = static_cast<int>(days - civil::days_from_civil(d.year, 1, 1));
  // ISO 8601 week: the week (Monday first) holding the year's first Thursday.
  int iso_wday = (f.wday + 6) % 7;  // 0 = Monday
  int64_t thursday = days - iso_wday + 3;
  auto td = civil::civil_from_days(thursday);
  f.iso_year = td.year;
  f.iso_week = static_cast<int>((thursday - civil::days_from_civil(td.year, 1, 1)) / 7 + 1);
  f.seconds = m.seconds, f.nanos = m.nanos;
  return f;
}

int default_width(Num n) {
  switch (n) {
    case Num::Year: case Num::IsoYear: return 4;
    case Num::Ordinal: return 3;
    case Num::NumDaysFromSun: case Num::WeekdayFromMon: case Num::Timestamp: return 1;
    case Num::Nanosecond: return 9;
    default: return 2;
  }
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

int64_t value_of(Num n, const Fields& f) {
  switch (n) {
    case Num::Year: return f.year;
    case Num::YearDiv100: return floor_div(f.year, 100);
    case Num::YearMod100: return floor_mod(f.year, 100);
    case Num::IsoYear: return f.iso_year;
    case Num::IsoYearDiv100: return floor_div(f.iso_year, 100);
    case Num::IsoYearMod100: return floor_mod(f.iso_year, 100);
    case Num::Month: return f.month;
    case Num::Day: return f.day;
    case Num::WeekFromSun: return (f.yday + 7 - f.wday) / 7;
    case Num::WeekFromMon: return (f.yday + 7 - (f.wday + 6) % 7) / 7;
    case Num::IsoWeek: return f.iso_week;
    case Num::NumDaysFromSun: return f.wday;
    case Num::WeekdayFromMon: return f.wday == 0 ? 7 : f.wday;
    case Num::Ordinal: return f.yday + 1;
    case Num::Hour: return f.hour;
    case Num::Hour12: return f.hour % 12 == 0 ? 12 : f.hour % 12;
    case Num::Minute: return f.minute;
    case Num::Second: return f.second;
    case Num::Nanosecond: return f.nanos;
    case Num::Timestamp: return f.seconds;
  }
  return 0;
}

void put_number(std::string& out, Num n, Pad pad, int64_t v) {
  int width = default_width(n);
  if (pad == Pad::Default) pad = Pad::Zero;
  bool is_year = n == Num::Year || n == Num::IsoYear;
  std::string digits = std::to_string(v < 0 ? -static_cast<uint64_t>(v) : static_cast<uint64_t>(v));
  std::string sign = v < 0 ? "-" : "";
  // Years outside 0..=9999 always carry a sign (chrono's ISO 8601 rule).
  if (is_year && v > 9999) sign = "+";
  if (pad == Pad::None) {
    out += sign + digits;
    return;
  }
  int fill = width - static_cast<int>(digits.size()) - (is_year ? 0 : static_cast<int>(sign.size()));
  if (pad == Pad::Zero) out += sign + std::string(fill > 0 ? fill : 0, '0') + digits;
  else out += std::string(fill > 0 ? fill : 0, ' ') + sign + digits;
}

void put_fraction(std::string& out, uint32_t nanos, int digits, bool dot) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%09u", nanos);
  if (dot) out += '.';
  out.append(buf, static_cast<size_t>(digits));
}

void put_fixed(std::string& out, Fixed x, const Fields& f) {
  switch (x) {
    case Fixed::ShortMonthName: out.append(kMonthNames[f.month - 1], 3); break;
    case Fixed::LongMonthName: out += kMonthNames[f.month - 1]; break;
    case Fixed::ShortWeekdayName: out.append(kWeekdayNames[f.wday], 3); break;
    case Fixed::LongWeekdayName: out += kWeekdayNames[f.wday]; break;
    case Fixed::LowerAmPm: out += f.hour < 12 ? "am" : "pm"; break;
    case Fixed::UpperAmPm: out += f.hour < 12 ? "AM" : "PM"; break;
    case Fixed::NanosecondDyn:
      // As few digit groups as the value needs: none, 3, 6 or 9.
      if (f.nanos == 0) break;
      if (f.nanos % 1000000 == 0) put_fraction(out, f.nanos, 3, true);
      else if (f.nanos % 1000 == 0) put_fraction(out, f.nanos, 6, true);
      else put_fraction(out, f.nanos, 9, true);
      break;
    case Fixed::Nanosecond3: put_fraction(out, f.nanos, 3, true); break;
    case Fixed::Nanosecond6: put_fraction(out, f.nanos, 6, true); break;
    case Fixed::Nanosecond9: put_fraction(out, f.nanos, 9, true); break;
    case Fixed::Nanosecond3NoDot: put_fraction(out, f.nanos, 3, false); break;
    case Fixed::Nanosecond6NoDot: put_fraction(out, f.nanos, 6, false); break;
    case Fixed::Nanosecond9NoDot: put_fraction(out, f.nanos, 9, false); break;
    case Fixed::TimezoneName: out += "UTC"; break;
    case Fixed::Offset: out += "+0000"; break;
    case Fixed::OffsetColon: out += "+00:00"; break;
    case Fixed::OffsetDoubleColon: out += "+00:00:00"; break;
    case Fixed::OffsetTripleColon: out += "+00"; break;
  }
}

}  // namespace

std::string format(const Moment& m, const std::vector<Item>& items) {
  Fields f = breakdown(m);
  std::string out;
  for (const auto& it : items) {
    switch (it.kind) {
      case Item::Kind::Literal:
      case Item::Kind::Space: out += it.text; break;
      case Item::Kind::Numeric: put_number(out, it.num, it.pad, value_of(it.num, f)); break;
      case Item::Kind::Fixed: put_fixed(out, it.fixed, f); break;
    }
  }
  return out;
}

}  // namespace sys::timefmt
