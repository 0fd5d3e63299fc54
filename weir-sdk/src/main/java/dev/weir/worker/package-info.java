/** What runs a deployment's flow run in a process of its own: the entry point a worker starts. */
package dev.weir.worker;
