/*
 * sema.h — the stable C ABI between the Sema runtime and its plugins.
 *
 * Plain C11. A plugin exports exactly one symbol, `sema_plugin_entry`, which
 * returns a static `sema_plugin_info`. The host checks the handshake (ABI
 * major/minor, value-representation config, sizeof(sema_value)) before it calls
 * anything else, then calls `init` with the host API table. Plugins never link
 * against the runtime library: everything goes through that table.
 *
 * Versioning: every struct here and the host table only ever grow at the end.
 * A plugin built for a newer minor than the host is refused; any major
 * mismatch is refused. See docs/plugins.md for the author's guide.
 *
 * Ownership: arguments passed to a native function are BORROWED. A value the
 * function stores in `*out` is a NEW reference (owned by the caller). Table
 * functions say "(new)" when they return a new reference, "(borrowed)" when the
 * result lives as long as its container, and "(steals X)" when they take over
 * the caller's reference to X.
 */
#ifndef SEMA_H
#define SEMA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- versions */

#define SEMA_ABI_MAJOR 1
#define SEMA_ABI_MINOR 0

/* Config bits: what the plugin assumes about the value word. */
#define SEMA_CONFIG_NANBOX64 0x1u /* values are NaN-boxed 64-bit words */
#define SEMA_CONFIG SEMA_CONFIG_NANBOX64

#if defined(_WIN32)
#define SEMA_EXPORT __declspec(dllexport)
#else
#define SEMA_EXPORT __attribute__((visibility("default")))
#endif

/* ------------------------------------------------------------- value word */

/*
 * A value is one 64-bit word. A double is stored as itself. Everything else
 * lives in the negative quiet-NaN space: the top 16 bits are 0xFFF9..0xFFFE and
 * bits 48..50 carry a 3-bit tag, the low 48 bits a payload.
 *
 *   tag 1  integer, 48-bit two's complement payload (larger ints are boxed on
 *          the heap and report SEMA_T_INT all the same)
 *   tag 2  heap object pointer (48-bit)
 *   tag 3  constants: 0 nil, 1 #f, 2 #t
 *   tag 4  char (Unicode scalar value)
 *   tag 5  symbol (interned id)
 *   tag 6  keyword (interned id)
 *
 * The only NaN a double may carry in the negative NaN space is the canonical
 * 0xFFF8000000000000; other NaN payloads are canonicalised on boxing.
 */
typedef uint64_t sema_value;

#define SEMA_TAG_SHIFT 48
#define SEMA_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull
#define SEMA_BOX_BASE 0xFFF8000000000000ull
#define SEMA_TAG_INT 1u
#define SEMA_TAG_PTR 2u
#define SEMA_TAG_CONST 3u
#define SEMA_TAG_CHAR 4u
#define SEMA_TAG_SYMBOL 5u
#define SEMA_TAG_KEYWORD 6u

#define SEMA_NIL (SEMA_BOX_BASE | ((uint64_t)SEMA_TAG_CONST << SEMA_TAG_SHIFT) | 0u)
#define SEMA_FALSE (SEMA_BOX_BASE | ((uint64_t)SEMA_TAG_CONST << SEMA_TAG_SHIFT) | 1u)
#define SEMA_TRUE (SEMA_BOX_BASE | ((uint64_t)SEMA_TAG_CONST << SEMA_TAG_SHIFT) | 2u)

#define SEMA_SMALL_INT_MIN (-(INT64_C(1) << 47))
#define SEMA_SMALL_INT_MAX ((INT64_C(1) << 47) - 1)

static inline int sema_is_boxed(sema_value v) { return v > 0xFFF8FFFFFFFFFFFFull && v < 0xFFFF000000000000ull; }
static inline unsigned sema_tag(sema_value v) { return sema_is_boxed(v) ? (unsigned)((v >> SEMA_TAG_SHIFT) & 7u) : 0u; }
/* Tag t (1..6) as one compare of the top 16 bits (0xFFF8 | t): the same
 * answer as sema_tag(v) == t, without the range check and mask. */
