/** JUnit 5 support: {@code @ClusterTest} runs a class against the shared local cluster. */
package dev.mizzen.testkit.junit;
