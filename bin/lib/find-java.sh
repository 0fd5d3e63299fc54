# Finds a JDK of version 21 or newer and sets WEIR_JAVA to its java command. POSIX sh; sourced by
# the launchers in bin/ (not run on its own). Looks, in order, at
#   1. $JAVA_HOME, if it is 21 or newer;
#   2. the newest JDK of 21 or newer under /usr/lib/jvm (or $WEIR_JVM_DIR);
#   3. `java` on the PATH, if it is 21 or newer.
# Exits with a message naming what it tried when none qualifies.

WEIR_MIN_JAVA=21

# Prints the feature version (17, 21, 25, ...) of the java command $1, or nothing if it does not run.
weir_java_version() {
    "$1" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9][0-9.]*\).*/\1/p' |
        sed 's/^1\.//; s/\..*//' | head -n 1
}

# Succeeds when the java command $1 runs and is at least $WEIR_MIN_JAVA.
weir_java_ok() {
    [ -x "$1" ] || return 1
    _weir_v=$(weir_java_version "$1")
    [ -n "$_weir_v" ] && [ "$_weir_v" -ge "$WEIR_MIN_JAVA" ]
}

weir_find_java() {
    if [ -n "${JAVA_HOME:-}" ] && weir_java_ok "$JAVA_HOME/bin/java"; then
        WEIR_JAVA="$JAVA_HOME/bin/java"
        return 0
    fi
    _weir_best=
    _weir_best_v=0
    for _weir_home in "${WEIR_JVM_DIR:-/usr/lib/jvm}"/*; do
        [ -x "$_weir_home/bin/java" ] || continue
        _weir_v=$(weir_java_version "$_weir_home/bin/java")
        [ -n "$_weir_v" ] || continue
        if [ "$_weir_v" -ge "$WEIR_MIN_JAVA" ] && [ "$_weir_v" -gt "$_weir_best_v" ]; then
            _weir_best="$_weir_home/bin/java"
            _weir_best_v=$_weir_v
        fi
    done
    if [ -n "$_weir_best" ]; then
        WEIR_JAVA=$_weir_best
        return 0
    fi
    _weir_path_java=$(command -v java 2>/dev/null || true)
    if [ -n "$_weir_path_java" ] && weir_java_ok "$_weir_path_java"; then
        WEIR_JAVA=$_weir_path_java
        return 0
    fi
    {
        echo "error: Weir needs Java $WEIR_MIN_JAVA or newer, and none was found."
        echo "  JAVA_HOME: ${JAVA_HOME:-(not set)}${JAVA_HOME:+ (Java $(weir_java_version "$JAVA_HOME/bin/java" || true))}"
        echo "  ${WEIR_JVM_DIR:-/usr/lib/jvm}: no JDK of $WEIR_MIN_JAVA or newer"
        echo "  java on PATH: ${_weir_path_java:-(none)}${_weir_path_java:+ (Java $(weir_java_version "$_weir_path_java"))}"
        echo "Install a JDK $WEIR_MIN_JAVA+ or set JAVA_HOME to one."
    } >&2
    exit 1
}