static inline int sema_has_tag(sema_value v, unsigned tag) { return (v >> SEMA_TAG_SHIFT) == (0xFFF8u | tag); }
static inline sema_value sema_make_tagged(unsigned tag, uint64_t payload) {
  return SEMA_BOX_BASE | ((uint64_t)tag << SEMA_TAG_SHIFT) | (payload & SEMA_PAYLOAD_MASK);
}

static inline int sema_is_float(sema_value v) { return !sema_is_boxed(v); }
static inline double sema_float_of(sema_value v) { double d; memcpy(&d, &v, sizeof d); return d; }
static inline sema_value sema_from_float(double d) {
  sema_value v;
  memcpy(&v, &d, sizeof d);
  if (d != d) v = (v >> 63) ? SEMA_BOX_BASE : 0x7FF8000000000000ull; /* canonical NaNs, sign kept */
  return v;
}

static inline int sema_is_small_int(sema_value v) { return sema_has_tag(v, SEMA_TAG_INT); }
static inline int64_t sema_small_int_of(sema_value v) {
  return (int64_t)((v & SEMA_PAYLOAD_MASK) << 16) >> 16; /* sign-extend 48 bits */
}
static inline int sema_fits_small_int(int64_t i) { return i >= SEMA_SMALL_INT_MIN && i <= SEMA_SMALL_INT_MAX; }
static inline sema_value sema_from_small_int(int64_t i) { return sema_make_tagged(SEMA_TAG_INT, (uint64_t)i); }

static inline int sema_is_nil(sema_value v) { return v == SEMA_NIL; }
static inline int sema_is_bool(sema_value v) { return v == SEMA_TRUE || v == SEMA_FALSE; }
static inline int sema_truthy(sema_value v) { return v != SEMA_NIL && v != SEMA_FALSE; }
static inline sema_value sema_from_bool(int b) { return b ? SEMA_TRUE : SEMA_FALSE; }

static inline int sema_is_char(sema_value v) { return sema_has_tag(v, SEMA_TAG_CHAR); }
static inline uint32_t sema_char_of(sema_value v) { return (uint32_t)(v & 0x1FFFFFu); }
static inline sema_value sema_from_char(uint32_t cp) { return sema_make_tagged(SEMA_TAG_CHAR, cp); }

static inline int sema_is_symbol(sema_value v) { return sema_has_tag(v, SEMA_TAG_SYMBOL); }
static inline int sema_is_keyword(sema_value v) { return sema_has_tag(v, SEMA_TAG_KEYWORD); }
static inline uint32_t sema_id_of(sema_value v) { return (uint32_t)(v & 0xFFFFFFFFu); }
static inline sema_value sema_from_symbol(uint32_t id) { return sema_make_tagged(SEMA_TAG_SYMBOL, id); }
static inline sema_value sema_from_keyword(uint32_t id) { return sema_make_tagged(SEMA_TAG_KEYWORD, id); }

static inline int sema_is_ptr(sema_value v) { return sema_has_tag(v, SEMA_TAG_PTR); }

/* ------------------------------------------------------------------ types */

typedef enum sema_type {
  SEMA_T_NIL = 0,
  SEMA_T_BOOL,
  SEMA_T_INT,
  SEMA_T_FLOAT,
  SEMA_T_CHAR,
  SEMA_T_STRING,
  SEMA_T_SYMBOL,
  SEMA_T_KEYWORD,
  SEMA_T_LIST,
  SEMA_T_VECTOR,
  SEMA_T_MAP,
  SEMA_T_HASHMAP,
  SEMA_T_RECORD,
  SEMA_T_BYTEVECTOR,
  SEMA_T_LAMBDA,
  SEMA_T_MACRO,
  SEMA_T_NATIVE,
  SEMA_T_PROMISE,
  SEMA_T_OTHER /* values of kinds this ABI version does not name */
} sema_type;

/* ----------------------------------------------------------------- status */

typedef enum sema_status {
  SEMA_OK = 0,
  SEMA_ERROR = 1, /* an error is pending in the context (raised through the table) */
  SEMA_EXIT = 2   /* (exit n) was requested; propagate it unchanged */
} sema_status;

