/** The Weir server: {@link dev.weir.server.WeirServer} serves the REST API over a database. */
package dev.weir.server;
