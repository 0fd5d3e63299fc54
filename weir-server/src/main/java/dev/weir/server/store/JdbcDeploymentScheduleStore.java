package dev.weir.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.core.Ids;
import dev.weir.core.Json;
import dev.weir.schedule.Schedule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** {@link DeploymentScheduleStore} over JDBC. */
final class JdbcDeploymentScheduleStore implements DeploymentScheduleStore {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final String COLUMNS = "s.id, s.deployment_id, s.schedule, s.active, s.parameters, s.slug, s.created,"
            + " s.updated";

    private final SqlExecutor executor;
    private final Sql sql;
    private final Jdbc jdbc;

    JdbcDeploymentScheduleStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.sql = sql;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public List<DeploymentScheduleRecord> replace(UUID deploymentId, List<NewDeploymentSchedule> schedules, Instant now) {
        List<NewDeploymentSchedule> wanted = List.copyOf(schedules);
        return executor.write(connection -> {
            if (jdbc.count(connection, "SELECT COUNT(*) FROM deployments WHERE id = ?", List.of(deploymentId)) == 0) {
                throw new NoSuchElementException("No deployment with id " + deploymentId);
            }
            deleteUnstartedRuns(connection, jdbc, "deployment_id = ?", deploymentId);
            jdbc.update(connection, "DELETE FROM deployment_schedules WHERE deployment_id = ?", List.of(deploymentId));
            List<DeploymentScheduleRecord> written = new ArrayList<>();
            // Strictly increasing creation times keep list() in the order given.
            Instant created = now;
            for (NewDeploymentSchedule schedule : wanted) {
                DeploymentScheduleRecord row = new DeploymentScheduleRecord(Ids.newId(), deploymentId, schedule.schedule(),
                        schedule.active(), schedule.parameters(), schedule.slug(), created, created);
                insert(connection, row);
                written.add(row);
                created = created.plus(1, java.time.temporal.ChronoUnit.MICROS);
            }
            return List.copyOf(written);
        });
    }

