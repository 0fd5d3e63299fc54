/** The server's background duties, one class per duty, each a loop with its own interval. */
package dev.weir.server.service;
