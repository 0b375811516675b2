package dev.mizzen.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.AbstractOpenApiSchema;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1JSONSchemaProps;
import io.kubernetes.client.openapi.models.V1ListMeta;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelAccessTest {

  @Test
  void readsWritesAndCreatesAModelThroughItsAccessors() {
    ModelAccess access = ModelAccess.of(V1Container.class);
    V1Container container = (V1Container) access.newInstance();
    access.set(container, access.indexOf("name"), "web");
    access.set(container, access.indexOf("env"), List.of(new V1EnvVar().name("PORT").value("8080")));

    assertThat(container.getName()).isEqualTo("web");
    assertThat(container.getEnv()).extracting(V1EnvVar::getName).containsExactly("PORT");
    assertThat(access.get(container, access.indexOf("name"))).isEqualTo("web");
    assertThat(access.get(container, access.indexOf("image"))).isNull();
    assertThat(access.type()).isEqualTo(V1Container.class);
  }

  @Test
  void namesThePropertiesByTheirJsonNamesInDeclarationOrder() {
    for (Class<?> type : List.of(V1Container.class, V1ServicePort.class, V1JSONSchemaProps.class, V1ListMeta.class)) {
      List<String> expected = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          expected.add(ModelFieldNames.jsonName(field));
        }
      }
      assertThat(ModelAccess.of(type).names()).as(type.getSimpleName()).isEqualTo(expected);
    }
    ModelAccess listMeta = ModelAccess.of(V1ListMeta.class);
    V1ListMeta meta = new V1ListMeta()._continue("token");
    assertThat(listMeta.get(meta, listMeta.indexOf("continue"))).isEqualTo("token");
    assertThat(ModelAccess.of(V1ServicePort.class).get(new V1ServicePort().targetPort(new IntOrString(8080)),
        ModelAccess.of(V1ServicePort.class).indexOf("targetPort"))).isEqualTo(new IntOrString(8080));
  }

  @Test
  void knowsTheRequiredProperties() {
    assertThat(ModelAccess.of(V1Container.class).required()).containsExactly("name");
    assertThat(ModelAccess.of(V1EnvVar.class).required()).containsExactly("name");
    assertThat(ModelAccess.of(V1ListMeta.class).required()).isEmpty();
  }

  @Test
  void knowsOnlyClientJavaModels() {
    assertThat(ModelAccess.of(String.class)).isNull();
    assertThat(ModelAccess.of(AbstractOpenApiSchema.class)).isNull();
    assertThat(ModelAccess.of(V1Container.class)).isSameAs(ModelAccess.of(V1Container.class));
  }

  @Test
  void refusesAValueOfTheWrongType() {
    ModelAccess access = ModelAccess.of(V1Container.class);
    assertThatThrownBy(() -> access.set(new V1Container(), access.indexOf("name"), 42))
        .isInstanceOf(ClassCastException.class);
  }
}
