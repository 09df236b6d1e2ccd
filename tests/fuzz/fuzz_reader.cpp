// The reader on arbitrary bytes: every input is read into values or gives a
// reader error with a position; the ast renderings never fail on what the
// reader accepted; printing what was read never crashes.
#include "error/error.hpp"
#include "reader/reader.hpp"
#include "value/value.hpp"
#include "fuzz_common.hpp"

#include <sema/runtime.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto read = sema::rt::read_all(text);
  std::string err;
  auto tree = sema::ast_text(text, false, &err);
  auto json = sema::ast_text(text, true, &err);
  if (read) {
    if (!tree || !json) sema::fuzz::finding("read_all accepted what ast_text refused", text, err);
    for (const auto& v : read->forms) (void)sema::rt::to_text(v.get(), true);
  } else {
    const sema::rt::Error& e = read.error();
    if (e.kind != SEMA_ERR_READER || e.message.empty())
      sema::fuzz::finding("a reader failure that is not a reader error", text, e.display());
    if (tree || json) sema::fuzz::finding("ast_text accepted what read_all refused", text, read.error().display());
  }
  return 0;
}
