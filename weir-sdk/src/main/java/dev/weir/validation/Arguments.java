package dev.weir.validation;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/** Checks that arguments fit a method's parameters before they are validated. */
final class Arguments {
  private Arguments() {}

  /**
   * Throws unless {@code args} has one value per parameter, each an instance of the parameter's
   * type (boxed, for primitives) or null for a parameter that is not primitive.
   */
  static void check(Method method, Object[] args) {
    Class<?>[] types = method.getParameterTypes();
    if (args.length != types.length) {
      throw new IllegalArgumentException(
          "Cannot validate "
              + args.length
              + " arguments for "
              + signature(method)
              + ": it takes "
              + types.length);
    }
    for (int i = 0; i < types.length; i++) {
      Class<?> expected = MethodType.methodType(types[i]).wrap().returnType();
      if (args[i] == null ? types[i].isPrimitive() : !expected.isInstance(args[i])) {
        throw new IllegalArgumentException(
            "Argument "
                + i
                + " ('"
                + method.getParameters()[i].getName()
                + "') of "
                + signature(method)
                + (args[i] == null ? " is null" : " is a " + args[i].getClass().getName())
                + "; accepted: "
                + (types[i].isPrimitive() ? types[i].getName() : expected.getName() + " or null"));
      }
    }
  }

  static String signature(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }
}