typedef enum sema_error_kind {
  SEMA_ERR_EVAL = 0,  /* "Eval error: MSG" */
  SEMA_ERR_TYPE,      /* "Type error: MSG" (MSG = "expected X, got Y") */
  SEMA_ERR_ARITY,     /* "Arity error: MSG" */
  SEMA_ERR_UNBOUND,   /* "Unbound variable: NAME" */
  SEMA_ERR_IO,        /* "IO error: MSG" */
  SEMA_ERR_READER,    /* "Reader error at L:C: MSG" */
  SEMA_ERR_USER,      /* raised by throw; use raise_value */
  SEMA_ERR_PERMISSION /* a sandboxed capability was used */
} sema_error_kind;

/* ------------------------------------------------------- native functions */

typedef struct sema_ctx sema_ctx;           /* one per interpreter, opaque */
typedef struct sema_registry sema_registry; /* only valid during init */
typedef struct sema_fastcall sema_fastcall; /* a prepared repeated call */
/* What a host's rows can use of a line, worked out ahead of them
 * (line_facts): opaque to the plugin that hands them over. */
typedef struct sema_line_facts {
  uint64_t words[3];
} sema_line_facts;

/* A builtin. args are borrowed; on SEMA_OK *out holds a new reference. */
typedef sema_status (*sema_native_fn)(sema_ctx* ctx, const sema_value* args, size_t nargs, sema_value* out);

/* Fast-path hooks: fixed arity, no argument vector. Same ownership rules as
 * sema_native_fn, except that with SEMA_HOOK_CONSUMES_ARG0 the hook owns a0
 * (it must release it or hand it back inside *out) — on error too. */
typedef sema_status (*sema_hook1_fn)(sema_ctx* ctx, sema_value a0, sema_value* out);
typedef sema_status (*sema_hook2_fn)(sema_ctx* ctx, sema_value a0, sema_value a1, sema_value* out);
typedef sema_status (*sema_hook3_fn)(sema_ctx* ctx, sema_value a0, sema_value a1, sema_value a2, sema_value* out);

typedef enum sema_hook_kind {
  SEMA_HOOK_ARITY1 = 1, /* fn is a sema_hook1_fn */
  SEMA_HOOK_ARITY2 = 2, /* fn is a sema_hook2_fn */
  SEMA_HOOK_ARITY3 = 3, /* fn is a sema_hook3_fn */
  SEMA_HOOK_INTRINSIC = 16 /* fn unused (NULL); flags is a sema_intrinsic */
} sema_hook_kind;

/* SEMA_HOOK_INTRINSIC: the builtin has exactly the standard semantics of
 * the stdlib builtin named below (stdlib.md), for every argument. The host may
 * then compute common cases itself (two immediate ints, two floats, a map
 * lookup, …) without calling the builtin; everything else, errors included,
 * still goes to the builtin's hook or function. A host that does not know
 * the kind, or the id, calls the builtin as before. */
typedef enum sema_intrinsic {
  SEMA_INTRINSIC_NONE = 0,
  SEMA_INTRINSIC_ADD = 1,    /* + */
  SEMA_INTRINSIC_SUB = 2,    /* - */
  SEMA_INTRINSIC_MUL = 3,    /* * */
  SEMA_INTRINSIC_LT = 4,     /* < */
  SEMA_INTRINSIC_GT = 5,     /* > */
  SEMA_INTRINSIC_LE = 6,     /* <= */
  SEMA_INTRINSIC_GE = 7,     /* >= */
  SEMA_INTRINSIC_NUM_EQ = 8, /* = */
  SEMA_INTRINSIC_NOT = 9,    /* not */
  SEMA_INTRINSIC_NIL_P = 10, /* nil? */
  SEMA_INTRINSIC_FIRST = 11, /* first */
  SEMA_INTRINSIC_NTH = 12,   /* nth */
  SEMA_INTRINSIC_GET = 13,   /* get */
  SEMA_INTRINSIC_MIN = 14,   /* min */
  SEMA_INTRINSIC_MAX = 15,   /* max */
  SEMA_INTRINSIC_FLOAT = 16,            /* float */
  SEMA_INTRINSIC_STRING_TO_NUMBER = 17, /* string->number */
  SEMA_INTRINSIC_ASSOC = 18,            /* assoc (three arguments: the host may update a map in place) */
  SEMA_INTRINSIC_STRING_SPLIT = 19      /* string/split */
} sema_intrinsic;

