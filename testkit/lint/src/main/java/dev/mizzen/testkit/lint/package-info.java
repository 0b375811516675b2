/** Lint: the strict schema check and a policy over manifest files, as one report. */
package dev.mizzen.testkit.lint;
