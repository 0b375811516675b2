/**
 * What every Mizzen module reports about a value: {@link dev.mizzen.validation.Problem}s, each
 * with its object ({@link dev.mizzen.validation.ObjectRef}) and field path, and the one
 * {@link dev.mizzen.validation.InvalidSpecException} that {@code build()} throws listing them
 * all. The checks themselves, and the collector they report to, are in the internal package
 * {@code dev.mizzen.validation.internal}, which is not API.
 */
package dev.mizzen.validation;
