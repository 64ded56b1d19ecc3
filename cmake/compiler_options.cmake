# Warnings as errors for everything we compile; sanitizers when asked for.
add_library(clinaudit_options INTERFACE)
target_compile_options(clinaudit_options INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false positives for values held in std::optional (GCC bug 105562).
  target_compile_options(clinaudit_options INTERFACE -Wno-maybe-uninitialized)
  if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O2/-O3 reports "literal" + std::string as overlapping memcpy inside
    # libstdc++ (GCC bug 105329, fixed in 13): a false positive in the standard library,
    # seen only in the optimised builds.
    target_compile_options(clinaudit_options INTERFACE $<$<NOT:$<CONFIG:Debug>>:-Wno-restrict>)
  endif()
endif()
target_include_directories(clinaudit_options INTERFACE ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(clinaudit_options INTERFACE
  CLINAUDIT_VERSION="${PROJECT_VERSION}")

if(CLINAUDIT_SANITIZE)
  target_compile_options(clinaudit_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(clinaudit_options INTERFACE -fsanitize=address,undefined)
endif()

# In the sanitizer build the product's libraries are compiled at -O1, the level the
# AddressSanitizer documentation recommends for reasonable performance: at -O0 every
# std::string accessor and vector index is a call, and the demo world took 12 s to build instead
# of about 4 s. The tests' own files stay at -O0: their assertion macros cost twice the compile
# time at -O1 and do little work (docs/testing.md).
function(clinaudit_optimise_for_tests target)
  if(CLINAUDIT_SANITIZE AND CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_options(${target} PRIVATE -O1)
  endif()
endfunction()

# In the test build (CLINAUDIT_UNITY_BUILD, on in the asan preset) each library's and each test
# program's sources are compiled a few at a time as one translation unit: the headers and the
# templates they share (the JSON and HTTP libraries' and GoogleTest's above all) are compiled
# once per batch instead of once per file. A source whose file-local names repeat another
# source's of the same target is listed in that directory with SKIP_UNITY_BUILD_INCLUSION and
# compiled on its own. The release and bench builds compile every file on its own, so a
# missing #include still fails there (and in clang-tidy, which checks each file).
function(clinaudit_compile_in_batches dir)
  clinaudit_compiled_targets(${dir} targets)
  set_target_properties(${targets} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
endfunction()

# Every library and program defined in `dir` and the directories below it, into `out`.
function(clinaudit_compiled_targets dir out)
  set(found "")
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type MATCHES "^(STATIC_LIBRARY|EXECUTABLE)$")
      list(APPEND found ${target})
    endif()
  endforeach()
  get_property(children DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(child IN LISTS children)
    clinaudit_compiled_targets(${child} below)
    list(APPEND found ${below})
  endforeach()
  set(${out} ${found} PARENT_SCOPE)
endfunction()

# Each layer is a static library whose link line is exactly the layers it may use
# (docs/architecture.md). The include rule is checked by scripts/check_layers.py.
function(clinaudit_layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LAYERS;LIBS" ${ARGN})
  add_library(clinaudit_${name} STATIC ${ARG_SOURCES})
  target_link_libraries(clinaudit_${name} PUBLIC clinaudit_options ${ARG_LAYERS} PRIVATE ${ARG_LIBS})
  clinaudit_optimise_for_tests(clinaudit_${name})
endfunction()

# A test executable beside a layer's code; registered with ctest per test case.
function(clinaudit_unit_tests name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  if(NOT CLINAUDIT_TESTS)
    return()
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE clinaudit_options ${ARG_LIBS} GTest::gtest GTest::gtest_main GTest::gmock)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "CLINAUDIT_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
