/**
 * Not API (docs/modules.md): the DSL's plumbing, free to change in any release. It holds what
 * the objects' {@code build()} and {@code render(RenderContext)} run across packages, as static
 * methods that read the values' public accessors: the checks of every object's metadata and of
 * the parts other packages hold, and the renderings that need the owner's context (a pod
 * selector's labels depend on the App the owner is part of). Checks that only their own package
 * runs stay next to the values they check, package-private.
 */
package dev.mizzen.dsl.internal;
