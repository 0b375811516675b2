package dev.mizzen.testkit.parity;

import static dev.mizzen.testkit.parity.Edges.pick;
import static dev.mizzen.testkit.parity.RawObject.map;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Changes to the metadata every object has: its name, labels and annotations. */
final class ObjectChanges {
  private static final String COMPONENT = "app.kubernetes.io/name";

  private ObjectChanges() {}

  static List<ChangeSource> all() {
    List<ChangeSource> all = new ArrayList<>();
    all.add(new ChangeSource("object.name", EnumSet.allOf(Kind.class), r -> {
      String name = Edges.name(r);
      boolean label = name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && name.length() <= 63;
      boolean subdomain = name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
          && name.length() <= 253;
      return Change.of("object.name", "name '" + name + "'", d -> d.name(name), raw -> rename(raw, name))
          .stricterWhen(kind -> subdomain && !label && (kind == Kind.DEPLOYMENT || kind == Kind.JOB),
              StricterRule.WORKLOAD_NAME_LABEL)
          .stricterWhen(kind -> label && name.length() > 52 && kind == Kind.STATEFUL_SET,
              StricterRule.STATEFUL_SET_NAME_LENGTH)
          .stricterWhen(kind -> subdomain && !label && kind == Kind.CRON_JOB, StricterRule.CRON_JOB_NAME)
          .stricterWhen(kind -> !subdomain && !name.isEmpty() && kind == Kind.POD_DISRUPTION_BUDGET,
              StricterRule.PDB_NAME);
    }));
    all.add(new ChangeSource("object.labels", EnumSet.allOf(Kind.class), r -> {
      String key = Edges.labelKey(r);
      String value = Edges.labelValue(r);
      return Change.of("object.labels", "label " + key + "=" + value, d -> d.label(key, value),
          raw -> map(raw.metadata(), "labels").put(key, value));
    }));
    all.add(new ChangeSource("object.annotations", EnumSet.allOf(Kind.class), r -> {
      String key = pick(r, Edges.labelKey(r), "Example.com/Key", "security.mizzen.dev/opt-out",
          "opt-out.security.mizzen.dev/web");
      return Change.of("object.annotations", "annotation " + key, d -> d.annotation(key, "v"),
          raw -> map(raw.metadata(), "annotations").put(key, "v"))
          .stricterWhen(key.contains("security.mizzen.dev"), StricterRule.RESERVED_ANNOTATION);
    }));
    return all;
  }

  /**
   * Renames the object as the DSL does: the name is also the component, the label
   * {@code app.kubernetes.io/name} of the object and, in a workload, of its selector and pods.
   */
  private static void rename(RawObject raw, String name) {
    raw.metadata().put("name", name);
    if (raw.kind().hasPods()) {
      replaceComponent(raw.tree(), name);
    } else {
      map(raw.metadata(), "labels").put(COMPONENT, name);
    }
  }

  @SuppressWarnings("unchecked")
  private static void replaceComponent(Object tree, String name) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> m = (Map<String, Object>) map;
      if (Draft.BASE_NAME.equals(m.get(COMPONENT))) {
        m.put(COMPONENT, name);
      }
      m.values().forEach(v -> replaceComponent(v, name));
    } else if (tree instanceof List<?> list) {
      list.forEach(v -> replaceComponent(v, name));
    }
  }
}
