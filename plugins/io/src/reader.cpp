// Reader and error helpers: read, read-many, error, and the `load` builtin
// (which returns a file's forms unevaluated; `(load f)` in head position is
// the evaluator's special form).
#include "io_common.hpp"

namespace sema_io {
namespace {

using sema::api;

Result<Value> read_forms(sema_ctx* ctx, std::string_view text) {
  sema_value forms = SEMA_NIL;
  if (api->read_all(ctx, text.data(), text.size(), &forms) != SEMA_OK) return sema::pending();
  return Value::own(forms);
}

// The first form; nil for empty, blank or comment-only text.
Result<Value> read(sema_ctx* ctx, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  sema_value form = SEMA_NIL;
  if (api->read_one(ctx, text->data(), text->size(), &form) != SEMA_OK) return sema::pending();
  return Value::own(form);
}

Result<Value> read_many(sema_ctx* ctx, Args a) {
  auto text = sema::want_string(a[0]);
  if (!text) return std::unexpected(text.error());
  return read_forms(ctx, *text);
}

// Raises :eval with the display form of the first argument.
Result<Value> error(sema_ctx*, Args a) {
  if (a.size() == 0) return sema::eval_error("error called with no message");
  return sema::eval_error(sema::to_text(a[0], true));
}

Result<Value> load(sema_ctx* ctx, Args a) {
  if (auto ok = need(ctx, "fs-read", "load"); !ok) return std::unexpected(ok.error());
  auto path = want_path(a[0]);
  if (!path) return std::unexpected(path.error());
  auto text = read_text_file("load", *path);
  if (!text) return std::unexpected(text.error());
  return read_forms(ctx, *text);
}

}  // namespace

void register_reader(sema::Registry& r) {
  r.add<read>("read", 1, 1);
  r.add<read_many>("read-many", 1, 1);
  r.add<error>("error", 0, SEMA_ARITY_VARIADIC);
  r.add<load>("load", 1, 1);
}

}  // namespace sema_io
