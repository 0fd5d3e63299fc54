package dev.weir.validation;

import jakarta.validation.Valid;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType.Builder.MethodDefinition.ParameterDefinition;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.loading.MultipleParentClassLoader;
import net.bytebuddy.implementation.StubMethod;

/**
 * A generated instance method with the same parameters, parameter annotations and type
 * annotations as a user's method, on which Hibernate Validator can validate arguments.
 *
 * <p>Bean Validation only validates instance methods of an existing object; a flow method may be
 * static, abstract, or on an object we do not have. The probe stands in for it. It also adds
 * {@code @Valid} to parameters that hold records, so that their components are validated without
 * the author writing it. Where a parameter's type mentions a type variable, the probe uses its
 * erasure and constraints on its type arguments are not checked.
 *
 * <p>Probes are generated once per method and cached with the method's declaring class.
 */
record Probe(Object target, Method method) {
  private static final AtomicLong COUNT = new AtomicLong();
  private static final AnnotationDescription VALID =
      AnnotationDescription.Builder.ofType(Valid.class).build();
  private static final ClassValue<Map<Method, Probe>> PROBES =
      new ClassValue<>() {
        @Override
        protected Map<Method, Probe> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  static Probe of(Method method) {
    return PROBES.get(method.getDeclaringClass()).computeIfAbsent(method, Probe::generate);
  }

  private static Probe generate(Method original) {
    MethodDescription description = new MethodDescription.ForLoadedMethod(original);
    ParameterDefinition<Object> definition =
        new ByteBuddy(ClassFileVersion.JAVA_V17)
            .subclass(Object.class)
            .name(
                "dev.weir.validation.GeneratedProbe$"
                    + original.getName()
                    + "$"
                    + COUNT.incrementAndGet())
            .defineMethod("validate", void.class, Visibility.PUBLIC);
    Parameter[] parameters = original.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      ParameterDescription parameter = description.getParameters().get(i);
      List<AnnotationDescription> annotations = new ArrayList<>(parameter.getDeclaredAnnotations());
      if (Cascading.of(parameters[i]) == Cascading.VALUE) {
        annotations.add(VALID);
      }
      definition =
          definition
              .withParameter(typeOf(parameters[i], parameter.getType()), parameters[i].getName(), 0)
              .annotateParameter(annotations);
    }
    ClassLoader loader =
        new MultipleParentClassLoader.Builder()
            .append(original.getDeclaringClass(), Valid.class, Probe.class)
            .build();
    Class<?> probeClass =
        definition
            .intercept(StubMethod.INSTANCE)
            .make()
            .load(loader, ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded();
    try {
      Method validate = probeClass.getMethod("validate", original.getParameterTypes());
      return new Probe(probeClass.getConstructor().newInstance(), validate);
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException("Cannot prepare validation of " + original, e);
    }
  }

  /**
   * Returns the parameter's type for the probe: as declared, with {@code @Valid} added to the
   * element type argument of a container of records, or erased if it mentions a type variable.
   */
  private static TypeDefinition typeOf(Parameter parameter, TypeDescription.Generic declared) {
    if (mentionsVariable(parameter.getParameterizedType())) {
      return TypeDescription.ForLoadedType.of(parameter.getType());
    }
    if (Cascading.of(parameter) != Cascading.ELEMENTS) {
      return declared;
    }
    // Hibernate Validator deprecates @Valid on a container in favour of List<@Valid Line>.
    List<TypeDescription.Generic> arguments = new ArrayList<>(declared.getTypeArguments());
    int last = arguments.size() - 1;
    List<AnnotationDescription> annotations =
        new ArrayList<>(arguments.get(last).getDeclaredAnnotations());
    annotations.add(VALID);
    arguments.set(
        last,
        TypeDescription.Generic.Builder.rawType(arguments.get(last).asErasure()).build(annotations));
    return TypeDescription.Generic.Builder.parameterizedType(
            declared.asErasure(), declared.getOwnerType(), arguments)
        .build(declared.getDeclaredAnnotations());
  }

  private static boolean mentionsVariable(Type type) {
    return switch (type) {
      case TypeVariable<?> v -> true;
      case ParameterizedType p ->
          Arrays.stream(p.getActualTypeArguments()).anyMatch(Probe::mentionsVariable)
              || p.getOwnerType() != null && mentionsVariable(p.getOwnerType());
      case GenericArrayType a -> mentionsVariable(a.getGenericComponentType());
      case WildcardType w ->
          Arrays.stream(w.getUpperBounds()).anyMatch(Probe::mentionsVariable)
              || Arrays.stream(w.getLowerBounds()).anyMatch(Probe::mentionsVariable);
      default -> false;
    };
  }
}
