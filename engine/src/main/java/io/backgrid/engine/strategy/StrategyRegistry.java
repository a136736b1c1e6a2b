package io.backgrid.engine.strategy;

import io.backgrid.engine.param.Declared;
import io.backgrid.engine.param.Params;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sleeve strategies by name: the built-ins by kebab-case name, user classes by fully qualified
 * class name.
 *
 * <p>Built-ins: {@code buy-and-hold} ({@link BuyAndHold}), {@code momentum} ({@link Momentum}),
 * {@code mean-reversion} ({@link MeanReversion}), {@code trend-following} ({@link TrendFollowing}),
 * {@code pairs} ({@link Pairs}), {@code target-weights} ({@link TargetWeights}, weights read from a
 * file); each class's javadoc gives its exact rule, parameters and warm-up.
 *
 * <p>User classes: a name that is not a built-in but contains a '.' is loaded as a class (binary
 * name such as {@code com.acme.Outer$Inner}, or the canonical {@code com.acme.Outer.Inner}) through
 * the thread's context class loader, falling back to this class's loader. It must be a public,
 * concrete class implementing {@link SleeveStrategy} with a public constructor {@code (Params, int
 * universeSize)}, which should validate the parameters and throw {@link IllegalArgumentException}
 * for bad ones.
 *
 * <p>Creating a strategy validates its parameters, so {@link #validate} is {@link #create} without
 * keeping the result.
 */
public final class StrategyRegistry {
  /**
   * A built-in: how to create it, its declared parameters, and whether it runs on a file the driver
   * reads (then its parameters are checked as written, without creating it).
   */
  private record BuiltIn(StrategyFactory factory, Declared params, boolean readsFile) {}

  private static final Map<String, BuiltIn> BUILT_INS = builtIns();

  private StrategyRegistry() {}

  private static Map<String, BuiltIn> builtIns() {
    Map<String, BuiltIn> m = new TreeMap<>();
    m.put(BuyAndHold.NAME, new BuiltIn(BuyAndHold::new, BuyAndHold.PARAMS, false));
    m.put(Momentum.NAME, new BuiltIn(Momentum::new, Momentum.PARAMS, false));
    m.put(MeanReversion.NAME, new BuiltIn(MeanReversion::new, MeanReversion.PARAMS, false));
    m.put(TrendFollowing.NAME, new BuiltIn(TrendFollowing::new, TrendFollowing.PARAMS, false));
    m.put(Pairs.NAME, new BuiltIn(Pairs::new, Pairs.PARAMS, false));
    m.put(TargetWeights.NAME, new BuiltIn(TargetWeights::new, TargetWeights.PARAMS, true));
    return Collections.unmodifiableMap(m);
  }

  /** The built-in names, sorted. */
  public static Set<String> names() {
    return BUILT_INS.keySet();
  }

  /** True when {@code name} is a built-in. */
  public static boolean isBuiltIn(String name) {
    return BUILT_INS.containsKey(name);
  }

  /**
   * The factory for a built-in name or a user class name; a user class is loaded and checked here.
   *
   * @throws IllegalArgumentException for an unknown name, a class that cannot be loaded, does not
   *     implement {@link SleeveStrategy} or has no public {@code (Params, int)} constructor
   */
  public static StrategyFactory factory(String name) {
    BuiltIn builtIn = name == null ? null : BUILT_INS.get(name);
    if (builtIn != null) {
      return builtIn.factory();
    }
    if (name == null || !name.contains(".")) {
      throw new IllegalArgumentException(
          "Unknown strategy '"
              + name
              + "'; known: "
              + String.join(", ", names())
              + " (or a class name implementing "
              + SleeveStrategy.class.getName()
              + ")");
    }
    return userFactory(name, loadClass(name));
  }

  /**
   * Creates a strategy for one sleeve, validating its parameters.
   *
   * @param name a built-in name or a fully qualified class name
   * @param params the strategy's parameters
   * @param universeSize number of symbols in the sleeve's universe, ≥ 1
   * @throws IllegalArgumentException for an unknown name, an unusable class, a bad universe size or
   *     invalid parameters (the message names the parameter, its value and the rule)
   */
  public static SleeveStrategy create(String name, Params params, int universeSize) {
    if (universeSize < 1) {
      throw new IllegalArgumentException(
          "Invalid universe size for strategy '" + name + "': " + universeSize + " (must be >= 1)");
    }
    return factory(name).create(params, universeSize);
  }

  /**
   * Checks a name and its parameters without running anything (creates and drops the strategy).
   *
   * @throws IllegalArgumentException as {@link #create}
   */
  public static void validate(String name, Params params, int universeSize) {
    create(name, params, universeSize);
  }

  /**
   * The parameters the built-in {@code name} declares (names, types, ranges, defaults, meanings).
   *
   * @throws IllegalArgumentException when {@code name} is not a built-in, listing the built-ins
   */
  public static Declared params(String name) {
    BuiltIn builtIn = BUILT_INS.get(name);
    if (builtIn == null) {
      throw new IllegalArgumentException(
          "Unknown built-in strategy '" + name + "'; known: " + String.join(", ", names()));
    }
    return builtIn.params();
  }

  /**
   * True when the built-in {@code name} runs on a file of weights the driver reads ({@code
   * target-weights}); false for any other name.
   */
  public static boolean readsFile(String name) {
    BuiltIn builtIn = BUILT_INS.get(name);
    return builtIn != null && builtIn.readsFile();
  }

  /**
   * Every problem of a name and its parameters at once (see {@link Params#problems}): a bad {@code
   * lookback} does not hide a bad {@code top}. A strategy that runs on a file ({@link #readsFile})
   * is checked against its declaration only, as the file is read later.
   *
   * @return the messages, as {@link #create} words them; empty when the strategy can be created
   */
  public static List<String> problems(String name, Params params, int universeSize) {
    if (readsFile(name)) {
      return params(name).problems(params, universeSize);
    }
    return params.problems(p -> create(name, p, universeSize));
  }

  private static Class<?> loadClass(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = StrategyRegistry.class.getClassLoader();
    }
    // Try the name as given, then as a canonical nested name (a.b.Outer.Inner -> a.b.Outer$Inner)
    String candidate = name;
    while (true) {
      try {
        return Class.forName(candidate, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        int dot = candidate.lastIndexOf('.');
        if (dot < 0 || e instanceof LinkageError) {
          throw new IllegalArgumentException(
              "Cannot load strategy class '"
                  + name
                  + "': "
                  + (e instanceof LinkageError ? e.toString() : "class not found"));
        }
        candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
      }
    }
  }

  private static StrategyFactory userFactory(String name, Class<?> type) {
    String invalid = "Invalid strategy class '" + name + "': ";
    if (!SleeveStrategy.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          invalid + "it does not implement " + SleeveStrategy.class.getName());
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(invalid + "it is abstract");
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new IllegalArgumentException(invalid + "it is not public");
    }
    Constructor<? extends SleeveStrategy> constructor;
    try {
      constructor = type.asSubclass(SleeveStrategy.class).getConstructor(Params.class, int.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          invalid + "it has no public constructor (" + Params.class.getName() + ", int)");
    }
    return (params, universeSize) -> instantiate(name, constructor, params, universeSize);
  }

  private static SleeveStrategy instantiate(
      String name,
      Constructor<? extends SleeveStrategy> constructor,
      Params params,
      int universeSize) {
    try {
      return constructor.newInstance(params, universeSize);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException(
          "Cannot create strategy '" + name + "': its constructor threw " + rethrowIfFatal(cause),
          cause);
    } catch (ExceptionInInitializerError e) {
      // the class's static initialiser threw (newInstance initialises the class on first use)
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException(
          "Cannot create strategy '"
              + name
              + "': its static initialiser threw "
              + rethrowIfFatal(cause),
          e);
    } catch (LinkageError e) {
      // e.g. NoClassDefFoundError after a failed static initialiser, or a missing dependency
      throw new IllegalArgumentException("Cannot create strategy '" + name + "': " + e, e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create strategy '" + name + "': " + e, e);
    }
  }

  /**
   * A plug-in's failure, reported as a bad configuration; the JVM's own failures ({@link
   * VirtualMachineError}: out of memory, stack overflow) say nothing about the configuration and
   * propagate.
   */
  private static Throwable rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    return t;
  }
}
