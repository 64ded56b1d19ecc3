# Precompiled headers for the test build (CLINAUDIT_PCH, on in the asan preset): the standard
# library and the heavy third-party headers are parsed once per target instead of once per
# source file. Each target gets the headers of the libraries it links, so a PCH never makes a
# header available that the target's link line does not already allow; scripts/tidy.py checks
# every file without the PCH, so a missing #include still fails the test command.
set(CLINAUDIT_PCH_STD
  <algorithm> <array> <chrono> <cmath> <cstddef> <cstdint> <cstdlib> <filesystem> <fstream>
  <functional> <iostream> <map> <memory> <optional> <set> <span> <sstream> <string>
  <string_view> <unordered_map> <utility> <vector>)

function(clinaudit_precompile_target target)
  get_target_property(type ${target} TYPE)
  if(NOT type MATCHES "^(STATIC_LIBRARY|EXECUTABLE)$")
    return()
  endif()
  get_target_property(sources ${target} SOURCES)
  list(FILTER sources INCLUDE REGEX "\\.(cpp|cc|cxx)$")
  list(LENGTH sources count)
  if(count LESS 2)
    return()  # one source file gains nothing from a PCH
  endif()
  get_target_property(links ${target} LINK_LIBRARIES)
  if(NOT links)
    set(links "")
  endif()
  set(headers ${CLINAUDIT_PCH_STD})
  if("nlohmann_json::nlohmann_json" IN_LIST links)
    list(APPEND headers <nlohmann/json.hpp>)
  endif()
  if("GTest::gtest" IN_LIST links OR "GTest::gtest_main" IN_LIST links)
    list(APPEND headers <gtest/gtest.h>)
  endif()
  if("GTest::gmock" IN_LIST links)
    list(APPEND headers <gmock/gmock.h>)
  endif()
  if("CLI11::CLI11" IN_LIST links OR "clinaudit_cli_commands" IN_LIST links)
    list(APPEND headers <CLI/CLI.hpp>)
  endif()
  if("spdlog::spdlog" IN_LIST links)
    list(APPEND headers <spdlog/spdlog.h>)
  endif()
  if("PkgConfig::PQXX" IN_LIST links)
    list(APPEND headers <pqxx/pqxx>)
  endif()
  if("SQLiteCpp" IN_LIST links)
    list(APPEND headers <SQLiteCpp/Database.h> <SQLiteCpp/Statement.h> <SQLiteCpp/Transaction.h>)
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # Without the timestamp the PCH is the same bytes each time, so the compiler cache can hold it.
    target_compile_options(${target} PRIVATE "SHELL:-Xclang -fno-pch-timestamp")
  endif()
endfunction()

function(clinaudit_precompile_directory dir)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    clinaudit_precompile_target(${target})
  endforeach()
  get_property(children DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(child IN LISTS children)
    clinaudit_precompile_directory(${child})
  endforeach()
endfunction()
