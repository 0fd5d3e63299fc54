/** What every Weir module shares: the root of Weir's exceptions, the JSON codec and id generation. */
package dev.weir.core;
