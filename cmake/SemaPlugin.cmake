# sema_add_plugin(NAME [SOURCES ...] [LIBRARIES ...])
# Builds libsema-NAME.so against the SDK headers only (never the runtime), with
# hidden visibility so the one exported symbol is sema_plugin_entry.
# Without SOURCES, every src/*.cpp of the calling folder is used. A tests/
# folder next to it becomes a Catch2 suite labelled plugin:NAME.
function(sema_add_plugin name)
  cmake_parse_arguments(P "" "" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_SOURCES)
    file(GLOB_RECURSE P_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/src/*.c)
  endif()
  set(target sema-plugin-${name})
  add_library(${target} MODULE ${P_SOURCES})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME sema-${name}
    PREFIX lib
    LIBRARY_OUTPUT_DIRECTORY ${SEMA_PLUGIN_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    # A plugin links no library of ours: it needs no search path at all.
    SKIP_BUILD_RPATH ON
    INSTALL_RPATH "")
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/sdk/include ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(${target} PRIVATE sema_flags ${P_LIBRARIES})
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
  install(TARGETS ${target} LIBRARY DESTINATION ${SEMA_PLUGIN_INSTALL_DIR})
  add_dependencies(sema-all-plugins ${target})

  if(SEMA_BUILD_TESTS AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests)
    file(GLOB P_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/*.cpp)
    if(P_TESTS)
      add_executable(test-plugin-${name} ${P_TESTS})
      target_link_libraries(test-plugin-${name} PRIVATE sema_test_support sema_flags)
      add_dependencies(test-plugin-${name} ${target})
      catch_discover_tests(test-plugin-${name}
        TEST_PREFIX "${name}: "
        PROPERTIES LABELS "plugin:${name}"
        ENVIRONMENT "SEMA_TEST_PLUGIN_DIR=${SEMA_PLUGIN_OUTPUT_DIR}")
    endif()
  endif()
endfunction()
