package dev.weir.internal.engine;

import java.lang.reflect.Method;
import java.util.Map;

/** The flows and tasks of one orchestrated class. */
record ClassDefinition(Class<?> type, Map<Method, FlowDefinition> flows, Map<Method, TaskDefinition> tasks) {}
