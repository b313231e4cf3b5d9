# presslens_set_sanitizers(<target>): builds with PRESSLENS_SANITIZE (e.g. "address;undefined").
function(presslens_set_sanitizers target)
  if(PRESSLENS_SANITIZE)
    list(JOIN PRESSLENS_SANITIZE "," sanitizers)
    target_compile_options(${target} PRIVATE -fsanitize=${sanitizers} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${sanitizers})
  endif()
endfunction()
