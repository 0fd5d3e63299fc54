package dev.weir.cli.deploytest;

import dev.weir.Flow;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A flow for {@code weir deploy} tests: its classes are jarred into a bundle. */
public class TaxiEtl {

    @Flow(name = "taxi-etl")
    public String etl(String color, @Min(1) @Max(12) int month) {
        return color + "-" + month;
    }
}
