package dev.weir.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParameterSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  enum Color {
    RED,
    GREEN
  }

  @Description("One line of an order.")
  record Line(@Description("Stock keeping unit.") @NotBlank String sku, @Min(1) int quantity) {}

  record Order(List<Line> lines, Optional<String> note, @Nullable String coupon) {}

  record Tree(String label, List<Tree> children) {}

  record Page<T>(List<T> items, int total) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  public static class Customer {
    public String nickname;

    public String getName() {
      return "";
    }

    public int getAge() {
      return 0;
    }

    public boolean isActive() {
      return true;
    }
  }

  @SuppressWarnings("unused") // The methods are only read reflectively, as flow signatures.
  static final class Signatures {
    void scalars(int count, long total, byte small, boolean dryRun, double ratio, Integer boxed) {}

    void text(String name, char initial, BigDecimal price, Color color, UUID id, URI source) {}

    void times(LocalDate day, Instant at, LocalTime time, Duration timeout, ZoneId zone) {}

    void containers(List<String> tags, Set<Integer> ids, int[] counts, Map<String, Double> prices) {}

    void files(Path path, byte[] payload, Object anything) {}

    void optional(Optional<String> label, @Nullable String comment, @NotNull Integer limit) {}

    void order(@Description("What to ship.") Order order) {}

    void tree(Tree root) {}

    void page(Page<Line> page) {}

    void shape(Shape shape) {}

    void customer(Customer customer) {}

    void constrained(
        @Min(1900) @Max(2100) int year,
        @Positive long count,
        @DecimalMin(value = "0.5", inclusive = false) BigDecimal share,
        @Size(min = 2, max = 5) String code,
        @Size(max = 3) List<@Email String> emails,
        @NotEmpty @Pattern(regexp = "[a-z]+") String slug,
        @Size(max = 4) String[] names,
        @Min(0) Optional<Integer> offset) {}

    void badDecimal(@DecimalMin("one half") BigDecimal share) {}
  }

  @Test
  void describesPrimitivesAndBoxesWithTheirRanges() {
    assertSchema(
        "scalars",
        """
        {"type":"object","title":"Parameters","properties":{
          "count":{"title":"count","type":"integer","format":"int32",
                   "minimum":-2147483648,"maximum":2147483647,"position":0},
          "total":{"title":"total","type":"integer","format":"int64",
                   "minimum":-9223372036854775808,"maximum":9223372036854775807,"position":1},
          "small":{"title":"small","type":"integer","format":"int32",
                   "minimum":-128,"maximum":127,"position":2},
          "dryRun":{"title":"dryRun","type":"boolean","position":3},
          "ratio":{"title":"ratio","type":"number","format":"double","position":4},
          "boxed":{"title":"boxed","type":"integer","format":"int32",
                   "minimum":-2147483648,"maximum":2147483647,"position":5}},
         "required":["count","total","small","dryRun","ratio","boxed"],"$defs":{}}
        """);
  }

  @Test
  void describesTextNumbersEnumsAndIdentifiersAsStringsWithFormats() {
    assertProperties(
        "text",
        """
        {"name":{"title":"name","type":"string","position":0},
         "initial":{"title":"initial","type":"string","minLength":1,"maxLength":1,"position":1},
         "price":{"title":"price","type":"number","position":2},
         "color":{"title":"color","type":"string","enum":["RED","GREEN"],"position":3},
         "id":{"title":"id","type":"string","format":"uuid","position":4},
         "source":{"title":"source","type":"string","format":"uri","position":5}}
        """);
  }

  @Test
  void describesJavaTimeTypesWithTheirIsoFormats() {
    assertProperties(
        "times",
        """
        {"day":{"title":"day","type":"string","format":"date","position":0},
         "at":{"title":"at","type":"string","format":"date-time","position":1},
         "time":{"title":"time","type":"string","format":"time","position":2},
         "timeout":{"title":"timeout","type":"string","format":"duration","position":3},
         "zone":{"title":"zone","type":"string","position":4}}
        """);
  }

  @Test
  void describesCollectionsArraysAndMaps() {
    assertProperties(
        "containers",
        """
        {"tags":{"title":"tags","type":"array","items":{"type":"string"},"position":0},
         "ids":{"title":"ids","type":"array","items":{"type":"integer","format":"int32",
                "minimum":-2147483648,"maximum":2147483647},"uniqueItems":true,"position":1},
         "counts":{"title":"counts","type":"array","items":{"type":"integer","format":"int32",
                   "minimum":-2147483648,"maximum":2147483647},"position":2},
         "prices":{"title":"prices","type":"object",
                   "additionalProperties":{"type":"number","format":"double"},"position":3}}
        """);
  }

  @Test
  void describesBytesAsBase64AndObjectWithoutConstraint() {
    assertProperties(
        "files",
        """
        {"path":{"title":"path","type":"string","position":0},
         "payload":{"title":"payload","type":"string","contentEncoding":"base64","position":1},
         "anything":{"title":"anything","position":2}}
        """);
  }

  @Test
  void leavesOptionalAndNullableParametersOutOfRequired() {
    JsonNode schema = schema("optional");
    assertThat(schema.get("required")).isEqualTo(read("[\"limit\"]"));
    assertThat(schema.at("/properties/label")).isEqualTo(read(
        "{\"title\":\"label\",\"type\":\"string\",\"position\":0}"));
  }

  @Test
  void placesRecordsInDefsAndReferencesThem() {
    assertSchema(
        "order",
        """
        {"type":"object","title":"Parameters","properties":{
          "order":{"title":"order","description":"What to ship.",
                   "$ref":"#/$defs/Order","position":0}},
         "required":["order"],
         "$defs":{
           "Order":{"type":"object","title":"Order","properties":{
              "lines":{"title":"lines","type":"array","items":{"$ref":"#/$defs/Line"}},
              "note":{"title":"note","type":"string"},
              "coupon":{"title":"coupon","type":"string"}},
             "required":["lines"]},
           "Line":{"type":"object","title":"Line","description":"One line of an order.",
             "properties":{
              "sku":{"title":"sku","description":"Stock keeping unit.","type":"string",
                     "minLength":1},
              "quantity":{"title":"quantity","type":"integer","format":"int32",
                          "minimum":1,"maximum":2147483647}},
             "required":["sku","quantity"]}}}
        """);
  }

  @Test
  void referencesARecursiveRecordInsteadOfExpandingItForever() {
    assertThat(schema("tree").get("$defs"))
        .isEqualTo(read("""
            {"Tree":{"type":"object","title":"Tree","properties":{
               "label":{"title":"label","type":"string"},
               "children":{"title":"children","type":"array","items":{"$ref":"#/$defs/Tree"}}},
              "required":["label","children"]}}
            """));
  }

  @Test
  void resolvesTheTypeArgumentsOfAGenericRecord() {
    JsonNode defs = schema("page").get("$defs");
    assertThat(defs.fieldNames()).toIterable().containsExactly("Page_Line", "Line");
    assertThat(defs.at("/Page_Line/properties/items/items")).isEqualTo(read(
        "{\"$ref\":\"#/$defs/Line\"}"));
  }

  @Test
  void describesASealedInterfaceAsAnyOfItsPermittedRecords() {
    JsonNode schema = schema("shape");
    assertThat(schema.at("/properties/shape/anyOf")).isEqualTo(read(
        "[{\"$ref\":\"#/$defs/Circle\"},{\"$ref\":\"#/$defs/Square\"}]"));
    assertThat(schema.get("$defs").fieldNames()).toIterable()
        .containsExactly("Circle", "Square");
  }

  @Test
  void describesABeanByItsPublicGettersAndFieldsWithOnlyPrimitivesRequired() {
    assertThat(schema("customer").at("/$defs/Customer"))
        .isEqualTo(read("""
            {"type":"object","title":"Customer","properties":{
               "active":{"title":"active","type":"boolean"},
               "age":{"title":"age","type":"integer","format":"int32",
                      "minimum":-2147483648,"maximum":2147483647},
               "name":{"title":"name","type":"string"},
               "nickname":{"title":"nickname","type":"string"}},
              "required":["active","age"]}
            """));
  }

  @Test
  void mapsBeanValidationConstraintsOntoSchemaKeywords() {
    assertProperties(
        "constrained",
        """
        {"year":{"title":"year","type":"integer","format":"int32",
                 "minimum":1900,"maximum":2100,"position":0},
         "count":{"title":"count","type":"integer","format":"int64",
                  "maximum":9223372036854775807,"exclusiveMinimum":0,"position":1},
         "share":{"title":"share","type":"number","exclusiveMinimum":0.5,"position":2},
         "code":{"title":"code","type":"string","minLength":2,"maxLength":5,"position":3},
         "emails":{"title":"emails","type":"array","items":{"type":"string","format":"email"},
                   "maxItems":3,"position":4},
         "slug":{"title":"slug","type":"string","minLength":1,"pattern":"[a-z]+","position":5},
         "names":{"title":"names","type":"array","items":{"type":"string"},
                  "maxItems":4,"position":6},
         "offset":{"title":"offset","type":"integer","format":"int32",
                   "minimum":0,"maximum":2147483647,"position":7}}
        """);
    assertThat(schema("constrained").get("required"))
        .isEqualTo(read("[\"year\",\"count\",\"share\",\"code\",\"emails\",\"slug\",\"names\"]"));
  }

  @Test
  void rejectsADecimalBoundThatIsNotANumberNamingTheValue() {
    assertThatThrownBy(() -> ParameterSchema.of(method("badDecimal")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@DecimalMin value 'one half' is not a decimal number");
  }

  @Test
  void fallsBackToSyntheticNamesWhenCompiledWithoutParameterNames() throws NoSuchMethodException {
    // The JDK is compiled without -parameters, so its parameters are named arg0, arg1, ...
    Method substring = String.class.getMethod("substring", int.class, int.class);

    JsonNode schema = read(ParameterSchema.toJson(substring));

    assertThat(schema.get("required")).isEqualTo(read("[\"arg0\",\"arg1\"]"));
    assertThat(schema.at("/properties/arg1/position").asInt()).isEqualTo(1);
  }

  @Test
  void writesTheSameJsonTextForTheSameSignature() {
    assertThat(ParameterSchema.toJson(method("order")))
        .isEqualTo(ParameterSchema.toJson(method("order")))
        .startsWith("{\"type\":\"object\",\"title\":\"Parameters\",\"properties\":{\"order\":");
  }

  private static JsonNode schema(String name) {
    return read(ParameterSchema.toJson(method(name)));
  }

  private static void assertSchema(String name, String expected) {
    assertThat(schema(name)).isEqualTo(read(expected));
  }

  private static void assertProperties(String name, String expected) {
    assertThat(schema(name).get("properties")).isEqualTo(read(expected));
  }

  private static Method method(String name) {
    return Arrays.stream(Signatures.class.getDeclaredMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
