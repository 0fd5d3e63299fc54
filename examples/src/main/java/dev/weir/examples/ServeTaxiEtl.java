package dev.weir.examples;

import dev.weir.Weir;
import dev.weir.serve.Deployment;
import java.util.Map;

/**
 * Serves the taxi ETL from this process, with no work pool or worker: every night at 02:00 Berlin time,
 * and whenever a run is asked for ({@code weir deployment run etl-web-to-local/nightly}). Needs a server:
 * {@code WEIR_API_URL=http://127.0.0.1:4200/api java ... dev.weir.examples.ServeTaxiEtl}; stop it with Ctrl-C.
 */
public final class ServeTaxiEtl {

    private ServeTaxiEtl() {}

    public static void main(String[] args) {
        Weir.serve(Deployment.of(TaxiEtl.class, "etl-web-to-local").name("nightly")
                .cron("0 2 * * *", "Europe/Berlin")
                .parameters(Map.of("color", "green", "year", 2024, "month", 1)));
    }
}
