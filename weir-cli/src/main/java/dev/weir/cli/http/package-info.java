/**
 * How commands reach a Weir API: over HTTP to {@code WEIR_API_URL}, or to a server started inside the
 * command over the local database; JSON problem documents become {@link dev.weir.cli.http.ApiError}.
 */
package dev.weir.cli.http;
