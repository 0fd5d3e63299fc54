package dev.weir.api;

import java.util.List;

/**
 * The body of {@code POST /api/deployments/filter} and {@code /count}; every field is optional.
 *
 * @param flowNames deployments of these flows (any when empty)
 * @param paused only paused (true) or unpaused (false) deployments; null for both
 * @param tags deployments carrying every one of these tags
 * @param limit at most this many (1 to 1000, default 200)
 * @param offset skip this many first
 */
public record DeploymentQuery(List<String> flowNames, Boolean paused, List<String> tags, Integer limit, Integer offset) {

    public static DeploymentQuery all() {
        return new DeploymentQuery(List.of(), null, List.of(), null, null);
    }
}
