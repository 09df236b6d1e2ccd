// Plain C++ reference: the same output as 1brc.sema, computed the same way
// (double sums in file order, round half away from zero to one decimal).
//   sema-1brc-reference FILE
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

namespace {

struct Stats {
  double min, max, sum;
  long count;
};

// The language's float printing (rule F) for these values.
std::string show(double x) {
  double r = static_cast<double>(static_cast<long long>(std::round(x * 10.0))) / 10.0;
  char buf[64];
  if (r == std::trunc(r)) {
    std::snprintf(buf, sizeof buf, "%.1f", r);
    return buf;
  }
  auto end = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed).ptr;
  return std::string(buf, end);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::perror(argv[1]);
    return 1;
  }
  std::map<std::string, Stats> stations;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    size_t semi = line.find(';');
    double t = 0;
    std::from_chars(line.data() + semi + 1, line.data() + line.size(), t);
    auto [it, fresh] = stations.try_emplace(line.substr(0, semi), Stats{t, t, t, 1});
    if (!fresh) {
      Stats& s = it->second;
      s.min = std::min(t, s.min);
      s.max = std::max(t, s.max);
      s.sum = t + s.sum;
      s.count += 1;
    }
  }
  std::string out = "{";
  for (const auto& [name, s] : stations) {
    if (out.size() > 1) out += ", ";
    out += name + "=" + show(s.min) + "/" + show(s.sum / static_cast<double>(s.count)) + "/" + show(s.max);
  }
  out += "}\n";
  std::fputs(out.c_str(), stdout);
  return 0;
}
