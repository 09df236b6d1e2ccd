// Proleptic Gregorian calendar arithmetic over day numbers (days since
// 1970-01-01), valid for chrono's whole year range (±262143).
#pragma once

#include <cstdint>

namespace sys::civil {

struct Date {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

// Days since 1970-01-01 of a civil date (era arithmetic, 400-year cycles).
constexpr int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (m + 9) % 12;  // March-based month
  const int64_t doy = (153 * mp + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {era * 400 + yoe + (m <= 2), m, d};
}

constexpr bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
constexpr int days_in_month(int64_t y, int m) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}
// 0 = Sunday … 6 = Saturday.
constexpr int weekday_from_days(int64_t z) { return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6); }

// chrono's NaiveDate range.
constexpr int64_t kMinYear = -262144;
constexpr int64_t kMaxYear = 262143;
constexpr int64_t kMinSeconds = days_from_civil(kMinYear, 1, 1) * 86400;
constexpr int64_t kMaxSeconds = days_from_civil(kMaxYear, 12, 31) * 86400 + 86399;

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(civil_from_days(19737).year == 2024 && civil_from_days(19737).month == 1);
static_assert(weekday_from_days(0) == 4);  // 1970-01-01 was a Thursday
static_assert(weekday_from_days(-1) == 3);

}  // namespace sys::civil
