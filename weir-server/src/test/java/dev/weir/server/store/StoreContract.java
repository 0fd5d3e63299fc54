package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database must show, extended once per dialect; the tests live in the
 * interfaces it implements, grouped by aggregate. Each test gets a fresh, empty database from {@link
 * #openDatabase()}.
 */
abstract class StoreContract
        implements FlowRunContract, StateWriteContract, TaskRunContract, LogAndEventContract, DeletionContract,
                ApiKeyContract, DeploymentContract, WorkPoolContract,
                ConcurrencySlotContract, ServedRunsContract {

    protected Database db;

    /** A new, empty database of the dialect under test. */
    protected abstract Database openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void opensMigratedToTheLatestVersion() {
        assertThat(db.schemaVersion()).isEqualTo(Migrations.all().size());
    }

    @Test
    void upsertsFlowsByNameListsAndCountsThem() {
        UUID etl = db.flows().upsert("etl", T0);
        assertThat(db.flows().upsert("etl", at(5))).isEqualTo(etl);
        db.flows().upsert("backup", T0);
        assertThat(db.flows().count()).isEqualTo(2);
        assertThat(db.flows().list(Page.DEFAULT)).extracting(FlowRecord::name).containsExactly("backup", "etl");
        assertThat(db.flows().readByName("etl")).contains(new FlowRecord(etl, "etl", T0));
        assertThat(db.flows().read(etl).map(FlowRecord::name)).contains("etl");
    }

    @Override
    public Database db() {
        return db;
    }
}
