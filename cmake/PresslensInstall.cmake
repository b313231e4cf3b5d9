# Installs the C++ library as a CMake package (component "dev"), so that consumers can write
# find_package(presslens REQUIRED) and link presslens::presslens. Python wheels install only the
# "python" component and so carry no headers or static libraries.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(PRESSLENS_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/presslens")

install(TARGETS presslens EXPORT presslensTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT dev
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/cpp/include/presslens"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(EXPORT presslensTargets NAMESPACE presslens:: DESTINATION ${PRESSLENS_CMAKE_DIR}
        COMPONENT dev)

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/presslensConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/presslensConfig.cmake"
                              INSTALL_DESTINATION ${PRESSLENS_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/presslensConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/presslensConfig.cmake"
              "${PROJECT_BINARY_DIR}/presslensConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/FindSnowball.cmake"
        DESTINATION ${PRESSLENS_CMAKE_DIR} COMPONENT dev)
# The library embeds the syntax models, derived from Universal Dependencies treebanks, and the
# language identifier, derived from wordfreq's word lists: their licence (CC BY-SA 4.0) and
# credits go with it; so do the credits of the structure model's training pages and of the
# keyphrase ranker's training stories.
install(FILES "${PROJECT_SOURCE_DIR}/cpp/data/LICENSE-syntax-models.txt"
              "${PROJECT_SOURCE_DIR}/cpp/data/LICENSE-language-model.txt"
              "${PROJECT_SOURCE_DIR}/cpp/data/LICENSE-structure-model.txt"
              "${PROJECT_SOURCE_DIR}/cpp/data/LICENSE-keyphrase-model.txt"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/presslens" COMPONENT dev)
