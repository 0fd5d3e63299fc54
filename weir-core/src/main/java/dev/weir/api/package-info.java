/**
 * The wire types of the REST API that are not run records themselves: requests, answers, queries and
 * problem documents, shared by the server and its clients so the two cannot drift apart.
 */
package dev.weir.api;
