// Writes N lines "Station;-12.3" to a file: seeded and deterministic (the
// same seed gives the same bytes on every machine), with a progress bar.
//   sema-1brc-generate ROWS OUTPUT [SEED]
#include "stations.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

// splitmix64: tiny, fast and identical everywhere (std distributions are not).
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

void progress(uint64_t done, uint64_t total) {
  int width = 40;
  int filled = total ? static_cast<int>(width * done / total) : width;
  std::fprintf(stderr, "\rgenerating [%.*s%*s] %3d%% %llu rows", filled, "########################################",
               width - filled, "", total ? static_cast<int>(100 * done / total) : 100,
               static_cast<unsigned long long>(done));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s ROWS OUTPUT [SEED]\n  writes ROWS lines \"Station;-12.3\" to OUTPUT\n", argv[0]);
    return 2;
  }
  uint64_t rows = std::strtoull(argv[1], nullptr, 10);
  Rng rng{argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20260101};
  std::string tmp = std::string(argv[2]) + ".partial";
  FILE* out = std::fopen(tmp.c_str(), "wb");
  if (!out) {
    std::perror(tmp.c_str());
    return 1;
  }
  bool tty = isatty(2);
  std::string buf;
  buf.reserve(1 << 20);
  const uint64_t step = rows / 100 + 1;
  for (uint64_t i = 0; i < rows; ++i) {
    const auto& st = onebrc::kStations[rng.next() % onebrc::kStations.size()];
    // Sum of uniforms: a bell around the station's mean, spread about ±10.
    double t = st.mean + (rng.uniform() + rng.uniform() + rng.uniform() + rng.uniform() - 2.0) * 17.0;
    long tenths = std::lround(t * 10.0);
    if (tenths > 999) tenths = 999;
    if (tenths < -999) tenths = -999;
    buf.append(st.name);
    buf += ';';
    if (tenths < 0) {
      buf += '-';
      tenths = -tenths;
    }
    char digits[8];
    auto end = std::to_chars(digits, digits + sizeof digits, tenths / 10).ptr;
    buf.append(digits, end);
    buf += '.';
    buf += static_cast<char>('0' + tenths % 10);
    buf += '\n';
    if (buf.size() > (1 << 20) - 64) {
      std::fwrite(buf.data(), 1, buf.size(), out);
      buf.clear();
    }
    if (tty && i % step == 0) progress(i, rows);
  }
  std::fwrite(buf.data(), 1, buf.size(), out);
  if (std::fclose(out) != 0 || std::rename(tmp.c_str(), argv[2]) != 0) {
    std::perror(argv[2]);
    return 1;
  }
  if (tty) {
    progress(rows, rows);
    std::fputc('\n', stderr);
  }
  return 0;
}
