/** The typed deployment DSL. */
package dev.mizzen.dsl;
