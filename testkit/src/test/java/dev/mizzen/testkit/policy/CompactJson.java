package dev.mizzen.testkit.policy;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * An ApiClient like another that leaves empty lists and maps out of request bodies.
 *
 * <p>client-java 25 models start with empty collections, which it sends as {@code []} and
 * {@code {}}; the API server then sees, for example, {@code overhead: {}} as a set Pod Overhead
 * and rejects the pod before PodSecurity admission ever looks at it.
 */
final class CompactJson implements TypeAdapterFactory {

  private CompactJson() {}

  /** A client on the same connection as {@code client} whose JSON omits empty collections. */
  static ApiClient client(ApiClient client) {
    ApiClient compact = new ApiClient(client.getHttpClient());
    compact.setBasePath(client.getBasePath());
    JSON json = new JSON();
    json.setGson(client.getJSON().getGson().newBuilder().registerTypeAdapterFactory(new CompactJson()).create());
    compact.setJSON(json);
    return compact;
  }

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<?> raw = type.getRawType();
    if (!Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
      return null;
    }
    TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        boolean empty = value == null
            || (value instanceof Collection && ((Collection<?>) value).isEmpty())
            || (value instanceof Map && ((Map<?, ?>) value).isEmpty());
        if (empty) {
          out.nullValue();
        } else {
          delegate.write(out, value);
        }
      }

      @Override
      public T read(JsonReader in) throws IOException {
        return delegate.read(in);
      }
    };
  }
}
