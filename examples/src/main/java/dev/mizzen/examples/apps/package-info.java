/**
 * Three ordinary applications written from the docs alone, as a new user would: the Kubernetes
 * guestbook, WordPress on MySQL, and a GPU training Job with its weekly run. They use no escape
 * hatch ({@code customize}) and state each security opt-out once.
 */
package dev.mizzen.examples.apps;
