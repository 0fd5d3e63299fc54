package dev.weir.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterValidatorTest {
  record Line(@NotBlank String sku, @Min(1) int quantity) {}

  record Address(@NotBlank String city) {}

  record Order(@Size(min = 1) List<Line> lines, @Valid Address address, Address unchecked) {}

  record Cart(List<@Valid Line> lines) {}

  record Plain(String name, int count) {}

  @SuppressWarnings("unused") // The methods are only read reflectively, as flow signatures.
  static final class Flows {
    static void report(@Min(1900) @Max(2100) int year, @NotNull String region) {}

    void ship(Order order) {}

    void lines(List<Line> lines) {}

    void array(Line[] lines) {}

    void cart(Cart cart) {}

    void maybe(Optional<Line> line) {}

    void emails(List<@Email String> emails) {}

    void note(@Size(max = 3) String note) {}

    void plain(Plain plain, String text, int count) {}

    void declared(@Valid Line line) {}
  }

  @Test
  void acceptsArgumentsThatMeetEveryConstraint() {
    assertThatCode(() -> ParameterValidator.validate(method("report"), new Object[] {2024, "EU"}))
        .doesNotThrowAnyException();
  }

  @Test
  void reportsTheParameterTheValueAndTheRule() {
    ParameterValidationException thrown = invalid("report", 1800, "EU");

    assertThat(thrown.violations())
        .containsExactly(new Violation("year", 1800, "must be greater than or equal to 1900"));
    assertThat(thrown).hasMessage("Invalid parameter 'year': 1800 must be greater than or equal to 1900");
  }

  @Test
  void reportsEveryViolationOnItsOwnLineInParameterOrder() {
    ParameterValidationException thrown = invalid("report", 2200, null);

    assertThat(thrown.getMessage())
        .isEqualTo(
            "Invalid parameter 'year': 2200 must be less than or equal to 2100\n"
                + "Invalid parameter 'region': null must not be null");
  }

  @Test
  void validatesRecordParametersWithoutAnExplicitValid() {
    Order order = new Order(List.of(), new Address("Oslo"), null);

    assertThat(invalid("ship", order).violations())
        .containsExactly(
            new Violation("order.lines", List.of(), "size must be between 1 and 2147483647"));
  }

  @Test
  void namesNestedRecordComponentsByTheirPath() {
    Cart cart = new Cart(List.of(new Line("A-1", 0), new Line(" ", 2)));

    assertThat(invalid("cart", cart).violations())
        .containsExactly(
            new Violation("cart.lines[0].quantity", 0, "must be greater than or equal to 1"),
            new Violation("cart.lines[1].sku", " ", "must not be blank"));
  }

  @Test
  void cascadesIntoNestedRecordsOnlyWhereTheComponentSaysValid() {
    Order order = new Order(List.of(), new Address(""), new Address(""));

    assertThat(invalid("ship", order).violations())
        .extracting(Violation::parameter)
        .containsExactly("order.address.city", "order.lines");
  }

  @Test
  void validatesRecordsInsideListsAndOptionals() {
    assertThat(invalid("lines", List.of(new Line("ok", 1), new Line("ok", -1))).violations())
        .containsExactly(new Violation("lines[1].quantity", -1, "must be greater than or equal to 1"));
    assertThat(invalid("array", (Object) new Line[] {new Line("", 1)}).violations())
        .extracting(Violation::parameter)
        .containsExactly("lines[0].sku");
    assertThat(invalid("maybe", Optional.of(new Line("", 1))).violations())
        .extracting(Violation::parameter)
        .containsExactly("line.sku");
  }

  @Test
  void doesNotReportARecordTwiceWhenTheAuthorWroteValid() {
    assertThat(invalid("declared", new Line("", 1)).violations()).hasSize(1);
  }

  @Test
  void validatesConstraintsOnTypeArguments() {
    assertThat(invalid("emails", List.of("a@b.example", "nope")).violations())
        .containsExactly(new Violation("emails[1]", "nope", "must be a well-formed email address"));
  }

  @Test
  void truncatesLongValuesInTheMessage() {
    String note = "x".repeat(500);

    ParameterValidationException thrown = invalid("note", note);

    assertThat(thrown.violations().get(0).value()).isEqualTo(note);
    assertThat(thrown.getMessage())
        .isEqualTo(
            "Invalid parameter 'note': "
                + "x".repeat(200)
                + "... (500 characters) size must be between 0 and 3");
  }

  @Test
  void rejectsArgumentsThatDoNotFitTheParameters() {
    assertThatThrownBy(() -> ParameterValidator.validate(method("report"), new Object[] {2024}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot validate 1 arguments for Flows.report: it takes 2");
    assertThatThrownBy(() -> ParameterValidator.validate(method("report"), new Object[] {"x", "EU"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Argument 0 ('year') of Flows.report is a java.lang.String; accepted: int");
  }

  @Test
  void createsNoValidatorFactoryForMethodsWithoutConstraints() {
    ValidationEngine engine = new ValidationEngine(ValidationEngine::newFactory);

    engine.validate(method("plain"), new Object[] {new Plain("", -1), null, 0});
    engine.validate(method("plain"), new Object[] {null, "text", 3});

    assertThat(engine.factoriesCreated()).isZero();
  }

  @Test
  void createsTheValidatorFactoryOnceForAllConstrainedMethods() {
    ValidationEngine engine = new ValidationEngine(ValidationEngine::newFactory);

    engine.validate(method("report"), new Object[] {2000, "EU"});
    engine.validate(method("note"), new Object[] {"abc"});
    catchThrowableOfType(
        ParameterValidationException.class,
        () -> engine.validate(method("report"), new Object[] {1, "EU"}));

    assertThat(engine.factoriesCreated()).isEqualTo(1);
  }

  @Test
  void sharesOneValidatorFactoryAcrossTheJvm() {
    ParameterValidator.validate(method("report"), new Object[] {2000, "EU"});
    ParameterValidator.validate(method("note"), new Object[] {"ab"});

    assertThat(ParameterValidator.factoriesCreated()).isEqualTo(1);
  }

  @Test
  void findsConstraintsOnlyWhereTheyAreDeclared() {
    assertThat(ConstraintScan.hasConstraints(method("plain"))).isFalse();
    assertThat(ConstraintScan.hasConstraints(method("ship"))).isTrue();
    assertThat(ConstraintScan.hasConstraints(method("emails"))).isTrue();
    assertThat(ConstraintScan.hasConstraints(method("lines"))).isTrue();
  }

  private static ParameterValidationException invalid(String name, Object... args) {
    return catchThrowableOfType(
        ParameterValidationException.class, () -> ParameterValidator.validate(method(name), args));
  }

  private static Method method(String name) {
    return Arrays.stream(Flows.class.getDeclaredMethods())
        .filter(m -> m.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
