# shellcheck shell=sh
# Sourced by ./mvnw and ./greenscale (POSIX sh). Points JAVA_HOME at a JDK whose feature
# version is at least GS_MIN_JAVA (25), trying in order: $JAVA_HOME, the `java` on PATH,
# then the usual install locations. Leaves JAVA_HOME alone and returns 1 when none is found.

GS_MIN_JAVA=25

# Prints the feature version (e.g. 25) of the JDK at $1, or nothing.
gs_jdk_feature() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

gs_jdk_ok() {
  _v=$(gs_jdk_feature "$1")
  [ -n "$_v" ] && [ "$_v" -ge "$GS_MIN_JAVA" ] 2>/dev/null
}

gs_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && gs_jdk_ok "$JAVA_HOME"; then return 0; fi
  _java=$(command -v java 2>/dev/null || true)
  if [ -n "$_java" ]; then
    _home=$(dirname "$(dirname "$(readlink -f "$_java")")")
    if gs_jdk_ok "$_home"; then JAVA_HOME=$_home; export JAVA_HOME; return 0; fi
  fi
  # Newest first: sort -V -r over the candidates.
  for _home in $(ls -d /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /opt/*jdk* \
                    "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                    /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -V -r); do
    if gs_jdk_ok "$_home"; then JAVA_HOME=$_home; export JAVA_HOME; return 0; fi
  done
  return 1
}

gs_no_jdk_help() {
  cat >&2 <<MSG
GreenScale needs a JDK $GS_MIN_JAVA or newer (found none in JAVA_HOME, on PATH or under /usr/lib/jvm).
Install one, for example:
  Debian/Ubuntu:  apt-get install temurin-$GS_MIN_JAVA-jdk   (after adding the Adoptium repository: https://adoptium.net/installation/linux/)
  SDKMAN:         sdk install java $GS_MIN_JAVA-tem
or point JAVA_HOME at an existing JDK $GS_MIN_JAVA+.
MSG
}
