package dev.weir.state;

import java.time.Instant;
import java.util.Map;

/**
 * What a paused flow run waits for.
 *
 * @param timeout when the pause ends Failed if nobody resumed the run
 * @param key names the pause within its run: each pause of a run happens once
 * @param inputSchema the JSON Schema of the input a resume must carry, or null when it takes none
 */
public record PauseDetails(Instant timeout, String key, Map<String, Object> inputSchema) {}
