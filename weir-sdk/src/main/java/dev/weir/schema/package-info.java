/**
 * Describes the parameters of a flow or task method as a JSON Schema, the way Prefect publishes a
 * flow's {@code parameter_openapi_schema}, so that a UI or client can build and check run parameters.
 */
package dev.weir.schema;
