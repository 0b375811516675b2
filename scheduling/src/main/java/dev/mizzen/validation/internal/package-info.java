/**
 * Not API (docs/modules.md): the plumbing of Mizzen's checks, shared by its modules and free to
 * change. {@link dev.mizzen.validation.internal.Validation} collects the problems of one object
 * while its fields are checked; {@link dev.mizzen.validation.internal.Names} holds the API
 * server's name and label rules and {@link dev.mizzen.validation.internal.Seconds} the one rule
 * for durations counted in whole seconds.
 */
package dev.mizzen.validation.internal;