#define SEMA_HOOK_PURE 0x1u          /* no side effects; may be skipped if unused */
#define SEMA_HOOK_CONSUMES_ARG0 0x2u /* takes ownership of arg 0 (copy-on-write update) */

/* A tagged optional slot; the host skips kinds it does not know. */
typedef struct sema_hook {
  uint32_t kind; /* sema_hook_kind */
  uint32_t flags;
  void (*fn)(void); /* cast to the sema_hookN_fn named by kind */
} sema_hook;

#define SEMA_ARITY_VARIADIC (-1)

typedef struct sema_builtin_def {
  uint32_t struct_size; /* sizeof(sema_builtin_def) as the plugin saw it */
  const char* name;
  sema_native_fn fn;
  int32_t min_args;    /* checked by the host before the call */
  int32_t max_args;    /* SEMA_ARITY_VARIADIC for no upper bound */
  const char* arity_label; /* name used in arity errors (NULL = name), e.g. "car" for first */
  const char* arity_text;  /* EXP in "expects EXP args" (NULL = derived: "2", "1+", "1-3") */
  void* data;          /* retrieved with api->native_data(ctx) */
  const sema_hook* hooks; /* optional array of fast-path hooks */
  uint32_t nhooks;
} sema_builtin_def;

/* ----------------------------------------------------------- host API table */

