// Weather stations and their mean temperatures for the generated data.
#pragma once

#include <array>
#include <string_view>

namespace onebrc {

struct Station {
  std::string_view name;
  double mean;
};

inline constexpr std::array<Station, 64> kStations = {{
    {"Abha", 18.0},        {"Abidjan", 26.0},      {"Accra", 26.4},         {"Addis Ababa", 16.0},
    {"Adelaide", 17.3},    {"Alexandria", 20.0},   {"Algiers", 18.2},       {"Amsterdam", 10.2},
    {"Anchorage", 2.8},    {"Athens", 19.2},       {"Auckland", 15.2},      {"Baghdad", 22.77},
    {"Bangkok", 28.6},     {"Barcelona", 18.2},    {"Beijing", 12.9},       {"Berlin", 10.3},
    {"Bogotá", 13.4},      {"Boston", 10.9},       {"Brussels", 10.5},      {"Budapest", 11.3},
    {"Buenos Aires", 17.5},{"Cairo", 21.4},        {"Cape Town", 16.2},     {"Chicago", 9.8},
    {"Copenhagen", 9.1},   {"Dakar", 24.0},        {"Delhi", 25.0},         {"Dubai", 26.9},
    {"Dublin", 9.8},       {"Edinburgh", 9.3},     {"Hanoi", 23.6},         {"Helsinki", 5.9},
    {"Hong Kong", 23.3},   {"Istanbul", 13.9},     {"Jakarta", 26.7},       {"Karachi", 26.0},
    {"Kyiv", 8.4},         {"Lagos", 26.8},        {"Lima", 19.2},          {"Lisbon", 17.5},
    {"London", 11.3},      {"Los Angeles", 18.6},  {"Madrid", 15.0},        {"Melbourne", 15.1},
    {"Mexico City", 17.5}, {"Montréal", 6.8},      {"Moscow", 5.8},         {"Mumbai", 27.1},
    {"Nairobi", 17.8},     {"New York City", 12.9},{"Oslo", 5.7},           {"Paris", 12.3},
    {"Prague", 8.4},       {"Reykjavík", 4.3},     {"Rome", 15.2},          {"São Paulo", 19.7},
    {"Seoul", 12.5},       {"Singapore", 27.0},    {"Stockholm", 6.6},      {"Sydney", 17.7},
    {"Tokyo", 15.4},       {"Toronto", 9.4},       {"Vienna", 10.4},        {"Zürich", 9.3},
}};

}  // namespace onebrc
