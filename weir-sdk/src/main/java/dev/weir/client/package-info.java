/** Orchestrators a flow author can choose: in memory now; the HTTP API client and embedded store later. */
package dev.weir.client;