typedef struct sema_host_api {
  uint32_t struct_size; /* sizeof(sema_host_api) in the host */
  uint32_t abi_major;
  uint32_t abi_minor;

  /* --- registration (only during init; reg is the init argument) --- */
  sema_status (*register_builtin)(sema_registry* reg, const sema_builtin_def* def);
  /* Binds a global variable (a constant such as pi). Steals value. */
  sema_status (*define_global)(sema_registry* reg, const char* name, sema_value value);

  /* --- reference counting --- */
  void (*retain)(sema_value v);
  void (*release)(sema_value v);

  /* --- inspection --- */
  sema_type (*type_of)(sema_value v);
  /* The language's type name: "int", "string", "hashmap", … (static storage). */
  const char* (*type_name)(sema_value v);

  /* --- numbers --- */
  sema_value (*make_int)(int64_t i); /* (new) boxes when it does not fit */
  int64_t (*int_of)(sema_value v);   /* v must be SEMA_T_INT */

  /* --- symbols and keywords --- */
  uint32_t (*intern)(const char* name, size_t len);
  /* Name of an interned id; valid for the runtime's lifetime. */
  const char* (*id_name)(uint32_t id, size_t* len);

  /* --- strings (UTF-8, immutable) --- */
  sema_value (*make_string)(const char* bytes, size_t len); /* (new) copies bytes */
  const char* (*string_data)(sema_value s, size_t* len);      /* (borrowed) */

  /* --- lists and vectors --- */
  /* (new) steals the n references in items. */
  sema_value (*make_list)(sema_value* items, size_t n);
  sema_value (*make_vector)(sema_value* items, size_t n);
  /* Zero-copy view of a list or vector: element i is at data[i * stride].
   * (borrowed: valid while the sequence is alive and unmodified) */
  const sema_value* (*seq_view)(sema_value seq, size_t* n, ptrdiff_t* stride);
  /* (new) (cons x tail): tail a list. Borrows both. Amortised O(1). */
  sema_value (*cons)(sema_value x, sema_value tail);

  /* --- sorted maps --- */
  sema_value (*make_map)(void);                                    /* (new) */
  sema_value (*map_get)(sema_value m, sema_value key, int* found);  /* (borrowed) */
  /* (new) (steals m, borrows k and v): updates in place when m is unshared. */
  sema_value (*map_assoc)(sema_value m, sema_value k, sema_value v);
  sema_value (*map_dissoc)(sema_value m, sema_value k); /* (new) (steals m) */
  size_t (*map_count)(sema_value m);
  /* i-th entry in key order, borrowed. */
  void (*map_entry)(sema_value m, size_t i, sema_value* k, sema_value* v);

  /* --- hashmaps --- */
  sema_value (*make_hashmap)(void);
  sema_value (*hashmap_get)(sema_value h, sema_value key, int* found); /* (borrowed) */
  sema_value (*hashmap_assoc)(sema_value h, sema_value k, sema_value v); /* (new) (steals h) */
  size_t (*hashmap_count)(sema_value h);
  /* Iteration: start with *cursor = 0; returns 0 when done. Borrowed k/v. */
  int (*hashmap_next)(sema_value h, size_t* cursor, sema_value* k, sema_value* v);

  /* --- bytevectors --- */
  sema_value (*make_bytevector)(const uint8_t* bytes, size_t len); /* (new) copies */
  const uint8_t* (*bytevector_data)(sema_value bv, size_t* len);   /* (borrowed) */

  /* --- records and promises (read-only for plugins) --- */
  uint32_t (*record_tag)(sema_value r); /* interned id of the record type name */
  int (*promise_forced)(sema_value p);

  /* --- equality, order, hashing, printing (the language's rules) --- */
  int (*equal)(sema_value a, sema_value b);   /* structural, as equal? */
  int (*compare)(sema_value a, sema_value b); /* value order: <0, 0, >0 */
  uint64_t (*hash)(sema_value v);
  /* (new) the write form (display=0) or display form (display=1) as a string */
  sema_value (*to_string)(sema_value v, int display);
  /* Appends the write/display form to a growing buffer owned by the caller:
   * the host calls sink(user, bytes, len) one or more times. */
  void (*print_to)(sema_value v, int display, void (*sink)(void* user, const char* bytes, size_t len), void* user);

  /* --- calling Sema procedures (lambda, native; keywords are not callable) --- */
  sema_status (*call)(sema_ctx* ctx, sema_value fn, const sema_value* args, size_t nargs, sema_value* out);
  int (*is_callable)(sema_value v); /* fn?/procedure? */

  /* --- errors --- */
  /* All return SEMA_ERROR so a builtin can `return api->raise(...)`. */
  sema_status (*raise)(sema_ctx* ctx, sema_error_kind kind, const char* msg, size_t len);
  /* "Type error: expected EXPECTED, got <type of got>" */
  sema_status (*raise_type)(sema_ctx* ctx, const char* expected, sema_value got);
  /* "Arity error: NAME expects EXPECTED args, got N" */
  sema_status (*raise_arity)(sema_ctx* ctx, const char* name, const char* expected, size_t got);
  /* A user exception carrying any value (borrowed). */
  sema_status (*raise_value)(sema_ctx* ctx, sema_value v);
  /* Requests process exit with status code (flushes output first). */
  sema_status (*request_exit)(sema_ctx* ctx, int code);

  /* --- reader --- */
  /* (new) all forms of text as a list (read-many); errors raised as :reader. */
  sema_status (*read_all)(sema_ctx* ctx, const char* text, size_t len, sema_value* out);

  /* --- host services --- */
  void* (*native_data)(sema_ctx* ctx); /* the data pointer of the running builtin */
  /* The raw process argv, as given to the sema command. */
  void (*argv)(int* argc, const char* const** argv);
  /* Nonzero when the capability ("fs-read", "fs-write", "net", "shell", "env")
   * is allowed; when denied, also raises the permission error. */
  int (*check_capability)(sema_ctx* ctx, const char* capability, const char* builtin_name);
  /* Nonzero when the user asked to interrupt (Ctrl-C); long loops should
   * then raise via raise_interrupt. */
  int (*interrupted)(sema_ctx* ctx);
  sema_status (*raise_interrupt)(sema_ctx* ctx);

  /* --- repeated calls of one procedure (the fastio mini-eval) ---
   * fastcall_open prepares fn for nargs-argument calls: for a lambda the
   * runtime sets up its frame once and runs the body through the mini-eval
   * (hooked builtins called directly); anything else falls back to `call`.
   * fastcall_invoke STEALS the nargs references in args (so an accumulator
   * can be moved in and keep refcount 1). Results equal those of `call`. */
  sema_fastcall* (*fastcall_open)(sema_ctx* ctx, sema_value fn, size_t nargs);
  sema_status (*fastcall_invoke)(sema_fastcall* fc, sema_value* args, sema_value* out);
  void (*fastcall_close)(sema_fastcall* fc);

  /* --- appended in 1.0 before the first release --- */
  /* (new) the list without its first n elements (n <= length); O(1), shares storage. */
  sema_value (*list_drop)(sema_value list, size_t n);
  /* (new) the first form of text, or nil for empty input (the `read` builtin):
   * the rest is tokenized (a lexer error still fails) but not parsed. */
  sema_status (*read_one)(sema_ctx* ctx, const char* text, size_t len, sema_value* out);
  /* Like call, but STEALS the nargs references in args (on error too): a
   * fold can hand its accumulator over so the callee's assoc updates it in
   * place instead of copying it on every step. */
  sema_status (*call_owned)(sema_ctx* ctx, sema_value fn, sema_value* args, size_t nargs, sema_value* out);

  /* --- appended in 1.0 before the first release: the heap-object header ---
   * Nonzero when every heap object (the pointer of a tag-2 value) starts with
   * the frozen header below: a uint32_t reference count at byte
   * SEMA_OBJ_RC_OFFSET (the host destroys the object when it drops to 0; no
   * other meaning) and its sema_type as a uint32_t at SEMA_OBJ_TYPE_OFFSET.
   * Plugins then read a value's type and adjust its count inline
   * (sema_obj_type, sema_obj_retain, sema_obj_release below) instead of
   * calling type_of / retain / release. Check struct_size before reading it. */
  uint32_t obj_header;
  /* (new) n strings copied from parts[i] (lens[i] bytes each) as a list. */
  sema_value (*make_string_list)(const char* const* parts, const size_t* lens, size_t n);
  /* (new) STEALS s. When s is a string nobody else holds, its text becomes
   * bytes[0, len) in place (no allocation while it fits) and s is returned;
   * otherwise s is released and a new string is made. For a producer that
   * hands out one string per item (fastio's lines) and gets it back unused. */
  sema_value (*string_refill)(sema_value s, const char* bytes, size_t len);
  /* (new) `get` in one call: when m is a map or a hashmap, *out becomes the
   * value at key (a new reference), or dflt (retained) when key is absent, and
   * 1 is returned; otherwise 0 (nothing retained, *out untouched). */
  int (*map_lookup)(sema_value m, sema_value key, sema_value dflt, sema_value* out);
  /* (new) string/split's common case in one call: when text is a string and
   * sep a one-byte string, *out becomes the list of the fields of text around
   * each sep byte (new strings, empty fields kept) and 1 is returned;
   * otherwise 0 (nothing made, *out untouched). */
  int (*split_byte)(sema_value text, sema_value sep, sema_value* out);
  /* (new) fastcall_invoke whose last argument is the string bytes[0, len),
   * made by the host (fc prepared for nargs >= 1): args has room for nargs
   * values, the first nargs-1 are STOLEN as by fastcall_invoke and the last
   * is written by the host. The host keeps the string and refills it for the
   * next call when the callee kept no reference to it (as string_refill).
   * For a producer that hands out one string per item (fastio's lines): one
   * table call per item instead of two. */
  sema_status (*fastcall_invoke_text)(sema_fastcall* fc, sema_value* args, const char* bytes, size_t len,
                                      sema_value* out);
  /* (new) A fold over n texts in one table call (fc prepared for 2
   * arguments): for each i in order, fastcall_invoke_text with the
   * arguments *acc (STOLEN) and the string texts[i][0, lens[i]); each
   * call's result becomes *acc. SEMA_OK once all n ran; on the first call
   * that fails its status is returned (the error pending as with
   * fastcall_invoke), *acc is nil and the later texts are not used. For a
   * producer that has several items at hand (fastio's lines in its read
   * buffer). */
  sema_status (*fastcall_fold_texts)(sema_fastcall* fc, sema_value* acc, const char* const* texts,
                                     const size_t* lens, size_t n);
  /* (new) The byte fc's callback splits its last argument's string on, when
   * the host's rows can use line_facts' facts (fastcall_fold_facts); else
   * -1. */
  int (*fastcall_line_sep)(sema_fastcall* fc);
  /* (new) The facts of the text bytes[0, len) for sep (from
   * fastcall_line_sep), a pure function of its arguments: callable on any
   * thread, before the rows that use them run (fastio's reading thread). */
  void (*line_facts)(int sep, const char* bytes, size_t len, sema_line_facts* out);
  /* (new) fastcall_fold_texts with facts[i] the line_facts of texts[i] for
   * fastcall_line_sep's byte, or NULL when there are none. The results are
   * those of fastcall_fold_texts: the rows only use facts that answer what
   * they would work out from the bytes themselves. */
  sema_status (*fastcall_fold_facts)(sema_fastcall* fc, sema_value* acc, const char* const* texts,
                                     const size_t* lens, const sema_line_facts* const* facts, size_t n);
  /* (new) line_facts for fastcall_line_sep(fc)'s byte, with more for fc's
   * rows: the line's first field numbered among the fold's (equal numbers,
   * equal bytes), so a row finds its key's entry without comparing bytes.
   * The numbers are fc's own: pass these facts to fc's fastcall_fold_facts
   * only. Called from one thread at a time, which may be another than the
   * one running fc's rows (fastio's reading thread), and never after
   * fastcall_close(fc). */
  void (*fastcall_line_facts)(sema_fastcall* fc, const char* bytes, size_t len, sema_line_facts* out);
} sema_host_api;

