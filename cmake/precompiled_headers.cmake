# Precompiled headers for the test build (CLINAUDIT_PCH, on in the asan preset): the standard
# library and the heavy third-party headers are parsed once per target instead of once per
# source file. Each target gets the headers of the libraries it links, so a PCH never makes a
# header available that the target's link line does not already allow; scripts/tidy.py checks
# every file without the PCH, so a missing #include still fails the test command.
set(CLINAUDIT_PCH_STD
  <algorithm> <array> <chrono> <cmath> <cstddef> <cstdint> <cstdlib> <filesystem> <fstream>
  <functional> <iostream> <map> <memory> <optional> <set> <span> <sstream> <string>
  <string_view> <unordered_map> <utility> <vector>)

# The heavy headers a library brings, precompiled for each target that links it:
# "LIBRARY[,LIBRARY...]=HEADER[,HEADER...]" (any one of the libraries will do).
set(CLINAUDIT_PCH_BY_LIBRARY
  "nlohmann_json::nlohmann_json=<nlohmann/json.hpp>"
  "GTest::gtest,GTest::gtest_main=<gtest/gtest.h>"
  "GTest::gmock=<gmock/gmock.h>"
  "CLI11::CLI11,clinaudit_cli_commands=<CLI/CLI.hpp>"
  "spdlog::spdlog=<spdlog/spdlog.h>"
  "PkgConfig::PQXX=<pqxx/pqxx>"
  "SQLiteCpp=<SQLiteCpp/Database.h>,<SQLiteCpp/Statement.h>,<SQLiteCpp/Transaction.h>")

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
  foreach(entry IN LISTS CLINAUDIT_PCH_BY_LIBRARY)
    string(REPLACE "=" ";" parts "${entry}")
    list(GET parts 0 libraries)
    list(GET parts 1 wanted)
    string(REPLACE "," ";" libraries "${libraries}")
    string(REPLACE "," ";" wanted "${wanted}")
    foreach(library IN LISTS libraries)
      if(library IN_LIST links)
        list(APPEND headers ${wanted})
        break()
      endif()
    endforeach()
  endforeach()
  target_precompile_headers(${target} PRIVATE ${headers})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # Without the timestamp the PCH is the same bytes each time, so the compiler cache can hold it.
    target_compile_options(${target} PRIVATE "SHELL:-Xclang -fno-pch-timestamp")
  endif()
endfunction()

function(clinaudit_precompile_directory dir)
  clinaudit_compiled_targets(${dir} targets)
  foreach(target IN LISTS targets)
    clinaudit_precompile_target(${target})
  endforeach()
endfunction()
