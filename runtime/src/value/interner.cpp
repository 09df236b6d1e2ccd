// The process-wide interner (value/interner.hpp).
//
// Names live in append-only blocks that are never freed or moved, so an
// id_name() view stays valid for the process lifetime. Ids index a chunked
// table whose chunks never move either: id_name() reads without the lock
// (an id can only be known after intern() published it).
#include "value/interner.hpp"

#include <boost/unordered/unordered_flat_map.hpp>

#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <cstdlib>
#include <vector>

namespace sema::rt {

namespace {

struct Name {
  const char* data;
  size_t len;
};

class Interner {
 public:
  uint32_t intern(std::string_view name) {
    std::lock_guard lock(mu_);
    auto it = ids_.find(name);
    if (it != ids_.end()) return it->second;
    std::string_view stored = store(name);
    uint32_t id = count_.load(std::memory_order_relaxed);
    size_t chunk = id / kChunk;
    if (chunk >= kMaxChunks) std::abort();  // 2^28 names: memory is long gone by then
    if (!chunks_[chunk].load(std::memory_order_relaxed)) chunks_[chunk].store(new Name[kChunk], std::memory_order_release);
    chunks_[chunk].load(std::memory_order_relaxed)[id % kChunk] = {stored.data(), stored.size()};
    count_.store(id + 1, std::memory_order_release);
    ids_.emplace(stored, id);
    return id;
  }

  std::string_view name(uint32_t id) const {
    if (id >= count_.load(std::memory_order_acquire)) return {};
    const Name& n = chunks_[id / kChunk].load(std::memory_order_acquire)[id % kChunk];
    return {n.data, n.len};
  }

 private:
  static constexpr size_t kChunk = 4096;
  static constexpr size_t kMaxChunks = 1 << 16;  // 2^28 names
  static constexpr size_t kBlock = 64 * 1024;

  // Copies name (NUL-terminated, for the C ABI) into stable storage.
  std::string_view store(std::string_view name) {
    size_t need = name.size() + 1;
    if (need > kBlock / 4) {
      blocks_.push_back(std::make_unique<char[]>(need));
      char* p = blocks_.back().get();
      std::memcpy(p, name.data(), name.size());
      p[name.size()] = '\0';
      return {p, name.size()};
    }
    if (!cur_ || used_ + need > kBlock) {
      blocks_.push_back(std::make_unique<char[]>(kBlock));
      cur_ = blocks_.back().get();
      used_ = 0;
    }
    char* p = cur_ + used_;
    std::memcpy(p, name.data(), name.size());
    p[name.size()] = '\0';
    used_ += need;
    return {p, name.size()};
  }

  std::mutex mu_;
  boost::unordered_flat_map<std::string_view, uint32_t> ids_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  size_t used_ = 0;
  std::array<std::atomic<Name*>, kMaxChunks> chunks_{};
  std::atomic<uint32_t> count_{0};
};

// Never destroyed: plugins and static destructors may still look names up
// during shutdown.
Interner& interner() {
  static Interner* in = new Interner();
  return *in;
}

}  // namespace

uint32_t intern(std::string_view name) { return interner().intern(name); }
std::string_view id_name(uint32_t id) { return interner().name(id); }

}  // namespace sema::rt
