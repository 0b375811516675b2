package dev.mizzen.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of Mizzen, applied in each value package's {@code package-info.java}.
 *
 * <p>Generated {@code Immutable*} classes are package-private: public abstract types expose
 * static factories and a nested {@code Builder} that extends the generated one, so no generated
 * name ever appears in a public signature. Builders are strict (an attribute is set once).
 * Domain validation does not happen in nested values: it runs when a Kubernetes object is
 * built, so that every problem of the object is reported at once with its field path.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
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
    allParameters = false)
public @interface MizzenStyle {}
