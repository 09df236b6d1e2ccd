# Third-party libraries (architecture.md §6), all from Debian packages
# installed by scripts/install-deps.sh.
find_package(Boost 1.81 CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HWY REQUIRED IMPORTED_TARGET libhwy)
find_path(FAST_FLOAT_INCLUDE_DIR fast_float/fast_float.h REQUIRED)
add_library(sema_fast_float INTERFACE)
target_include_directories(sema_fast_float SYSTEM INTERFACE ${FAST_FLOAT_INCLUDE_DIR})
if(SEMA_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
