/**
 * Weir's entry types: mark methods {@link dev.weir.Flow @Flow} and {@link dev.weir.Task @Task}, get an
 * orchestrated instance from {@link dev.weir.Weir#flows(Class)}, and call them as ordinary code.
 */
package dev.weir;
