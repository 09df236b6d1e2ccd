# Warning and sanitizer flags shared by every target of the project.
add_library(sema_flags INTERFACE)
target_compile_options(sema_flags INTERFACE -Wall -Wextra $<$<BOOL:${SEMA_WERROR}>:-Werror>)
if(SEMA_SANITIZE)
  target_compile_options(sema_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(sema_flags INTERFACE -fsanitize=address,undefined)
endif()