/* ------------------------------------------------------ heap-object header */

#define SEMA_OBJ_RC_OFFSET 8
#define SEMA_OBJ_TYPE_OFFSET 12

/* Nonzero when the host's table reaches MEMBER (an entry appended after the
 * host was built is missing from its table). */
#define SEMA_HOST_HAS(api, member) ((api)->struct_size >= offsetof(sema_host_api, member) + sizeof((api)->member))

/* Nonzero when api publishes the header. */
static inline int sema_host_has_obj_header(const sema_host_api* api) {
  return SEMA_HOST_HAS(api, obj_header) && api->obj_header != 0;
}
static inline uint32_t* sema_obj_field_(sema_value v, size_t offset) {
  return (uint32_t*)((uintptr_t)(v & SEMA_PAYLOAD_MASK) + offset);
}
/* Only for a tag-2 value, and only when sema_host_has_obj_header(api). */
static inline sema_type sema_obj_type(sema_value v) { return (sema_type)*sema_obj_field_(v, SEMA_OBJ_TYPE_OFFSET); }
static inline void sema_obj_retain(sema_value v) { ++*sema_obj_field_(v, SEMA_OBJ_RC_OFFSET); }
/* The last reference goes through the host, which destroys the object. */
static inline void sema_obj_release(const sema_host_api* api, sema_value v) {
  uint32_t* rc = sema_obj_field_(v, SEMA_OBJ_RC_OFFSET);
  if (*rc == 1)
    api->release(v);
  else
    --*rc;
}

