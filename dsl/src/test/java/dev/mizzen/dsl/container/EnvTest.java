package dev.mizzen.dsl.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.JSON;
import org.junit.jupiter.api.Test;

/** Each source of an environment variable is its own value type. */
class EnvTest {

  @Test
  void eachSourceIsItsOwnType() {
    assertThat(EnvVar.class.getPermittedSubclasses()).containsExactlyInAnyOrder(EnvVar.Literal.class,
        EnvVar.ConfigMapKey.class, EnvVar.SecretKey.class, EnvVar.FieldRef.class, EnvVar.ResourceFieldRef.class);
    assertThat(EnvFrom.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(EnvFrom.AllOfConfigMap.class, EnvFrom.AllOfSecret.class);
    assertThat(Env.fromSecret("DB_PASSWORD", "api-credentials", "password"))
        .isEqualTo(new EnvVar.SecretKey("DB_PASSWORD", "api-credentials", "password", false));
    assertThat(Env.literal("A", "1").literalValue()).contains("1");
    assertThat(Env.fieldRef("POD", "metadata.name").literalValue()).isEmpty();
  }

  @Test
  void eachSourceRendersOnlyItsOwnFields() {
    JSON json = new JSON();
    assertThat(json.serialize(Env.literal("LOG_LEVEL", "info").toV1EnvVar()))
        .isEqualTo("{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}");
    assertThat(json.serialize(Env.fromConfigMap("MODE", "web-config", "mode").asOptional().toV1EnvVar()))
        .isEqualTo("{\"name\":\"MODE\",\"valueFrom\":{\"configMapKeyRef\":"
            + "{\"key\":\"mode\",\"name\":\"web-config\",\"optional\":true}}}");
    assertThat(json.serialize(Env.resourceField("MEM", "web", "limits.memory").toV1EnvVar()))
        .isEqualTo("{\"name\":\"MEM\",\"valueFrom\":{\"resourceFieldRef\":"
            + "{\"containerName\":\"web\",\"resource\":\"limits.memory\"}}}");
    assertThat(json.serialize(Env.allFromSecret("extra").withPrefix("").toV1EnvFromSource()))
        .isEqualTo("{\"secretRef\":{\"name\":\"extra\"}}");
  }

  @Test
  void toStringSaysWhereTheValueComesFrom() {
    assertThat(Env.fromSecret("DB_PASSWORD", "api-credentials", "password"))
        .hasToString("DB_PASSWORD from secret api-credentials key password");
    assertThat(Env.resourceField("MEM", "web", "limits.memory")).hasToString("MEM from limits.memory of container web");
    assertThat(Env.allFromConfigMap("web-config").withPrefix("WEB_")).hasToString("all of configmap web-config prefixed WEB_");
  }
}
