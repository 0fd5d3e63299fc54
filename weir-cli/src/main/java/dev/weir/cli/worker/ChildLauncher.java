package dev.weir.cli.worker;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/** Starts the child process of a flow run; {@link ChildProcess#start} in production. */
@FunctionalInterface
interface ChildLauncher {

    ChildProcess start(UUID flowRunId, String entrypoint, String classpath, Map<String, String> env) throws IOException;
}
