# SPDX-License-Identifier: GPL-3.0-or-later
# Common settings for every Quire target: warnings, Qt string hygiene.
function(quire_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  if(QUIRE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                               QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY)
endfunction()

# quire_add_plugin(NAME SOURCES ...)
# Builds a format plugin twice from the same sources: a static Qt plugin
# (quire_plugin_NAME, linked into quire-cli and the tests so they see exactly
# the same set) and a dynamic module in bin/plugins for QPluginLoader.
function(quire_add_plugin name)
  cmake_parse_arguments(ARG "" "CLASS" "SOURCES;LIBS" ${ARGN})
  set(static quire_plugin_${name})
  add_library(${static} STATIC ${ARG_SOURCES})
  target_compile_definitions(${static} PRIVATE QT_STATICPLUGIN)
  set_target_properties(${static} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_link_libraries(${static} PUBLIC quirecore ${ARG_LIBS})
  quire_target_defaults(${static})

  set(module quire_${name})
  add_library(${module} MODULE ${ARG_SOURCES})
  target_link_libraries(${module} PRIVATE quirecore ${ARG_LIBS})
  set_target_properties(${module} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${QUIRE_PLUGIN_OUTPUT_DIR}
                                             PREFIX "")
  quire_target_defaults(${module})
  # Installed next to libquirecore's private folder: lib/quire/plugins.
  set_target_properties(${module} PROPERTIES INSTALL_RPATH "$ORIGIN/..")
  install(TARGETS ${module} LIBRARY DESTINATION ${QUIRE_INSTALL_PLUGINDIR})
  set_property(GLOBAL APPEND PROPERTY QUIRE_STATIC_PLUGINS ${static})
  set_property(GLOBAL APPEND PROPERTY QUIRE_BUILT_PLUGINS ${name})
  set_property(GLOBAL APPEND PROPERTY QUIRE_STATIC_PLUGIN_CLASSES ${ARG_CLASS})
endfunction()