/* --------------------------------------------------------------- plugins */

typedef sema_status (*sema_plugin_init_fn)(const sema_host_api* api, sema_registry* reg);

typedef struct sema_plugin_info {
  uint32_t struct_size; /* sizeof(sema_plugin_info) */
  uint32_t abi_major;   /* SEMA_ABI_MAJOR the plugin was built with */
  uint32_t abi_minor;   /* SEMA_ABI_MINOR the plugin was built with */
  uint32_t config;      /* SEMA_CONFIG */
  uint32_t value_size;  /* sizeof(sema_value) */
  const char* name;     /* "string", "fastio", … */
  const char* version;  /* "1.0.0" */
  const char* const* dependencies; /* NULL-terminated plugin names, or NULL */
  const char* const* overrides;    /* NULL-terminated builtin names this plugin replaces, or NULL */
  sema_plugin_init_fn init;
} sema_plugin_info;

#define SEMA_PLUGIN_ENTRY_SYMBOL "sema_plugin_entry"
typedef const sema_plugin_info* (*sema_plugin_entry_fn)(void);

/* Fills the handshake fields of a sema_plugin_info with this header's values. */
#define SEMA_PLUGIN_INFO_HEADER                                                                      \
  sizeof(sema_plugin_info), SEMA_ABI_MAJOR, SEMA_ABI_MINOR, SEMA_CONFIG, (uint32_t)sizeof(sema_value)

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SEMA_H */
