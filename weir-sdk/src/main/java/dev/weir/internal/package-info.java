/** Weir's implementation. No compatibility promise: nothing here is for users to call. */
package dev.weir.internal;
