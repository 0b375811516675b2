package dev.mizzen.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * {@link MizzenStyle} for a value whose public {@code Builder} is a hand-written facade over the
 * generated builder rather than a subclass of it, so that the generated {@code addX},
 * {@code addAllX} and {@code Optional} setters stay out of code completion and each thing is
 * added one way. Applied on the value type itself; it differs from {@link MizzenStyle} only in
 * that Immutables does not treat the nested {@code Builder} as its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    defaults = @Value.Immutable(copy = true),
    jdkOnly = false,
    get = {"is*", "get*"},
    init = "*",
    put = "*",
    putAll = "*",
    depluralize = true,
    allParameters = false,
    typeInnerBuilder = "GeneratedBuilder")
public @interface MizzenFacadeStyle {}
