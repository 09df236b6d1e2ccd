// Terminal spinners (stdlib.md §7.2): one background thread per spinner,
// drawing to stderr every 80 ms until stopped.
#include "common.hpp"

#include <array>
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

constexpr std::array<std::string_view, 10> kFrames{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
constexpr auto kInterval = std::chrono::milliseconds(80);

// Writes all of s to fd 2 (unbuffered, like Rust's stderr).
void write_stderr(std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(2, s.data(), s.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    s.remove_prefix(static_cast<size_t>(n));
  }
}

class Spinner {
 public:
  explicit Spinner(std::string msg) : message_(std::move(msg)) {
    thread_ = std::thread([this] { loop(); });
  }
  ~Spinner() { stop(); }
  void set_message(std::string msg) {
    std::lock_guard lock(mu_);
    message_ = std::move(msg);
  }
  void stop() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void loop() {
    std::unique_lock lock(mu_);
    for (size_t frame = 0; !stopping_; ++frame) {
      std::string line = "\r\x1b[K";
      line += kFrames[frame % kFrames.size()];
      line += ' ';
      line += message_;
      lock.unlock();
      write_stderr(line);
      lock.lock();
      // Waking on the condition lets stop() return without waiting a frame.
      cv_.wait_for(lock, kInterval, [this] { return stopping_; });
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::string message_;
  std::thread thread_;
};

// Every live spinner of the process. Its destructor runs at plugin unload or
// process exit and joins the threads, so none outlives the code it runs.
class Spinners {
 public:
  int64_t start(std::string msg) {
    std::lock_guard lock(mu_);
    int64_t id = next_id_++;
    live_.emplace(id, std::make_unique<Spinner>(std::move(msg)));
    return id;
  }
  void update(int64_t id, std::string msg) {
    std::lock_guard lock(mu_);
    if (auto it = live_.find(id); it != live_.end()) it->second->set_message(std::move(msg));
  }
  // The stopped spinner, or null for an unknown id.
  std::unique_ptr<Spinner> take(int64_t id) {
    std::lock_guard lock(mu_);
    auto it = live_.find(id);
    if (it == live_.end()) return nullptr;
    auto s = std::move(it->second);
    live_.erase(it);
    return s;
  }
  ~Spinners() {
    std::lock_guard lock(mu_);
    live_.clear();  // each Spinner stops and joins its thread
  }

 private:
  std::mutex mu_;
  int64_t next_id_ = 0;
  std::map<int64_t, std::unique_ptr<Spinner>> live_;
};

Spinners g_spinners;

Result<Value> spinner_start(sema_ctx*, Args a) {
  auto msg = sema::want_string(a[0]);
  if (!msg) return std::unexpected(msg.error());
  return Value::integer(g_spinners.start(std::string(*msg)));
}

Result<Value> spinner_update(sema_ctx*, Args a) {
  if (!sema::is_int(a[0])) return sema::type_error("integer", a[0]);
  auto msg = sema::want_string(a[1]);
  if (!msg) return std::unexpected(msg.error());
  g_spinners.update(sema::int_of(a[0]), std::string(*msg));
  return Value::nil();
}

std::string string_option(sema_value opts, std::string_view key) {
  auto v = map_lookup(opts, key);
  if (!v || !sema::is_string(*v)) return {};
  return std::string(sema::string_of(*v));
}

Result<Value> spinner_stop(sema_ctx*, Args a) {
  if (!sema::is_int(a[0])) return sema::type_error("integer", a[0]);
  auto spinner = g_spinners.take(sema::int_of(a[0]));
  if (!spinner) return Value::nil();
  spinner->stop();
  std::string out = "\r\x1b[K";
  if (a.size() == 2 && is_map(a[1])) {
    std::string symbol = string_option(a[1], "symbol"), text = string_option(a[1], "text");
    if (!symbol.empty() || !text.empty()) out += symbol + " " + text + "\n";
  }
  write_stderr(out);
  return Value::nil();
}

}  // namespace

void register_spinner(sema::Registry& r) {
  r.add<spinner_start>("term/spinner-start", 1, 1)
      .add<spinner_update>("term/spinner-update", 2, 2)
      .add<spinner_stop>("term/spinner-stop", 1, 2);
}

}  // namespace sys
