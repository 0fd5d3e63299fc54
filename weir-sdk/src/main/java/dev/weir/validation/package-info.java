/**
 * Checks a flow or task method's arguments against the Jakarta Bean Validation constraints on its
 * parameters before the method runs, and reports each violation by parameter name, value and rule.
 */
package dev.weir.validation;
