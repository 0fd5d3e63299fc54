package dev.weir.examples;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One taxi trip, typed: a row of the NYC TLC trip data after cleaning.
 *
 * @param passengerCount 0 when the source left it empty
 */
public record Trip(
        LocalDateTime pickup, LocalDateTime dropoff, int passengerCount, double tripDistance, double fareAmount) {

    /** The CSV header the synthetic extract writes and {@link TaxiEtl#clean} reads. */
    static final String HEADER = "tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,fare_amount";

    public Duration duration() {
        return Duration.between(pickup, dropoff);
    }
}
