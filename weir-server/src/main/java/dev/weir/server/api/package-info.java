/** The REST API under {@code /api}: one routes class per resource, JSON problem documents for every error. */
package dev.weir.server.api;