    private void insert(Connection connection, DeploymentScheduleRecord row) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deployment_schedules (id, deployment_id,"
                + " schedule, active, parameters, slug, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            sql.setUuid(insert, 1, row.id());
            sql.setUuid(insert, 2, row.deploymentId());
            sql.dialect().setJson(insert, 3, scheduleJson(row.schedule()));
            insert.setInt(4, row.active() ? 1 : 0);
            sql.setJson(insert, 5, row.parameters());
            insert.setString(6, row.slug());
            sql.setInstant(insert, 7, row.created());
            sql.setInstant(insert, 8, row.updated());
            insert.executeUpdate();
        }
    }

    private static String scheduleJson(Schedule schedule) {
        try {
            return Json.mapper().writerFor(Schedule.class).writeValueAsString(schedule);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot write schedule " + schedule + " as JSON", e);
        }
    }

    @Override
    public List<DeploymentScheduleRecord> list(UUID deploymentId) {
        return executor.read(connection -> jdbc.list(connection, "SELECT " + COLUMNS + " FROM deployment_schedules s"
                + " WHERE s.deployment_id = ? ORDER BY s.created, s.id", List.of(deploymentId), this::row));
    }

    @Override
    public boolean setActive(UUID scheduleId, boolean active, Instant now) {
        return executor.write(connection -> {
            int updated = jdbc.update(connection, "UPDATE deployment_schedules SET active = ?, updated = ? WHERE id = ?",
                    List.of(active ? 1 : 0, now, scheduleId));
            if (updated > 0 && !active) {
                deleteUnstartedRuns(connection, jdbc, "schedule_id = ?", scheduleId);
            }
            return updated > 0;
        });
    }

    @Override
    public List<DeploymentScheduleRecord> listActive(Page page) {
        return executor.read(connection -> jdbc.list(connection, "SELECT " + COLUMNS + " FROM deployment_schedules s"
                + " JOIN deployments d ON d.id = s.deployment_id WHERE s.active = 1 AND d.paused = 0"
                + " ORDER BY s.deployment_id, s.id LIMIT ? OFFSET ?", List.of(page.limit(), page.offset()), this::row));
    }

    @Override
    public List<DeploymentScheduleRecord> listActiveChangedSince(Instant since, Page page) {
        return executor.read(connection -> jdbc.list(connection, "SELECT " + COLUMNS + " FROM deployment_schedules s"
                + " JOIN deployments d ON d.id = s.deployment_id WHERE s.active = 1 AND d.paused = 0"
                + " AND (s.updated >= ? OR d.updated >= ?) ORDER BY s.deployment_id, s.id LIMIT ? OFFSET ?",
                List.of(since, since, page.limit(), page.offset()), this::row));
    }

    /** The latest auto-scheduled slot of one schedule: a seek on the unique slot index (deployment, schedule, slot). */
    private static final String LAST_SLOT = "(SELECT MAX(expected_start_time) FROM flow_runs WHERE deployment_id = ?"
            + " AND schedule_id = ? AND auto_scheduled = 1)";

    @Override
    public Optional<Instant> lastScheduled(UUID scheduleId) {
        // The deployment is looked up so that the slot index's leading column is bound (no table scan).
        // MAX over no rows is one NULL row; a list keeps it from becoming Optional.of(null).
        List<Instant> last = executor.read(connection -> jdbc.list(connection, "SELECT MAX(expected_start_time) AS last"
                + " FROM flow_runs WHERE deployment_id = (SELECT deployment_id FROM deployment_schedules WHERE id = ?)"
                + " AND schedule_id = ? AND auto_scheduled = 1", List.of(scheduleId, scheduleId),
                rs -> Sql.instant(rs, "last")));
        return last.isEmpty() ? Optional.empty() : Optional.ofNullable(last.getFirst());
    }

    @Override
    public Map<UUID, Instant> lastScheduled(Collection<DeploymentScheduleRecord> schedules) {
        Map<UUID, Instant> last = new HashMap<>();
        List<DeploymentScheduleRecord> all = List.copyOf(schedules);
        for (int from = 0; from < all.size(); from += 100) {
            List<DeploymentScheduleRecord> chunk = all.subList(from, Math.min(all.size(), from + 100));
            StringBuilder query = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (DeploymentScheduleRecord schedule : chunk) {
                // The id is a UUID's own text, safe to inline; the slot read is one index seek per schedule.
                query.append(query.isEmpty() ? "" : " UNION ALL ").append("SELECT '").append(schedule.id())
                        .append("' AS id, ").append(LAST_SLOT).append(" AS last");
                params.add(schedule.deploymentId());
                params.add(schedule.id());
            }
            executor.read(connection -> jdbc.list(connection, query.toString(), params, rs -> {
                Instant at = Sql.instant(rs, "last");
                if (at != null) {
                    last.put(UUID.fromString(rs.getString("id")), at);
                }
                return at;
            }));
        }
        return last;
    }

    /**
     * Deletes the unstarted auto-scheduled runs matching {@code condition} (on flow_runs, one {@code ?}):
     * those still in a SCHEDULED state that never ran. Runs inside the caller's transaction.
     */
    static void deleteUnstartedRuns(Connection connection, Jdbc jdbc, String condition, UUID value) throws SQLException {
        String runs = "SELECT id FROM flow_runs WHERE auto_scheduled = 1 AND state_type = 'SCHEDULED' AND run_count = 0"
                + " AND " + condition;
        JdbcFlowRunStore.deleteLogs(connection, jdbc, "IN (" + runs + ")", List.of(value));
        jdbc.update(connection, "DELETE FROM flow_runs WHERE id IN (" + runs + ")", List.of(value));
    }

    private DeploymentScheduleRecord row(ResultSet rs) throws SQLException {
        return new DeploymentScheduleRecord(
                sql.uuid(rs, "id"),
                sql.uuid(rs, "deployment_id"),
                Sql.json(rs, "schedule", Schedule.class),
                rs.getInt("active") != 0,
                Sql.json(rs, "parameters", OBJECT),
                rs.getString("slug"),
                Sql.instant(rs, "created"),
                Sql.instant(rs, "updated"));
    }
}
