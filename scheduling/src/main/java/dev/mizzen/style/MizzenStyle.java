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
 *
 * <p>Collections are added to the way the DSL's phrases read: the singular adds one, the plural
 * adds many, for lists as for maps ({@code port(p)}, {@code ports(p1, p2)},
 * {@code ports(iterable)}; {@code label(k, v)}, {@code labels(map)}), with no {@code addX},
 * {@code addAllX} or {@code putX} beside them. The singular comes from Immutables' depluralizer;
 * {@code depluralizeDictionary} corrects it where the default would not give the word a phrase
 * needs: {@code customizers} adds one with {@code customize(c)}, and {@code tls} (an Ingress's
 * {@code spec.tls}) is its own singular, not {@code tl}. {@link MizzenFacadeStyle} keeps the
 * generated {@code addX} names, which only its hand-written facades call.
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
    add = "*",
    addAll = "*",
    put = "*",
    putAll = "*",
    depluralize = true,
    depluralizeDictionary = {"customize:customizers", "tls:tls"},
    allParameters = false)
public @interface MizzenStyle {}
