package dev.mizzen.dsl.network;

import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** TLS for some hosts of an Ingress: the hosts and the {@code kubernetes.io/tls} Secret holding the certificate. */
@Value.Immutable
public abstract class IngressTls {

  /** TLS for {@code hosts} with the certificate in the Secret named {@code secretName}. */
  public static IngressTls secret(String secretName, String... hosts) {
    return ImmutableIngressTls.builder().secretName(secretName).hosts(hosts).build();
  }

  /** The Secret's name (in the Ingress's namespace); absent leaves the certificate to the controller. */
  public abstract Optional<String> secretName();

  /** The hosts the certificate covers; empty means the controller's default. */
  public abstract List<String> hosts();

  /** The client-java model. */
  public final V1IngressTLS toV1IngressTLS() {
    V1IngressTLS rendered = new V1IngressTLS();
    if (!hosts().isEmpty()) {
      rendered.setHosts(new ArrayList<>(hosts()));
    }
    secretName().ifPresent(rendered::setSecretName);
    return rendered;
  }

  /** Checks each host and the Secret name; {@code v} is at the entry ({@code spec.tls[0]}). */
  final void validate(Validation v) {
    for (int i = 0; i < hosts().size(); i++) {
      IngressHosts.check(v.field("hosts").index(i), hosts().get(i), false);
    }
    secretName().ifPresent(name -> Names.checkDns1123Subdomain(v.field("secretName"), name));
  }
}
