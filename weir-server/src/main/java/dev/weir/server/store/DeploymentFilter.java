package dev.weir.server.store;

import java.util.Set;

/**
 * Which deployments a listing or count returns; every criterion that is set must hold.
 *
 * @param flowNames the deployment's flow has one of these names; empty means any
 * @param paused only paused (true) or unpaused (false) deployments; null means both
 * @param tags the deployment carries every one of these tags
 */
public record DeploymentFilter(Set<String> flowNames, Boolean paused, Set<String> tags) {

    public DeploymentFilter {
        flowNames = flowNames == null ? Set.of() : Set.copyOf(flowNames);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static DeploymentFilter all() {
        return new DeploymentFilter(Set.of(), null, Set.of());
    }

    public DeploymentFilter withFlowNames(String... names) {
        return new DeploymentFilter(Set.of(names), paused, tags);
    }

    public DeploymentFilter withPaused(boolean value) {
        return new DeploymentFilter(flowNames, value, tags);
    }

    public DeploymentFilter withTags(String... values) {
        return new DeploymentFilter(flowNames, paused, Set.of(values));
    }
}
