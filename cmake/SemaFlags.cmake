# Warning and sanitizer flags shared by every target of the project.
add_library(sema_flags INTERFACE)
target_compile_options(sema_flags INTERFACE -Wall -Wextra $<$<BOOL:${SEMA_WERROR}>:-Werror>)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 at -O3 reports -Wrestrict/-Wstringop-overflow false positives inside
  # libstdc++'s std::string operator+ (GCC bugs 105329, 105651); fixed in 13.
  target_compile_options(sema_flags INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict -Wno-stringop-overflow>)
endif()
if(SEMA_SANITIZE)
  target_compile_options(sema_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(sema_flags INTERFACE -fsanitize=address,undefined)
endif()
