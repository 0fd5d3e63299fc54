package dev.weir.api;

/**
 * An error answer (RFC 9457 problem details): what was wrong, the HTTP status, and when one input was
 * at fault, the field that was.
 *
 * @param field the request field at fault, such as {@code state.type}, or null
 */
public record Problem(String type, String title, int status, String detail, String field) {}
