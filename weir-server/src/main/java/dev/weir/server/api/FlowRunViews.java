package dev.weir.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.core.Json;
import dev.weir.server.store.FlowRunRecord;

/** A stored flow run as the API shows it: the {@code FlowRun} fields plus flow id, deployment and times. */
final class FlowRunViews {

    private FlowRunViews() {}

    static ObjectNode of(FlowRunRecord record) {
        ObjectNode node = Json.mapper().valueToTree(record.run());
        node.put("flowId", record.flowId().toString());
        if (record.deploymentId() != null) {
            node.put("deploymentId", record.deploymentId().toString());
        }
        if (record.idempotencyKey() != null) {
            node.put("idempotencyKey", record.idempotencyKey());
        }
        if (record.expectedStartTime() != null) {
            node.put("expectedStartTime", record.expectedStartTime().toString());
        }
        node.put("updated", record.updated().toString());
        return node;
    }
}
