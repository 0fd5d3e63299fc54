package dev.weir.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL: one embedded server per class, one fresh database per test. */
class PostgresStoreTest extends StoreContract {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    protected Database openDatabase() throws Exception {
        String name = "weir_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return Database.open(postgres.getJdbcUrl("postgres", name), DatabaseOptions.defaults());
    }

    @Test
    void opensAsPostgresAndMigratesOnlyOnce() {
        assertThat(db.kind()).isEqualTo(Database.Kind.POSTGRES);
        String url = postgres.getJdbcUrl("postgres", "weir_" + DATABASES.get());
        try (Database again = Database.open(url)) {
            assertThat(again.schemaVersion()).isEqualTo(Migrations.all().size());
        }
    }
}
