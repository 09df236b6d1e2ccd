# Installs the SDK headers, the CMake package and the pkg-config file.
include(CMakePackageConfigHelpers)
file(STRINGS ${PROJECT_SOURCE_DIR}/sdk/include/sema/sema.h abi_major_line REGEX "#define SEMA_ABI_MAJOR ")
file(STRINGS ${PROJECT_SOURCE_DIR}/sdk/include/sema/sema.h abi_minor_line REGEX "#define SEMA_ABI_MINOR ")
string(REGEX MATCH "[0-9]+$" SEMA_ABI_MAJOR "${abi_major_line}")
string(REGEX MATCH "[0-9]+$" SEMA_ABI_MINOR "${abi_minor_line}")

install(DIRECTORY ${PROJECT_SOURCE_DIR}/sdk/include/sema DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SemaSDKConfig.cmake.in
  ${CMAKE_BINARY_DIR}/SemaSDKConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/SemaSDK
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR SEMA_PLUGIN_INSTALL_DIR)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/SemaSDKConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/SemaSDKConfig.cmake ${CMAKE_BINARY_DIR}/SemaSDKConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/SemaSDK)
configure_file(${PROJECT_SOURCE_DIR}/cmake/sema-sdk.pc.in ${CMAKE_BINARY_DIR}/sema-sdk.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/sema-sdk.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
