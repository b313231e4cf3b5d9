# presslens_embed_language_packs(<target> <data_dir>)
#
# Compiles every language-pack file under <data_dir>/<lang>/ into <target>, so the library needs no
# file lookups at run time. The generated source lives in the build tree only; editing a .txt file
# regenerates it on the next build.
set(_presslens_embed_script "${CMAKE_CURRENT_LIST_DIR}/EmbedFiles.cmake")

function(presslens_embed_language_packs target data_dir)
  file(GLOB_RECURSE pack_files CONFIGURE_DEPENDS RELATIVE "${data_dir}" "${data_dir}/*/*.txt"
       "${data_dir}/*/*.model")
  list(SORT pack_files)
  set(absolute_files "")
  foreach(file IN LISTS pack_files)
    list(APPEND absolute_files "${data_dir}/${file}")
  endforeach()
  set(output "${CMAKE_CURRENT_BINARY_DIR}/generated/embedded_language_packs.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" "-DDATA_DIR=${data_dir}" "-DFILES=${pack_files}"
            "-DOUTPUT=${output}" -P "${_presslens_embed_script}"
    DEPENDS ${absolute_files} "${_presslens_embed_script}"
    COMMENT "Embedding language packs from ${data_dir}"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
  # Models are included by the assembler, not written into the source: a new model must still
  # rebuild its object.
  set(model_files "${absolute_files}")
  list(FILTER model_files INCLUDE REGEX "\\.model$")
  set_source_files_properties("${output}" PROPERTIES OBJECT_DEPENDS "${model_files}")
endfunction()
