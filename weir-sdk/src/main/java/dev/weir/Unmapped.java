package dev.weir;

/**
 * An argument that {@link Weir#map} passes whole to every call instead of iterating over it.
 *
 * @param value the value passed, by reference, to each call
 */
public record Unmapped<T>(T value) {}
