package dev.weir.internal.engine;

import java.util.List;

/** The options of an ad-hoc task, as {@link dev.weir.AdHocTask} collected them. */
public record TaskOptions(String name, int retries, double[] retryDelaySeconds, double timeoutSeconds, List<String> tags) {}
