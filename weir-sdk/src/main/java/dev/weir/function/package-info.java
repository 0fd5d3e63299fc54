/** Serializable function types that let {@link dev.weir.Weir#submit} see which task a method reference names. */
package dev.weir.function;
