# clinaudit_embed_text(TARGET FUNCTION FILE): compiles FILE's bytes into TARGET as
#   namespace clinaudit::embedded { std::string_view FUNCTION(); }
# so data files (bank holidays, migrations) ship inside the binary. Declare the function
# in a header of the layer that uses it.
function(clinaudit_embed_text target function_name file)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${function_name}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${output} -DNAME=${function_name}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_text_script.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed_text_script.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${output})
endfunction()
