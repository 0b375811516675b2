/**
 * Validation vocabulary shared by every Mizzen module: problems with object and field path,
 * one exception listing them all, and the API server's own name and label rules.
 */
package dev.mizzen.validation;
