# SPDX-License-Identifier: GPL-3.0-or-later
# A Debian package of what `cmake --install` installs:
#   cpack --config build/release/CPackConfig.cmake   (writes quire_VERSION_ARCH.deb)
# QUIRE_PACKAGE_MAINTAINER is set in dist/CMakeLists.txt. Library dependencies come from dpkg-shlibdeps; what the programs load at run
# time without linking it (Qt's platform plugins, fonts) is declared here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME quire)
set(CPACK_PACKAGE_VENDOR Quire)
set(CPACK_PACKAGE_CONTACT "${QUIRE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "qualitative data analysis workbench for exact quotes and themes")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/COPYING)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Quire codes interviews, focus groups, field notes and survey answers with
a tree of codes, keeps every change undoable in one SQLite project file,
searches the texts, builds theme tables and reports from the exact quotes
(Word, OpenDocument, PDF, HTML, Markdown, spreadsheets) with redaction, and
exchanges projects with other tools through REFI-QDA.
The package holds the workbench (quire) and the command-line tool (quire-cli).")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libquirecore is private (lib/quire): dpkg-shlibdeps finds it there, not in a package.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_INSTALL_PREFIX}/${QUIRE_INSTALL_PRIVATE_LIBDIR})
# Loaded at run time, not linked: the window system plugins and the fonts reports are laid out in.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils")
include(CPack)
