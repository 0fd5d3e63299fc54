/** API keys with roles: created once and shown once, stored only as hashes, checked in constant time. */
package dev.weir.server.auth;
