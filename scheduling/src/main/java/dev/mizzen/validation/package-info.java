/**
 * Validation vocabulary shared by every Mizzen module: problems with object and field path,
 * one exception listing them all, the API server's own name and label rules, and the one rule
 * for durations counted in whole seconds.
 */
package dev.mizzen.validation;
